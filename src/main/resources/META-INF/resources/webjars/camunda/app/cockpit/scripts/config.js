// Security Release Orchestrator: the header and the window title name the service, "Security
// Release Orchestrator <app>", rather than "Camunda <app>" (docs/webapps.md).
export default {
  // sign-in and sign-out through the identity provider, with single sign-on only (SingleSignOn)
  customScripts: ['scripts/sso'],

  app: {
    vendor: 'Security Release Orchestrator'
  }
};
