// The token page: lists, creates and revokes the signed-in user's personal API tokens (and,
// for the security team, everyone's) through /api/v1/tokens, with the session of the Camunda
// webapps. Every request says it is the page's (X-Requested-With): the service counts the
// session for nothing else. Every value is put on the page as text, never as markup.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const API = "/api/v1/tokens";
  const PAGE = { "X-Requested-With": "XMLHttpRequest", "Accept": "application/json" };
  const form = document.getElementById("create");
  const errors = document.getElementById("errors");
  const created = document.getElementById("created");
  const secret = document.getElementById("secret");
  const copied = document.getElementById("copied");

  function call(method, path, body) {
    const headers = body === undefined ? PAGE : { ...PAGE, "Content-Type": "application/json" };
    return fetch(path, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function signedOut() {
    document.getElementById("signin").hidden = false;
    document.getElementById("mine").hidden = true;
    document.getElementById("team").hidden = true;
    created.hidden = true;
    secret.textContent = "";
  }

  function showErrors(heading, problems) {
    errors.replaceChildren();
    const title = document.createElement("p");
    title.textContent = heading;
    const list = document.createElement("ul");
    for (const problem of problems) {
      const item = document.createElement("li");
      item.textContent = problem.field ? `${problem.field}: ${problem.message}` : problem.message;
      list.append(item);
    }
    errors.append(title, list);
    errors.hidden = false;
    errors.focus();
  }

  async function refused(response, heading) {
    if (response.status === 401) {
      signedOut();
      return;
    }
    const answer = await response.json().catch(() => ({}));
    showErrors(heading, Array.isArray(answer.errors) ? answer.errors
      : [{ message: answer.detail || `HTTP ${response.status}` }]);
  }

  function localTime(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "";
  }

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text;
    row.append(td);
    return td;
  }

  function state(token) {
    if (token.revokedAt) return `revoked ${localTime(token.revokedAt)} by ${token.revokedBy}`;
    return new Date(token.expiresAt) <= new Date() ? "expired" : "active";
  }

  function render(table, tokens, withOwner) {
    const body = table.querySelector("tbody");
    body.replaceChildren();
    for (const token of tokens) {
      const row = document.createElement("tr");
      row.dataset.id = token.id;
      const current = state(token);
      if (current !== "active") row.className = token.revokedAt ? "revoked" : "expired";
      if (withOwner) cell(row, token.owner);
      cell(row, token.name);
      cell(row, token.scopes.join(", "));
      cell(row, localTime(token.createdAt));
      cell(row, localTime(token.expiresAt));
      cell(row, token.lastUsedOn ? `${token.lastUsedOn} from ${token.lastUsedFrom}` : "never");
      cell(row, current);
      const actions = cell(row, "");
      if (!token.revokedAt) {
        const revoke = document.createElement("button");
        revoke.type = "button";
        revoke.className = "revoke";
        revoke.textContent = "Revoke";
        revoke.addEventListener("click", () => revokeToken(token));
        actions.append(revoke);
      }
      body.append(row);
    }
    table.hidden = tokens.length === 0;
  }

  async function load() {
    const mine = await call("GET", API);
    if (!mine.ok) {
      await refused(mine, "Your tokens could not be read:");
      return;
    }
    const tokens = await mine.json();
    document.getElementById("signin").hidden = true;
    document.getElementById("mine").hidden = false;
    render(document.getElementById("tokens"), tokens, false);
    document.getElementById("none").hidden = tokens.length > 0;
    // everyone's for the security team; anyone else is refused (403) and sees only their own
    const all = await call("GET", `${API}?all=true`);
    document.getElementById("team").hidden = !all.ok;
    if (all.ok) render(document.getElementById("all"), await all.json(), true);
  }

  async function revokeToken(token) {
    const whose = token.owner ? ` of ${token.owner}` : "";
    if (!window.confirm(`Revoke the token "${token.name}"${whose}? Scripts using it stop working at once.`)) return;
    errors.hidden = true;
    const response = await call("DELETE", `${API}/${encodeURIComponent(token.id)}`);
    if (response.status !== 204) {
      await refused(response, "The token was not revoked:");
      return;
    }
    await load();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.hidden = true;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const scopes = [...form.querySelectorAll("input[name=scopes]:checked")].map((box) => box.value);
      const response = await call("POST", API, { name: form.elements.name.value.trim(), scopes,
        days: Number(form.elements.days.value) });
      if (response.status !== 201) {
        await refused(response, "The token was not created. Please correct:");
        return;
      }
      const answer = await response.json();
      secret.textContent = answer.token;
      copied.hidden = true;
      created.hidden = false;
      form.elements.name.value = "";
      await load();
      created.scrollIntoView({ block: "start" });
    } catch (failure) {
      showErrors("The service is not reachable:", [{ message: "please try again." }]);
    } finally {
      button.disabled = false;
    }
  });

  // the clipboard needs a secure context (HTTPS or localhost); elsewhere the text is selected to copy by hand
  document.getElementById("copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(secret.textContent);
      copied.textContent = "Copied.";
    } catch (failure) {
      window.getSelection().selectAllChildren(secret);
      copied.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
    copied.hidden = false;
  });

  document.getElementById("done").addEventListener("click", () => {
    secret.textContent = "";
    created.hidden = true;
  });

  load().catch(() => showErrors("The service is not reachable:", [{ message: "please reload the page." }]));
});
