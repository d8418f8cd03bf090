/*
 * <rapport-chat>: the rapport-qa chat widget, a framework-free custom element.
 *
 * Embed with one tag:  <script src="https://rapport.example/static/widget.js" defer></script>
 * and place <rapport-chat></rapport-chat> (or let the script add a launcher; see below).
 *
 * Attributes: api-base (default: the origin this script was loaded from),
 *             mode="launcher"|"inline" (default launcher), report (optional report id),
 *             title (heading of the chat panel).
 *
 * Safety rule: every string that comes from the server is rendered with textContent or
 * createTextNode. This file never assigns innerHTML.
 */
(() => {
  "use strict";

  const SCRIPT_ORIGIN = (() => {
    try {
      return new URL(document.currentScript.src, location.href).origin;
    } catch (_err) {
      return location.origin;
    }
  })();

  const TEXT = {
    title: "Fråga rapporterna",
    open: "Öppna chatten om projektrapporterna",
    close: "Stäng chatten",
    placeholder: "Skriv en fråga om projekten …",
    label: "Din fråga",
    send: "Skicka",
    log: "Samtal med rapporttjänsten",
    thinking: "Söker i rapporterna …",
    cannot: "Det framgår inte av rapporterna",
    suggestions: "Närliggande avsnitt som kanske hjälper:",
    sources: "Källor",
    figures: "Uppgifter",
    up: "Bra svar",
    down: "Dåligt svar",
    thanks: "Tack för din återkoppling!",
    feedbackFailed: "Återkopplingen kunde inte sparas.",
    network: "Tjänsten kunde inte nås. Försök igen om en stund.",
    reset: "Det tidigare samtalet hade gått ut, så ett nytt samtal har påbörjats.",
    context: "Tolkat som en fråga om projektet: ",
    report: "Rapport",
    project: "Projekt",
    section: "Avsnitt",
    passage: "Utdrag",
    comment: "Vad var fel? (valfritt)",
    showSource: "Visa källa",
    welcome: "Ställ en fråga om stadens EU-finansierade projekt, till exempel om budget, projektledare eller lärdomar.",
  };

  const FIELD_LABELS = {
    total_budget: "Total budget", eu_funding: "EU-stöd", fund: "Fond", owner: "Projektägare",
    manager: "Projektledare", start_date: "Startdatum", end_date: "Slutdatum", status: "Status",
    participants: "Deltagare", goal: "Mål", outcome: "Utfall", share: "Andel", count: "Antal",
    amount: "Belopp", co_financing: "Medfinansiering",
  };

  const CSS = `
:host { all: initial; display: block; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d2330; --accent: #0a5c8a; --accent-text: #fff; --muted: #5b6474; --line: #d7dce3; }
:host([mode="launcher"]), :host(:not([mode])) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.launcher { border: 0; border-radius: 999px; padding: 12px 18px; background: var(--accent); color: var(--accent-text);
  box-shadow: 0 4px 14px rgba(0,0,0,.25); font-weight: 600; }
.panel { display: flex; flex-direction: column; background: #fff; border: 1px solid var(--line); border-radius: 12px;
  overflow: hidden; width: 100%; min-width: 0; }
.panel[hidden] { display: none; }
.launcher-panel { position: fixed; right: 16px; bottom: 76px; width: min(400px, calc(100vw - 16px));
  height: min(600px, calc(100vh - 96px)); box-shadow: 0 8px 30px rgba(0,0,0,.25); }
.inline-panel { height: 560px; max-height: 80vh; }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 10px 14px;
  background: var(--accent); color: var(--accent-text); }
h2 { font-size: 16px; margin: 0; }
.close { border: 0; background: transparent; color: inherit; font-size: 22px; line-height: 1; padding: 2px 8px; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; min-height: 0; }
.msg { max-width: 100%; padding: 8px 12px; border-radius: 10px; overflow-wrap: anywhere; }
.user { align-self: flex-end; background: #e6f0f7; max-width: 85%; white-space: pre-wrap; }
.bot { align-self: stretch; background: #f6f7f9; border: 1px solid var(--line); }
.bot.abstained { background: #fff8e6; border-color: #e3b341; }
.bot.error { background: #fdecec; border-color: #d9534f; }
.badge { display: inline-flex; gap: 6px; align-items: center; font-weight: 600; color: #7a5200; margin-bottom: 4px; }
.answer { white-space: pre-wrap; }
.note { color: var(--muted); font-size: 13px; margin: 4px 0; }
.status { color: var(--muted); font-style: italic; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.chip { border: 1px solid var(--accent); background: #fff; color: var(--accent); border-radius: 999px;
  padding: 2px 10px; font-size: 13px; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chip[aria-expanded="true"] { background: var(--accent); color: var(--accent-text); }
.source { margin-top: 8px; padding: 8px 10px; background: #fff; border-left: 3px solid var(--accent); font-size: 13px; }
.source[hidden] { display: none; }
.source dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0 0 6px; }
.source dt { color: var(--muted); }
.source dd { margin: 0; }
.passage { white-space: pre-wrap; margin: 0; }
mark { background: #ffe58a; color: inherit; padding: 0 1px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; font-size: 13px; }
caption { text-align: left; font-weight: 600; margin-bottom: 2px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
.feedback { display: flex; gap: 6px; align-items: center; margin-top: 8px; font-size: 13px; color: var(--muted); }
.feedback button { border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 2px 8px; }
.feedback button[aria-pressed="true"] { background: #e6f0f7; border-color: var(--accent); }
.comment { display: flex; gap: 6px; margin-top: 6px; }
.comment[hidden] { display: none; }
.comment textarea { font-size: 13px; }
.send-comment { border: 0; border-radius: 6px; padding: 0 10px; background: var(--accent); color: var(--accent-text); }
.ref { border: 0; background: none; color: var(--accent); padding: 0 1px; font: inherit; text-decoration: underline; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid var(--line); }
textarea { flex: 1; min-width: 0; resize: none; font: inherit; padding: 8px; border: 1px solid #9aa3b0; border-radius: 8px; }
.send { border: 0; border-radius: 8px; padding: 0 14px; background: var(--accent); color: var(--accent-text); font-weight: 600; }
.send:disabled { opacity: .6; cursor: progress; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 420px) { .launcher-panel { right: 8px; bottom: 70px; } }
`;

  let sheet = null;

  function styleFor(root) {
    // A constructed stylesheet is not an inline <style>, so a strict host CSP still applies it.
    if ("adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement("style");
      style.textContent = CSS;
      root.appendChild(style);
    }
  }

  /** Create an element with attributes and text children (text only, never markup). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function formatValue(figure) {
    const { value, unit } = figure;
    if (typeof value === "number") {
      const number = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }).format(value);
      return unit ? `${number} ${unit}` : number;
    }
    return unit ? `${value} ${unit}` : String(value);
  }

  /** Split ``text`` into [before, quote, after] by code points, so offsets from Python match. */
  function splitQuote(citation) {
    const chars = Array.from(citation.text || "");
    let from = -1;
    let to = -1;
    if (Number.isInteger(citation.quote_start) && Number.isInteger(citation.quote_end)) {
      from = citation.quote_start - citation.start;
      to = citation.quote_end - citation.start;
    }
    if (!(from >= 0 && to > from && to <= chars.length) && citation.quote) {
      const at = (citation.text || "").indexOf(citation.quote);
      if (at >= 0) {
        from = Array.from(citation.text.slice(0, at)).length;
        to = from + Array.from(citation.quote).length;
      }
    }
    if (!(from >= 0 && to > from && to <= chars.length)) return [chars.join(""), "", ""];
    return [chars.slice(0, from).join(""), chars.slice(from, to).join(""), chars.slice(to).join("")];
  }

  let uid = 0;

  class RapportChat extends HTMLElement {
    static get observedAttributes() {
      return ["title", "mode"];
    }

    constructor() {
      super();
      this.conversationId = null;
      this.busy = false;
      this.root = this.attachShadow({ mode: "open" });
      styleFor(this.root);
      this.id_ = `rc${++uid}`;
    }

    get apiBase() {
      return (this.getAttribute("api-base") || SCRIPT_ORIGIN).replace(/\/+$/, "");
    }

    get mode() {
      return this.getAttribute("mode") === "inline" ? "inline" : "launcher";
    }

    connectedCallback() {
      if (!this.built) this.build();
    }

    attributeChangedCallback(name) {
      if (!this.built) return;
      if (name === "title") this.heading.textContent = this.getAttribute("title") || TEXT.title;
    }

    build() {
      this.built = true;
      const title = this.getAttribute("title") || TEXT.title;
      const panelId = `${this.id_}-panel`;
      this.heading = el("h2", { id: `${this.id_}-title`, text: title });
      const header = el("header", {}, this.heading);
      this.log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": TEXT.log,
        "aria-relevant": "additions text" });
      this.log.appendChild(el("p", { class: "note", text: TEXT.welcome }));
      this.input = el("textarea", { id: `${this.id_}-q`, class: "question", rows: 2, maxlength: 2000,
        placeholder: TEXT.placeholder, "aria-label": TEXT.label });
      this.sendButton = el("button", { type: "submit", class: "send", text: TEXT.send });
      this.form = el("form", { "aria-label": TEXT.label }, this.input, this.sendButton);
      this.panel = el("section", { id: panelId, class: "panel", "aria-labelledby": this.heading.id }, header,
        this.log, this.form);
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.submit();
      });
      this.input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.submit();
        }
      });
      if (this.mode === "launcher") {
        this.launcher = el("button", { type: "button", class: "launcher", "aria-expanded": "false",
          "aria-controls": panelId, "aria-label": TEXT.open, text: title });
        this.launcher.addEventListener("click", () => this.toggle(this.panel.hidden));
        const close = el("button", { type: "button", class: "close", "aria-label": TEXT.close, text: "×" });
        close.addEventListener("click", () => this.toggle(false));
        header.appendChild(close);
        this.panel.classList.add("launcher-panel");
        this.panel.setAttribute("role", "dialog");
        this.panel.hidden = true;
        this.panel.addEventListener("keydown", (event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            this.toggle(false);
          }
        });
        this.root.append(this.launcher, this.panel);
      } else {
        this.panel.classList.add("inline-panel");
        this.panel.setAttribute("role", "region");
        this.root.append(this.panel);
      }
    }

    toggle(open) {
      if (!this.launcher) return;
      this.panel.hidden = !open;
      this.launcher.setAttribute("aria-expanded", String(open));
      (open ? this.input : this.launcher).focus();
    }

    scrollToEnd() {
      this.log.scrollTop = this.log.scrollHeight;
    }

    async submit() {
      const question = this.input.value.trim();
      if (!question || this.busy) return;
      this.busy = true;
      this.sendButton.disabled = true;
      this.input.value = "";
      this.log.appendChild(el("div", { class: "msg user", text: question }));
      const view = new AnswerView(this);
      this.log.appendChild(view.node);
      this.scrollToEnd();
      const body = { question };
      if (this.getAttribute("report")) body.report = this.getAttribute("report");
      if (this.conversationId) body.conversation_id = this.conversationId;
      try {
        await this.stream(body, view);
      } catch (_err) {
        view.fail(TEXT.network);
      } finally {
        this.busy = false;
        this.sendButton.disabled = false;
        this.input.focus();
        this.scrollToEnd();
      }
    }

    async stream(body, view) {
      const response = await fetch(`${this.apiBase}/ask/stream`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify(body),
        credentials: "omit",
      });
      if (!response.ok || !response.body) {
        let message = TEXT.network;
        try {
          const data = await response.json();
          if (data && data.error && data.error.message) message = data.error.message;
        } catch (_err) { /* not JSON: keep the generic message */ }
        view.fail(message);
        return;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      let finished = false;
      while (!finished) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          finished = this.handleEvent(block, view) || finished;
        }
      }
      if (!finished) view.fail(TEXT.network);
    }

    /** Handle one SSE block; true when the stream has ended (done or error). */
    handleEvent(block, view) {
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue; // keep-alive comment
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (!data.length) return false;
      const payload = JSON.parse(data.join("\n"));
      if (event === "meta") {
        this.conversationId = payload.conversation_id || this.conversationId;
        view.meta(payload);
      } else if (event === "delta") {
        view.delta(payload.text || "");
      } else if (event === "done") {
        this.conversationId = payload.conversation_id || this.conversationId;
        view.done(payload);
        return true;
      } else if (event === "error") {
        view.fail((payload.error && payload.error.message) || TEXT.network);
        return true;
      }
      this.scrollToEnd();
      return false;
    }

    async sendFeedback(answerId, rating, comment) {
      const body = { answer_id: answerId, rating };
      if (comment) body.comment = comment;
      const response = await fetch(`${this.apiBase}/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        credentials: "omit",
      });
      return response.ok;
    }
  }

  /** One assistant message: streamed text, then sources, figures and feedback. */
  class AnswerView {
    constructor(chat) {
      this.chat = chat;
      this.node = el("div", { class: "msg bot", "aria-busy": "true" });
      this.status = el("p", { class: "status", text: TEXT.thinking });
      this.text = el("div", { class: "answer" });
      this.node.append(this.status, this.text);
    }

    meta(meta) {
      this.status.remove();
      if (meta.answerable === false) {
        this.node.classList.add("abstained");
        this.node.insertBefore(el("div", { class: "badge" }, el("span", { "aria-hidden": "true", text: "⚠" }),
          el("span", { text: TEXT.cannot })), this.text);
      }
      if (meta.conversation_reset) this.node.insertBefore(el("p", { class: "note", text: TEXT.reset }), this.text);
      if (meta.context_project) {
        this.node.insertBefore(el("p", { class: "note context", text: TEXT.context + meta.context_project }),
          this.text);
      }
    }

    delta(piece) {
      this.text.appendChild(document.createTextNode(piece));
      this.node.dataset.deltas = String(Number(this.node.dataset.deltas || 0) + 1);
    }

    done(answer) {
      this.node.removeAttribute("aria-busy");
      if (this.status.isConnected) this.meta(answer);
      // The streamed pieces stay; the final text replaces them only if one was lost.
      if (this.text.textContent !== answer.answer) this.text.textContent = answer.answer;
      for (const note of answer.notes || []) this.node.appendChild(el("p", { class: "note", text: note }));
      if (answer.figures && answer.figures.length) this.node.appendChild(this.figureTable(answer.figures));
      const sources = answer.answerable === false ? answer.suggestions : answer.citations;
      if (sources && sources.length) {
        if (answer.answerable === false) this.node.appendChild(el("p", { class: "note", text: TEXT.suggestions }));
        const chips = new Map();
        this.node.appendChild(this.sourceList(sources, answer.answerable === false, chips));
        if (answer.answerable !== false) this.linkReferences(answer, chips);
      }
      this.node.appendChild(this.feedback(answer.answer_id));
    }

    fail(message) {
      this.node.removeAttribute("aria-busy");
      this.status.remove();
      this.node.classList.add("error");
      this.text.textContent = message;
      this.node.setAttribute("role", "alert");
    }

    figureTable(figures) {
      const body = el("tbody");
      for (const figure of figures) {
        const source = figure.citation ? `[${figure.citation}]` : "";
        body.appendChild(el("tr", {},
          el("td", { text: figure.label || FIELD_LABELS[figure.field] || figure.field }),
          el("td", { text: formatValue(figure) }),
          el("td", { text: figure.project || "" }),
          el("td", { text: source })));
      }
      const head = el("tr", {}, el("th", { scope: "col", text: "Uppgift" }), el("th", { scope: "col", text: "Värde" }),
        el("th", { scope: "col", text: "Projekt" }), el("th", { scope: "col", text: "Källa" }));
      return el("table", { class: "figures" }, el("caption", { text: TEXT.figures }), el("thead", {}, head), body);
    }

    sourceList(citations, suggestions, chips) {
      const wrap = el("div", { class: "sources" });
      const list = el("div", { class: "chips", role: "group", "aria-label": TEXT.sources });
      wrap.appendChild(list);
      citations.forEach((citation, index) => {
        const number = citation.id || index + 1;
        const panelId = `${this.chat.id_}-src-${++uid}`;
        const where = [citation.project, citation.section].filter(Boolean).join(" · ") || citation.report;
        const label = `[${number}] ${where}`;
        const chip = el("button", { type: "button", class: suggestions ? "chip suggestion" : "chip",
          "aria-expanded": "false", "aria-controls": panelId, text: label });
        const panel = this.sourcePanel(citation, panelId);
        chip.addEventListener("click", () => {
          const open = chip.getAttribute("aria-expanded") !== "true";
          chip.setAttribute("aria-expanded", String(open));
          panel.hidden = !open;
        });
        list.appendChild(chip);
        chips.set(number, chip);
        wrap.appendChild(panel);
      });
      return wrap;
    }

    sourcePanel(citation, panelId) {
      const year = citation.report_year ? ` (${citation.report_year})` : "";
      const facts = el("dl", {},
        el("dt", { text: TEXT.report }), el("dd", { text: citation.report + year }),
        el("dt", { text: TEXT.project }), el("dd", { text: citation.project || "–" }),
        el("dt", { text: TEXT.section }), el("dd", { text: citation.section || "–" }));
      const [before, quote, after] = splitQuote(citation);
      const passage = el("p", { class: "passage", "aria-label": TEXT.passage });
      passage.appendChild(document.createTextNode(before));
      if (quote) passage.appendChild(el("mark", {}, document.createTextNode(quote)));
      passage.appendChild(document.createTextNode(after));
      const panel = el("div", { class: "source", id: panelId, role: "region",
        "aria-label": `${TEXT.sources} ${citation.id || ""}`.trim() }, facts, passage);
      panel.hidden = true;
      return panel;
    }

    feedback(answerId) {
      const status = el("span", { class: "feedback-status", role: "status" });
      const up = el("button", { type: "button", "aria-label": TEXT.up, "aria-pressed": "false", title: TEXT.up,
        "data-rating": "up", text: "👍" });
      const down = el("button", { type: "button", "aria-label": TEXT.down, "aria-pressed": "false",
        title: TEXT.down, "data-rating": "down", text: "👎" });
      const comment = el("textarea", { rows: 2, maxlength: 2000, "aria-label": TEXT.comment,
        placeholder: TEXT.comment });
      const submit = el("button", { type: "button", class: "send-comment", text: TEXT.send });
      const commentBox = el("div", { class: "comment" }, comment, submit);
      commentBox.hidden = true;
      const send = async (button, rating, text) => {
        up.disabled = down.disabled = submit.disabled = true;
        let ok = false;
        try {
          ok = await this.chat.sendFeedback(answerId, rating, text);
        } catch (_err) { ok = false; }
        if (ok) {
          button.setAttribute("aria-pressed", "true");
          commentBox.hidden = true;
          status.textContent = TEXT.thanks;
        } else {
          up.disabled = down.disabled = submit.disabled = false;
          status.textContent = TEXT.feedbackFailed;
        }
      };
      up.addEventListener("click", () => send(up, "up", null));
      // A thumbs down asks what was wrong first (optional); the rating is sent with the comment.
      down.addEventListener("click", () => {
        commentBox.hidden = false;
        down.setAttribute("aria-expanded", "true");
        comment.focus();
      });
      submit.addEventListener("click", () => send(down, "down", comment.value.trim() || null));
      comment.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          submit.click();
        }
      });
      return el("div", { class: "feedback-wrap" }, el("div", { class: "feedback" }, up, down, status), commentBox);
    }

    /** The answer text with each [n] that names a citation turned into a button opening it. */
    linkReferences(answer, chips) {
      const text = answer.answer || "";
      const parts = text.split(/(\[\d+\])/);
      if (parts.length < 2) return;
      const fragment = document.createDocumentFragment();
      for (const part of parts) {
        const match = /^\[(\d+)\]$/.exec(part);
        const chip = match ? chips.get(Number(match[1])) : undefined;
        if (!chip) {
          if (part) fragment.appendChild(document.createTextNode(part));
          continue;
        }
        const ref = el("button", { type: "button", class: "ref", "aria-label": `${TEXT.showSource} ${match[1]}`,
          text: part });
        ref.addEventListener("click", () => {
          if (chip.getAttribute("aria-expanded") !== "true") chip.click();
          chip.focus();
        });
        fragment.appendChild(ref);
      }
      this.text.replaceChildren(fragment);
    }
  }

  if (!customElements.get("rapport-chat")) customElements.define("rapport-chat", RapportChat);
})();
