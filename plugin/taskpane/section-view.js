// The section screen, one section at a time: its form first, the reasons and the questions
// folded above it, each check's finding under the field it judges (and listed at the top, linked
// to the field), the clause preview and wording in a fold, and the sticky bar at the bottom
// (approval status, approve with the authority checkbox, request changes, previous and next).

import { $, el, emit } from "./dom.js";
import { buildFields } from "./form.js";
import {
  approvingParties,
  can,
  fieldsJudged,
  openRequests,
  partyName,
  SEVERITY_WORDS,
  sectionOrder,
  sectionStatus,
  sortedFindings,
} from "./status.js";

// A form's controls: native ones and Fluent's (fluent.js).
const CONTROLS = "input, select, textarea, button, fluent-button, fluent-checkbox";
let editor = null; // {fields: {get(), place(key)}, textEdited, judged: {code: field}}
let shownAgreement = null; // the agreement whose section the editor shows
let acceptForms = 0;

/** Connect the section screen's own controls (called once by view.bind). */
export function bindSection() {
  const on = (id, event, fn) =>
    $(id).addEventListener(event, (e) => {
      if (event === "submit") e.preventDefault();
      fn(e);
    });
  on("section-form", "submit", () => emit("saveSection"));
  on("section-form", "input", (e) => {
    if (e.target.id === "section-text" && editor) {
      editor.textEdited = true;
      $("text-from-fields").hidden = false;
    }
    if (editor) editor.typed = true;
    emit("editorChanged");
  });
  on("section-form", "change", () => {
    if (editor) editor.typed = true;
    emit("editorChanged");
  });
  on("text-from-fields", "click", () => emit("textFromFields"));
  on("keep-theirs", "click", () => emit("keepTheirs"));
  on("save-mine", "click", () => emit("saveMine"));
  on("approve", "click", () => openApproveConfirm());
  on("approve-yes", "click", () =>
    emit("approve", { authority: $("authority").checked, jobTitle: $("job-title").value.trim() }),
  );
  on("approve-no", "click", () => closeApproveConfirm(true));
  on("approve-confirm", "keydown", (e) => {
    if (e.key === "Escape") closeApproveConfirm(true);
  });
  on("change-form", "keydown", (e) => {
    if (e.key === "Escape") {
      toggleChangeForm(false);
      $("ask-changes").focus();
    }
  });
  on("withdraw", "click", () => emit("withdraw"));
  on("ask-changes", "click", () =>
    toggleChangeForm($("ask-changes").getAttribute("aria-expanded") !== "true"),
  );
  on("change-no", "click", () => toggleChangeForm(false));
  on("change-form", "submit", () => emit("requestChanges", $("change-comment").value));
  on("previous-section", "click", () => emit("openSection", $("previous-section").dataset.key));
  on("next-section", "click", () => emit("openSection", $("next-section").dataset.key));
}

let confirmFor = null; // the wording (sha256) the open authority question is about

function openApproveConfirm() {
  toggleChangeForm(false);
  const section = currentSection();
  confirmFor = section && section.revision ? section.revision.sha256 : null;
  $("authority").checked = false;
  $("approve-confirm").hidden = false;
  $("approve").hidden = true;
  $("authority").focus();
}

export function closeApproveConfirm(focusBack = false) {
  $("approve-confirm").hidden = true;
  if (shownAgreement) renderBar(shownAgreement, currentSection());
  if (focusBack && !$("approve").hidden) $("approve").focus();
}

function toggleChangeForm(open) {
  $("change-form").hidden = !open;
  $("ask-changes").setAttribute("aria-expanded", open ? "true" : "false");
  if (open) {
    $("approve-confirm").hidden = true;
    $("change-comment").focus();
  }
}

let sectionKey = null;
const currentSection = () =>
  shownAgreement && shownAgreement.sections.find((s) => s.key === sectionKey);

/**
 * Show a section: the form of its fields (`values`: a restored draft's, or the saved ones),
 * its folds and the bar. `draft` is the restored unsaved work, if any.
 */
