"use strict";
(function () {
  const token = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const api = "/api/chat/" + encodeURIComponent(token);
  const el = (id) => document.getElementById(id);
  const list = el("messages"), form = el("answer-form"), answer = el("answer");
  const status = el("status"), error = el("error"), progress = el("progress");
  let shown = 0, pollTimer = null, busy = false;

  function render(state) {
    el("title").textContent = state.organisation + " · Exit interview";
    document.documentElement.lang = state.locale || "en";
    for (; shown < state.messages.length; shown++) {
      const m = state.messages[shown];
      const li = document.createElement("li");
      li.className = m.role + " " + m.kind;
      li.textContent = m.kind === "skipped" ? "(skipped)" : m.kind === "stopped" ? "(stopped the interview)" : m.text;
      list.appendChild(li);
    }
    const open = state.status === "invited" || state.status === "in_progress";
    if (state.awaiting) {
      progress.textContent = "Question " + state.awaiting.questionNumber + " of " + state.awaiting.questionCount;
      status.textContent = "";
      form.hidden = false;
      el("skip").hidden = state.awaiting.kind !== "question" && state.awaiting.kind !== "follow_up";
      if (!busy) { answer.focus(); }
    } else {
      form.hidden = true;
      status.textContent = open ? "ExitBot is thinking…" : "This interview is finished. Thank you.";
      if (!open) { progress.textContent = ""; }
    }
    clearTimeout(pollTimer);
    if (open && !state.awaiting) { pollTimer = setTimeout(load, 1500); }
  }

  function showError(problem) {
    error.hidden = false;
    error.textContent = (problem && (problem.detail || problem.title)) || "Something went wrong. Please try again.";
  }

  async function call(method, url, body) {
    const response = await fetch(url, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: "omit",
      referrerPolicy: "no-referrer"
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) { throw data || { title: response.statusText }; }
    return data;
  }

  async function load() {
    try { render(await call("GET", api)); }
    catch (problem) { form.hidden = true; status.textContent = ""; showError(problem); }
  }

  async function act(path, body) {
    busy = true; error.hidden = true;
    form.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    try {
      render(await call("POST", api + path, body));
      if (path === "/messages") { answer.value = ""; }
    } catch (problem) { showError(problem); }
    finally {
      busy = false;
      form.querySelectorAll("button").forEach((b) => { b.disabled = false; });
    }
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); act("/messages", { text: answer.value }); });
  el("skip").addEventListener("click", () => act("/skip"));
  el("stop").addEventListener("click", () => {
    if (confirm("Stop the interview? The answers you gave so far are kept.")) { act("/stop"); }
  });
  load();
})();
