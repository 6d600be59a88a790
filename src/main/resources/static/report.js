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

  // "reporter.email" -> the field named so, and the text of its label
  function fieldFor(path) {
    return form.querySelector(`[name="${CSS.escape(path)}"]`);
  }

  function labelOf(field, path) {
    const label = field && form.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    return label ? label.firstChild.textContent.trim() : path;
  }

  function showErrors(problems) {
    for (const marked of form.querySelectorAll("[aria-invalid]")) marked.removeAttribute("aria-invalid");
    errors.replaceChildren();
    const heading = document.createElement("p");
    heading.textContent = "The report was not sent. Please correct:";
    const list = document.createElement("ul");
    for (const problem of problems) {
      const field = problem.field ? fieldFor(problem.field) : null;
      if (field) field.setAttribute("aria-invalid", "true");
      const item = document.createElement("li");
      item.textContent = problem.field ? `${labelOf(field, problem.field)}: ${problem.message}` : problem.message;
      list.append(item);
    }
    errors.append(heading, list);
    errors.hidden = false;
    errors.scrollIntoView({ behavior: "smooth", block: "start" });
    errors.focus();
  }

  // "Thursday, 26 November 2026 at 14:00 UTC" in the reader's language and zone. (dateStyle
  // with timeZoneName is refused by browsers with a TypeError.)
  function localTime(iso) {
    try {
      return new Date(iso).toLocaleString(undefined, { weekday: "long", year: "numeric", month: "long",
        day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    } catch (failure) {
      return iso;
    }
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
        document.getElementById("dueBy").textContent = localTime(answer.acknowledgementDueBy);
        form.hidden = true;
        result.hidden = false;
      } else if (Array.isArray(answer.errors)) {
        showErrors(answer.errors);
      } else {
        showErrors([{ message: answer.detail || `The report could not be sent (HTTP ${response.status}).` }]);
      }
    } catch (failure) {
      showErrors([{ message: "The report could not be sent: the service is not reachable. Please try again." }]);
    } finally {
      button.disabled = false;
    }
  });
});
