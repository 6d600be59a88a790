// Posts the report form to the public intake API and shows the case ID. Every value is put
// on the page as text, never as markup.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("report");
  const errors = document.getElementById("errors");
  const result = document.getElementById("result");

  function report() {
    const body = { environment: {}, reporter: {} };
    for (const field of form.elements) {
      if (!field.name) continue;
      const value = field.type === "checkbox" ? field.checked : field.value.trim();
      if (value === "") continue;
      const [outer, inner] = field.name.split(".");
      if (inner) body[outer][inner] = value; else body[outer] = value;
    }
    if (Object.keys(body.environment).length === 0) delete body.environment;
    return body;
  }

  function showErrors(lines) {
    errors.replaceChildren();
    const list = document.createElement("ul");
    for (const line of lines) {
      const item = document.createElement("li");
      item.textContent = line;
      list.append(item);
    }
    errors.append(list);
    errors.hidden = false;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.hidden = true;
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const response = await fetch("/api/v1/reports", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(report()),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.status === 201) {
        document.getElementById("caseId").textContent = answer.caseId;
        document.getElementById("dueBy").textContent = new Date(answer.acknowledgementDueBy).toString();
        form.hidden = true;
        result.hidden = false;
      } else if (Array.isArray(answer.errors)) {
        showErrors(answer.errors.map((e) => `${e.field}: ${e.message}`));
      } else {
        showErrors([answer.detail || `The report could not be sent (HTTP ${response.status}).`]);
      }
    } catch (failure) {
      showErrors(["The report could not be sent: the service is not reachable. Please try again."]);
    } finally {
      button.disabled = false;
    }
  });
});