export function renderSection(agreement, section, guidance, values, draft) {
  const changed = sectionKey !== section.key;
  sectionKey = section.key;
  $("section-title").textContent = section.title;
  $("section-purpose").textContent = guidance.purpose || "";
  const prompts = guidance.prompts || [];
  $("guidance-summary").textContent = `Questions to talk through (${prompts.length})`;
  $("guidance").hidden = !prompts.length;
  $("guidance-prompts").replaceChildren(
    ...prompts.map((p) =>
      el(
        "li",
        {},
        el("span", { text: p.text }),
        p.source && p.source.length
          ? el("span", { class: "source", text: ` (source: ${p.source.join(", ")})` })
          : null,
      ),
    ),
  );
  if (changed) {
    $("why").expanded = false;
    $("guidance").expanded = false;
    $("wording").expanded = false;
    $("approvals-fold").expanded = false;
    $("check-summary").expanded = false;
  }
  const editing = can(agreement, "edit");
  const fields = buildFields(guidance.fields || [], values || {}, agreement.parties, el);
  $("section-fields").replaceChildren(fields.element);
  $("preview-text").textContent = "";
  $("preview-problem").hidden = true;
  const saved = section.revision ? section.revision.text : "";
  editor = {
    fields,
    textEdited: Boolean(draft && draft.textEdited),
    judged: fieldsJudged(guidance),
    typed: Boolean(draft), // until the user types, the findings shown are the saved version's
  };
  $("section-text").value = draft && draft.textEdited ? draft.text : saved;
  $("section-text").placeholder = saved ? "" : "No wording yet: fill in the details and save.";
  $("text-from-fields").hidden = !editor.textEdited;
  $("draft-note").hidden = !draft;
  const behind = draft && section.revision && draft.base_revision < section.revision.number;
  $("draft-note").textContent = !draft
    ? ""
    : behind
      ? "We restored changes you had not saved yet. A partner saved a newer version since: when you save, you choose which one to keep."
      : "We restored changes you had not saved yet. Save them, or reload the section to drop them.";
  $("draft-kept").textContent = "";
  for (const node of $("section-form").querySelectorAll(CONTROLS)) {
    node.disabled = !editing;
  }
  $("section-form").hidden = !editing && !saved;
  $("approve-confirm").hidden = true;
  toggleChangeForm(false);
  renderSectionState(agreement, section);
}

/** The parts of the editor that follow the server: status, checks, approvals, the bar. */
export function renderSectionState(agreement, section) {
  shownAgreement = agreement;
  sectionKey = section.key;
  const status = sectionStatus(agreement, section);
  $("section-status").textContent = status.words;
  $("section-status").className = `badge status-${status.code}`;
  const order = sectionOrder(agreement);
  const at = order.findIndex((s) => s.key === section.key);
  $("section-step").textContent = `Section ${at + 1} of ${order.length}`;
  const previous = order[at - 1];
  const next = order[at + 1];
  $("previous-section").hidden = !previous;
  $("next-section").hidden = !next;
  if (previous) {
    $("previous-section").dataset.key = previous.key;
    $("previous-section").setAttribute("aria-label", `Previous section: ${previous.title}`);
  }
  if (next) {
    $("next-section").dataset.key = next.key;
    $("next-section").setAttribute("aria-label", `Next section: ${next.title}`);
  }
  renderWhy(section);
  if (!editor || !editor.typed) showFindings(agreement, section.findings, { saved: true });

  const approving = approvingParties(section);
  $("approval-list").replaceChildren(
    ...agreement.parties.map((p) =>
      el("li", {
        text: `${p.name}: ${approving.has(p.id) ? "approved this wording" : "not approved yet"}`,
      }),
    ),
  );
  const requests = openRequests(agreement, section);
  $("approvals-summary").textContent =
    `Approvals: ${approving.size} of ${agreement.parties.length}` +
    (requests.length ? `, ${requests.length} asking for changes` : "");
  $("approval-words").textContent = !section.revision
    ? "There is nothing to approve until the section has text."
    : can(agreement, "approve")
      ? `You approve for ${partyName(agreement, agreement.my_party_id)}. Approving a wording means your organisation accepts it.`
      : "Your role does not include approving.";
  $("change-requests").replaceChildren(
    ...requests.map((c) =>
      el("li", { text: `${partyName(agreement, c.party_id)} asks for changes: “${c.comment}”` }),
    ),
  );
  renderBar(agreement, section);
}

