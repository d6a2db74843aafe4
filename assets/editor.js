// The exercise editor: CodeMirror 6 over the form's textareas (progressive enhancement —
// the textareas stay the source of truth the form posts; without JavaScript they are the
// editor). Python highlighting, line numbers, Tab/Shift-Tab indentation (Escape then Tab
// leaves the editor), one tab per file, drafts saved on this device and on the server.
// Built by `make assets` (esbuild) into static/js/editor.js.
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

const MAX_FILES = 10;
const SAVE_AFTER_MS = 800;
const RETRY_AFTER_MS = 5000;

// Colours checked for contrast (WCAG AA) on the editor's dark background.
const theme = EditorView.theme(
  {
    "&": { backgroundColor: "#0f172a", color: "#e2e8f0", borderRadius: "8px", fontSize: "14px" },
    "&.cm-focused": { outline: "3px solid #60a5fa", outlineOffset: "2px" },
    ".cm-scroller": {
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      lineHeight: "1.45",
      minHeight: "16em",
      maxHeight: "70vh",
    },
    ".cm-content": { caretColor: "#f8fafc", padding: "8px 0" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: "#f8fafc" },
    ".cm-gutters": {
      backgroundColor: "#0b1222",
      color: "#94a3b8",
      border: "none",
      borderRadius: "8px 0 0 8px",
    },
    ".cm-activeLine": { backgroundColor: "#1e293b" },
    ".cm-activeLineGutter": { backgroundColor: "#1e293b", color: "#e2e8f0" },
    "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
      { backgroundColor: "#334155" },
    ".cm-matchingBracket": { backgroundColor: "#334155", outline: "1px solid #94a3b8" },
    ".cm-selectionMatch": { backgroundColor: "#1e3a5f" },
  },
  { dark: true },
);

const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.operatorKeyword, t.definitionKeyword, t.moduleKeyword], color: "#93c5fd" },
  { tag: [t.string, t.special(t.string), t.docString], color: "#86efac" },
  { tag: [t.comment, t.lineComment], color: "#a3b1c6", fontStyle: "italic" },
  { tag: [t.number, t.bool, t.null], color: "#fca5a5" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: "#fcd34d" },
  { tag: [t.className, t.definition(t.className)], color: "#fcd34d" },
  { tag: [t.operator, t.compareOperator, t.arithmeticOperator], color: "#f9a8d4" },
  { tag: [t.self, t.atom, t.standard(t.variableName)], color: "#c4b5fd" },
  { tag: t.meta, color: "#c4b5fd" },
  { tag: t.invalid, color: "#fca5a5" },
]);

function extensions(label, onChange) {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentUnit.of("    "),
    EditorState.tabSize.of(4),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    python(),
    syntaxHighlighting(highlight),
    theme,
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
    EditorView.contentAttributes.of({
      "aria-labelledby": label.id,
      "aria-describedby": "editor-help",
      // Explicitly in the tab order, so the scrolling code area counts as keyboard-reachable.
      tabindex: "0",
      spellcheck: "false",
      autocapitalize: "off",
      autocorrect: "off",
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange();
    }),
  ];
}

