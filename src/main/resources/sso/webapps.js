// Security Release Orchestrator, with single sign-on only: WebappScript serves this file as
// scripts/sso.js of each webapp, whose config.js names it (without single sign-on, a module that
// does nothing). Signing in and out is the identity provider's, so the webapps' own password form
// and logout must not be the way.

// The menu's "Log out": the service's POST /logout, which ends the session here and at the
// provider (its end-session endpoint), rather than the webapps' own call, which ends it here
// only. A form could not follow the redirect to the provider (the webapps' Content-Security-Policy
// has form-action 'self'): the service answers this call with the address, and the page goes there.
document.addEventListener('click', async event => {
  if (!(event.target instanceof Element) || !event.target.closest('li.logout a')) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  const answer = await fetch('/logout', {method: 'POST', headers: {Accept: 'application/json'}});
  window.location.assign(answer.ok ? (await answer.json()).location : '/');
}, true);

// The password form (the route #/login, where the webapps go on a 401: the session has ended or
// timed out): the page loaded afresh instead, which the service sends to the provider's sign-in
// and, signed in, back here. Once in ten seconds at most, so that a refusal shows rather than loops.
function signInAtProvider() {
  const last = Number(sessionStorage.getItem('sso-sign-in') || 0);
  if (window.location.hash.startsWith('#/login') && Date.now() - last > 10000) {
    sessionStorage.setItem('sso-sign-in', String(Date.now()));
    window.location.replace(window.location.pathname);
  }
}
window.addEventListener('hashchange', signInAtProvider);
signInAtProvider();

export default [];