/** The sticky bar: where the approval stands, and what the user can do about it. */
function renderBar(agreement, section) {
  if (!section) return;
  const approving = approvingParties(section);
  const mine = agreement.my_party_id;
  const myName = partyName(agreement, mine);
  const mayApprove = can(agreement, "approve") && Boolean(section.revision);
  // The wording moved on (or was approved) while the question was open: ask again for the new one.
  if (!mayApprove || section.revision.sha256 !== confirmFor || approving.has(mine)) {
    $("approve-confirm").hidden = true;
  }
  const confirming = !$("approve-confirm").hidden;
  $("bar-status").textContent = !section.revision
    ? "No text to approve yet"
    : `Revision ${section.revision.number}: ${approving.size} of ${agreement.parties.length} partners approved${approving.has(mine) ? ", including yours" : ""}`;
  $("approve").hidden = !mayApprove || approving.has(mine) || confirming;
  $("approve").textContent = `Approve revision ${section.revision ? section.revision.number : ""}`;
  $("approve").setAttribute(
    "aria-label",
    `Approve revision ${section.revision ? section.revision.number : ""} for ${myName}`,
  );
  $("authority-label").textContent = `I have authority to agree this for ${myName}`;
  const me = agreement.members.find((m) => m.party_id === mine && m.user && m.user.id === meId);
  $("job-title-field").hidden = !me || Boolean(me.job_title);
  $("withdraw").hidden =
    !mayApprove || !section.approvals.some((a) => a.party_id === mine && a.current);
  $("ask-changes").hidden = !mayApprove;
}

let meId = null;

/** Who the user is (their member row tells whether a job title is known yet). */
export function setUser(user) {
  meId = user ? user.id : null;
}

/** Why a section is required, with its sources (one line until opened). */
function renderWhy(section) {
  const reasons = section.why_required || [];
  $("why-summary").textContent = section.required
    ? `Why this section is required${reasons.length ? ` (${reasons.length})` : ""}`
    : "Why this section (optional)";
  $("why-words").textContent = reasons.length
    ? "Why every agreement like this one needs this section:"
    : section.required
      ? "Every agreement like this one needs this section."
      : "This section is optional: include it if it helps your partnership.";
  $("why-required").replaceChildren(...reasons.map((r) => el("li", { text: r })));
  $("why-required").hidden = !reasons.length;
}

/**
 * Findings at the top (each linking to its field) and under the fields they judge. The saved
 * version's findings show until a preview of the typed details replaces them.
 */
function showFindings(agreement, findings, { saved = false } = {}) {
  const list = sortedFindings(findings || []);
  const approver = can(agreement, "approve");
  $("check-summary").hidden = !list.length;
  const musts = list.filter((f) => f.severity !== "should" && !f.accepted).length;
  $("check-summary-title").textContent =
    `What the checks say${saved ? " about the saved version" : ""} (${list.length}` +
    `${musts ? `, ${musts} needed` : ""})`;
  $("findings-note").hidden = !list.some((f) => f.judges_fields);
  $("findings").replaceChildren(...findingItems(agreement, list, { approver, preview: !saved }));
  if (!editor) return;
  for (const old of $("section-fields").querySelectorAll(".field-finding")) old.remove();
  for (const f of list) {
    const place = editor.fields.place(editor.judged[f.code]);
    if (!place) continue;
    const id = `finding-${place.dataset.field}-${f.code.replace(/\W/g, "-")}`;
    if (document.getElementById(id)) continue;
    place.append(
      el("p", {
        class: `field-finding ${f.accepted ? "accepted" : f.severity === "should" ? "should" : "must"}`,
        id,
        text: f.message,
      }),
    );
  }
}

