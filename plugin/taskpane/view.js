// The only module that touches the page (DOM). Everything a user typed or the server sent is
// put in with textContent or value, never as HTML.

import { $, el, emit, fillSelect, on, setActions } from "./dom.js";
import { eventWords } from "./history.js";
import { bindPartners, renderPartners } from "./partners-view.js";
import { bindSection } from "./section-view.js";
import {
  can,
  partyName,
  progress,
  ROLE_WORDS,
  sectionStatus,
  whereAmI,
} from "./status.js";

export {
  cancelRemove,
  clearInvitation,
  focusPartners,
  renderInvitation,
  selectInvitationLink,
} from "./partners-view.js";
export {
  clearChangeComment,
  closeApproveConfirm,
  draftKept,
  hideConflict,
  readEditor,
  renderConflict,
  renderPreview,
  renderSection,
  renderSectionState,
  resetEditorText,
  setUser,
} from "./section-view.js";

const SCREENS = ["sign-in", "list", "agreement", "section"];

/** Connect the page's controls to the app's actions (each one is awaited by app.js). */
export function bind(actions) {
  setActions(actions);
  on("sign-in", "click", () => emit("signIn"));
  on("sign-out", "click", () => emit("signOut"));
  on("error-close", "click", () => clearError());
  on("to-list", "click", () => emit("showList"));
  on("to-agreement", "click", () => emit("showAgreement"));
  on("add-party", "click", () => addPartyInput(true));
  on("create-kind", "change", () => describeChoice("create-kind"));
  on("create-level", "change", () => describeChoice("create-level"));
  on("create-form", "submit", () => emit("createAgreement", readCreateForm()));
  on("show-audit", "click", () => emit("toggleAudit"));
  on("finalise", "click", () => emit("finalise"));
  on("next-step", "click", () => {
    const step = $("next-step").dataset;
    if (step.kind === "finalise") $("finalise").focus();
    else emit("openSection", step.key);
  });
  on("download-draft", "click", () => emit("download", "draft"));
  on("download-final-docx", "click", () => emit("download", "docx"));
  on("download-final-pdf", "click", () => emit("download", "pdf"));
  on("lay-out", "click", () => emit("layOut"));
  bindSection();
  bindPartners();
}

// Screens, messages, focus ---------------------------------------------------------------------

let moveFocus = false; // not while the page first loads: focus starts at its top (skip link)

/** From now on, each new screen takes the focus to its heading. */
export function followUserActions() {
  moveFocus = true;
}

/** Show one screen and move focus to its heading, so screen readers announce where they are. */
export function show(name, { focus = true } = {}) {
  $("loading").hidden = true;
  $("status").textContent = ""; // what was said about the last screen is over
  for (const screen of SCREENS) $(`screen-${screen}`).hidden = screen !== name;
  const heading = $(`screen-${name}`).querySelector("h1");
  document.title = `${heading.textContent} – Partnership agreements`;
  heading.tabIndex = -1;
  if (focus && moveFocus) {
    heading.focus();
  }
}

export function announce(words) {
  // Cleared first so that the same words said twice are announced twice.
  $("status").textContent = "";
  setTimeout(() => {
    $("status").textContent = words;
  }, 50);
}

export function showError(words) {
  $("error-text").textContent = words;
  $("error").hidden = false;
}

export function clearError() {
  $("error").hidden = true;
  $("error-text").textContent = "";
}

export function setBusy(busy) {
  $("main").setAttribute("aria-busy", busy ? "true" : "false");
}

export function focus(id) {
  $(id).focus();
}

// Word's body colours replace Fluent's own tokens (tokens.css), so Fluent's web components take
// them too; the control colours are the pane's own.
const THEME_PROPERTIES = {
  bodyBackgroundColor: "--colorNeutralBackground1",
  bodyForegroundColor: "--colorNeutralForeground1",
  controlBackgroundColor: "--control-bg",
  controlForegroundColor: "--control-fg",
};

