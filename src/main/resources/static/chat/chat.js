"use strict";
(function () {
  const T = JSON.parse(document.getElementById("texts").textContent);
  const fmt = (text, ...args) => text.replace(/\{(\d)\}/g, (match, i) => (args[i] !== undefined ? args[i] : match));
  const token = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const api = "/api/chat/" + encodeURIComponent(token);
  const $ = (id) => document.getElementById(id);
  const list = $("messages"), answer = $("answer"), counter = $("counter"), status = $("status");
  const rendered = new Map();
  let state = null, draft = null, pollTimer = null, streaming = false, busy = false, preparingSummary = false;

  function show(id, visible) { $(id).hidden = !visible; }
  function isOpen(s) { return s.status === "invited" || s.status === "in_progress"; }
  function isScripted(m) { return m.kind === "scripted_follow_up" || m.kind === "acknowledgement"; }

  function textOf(m) {
    if (m.kind === "skipped") { return T.skipped; }
    if (m.kind === "stopped") { return T.stopped; }
    return m.text;
  }

  function renderMessages(s) {
    for (const m of s.messages) {
      let item = rendered.get(m.id);
      if (!item) {
        if (draft) { draft.remove(); draft = null; }
        item = document.createElement("li");
        item.className = m.role + " " + m.kind;
        const who = document.createElement("span");
        who.className = "visually-hidden";
        who.textContent = (m.role === "bot" ? T.bot : T.you) + ": ";
        const body = document.createElement("span");
        body.className = "text";
        item.append(who, body);
        if (isScripted(m)) {
          const marker = document.createElement("span");
          marker.className = "marker";
          marker.textContent = T.scripted;
          item.append(marker);
        }
        list.appendChild(item);
        rendered.set(m.id, item);
      }
      item.querySelector(".text").textContent = textOf(m);
    }
  }

  function renderReview(s) {
    const review = $("review-list");
    review.replaceChildren();
    let prompt = null;
    for (const m of s.messages) {
      if (m.kind === "question" || m.kind === "follow_up" || m.kind === "scripted_follow_up") { prompt = m; continue; }
      if (m.kind !== "answer") { continue; }
      const item = document.createElement("li");
      const question = document.createElement("p");
      question.className = "prompt";
      question.textContent = fmt(T["review.question"], m.questionNumber) + " · " + (prompt ? prompt.text : "");
      const text = document.createElement("p");
      text.className = "reply";
      text.textContent = m.text + (m.edited ? " " + T["review.edited"] : "");
      const edit = document.createElement("button");
      edit.type = "button";
      edit.className = "secondary edit";
      edit.textContent = T["review.edit"];
      edit.setAttribute("aria-label", T["review.edit"] + ": " + fmt(T["review.question"], m.questionNumber));
      edit.addEventListener("click", () => editAnswer(item, m));
      item.append(question, text, edit);
      review.appendChild(item);
    }
  }

  /** Replaces a text and its buttons with an editor; Save sends the text, Cancel renders again. */
  function openEditor(item, text, rows, maxLength, label, save, cancel) {
    const area = document.createElement("textarea");
    area.value = text;
    area.rows = rows;
    area.maxLength = maxLength;
    area.setAttribute("aria-label", label);
    const saveButton = document.createElement("button");
    saveButton.type = "button";
    saveButton.className = "save";
    saveButton.textContent = T["review.save"];
    const cancelButton = document.createElement("button");
    cancelButton.type = "button";
    cancelButton.className = "secondary";
    cancelButton.textContent = T["review.cancel"];
    const actions = document.createElement("div");
    actions.className = "actions";
    actions.append(saveButton, cancelButton);
    item.querySelector(".reply").replaceWith(area);
    item.querySelector(".edit").replaceWith(actions);
    item.querySelectorAll(".remove").forEach((button) => button.remove());
    area.focus();
    saveButton.addEventListener("click", () => save(area.value));
    cancelButton.addEventListener("click", cancel);
  }

  function editAnswer(item, m) {
    openEditor(item, m.text, 4, Number(counter.dataset.max), fmt(T["review.question"], m.questionNumber),
      (text) => act("PUT", "/answers/" + m.id, { text: text }), () => renderReview(state));
  }

  function renderSummary(s) {
    const summary = s.summary;
    const anonymous = summary.kind === "comments";
    $("summary-help").hidden = anonymous;
    $("summary-help-anonymous").hidden = !anonymous;
    $("summary-automatic").hidden = !summary.automatic || anonymous;
    const items = $("summary-list");
    items.replaceChildren();
    for (const statement of summary.statements) {
      const item = document.createElement("li");
      const label = fmt(T["summary.statement"], statement.position + 1);
      const text = document.createElement("p");
      text.className = "reply" + (statement.removed ? " removed" : "");
      text.textContent = statement.text + (statement.removed ? " " + T[anonymous ? "summary.removedAnonymous" : "summary.removed"]
        : statement.corrected ? " " + T["summary.corrected"] : "");
      const edit = document.createElement("button");
      edit.type = "button";
      edit.className = "secondary edit";
      edit.textContent = T["review.edit"];
      edit.setAttribute("aria-label", T["review.edit"] + ": " + label);
      edit.addEventListener("click", () => editStatement(item, statement, summary.version));
      const actions = document.createElement("div");
      actions.className = "actions";
      actions.append(edit);
      if (!statement.removed) {
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "secondary remove";
        remove.textContent = T["summary.remove"];
        remove.setAttribute("aria-label", T["summary.remove"] + ": " + label);
        remove.addEventListener("click", () => act("PUT", "/summary/statements/" + statement.position,
          { removed: true, version: summary.version }));
        actions.append(remove);
      }
      item.append(text, actions);
      items.appendChild(item);
    }
    const themes = $("summary-themes");
    themes.replaceChildren();
    const removedThemes = summary.removedThemes || [];
    for (const code of summary.themes.concat(removedThemes)) {
      const removed = removedThemes.includes(code);
      const name = T["theme." + code] || code.replace(/_/g, " ");
      const theme = document.createElement("li");
      theme.dataset.theme = code;
      const text = document.createElement("span");
      text.className = removed ? "removed" : "";
      text.textContent = name + (removed ? " " + T[anonymous ? "summary.removedAnonymous" : "summary.removed"] : "");
      const change = document.createElement("button");
      change.type = "button";
      change.className = "secondary " + (removed ? "put-back" : "remove");
      change.textContent = T[removed ? "summary.putBack" : "summary.remove"];
      change.setAttribute("aria-label", change.textContent + ": " + name);
      change.addEventListener("click", () => act("PUT", "/summary/themes/" + code,
        { removed: !removed, version: summary.version }));
      theme.append(text, " ", change);
      themes.appendChild(theme);
    }
    if (!summary.themes.length && !removedThemes.length) {
      const none = document.createElement("li");
      none.textContent = T["summary.noThemes"];
      themes.appendChild(none);
    }
  }

  function editStatement(item, statement, version) {
    openEditor(item, statement.text, 3, 1000, fmt(T["summary.statement"], statement.position + 1),
      (text) => act("PUT", "/summary/statements/" + statement.position, { text: text, version: version }),
      () => renderSummary(state));
  }

  function lastMessageId(s) { return Math.max(0, ...(s.messages || []).map((m) => m.id)); }

  /**
   * Whether s is older than the state shown: a reply's response can arrive after the event that carried the state
   * after it (the follow-up, computed meanwhile), and an open conversation's messages only ever grow.
   */
  function older(s) { return state !== null && isOpen(state) && isOpen(s) && lastMessageId(s) < lastMessageId(state); }

  function render(s) {
    if (older(s)) { return; }
    state = s;
    document.documentElement.lang = s.locale || "en";
    const open = isOpen(s);
    const reviewing = open && s.awaiting && s.awaiting.kind === "review";
    const checking = open && s.awaiting && s.awaiting.kind === "summary" && s.summary;
    show("intro", open && !s.consented);
    show("conversation", s.consented || !open);
    show("review", reviewing);
    show("summary", checking);
    show("done", !open);
    $("who-sees-attributed").hidden = s.visibility !== "attributed";
    // where the employee chooses, what anonymous means stands by the choice, before they make it
    $("who-sees-anonymous").hidden = s.visibility !== "anonymous" || s.visibilityChoice;
    $("visibility-choice").hidden = !s.visibilityChoice;
    const chosen = document.querySelector("input[name=visibility][value=" + s.visibility + "]");
    if (chosen && !document.querySelector("input[name=visibility]:checked")) { chosen.checked = true; }
    renderMessages(s);
    const afterQuestions = s.awaiting && (s.awaiting.kind === "review" || s.awaiting.kind === "summary");
    const asking = open && s.awaiting && !afterQuestions;
    $("answer-form").hidden = !asking;
    $("progress").textContent = s.consented && s.awaiting && !afterQuestions ? fmt(T.progress, s.awaiting.questionNumber, s.awaiting.questionCount) : "";
    if (s.awaiting) { preparingSummary = s.awaiting.kind === "review"; }
    status.textContent = open && s.consented && !s.awaiting ? (preparingSummary ? T["summary.waiting"] : T.thinking) : "";
    if (reviewing) { renderReview(s); }
    if (checking) { renderSummary(s); }
    if (!open) {
      $("done-text").textContent = s.status === "stopped" ? T["done.stopped"]
        : s.status === "completed" || s.status === "closed" ? T["done.completed"] : T["done.expired"];
    }
    clearTimeout(pollTimer);
    if (open && s.consented && !s.awaiting) { pollTimer = setTimeout(load, streaming ? 10000 : 2000); }
    if (asking && !busy && document.activeElement !== answer) { answer.focus(); }
  }

  function showDraft(text) {
    if (!draft) {
      draft = document.createElement("li");
      draft.className = "bot follow_up draft";
      draft.setAttribute("aria-busy", "true");
      list.appendChild(draft);
    }
    draft.textContent = text;
    status.textContent = "";
  }

  function showError(problem) {
    const error = $("error");
    error.hidden = false;
    error.textContent = (problem && problem.status === 429) ? T["error.slow"]
      : (problem && (problem.detail || problem.title)) || T["error.generic"];
  }

  async function call(method, path, body) {
    const response = await fetch(api + path, {
      method: method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: "omit",
      referrerPolicy: "no-referrer"
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) { throw data || { status: response.status, title: response.statusText }; }
    return data;
  }

  async function load() {
    try { render(await call("GET", "")); $("error").hidden = true; }
    catch (problem) { showError(problem); }
  }

  async function act(method, path, body) {
    busy = true;
    $("error").hidden = true;
    document.querySelectorAll("main button").forEach((b) => { b.disabled = true; });
    try {
      const next = await call(method, path, body);
      if (path === "/messages") { answer.value = ""; updateCounter(); }
      render(next);
    } catch (problem) {
      // a stale page (another tab answered first): show where the conversation is; the typed text stays
      if (problem && problem.status === 409 && problem.state) { render(problem.state); }
      showError(problem);
    } finally {
      busy = false;
      document.querySelectorAll("main button").forEach((b) => { b.disabled = false; });
      if (!$("answer-form").hidden) { answer.focus(); }
    }
  }

  /** The question or follow-up this page shows as asked: a reply names it, so a stale tab cannot answer the next. */
  function askedId() { return state && state.awaiting ? state.awaiting.messageId : null; }

  function updateCounter() {
    counter.textContent = fmt(T.characters, [...answer.value].length, counter.dataset.max);
  }

  function listen() {
    if (!window.EventSource) { return; }
    const events = new EventSource(api + "/events");
    // a state event carries the state, or {} when the server could not read it: then the page fetches it
    const update = (e) => { const s = JSON.parse(e.data || "{}"); if (s.status) { render(s); } else { load(); } };
    events.addEventListener("ready", (e) => { streaming = true; update(e); });
    events.addEventListener("state", update);
    events.addEventListener("draft", (e) => showDraft(JSON.parse(e.data).text));
    events.onerror = () => {
      streaming = false;
      if (state && isOpen(state) && state.consented && !state.awaiting) { clearTimeout(pollTimer); pollTimer = setTimeout(load, 2000); }
    };
  }

  $("consent-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const chosen = document.querySelector("input[name=visibility]:checked");
    act("POST", "/consent", state && state.visibilityChoice && chosen ? { visibility: chosen.value } : {});
  });
  document.querySelectorAll("input[name=visibility]").forEach((radio) => radio.addEventListener("change", () => {
    $("who-sees-attributed").hidden = radio.value !== "attributed";
  }));
  $("decline").addEventListener("click", () => { if (confirm(T["decline.confirm"])) { act("POST", "/stop"); } });
  $("answer-form").addEventListener("submit", (e) => { e.preventDefault(); act("POST", "/messages", { text: answer.value, inReplyTo: askedId() }); });
  answer.addEventListener("input", updateCounter);
  answer.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); $("answer-form").requestSubmit(); }
  });
  $("skip").addEventListener("click", () => act("POST", "/skip", { inReplyTo: askedId() }));
  $("stop").addEventListener("click", () => { if (confirm(T["stop.confirm"])) { act("POST", "/stop"); } });
  $("finish").addEventListener("click", () => act("POST", "/finish"));
  $("confirm-summary").addEventListener("click", () => act("POST", "/summary/confirm", { version: state.summary.version }));
  $("erase").addEventListener("click", async () => {
    if (!confirm(T["erase.confirm"])) { return; }
    try {
      const response = await fetch(api + "/erase", { method: "POST", credentials: "omit", referrerPolicy: "no-referrer" });
      if (!response.ok) { throw await response.json().catch(() => ({ status: response.status })); }
      clearTimeout(pollTimer);
      list.replaceChildren();
      ["intro", "conversation", "review", "summary"].forEach((id) => show(id, false));
      $("done-text").textContent = T["erase.erased"];
      $("erase").hidden = true;
      $("erase-offer").hidden = true;
      show("done", true);
    } catch (problem) { showError(problem); }
  });
  updateCounter();
  listen();
  load();
})();