function setup(form) {
  const box = form.querySelector("[data-editor]");
  const status = form.querySelector("[data-draft-status]");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const key = form.dataset.draftKey;
  const url = form.dataset.draftUrl;
  const files = [];
  let saveTimer = null;
  let retryTimer = null;

  const say = (text) => {
    if (status) status.textContent = text;
  };
  const snapshot = () =>
    files.map((file) => ({ path: file.name.value, content: file.view.state.doc.toString() }));

  function saveLocal(synced) {
    try {
      localStorage.setItem(key, JSON.stringify({ files: snapshot(), at: Date.now(), synced }));
    } catch (error) {
      // Storage full or disabled: the server copy still works.
    }
  }

  function saveServer() {
    clearTimeout(retryTimer);
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ files: snapshot() }),
    })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
      .then((result) => {
        if (result.ok) {
          saveLocal(true);
          const time = new Date(result.body.saved_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
          say(`Draft saved at ${time}.`);
          form.dataset.draftState = "saved";
        } else {
          say(`Not saved: ${result.body.detail || "the server refused the draft"}`);
          form.dataset.draftState = "refused";
        }
      })
      .catch(() => {
        say("Saved on this device only: the server could not be reached. Trying again…");
        form.dataset.draftState = "local";
        retryTimer = setTimeout(saveServer, RETRY_AFTER_MS);
      });
  }

  function changed() {
    saveLocal(false);
    form.dataset.draftState = "pending";
    say("Saving draft…");
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveServer, SAVE_AFTER_MS);
  }

  // Tabs: one per file, keyboard as in the ARIA tabs pattern (arrows, Home, End).
  const tablist = document.createElement("div");
  tablist.className = "editor-tabs";
  tablist.setAttribute("role", "tablist");
  tablist.setAttribute("aria-label", "Files");
  const tabbar = document.createElement("div");
  tabbar.className = "editor-tabbar";
  tabbar.append(tablist);
  const add = document.createElement("button");
  add.type = "button";
  add.className = "button ghost small editor-add";
  add.textContent = "Add a file";
  tabbar.append(add);
  box.before(tabbar);

  function select(index, focus) {
    files.forEach((file, i) => {
      const on = i === index;
      file.tab.setAttribute("aria-selected", on ? "true" : "false");
      file.tab.tabIndex = on ? 0 : -1;
      file.panel.hidden = !on;
    });
    if (focus) files[index].tab.focus();
    files[index].view.requestMeasure();
  }

  tablist.addEventListener("keydown", (event) => {
    const current = files.findIndex((file) => file.tab === document.activeElement);
    if (current < 0) return;
    const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: files.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select((moves[event.key] + files.length) % files.length, true);
  });

  function enhance(panel) {
    const index = files.length;
    const textarea = panel.querySelector("textarea");
    const name = panel.querySelector("input");
    const label = panel.querySelector(".editor-label");
    const tab = document.createElement("button");
    tab.type = "button";
    tab.id = `${panel.id}-tab`;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", panel.id);
    tab.className = "editor-tab";
    tab.textContent = name.value || "new file";
    tablist.append(tab);
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);

    const view = new EditorView({
      doc: textarea.value,
      extensions: extensions(label, () => {
        textarea.value = view.state.doc.toString();
        changed();
      }),
    });
    textarea.hidden = true;
    textarea.after(view.dom);
    label.addEventListener("click", (event) => {
      event.preventDefault();
      view.focus();
    });
    name.addEventListener("input", () => {
      tab.textContent = name.value || "new file";
      const code = label.querySelector("code");
      if (code) code.textContent = name.value;
      changed();
    });
    tab.addEventListener("click", () => select(index, false));
    files.push({ panel, tab, name, textarea, view });
  }

  box.querySelectorAll("[data-file]").forEach(enhance);

  add.addEventListener("click", () => {
    const used = new Set(files.map((file) => Number(file.textarea.name.split("_")[1])));
    let slot = 0;
    while (used.has(slot)) slot += 1;
    if (files.length >= MAX_FILES || slot > MAX_FILES) {
      say(`A submission has at most ${MAX_FILES} files.`);
      return;
    }
    const panel = document.createElement("div");
    panel.className = "editor-file";
    panel.id = `file-${slot}`;
    panel.dataset.file = "";
    panel.innerHTML =
      `<div class="editor-name"><label for="id_path_${slot}">File name</label> ` +
      `<input id="id_path_${slot}" name="path_${slot}" required pattern="[A-Za-z0-9_.\\/\\-]+" autocomplete="off" spellcheck="false" placeholder="helpers.py"></div>` +
      `<label class="editor-label" for="id_content_${slot}" id="label_content_${slot}">Code of <code></code></label>` +
      `<textarea id="id_content_${slot}" name="content_${slot}" rows="18" spellcheck="false" class="code" aria-describedby="editor-help"></textarea>`;
    box.append(panel);
    enhance(panel);
    select(files.length - 1, false);
    files[files.length - 1].name.focus();
  });

  // "Reset to starter" asks first, then forgets the draft here and on the server.
  const reset = form.querySelector("[data-reset]");
  if (reset) {
    const ask = document.createElement("div");
    ask.className = "confirm";
    ask.hidden = true;
    ask.setAttribute("role", "group");
    ask.setAttribute("aria-labelledby", "reset-question");
    ask.innerHTML =
      '<p id="reset-question"><strong>Replace your code with the starter files?</strong> ' +
      "Your draft is discarded; your submissions are kept.</p>" +
      '<button type="button" class="button small" data-confirm-reset>Yes, start over</button> ' +
      '<button type="button" class="button ghost small" data-cancel-reset>Keep my code</button>';
    reset.closest(".actions").after(ask);
    reset.addEventListener("click", (event) => {
      event.preventDefault();
      ask.hidden = false;
      ask.querySelector("[data-cancel-reset]").focus();
    });
    ask.querySelector("[data-cancel-reset]").addEventListener("click", () => {
      ask.hidden = true;
      reset.focus();
    });
    ask.querySelector("[data-confirm-reset]").addEventListener("click", () => {
      clearTimeout(saveTimer);
      try {
        localStorage.removeItem(key);
      } catch (error) {
        // nothing stored
      }
      const starters = JSON.parse(form.dataset.starterFiles || "[]");
      fetch(url, { method: "DELETE", credentials: "same-origin", headers: { "X-CSRFToken": csrf } })
        .catch(() => null)
        .then(() => {
          if (starters.length !== files.length) {
            window.location.assign(reset.href);
            return;
          }
          starters.forEach((starter, i) => {
            const file = files[i];
            file.name.value = starter.path;
            file.tab.textContent = starter.path;
            file.view.dispatch({ changes: { from: 0, to: file.view.state.doc.length, insert: starter.content } });
          });
          ask.hidden = true;
          say("Back to the starter files.");
          select(0, false);
          files[0].view.focus();
        });
    });
  }

  form.addEventListener("submit", () => {
    files.forEach((file) => {
      file.textarea.value = file.view.state.doc.toString();
    });
    saveLocal(false); // a failed request still leaves the code on this device
  });

  // A copy on this device that never reached the server (closed tab, lost connection) and
  // is newer than what the page shows: bring it back and send it.
  const source = form.dataset.draftSource;
  const shownAt = Date.parse(form.dataset.draftSavedAt || "") || 0;
  let local = null;
  try {
    local = JSON.parse(localStorage.getItem(key) || "null");
  } catch (error) {
    local = null;
  }
  const differs = local && JSON.stringify(local.files) !== JSON.stringify(snapshot());
  if (source === "refused") {
    saveServer(); // the refused submission's code becomes the draft
  } else if (local && differs && !local.synced && local.at > shownAt && Array.isArray(local.files)) {
    if (local.files.length === files.length) {
      local.files.forEach((saved, i) => {
        files[i].name.value = saved.path;
        files[i].tab.textContent = saved.path || "new file";
        files[i].view.dispatch({ changes: { from: 0, to: files[i].view.state.doc.length, insert: saved.content } });
      });
      say("Restored changes from this device that had not been saved yet.");
    }
  }
  select(0, false);
  form.dataset.editorReady = "1";
  // Milliseconds since navigation started: what the browser tests report as time to interactive.
  document.documentElement.dataset.editorReady = String(Math.round(performance.now()));
}

const form = document.getElementById("submit-form");
if (form && form.querySelector("[data-editor]")) setup(form);

// A refused submission: on a phone the form is far below the exercise text, so bring the
// reason (and the code kept under it) into view.
const refused = document.getElementById("submit-errors");
if (refused) {
  refused.tabIndex = -1;
  refused.scrollIntoView({ block: "start" });
  refused.focus({ preventScroll: true });
}