/** Luminance of "#rgb" or "#rrggbb" (0 black … 1 white). */
function luminance(colour) {
  const hex =
    colour.length === 4 ? [...colour.slice(1)].map((c) => c + c).join("") : colour.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Word's Office theme (word.officeTheme()) as the pane's colours: its four colours become CSS
 * custom properties, and a dark body picks the dark set of the other tokens. Null: the pane
 * follows prefers-color-scheme (a plain browser).
 */
export function applyTheme(theme) {
  const root = document.documentElement;
  if (!theme) {
    root.removeAttribute("data-theme");
    for (const property of Object.values(THEME_PROPERTIES)) root.style.removeProperty(property);
    return;
  }
  for (const [name, property] of Object.entries(THEME_PROPERTIES)) {
    if (theme[name]) root.style.setProperty(property, theme[name]);
  }
  if (theme.bodyBackgroundColor) {
    root.dataset.theme = luminance(theme.bodyBackgroundColor) < 0.5 ? "dark" : "light";
  }
}

export function renderWho(user) {
  $("who").hidden = !user;
  $("who-name").textContent = user ? `Signed in as ${user.name}` : "";
}

export function renderSignIn({ invited }) {
  $("sign-in-invitation").hidden = !invited;
}

// Agreement list and the create form --------------------------------------------------------

let catalogueOptions = { kinds: [], levels: [] };


function describeChoice(id) {
  const list = id === "create-kind" ? catalogueOptions.kinds : catalogueOptions.levels;
  const chosen = list.find((i) => i.key === $(id).value);
  $(`${id}-help`).textContent = chosen ? chosen.description : "";
}

function addPartyInput(focusIt = false) {
  const list = $("create-parties");
  const n = list.children.length + 1;
  const id = `create-party-${n}`;
  const label = n === 1 ? "Your organisation" : `Partner ${n}`;
  const input = el("input", { id, type: "text", maxlength: 200, autocomplete: "organization" });
  list.append(el("li", { class: "field" }, el("label", { for: id, text: label }), input));
  if (focusIt) input.focus();
}

export function renderCreateOptions(catalogue) {
  catalogueOptions = catalogue;
  fillSelect($("create-kind"), catalogue.kinds, (k) => k.title);
  fillSelect($("create-level"), catalogue.levels, (l) => l.title);
  $("create-level").value = catalogue.levels.length > 1 ? catalogue.levels[1].key : "";
  describeChoice("create-kind");
  describeChoice("create-level");
  if (!$("create-parties").children.length) for (let i = 0; i < 3; i++) addPartyInput();
}

function readCreateForm() {
  const names = [...$("create-parties").querySelectorAll("input")]
    .map((i) => i.value.trim())
    .filter(Boolean);
  return {
    title: $("create-name").value.trim(),
    kind: $("create-kind").value,
    level: $("create-level").value,
    parties: names.map((name) => ({ name })),
  };
}

export function resetCreateForm() {
  $("create-form").reset();
  describeChoice("create-kind");
  describeChoice("create-level");
}

export function renderAgreementList(agreements) {
  $("list-empty").hidden = agreements.length > 0;
  $("agreement-list").replaceChildren(
    ...agreements.map((a) =>
      el(
        "li",
        {},
        el(
          "button",
          { type: "button", class: "card", onclick: () => emit("openAgreement", a.id) },
          el("span", { class: "card-title", text: a.title }),
          el("span", {
            class: "card-meta",
            text: `${a.status === "final" ? "Final" : "Drafting"} · version ${a.version} · you ${ROLE_WORDS[a.my_role] || a.my_role}`,
          }),
        ),
      ),
    ),
  );
}

// One agreement ------------------------------------------------------------------------------

export function renderAgreement(agreement, labels, userId = null) {
  $("agreement-title").textContent = agreement.title;
  const mine = partyName(agreement, agreement.my_party_id);
  $("agreement-meta").textContent =
    `${labels.kind} · ${labels.level} · you speak for ${mine} and ${ROLE_WORDS[agreement.my_role] || agreement.my_role}`;
  const overall = progress(agreement);
  $("agreement-progress-words").textContent = overall.words;
  $("agreement-progress").max = Math.max(overall.total, 1);
  $("agreement-progress").value = overall.done;
  renderWhereAmI(agreement);

  const card = (section) => {
    const status = sectionStatus(agreement, section);
    return el(
      "li",
      {},
      el(
        "button",
        {
          type: "button",
          class: "card",
          "data-section": section.key,
          onclick: () => emit("openSection", section.key),
        },
        el("span", { class: "card-title", text: section.title }),
        el("span", { class: `badge status-${status.code}`, text: status.words }),
      ),
    );
  };
  const optional = agreement.sections.filter((s) => !s.required);
  $("section-list").replaceChildren(...agreement.sections.filter((s) => s.required).map(card));
  $("optional-list").replaceChildren(...optional.map(card));
  $("optional-panel").hidden = !optional.length;
  const started = optional.filter((s) => s.revision).length;
  $("optional-title").textContent =
    `Optional sections (${optional.length}${started ? `, ${started} started` : ""})`;

  const final = agreement.status === "final";
  const { ready, missing } = agreement.readiness;
  $("readiness-words").textContent = final
    ? "This agreement is final. Download it below."
    : ready
      ? "Every partner has approved every required section. It can be finalised."
      : "It can be finalised once every partner has approved every required section and every needed check is settled.";
  $("readiness-details").hidden = final || ready;
  $("readiness-count").textContent = `What is still missing (${missing.length})`;
  $("readiness-missing").replaceChildren(...missing.map((m) => el("li", { text: m })));
  // Once final, downloading is what people come for: put it first.
  if (final) $("progress-block").after($("finishing"));
  else $("optional-panel").after($("finishing"));
  $("finalise").hidden = !can(agreement, "finalise");
  $("finalise").disabled = !ready;
  $("download-draft").hidden = final;
  $("download-final-docx").hidden = !final;
  $("download-final-pdf").hidden = !final;

  renderPartners(agreement, userId);
}

export function renderDocument({ inWord, words, changes }) {
  $("document-panel").hidden = !inWord;
  $("document-words").textContent = words || "";
  $("document-changes").replaceChildren(
    ...(changes || []).map((c) =>
      el(
        "li",
        { class: "card static" },
        el("span", { class: "card-title", text: c.title }),
        el("span", { text: "The wording in the document differs from the saved one." }),
        el("fluent-button", {
          type: "button",
          text: "Save the document's wording as a new revision",
          onclick: () => emit("saveDocumentText", c.key),
        }),
      ),
    ),
  );
}

export function renderAudit(list, agreement) {
  const open = !$("audit").hidden;
  if (list === null) {
    $("audit").hidden = true;
    $("show-audit").setAttribute("aria-expanded", "false");
    $("show-audit").textContent = "Show the audit trail";
    return open;
  }
  const people = new Map(agreement.members.map((m) => [m.user.id, m.user.name]));
  $("audit-chain").textContent = list.chain.valid
    ? `All ${list.chain.events} entries are intact: none has been changed since it was written.`
    : `Warning: the audit trail has been tampered with (${list.chain.problem || "unknown problem"}).`;
  $("audit-list").replaceChildren(
    ...list.events.map((e) => {
      const who = e.actor_id ? people.get(e.actor_id) || `user ${e.actor_id}` : "the system";
      const when = new Date(e.created_at).toLocaleString(document.documentElement.lang);
      return el(
        "li",
        {},
        el("span", { text: eventWords(e, agreement) }),
        el("span", { class: "meta", text: ` (${who}, ${when})` }),
      );
    }),
  );
  $("audit").hidden = false;
  $("show-audit").setAttribute("aria-expanded", "true");
  $("show-audit").textContent = "Hide the audit trail";
  return open;
}

/** The progress header: sections done, waiting for my party, waiting for others, next step. */
function renderWhereAmI(agreement) {
  const where = whereAmI(agreement);
  $("count-done").textContent = String(where.done);
  $("count-mine").textContent = String(where.mine);
  $("count-mine-words").textContent = `wait for ${partyName(agreement, agreement.my_party_id)}`;
  $("count-others").textContent = String(where.others);
  $("progress-counts").hidden = agreement.status === "final";
  const button = $("next-step");
  button.hidden = !where.next;
  if (where.next) {
    button.textContent = `Next: ${where.next.words}`;
    button.dataset.kind = where.next.kind;
    button.dataset.key = where.next.key || "";
  }
}

/** Hand a downloaded file to the browser, through a temporary link. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