/** The control a finding's link moves to: the first input of the field it judges. */
function fieldControl(code) {
  if (!editor) return null;
  const place = editor.fields.place(editor.judged[code]);
  return place ? place.querySelector(CONTROLS) || place : null;
}

/** Findings as list items: severity in plain words, sources, a recorded reason, a link to the
 * field; an approver may record the partners' reason to accept a `must` finding. */
function findingItems(agreement, findings, { approver = false, preview = false } = {}) {
  const offered = new Set(); // one reason settles every finding with the same code
  return findings.map((f) => {
    const severity = f.severity === "should" ? "should" : "must";
    const accepted = f.accepted;
    const control = fieldControl(f.code);
    const message = control
      ? el("button", {
          type: "button",
          class: "button link finding-link",
          text: f.message,
          onclick: () => {
            control.scrollIntoView({ block: "center" });
            control.focus();
          },
        })
      : el("span", { text: ` ${f.message}` });
    const item = el(
      "li",
      { class: `finding ${accepted ? "accepted" : severity}` },
      el("span", {
        class: "severity",
        text: accepted ? "Accepted by the partners" : SEVERITY_WORDS[severity],
      }),
      " ",
      message,
      f.source && f.source.length
        ? el("span", { class: "source", text: ` (source: ${f.source.join(", ")})` })
        : null,
    );
    if (accepted) {
      item.append(
        el("span", {
          class: "reason",
          text: `Reason recorded by ${accepted.accepted_by.name} for ${partyName(agreement, accepted.party_id)}: “${accepted.reason}”`,
        }),
      );
    } else if (severity === "must" && approver && !preview && f.code && !offered.has(f.code)) {
      offered.add(f.code);
      item.append(acceptForm(f, findings));
    }
    return item;
  });
}

function acceptForm(f, findings) {
  const alike = findings.filter(
    (g) => g.code === f.code && g.severity === "must" && !g.accepted,
  ).length;
  const id = `accept-reason-${++acceptForms}`;
  const reason = el("textarea", { id, rows: 2, maxlength: 2000 });
  const form = el(
    "form",
    { class: "form accept-form", novalidate: true },
    el("label", { for: id, text: "Why do the partners accept the agreement without this?" }),
    reason,
    el("fluent-button", { type: "submit", text: "Record the reason" }),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    emit("acceptFinding", f.code, reason.value);
  });
  return el(
    "details",
    { class: "accept" },
    el("summary", {
      text:
        alike > 1
          ? `Finalise without these ${alike}, with a reason`
          : "Finalise without it, with a reason",
    }),
    form,
  );
}

/** The live preview: {text, findings} for the form's details, or {problem} in plain words. */
export function renderPreview({ text, findings, problem }) {
  $("preview-problem").hidden = !problem;
  $("preview-problem").textContent = problem || "";
  if (problem) return; // the last good preview stays on show
  $("preview-text").textContent = text || "";
  if (shownAgreement && editor && editor.typed) {
    showFindings(shownAgreement, findings || [], { saved: false });
  }
}

/** What the user has in the editor now. */
export function readEditor() {
  return {
    fields: editor ? editor.fields.get() : {},
    text: $("section-text").value,
    textEdited: Boolean(editor && editor.textEdited),
  };
}

/** Say (quietly, beside Save) that what was typed is kept on this computer. */
export function draftKept() {
  $("draft-kept").textContent = "Kept on this computer until you save.";
}

export function resetEditorText(text) {
  if (editor) editor.textEdited = false;
  $("section-text").value = text;
  $("text-from-fields").hidden = true;
}

export function clearChangeComment() {
  $("change-comment").value = "";
  toggleChangeForm(false);
}

export function renderConflict(theirs, mine) {
  $("conflict-theirs-by").textContent =
    `Revision ${theirs.number}${theirs.author ? `, saved by ${theirs.author.name}` : ""}`;
  $("conflict-theirs").textContent = theirs.text;
  $("conflict-mine").textContent = mine;
  $("conflict").hidden = false;
  $("conflict").focus();
}

export function hideConflict() {
  $("conflict").hidden = true;
}
