// The only module that touches the page (DOM). Everything a user typed or the server sent is
// put in with textContent or value, never as HTML.

import { buildFields } from "./form.js";
import { eventWords } from "./history.js";
import {
  approvingParties,
  can,
  invitingRights,
  openRequests,
  partyControl,
  partyName,
  progress,
  ROLE_WORDS,
  SEVERITY_WORDS,
  sectionStatus,
  sortedFindings,
} from "./status.js";

const $ = (id) => document.getElementById(id);
const SCREENS = ["sign-in", "list", "agreement", "section"];
let handlers = {};
let editor = null; // {fields: {get()}, textEdited}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, "");
    else if (value !== false && value != null) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

function emit(name, ...args) {
  if (handlers[name]) handlers[name](...args);
}

function on(id, event, fn) {
  $(id).addEventListener(event, (e) => {
    if (event === "submit") e.preventDefault();
    fn(e);
  });
}

/** Connect the page's controls to the app's actions (each one is awaited by app.js). */
export function bind(actions) {
  handlers = actions;
  on("sign-in", "click", () => emit("signIn"));
  on("sign-out", "click", () => emit("signOut"));
  on("error-close", "click", () => clearError());
  on("to-list", "click", () => emit("showList"));
  on("to-agreement", "click", () => emit("showAgreement"));
  on("add-party", "click", () => addPartyInput(true));
  on("create-kind", "change", () => describeChoice("create-kind"));
  on("create-level", "change", () => describeChoice("create-level"));
  on("create-form", "submit", () => emit("createAgreement", readCreateForm()));
  on("invite-form", "submit", () =>
    emit("invite", Number($("invite-party").value), $("invite-role").value),
  );
  on("invite-copy", "click", () => emit("copyInvite", $("invite-link").value));
  on("show-audit", "click", () => emit("toggleAudit"));
  on("remove-yes", "click", () => {
    const member = removing;
    cancelRemove();
    if (member !== null) emit("removeMember", member);
  });
  on("remove-no", "click", () => {
    const member = removing;
    cancelRemove();
    const button = document.querySelector(`#party-list [data-member="${member}"]`);
    if (button) button.focus();
  });
  on("finalise", "click", () => emit("finalise"));
  on("download-draft", "click", () => emit("download", "draft"));
  on("download-final-docx", "click", () => emit("download", "docx"));
  on("download-final-pdf", "click", () => emit("download", "pdf"));
  on("lay-out", "click", () => emit("layOut"));
  on("section-form", "submit", () => emit("saveSection"));
  on("section-form", "input", (e) => {
    if (e.target.id === "section-text" && editor) {
      editor.textEdited = true;
      $("text-from-fields").hidden = false;
    }
    emit("editorChanged");
  });
  on("section-form", "change", () => emit("editorChanged"));
  on("text-from-fields", "click", () => emit("textFromFields"));
  on("keep-theirs", "click", () => emit("keepTheirs"));
  on("save-mine", "click", () => emit("saveMine"));
  on("approve", "click", () => emit("approve"));
  on("withdraw", "click", () => emit("withdraw"));
  on("change-form", "submit", () => emit("requestChanges", $("change-comment").value));
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

const THEME_PROPERTIES = {
  bodyBackgroundColor: "--bg",
  bodyForegroundColor: "--fg",
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

function fillSelect(select, items, labelOf) {
  select.replaceChildren(...items.map((i) => el("option", { value: i.key, text: labelOf(i) })));
}

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

  const control = partyControl(agreement, userId);
  $("party-list").replaceChildren(
    ...agreement.parties.map((party) => {
      const people = agreement.members.filter((m) => m.party_id === party.id);
      const open = (agreement.invitations || []).filter((i) => i.party_id === party.id);
      const waiting = open.length;
      const invited = waiting
        ? ` (${waiting === 1 ? "an invitation is" : `${waiting} invitations are`} waiting to be used)`
        : "";
      const words = people.length
        ? people.map((m) => `${m.user.name} (${ROLE_WORDS[m.role] || m.role})`).join(", ") + invited
        : `nobody has joined yet${invited}`;
      const buttons = [
        ...people.filter(control.removable).map((m) =>
          el(
            "li",
            {},
            el("button", {
              type: "button",
              class: "button subtle",
              "data-member": m.id,
              text: `Remove ${m.user.name}`,
              onclick: () => askToRemove(agreement, m),
            }),
          ),
        ),
        ...open.filter(control.withdrawable).map((i, n) =>
          el(
            "li",
            {},
            el("button", {
              type: "button",
              class: "button subtle",
              "data-invitation": i.id,
              text: `Withdraw invitation ${waiting > 1 ? `${n + 1} ` : ""}(${INVITED_AS[i.role] || i.role}, until ${shortDate(i.expires_at)})`,
              onclick: () => emit("revokeInvitation", i.id),
            }),
          ),
        ),
      ];
      return el(
        "li",
        {},
        el("strong", { text: party.name }),
        el("span", { text: `: ${words}` }),
        buttons.length
          ? el(
              "ul",
              { class: "plain-list party-controls", "aria-label": `Who speaks for ${party.name}` },
              ...buttons,
            )
          : null,
      );
    }),
  );
  const pending = agreement.members.find((m) => m.id === removing);
  if (removing !== null && !(pending && control.removable(pending))) cancelRemove();
  renderInviting(agreement);
}

/** The invite form offers only the parties the user may invite to; the others say why not. */
function renderInviting(agreement) {
  const rights = invitingRights(agreement);
  const final = agreement.status === "final";
  $("invite-panel").hidden = final;
  $("invite-form").hidden = !rights.parties.length;
  $("invite-limits").replaceChildren(...rights.others.map((o) => el("li", { text: o.words })));
  $("invite-limits").hidden = !rights.others.length;
  if (!rights.parties.length) return;
  const unjoined = rights.parties.find((p) => !agreement.members.some((m) => m.party_id === p.id));
  if (inviteSeenFor !== agreement.id && unjoined) $("invite-panel").open = true;
  inviteSeenFor = agreement.id;
  const select = $("invite-party");
  const chosen = select.value;
  fillSelect(
    select,
    rights.parties.map((p) => ({ key: p.id, title: p.name })),
    (p) => p.title,
  );
  const still = rights.parties.some((p) => String(p.id) === chosen);
  select.value = still ? chosen : unjoined ? String(unjoined.id) : select.value;
}

const INVITED_AS = { approver: "to draft and approve", editor: "to draft", viewer: "to read" };

function shortDate(when) {
  return new Date(when).toLocaleDateString(document.documentElement.lang, {
    day: "numeric",
    month: "short",
  });
}

let removing = null; // the member id whose removal waits for the user's confirmation

/** The in-page confirmation before someone is removed (never window.confirm). */
function askToRemove(agreement, member) {
  removing = member.id;
  const party = partyName(agreement, member.party_id);
  $("remove-words").textContent =
    `Remove ${member.user.name} from ${party}? They will no longer see or change this agreement.`;
  $("remove-yes").textContent = `Yes, remove ${member.user.name}`;
  $("remove-confirm").hidden = false;
  $("remove-words").focus();
}

/** After a change to who speaks for a party, the focus stays in the partners list (the button
 * that was pressed is gone). */
export function focusPartners() {
  $("party-list").tabIndex = -1;
  $("party-list").focus();
}

export function cancelRemove() {
  const wasOpen = removing !== null;
  removing = null;
  $("remove-confirm").hidden = true;
  return wasOpen;
}

let inviteSeenFor = null; // the invite panel opens by itself once per agreement, not again

export function renderInvitation(link) {
  $("invite-result").hidden = false;
  $("invite-link").value = link;
  $("invite-link").focus();
  $("invite-link").select();
}

export function clearInvitation() {
  $("invite-result").hidden = true;
  $("invite-link").value = "";
}

export function selectInvitationLink() {
  $("invite-link").select();
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
        el("button", {
          type: "button",
          class: "button",
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

// The section editor ---------------------------------------------------------------------------

/**
 * Show a section: guidance, a form of its fields, the clause text, checks and approvals.
 * `values` are the fields to show (a restored draft's, or the saved ones).
 */
export function renderSection(agreement, section, guidance, values, draft) {
  $("section-title").textContent = section.title;
  $("confirms-authority").checked = false;
  const status = sectionStatus(agreement, section);
  $("section-status").textContent = status.words;
  $("section-status").className = `badge status-${status.code}`;
  $("section-purpose").textContent = guidance.purpose || "";
  $("guidance-prompts").replaceChildren(
    ...(guidance.prompts || []).map((p) =>
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
  const editing = can(agreement, "edit");
  const fields = buildFields(guidance.fields || [], values || {}, agreement.parties, el);
  $("section-fields").replaceChildren(fields.element);
  $("preview-text").textContent = "";
  $("preview-findings").replaceChildren();
  $("preview-problem").hidden = true;
  const saved = section.revision ? section.revision.text : "";
  editor = { fields, textEdited: Boolean(draft && draft.textEdited) };
  $("section-text").value = draft && draft.textEdited ? draft.text : saved;
  $("section-text").placeholder = saved ? "" : "No wording yet: fill in the details and save.";
  $("text-from-fields").hidden = !editor.textEdited;
  $("draft-note").hidden = !draft;
  $("draft-note").textContent = draft
    ? "We restored changes you had not saved yet. Save them, or reload the section to drop them."
    : "";
  for (const node of $("section-form").querySelectorAll("input, select, textarea, button")) {
    node.disabled = !editing;
  }
  $("section-form").hidden = !editing && !saved;
  renderSectionState(agreement, section);
}

/** The parts of the editor that follow the server: status, checks, approvals. */
export function renderSectionState(agreement, section) {
  const status = sectionStatus(agreement, section);
  $("section-status").textContent = status.words;
  $("section-status").className = `badge status-${status.code}`;
  shownAgreement = agreement;
  const findings = sortedFindings(section.findings);
  const approver = can(agreement, "approve");
  $("findings").replaceChildren(...findingItems(agreement, findings, { approver }));
  $("findings-note").hidden = !findings.some((f) => f.judges_fields);
  renderWhy(section);

  const approving = approvingParties(section);
  $("approval-list").replaceChildren(
    ...agreement.parties.map((p) =>
      el("li", {
        text: `${p.name}: ${approving.has(p.id) ? "approved this wording" : "not approved yet"}`,
      }),
    ),
  );
  const mayApprove = can(agreement, "approve") && Boolean(section.revision);
  const mine = agreement.my_party_id;
  const myName = partyName(agreement, mine);
  $("approve").hidden = !mayApprove || approving.has(mine);
  $("authority-field").hidden = $("approve").hidden;
  $("authority-words").textContent = `I have authority to agree this for ${myName}`;
  $("approve").textContent =
    `Approve revision ${section.revision ? section.revision.number : ""} for ${myName}`;
  $("withdraw").hidden =
    !mayApprove || !section.approvals.some((a) => a.party_id === mine && a.current);
  $("change-form").hidden = !mayApprove;
  $("approval-words").textContent = !section.revision
    ? "There is nothing to approve until the section has text."
    : can(agreement, "approve")
      ? `You approve for ${myName}. Approving a wording means your organisation accepts it.`
      : "Your role does not include approving.";
  $("change-requests").replaceChildren(
    ...openRequests(agreement, section).map((c) =>
      el("li", { text: `${partyName(agreement, c.party_id)} asks for changes: “${c.comment}”` }),
    ),
  );
}

/** Why a section is required, with its sources (the state says; optional ones say so). */
function renderWhy(section) {
  const reasons = section.why_required || [];
  $("why-words").textContent = reasons.length
    ? "Why every agreement like this one needs this section:"
    : section.required
      ? "Every agreement like this one needs this section."
      : "This section is optional: include it if it helps your partnership.";
  $("why-required").replaceChildren(...reasons.map((r) => el("li", { text: r })));
  $("why-required").hidden = !reasons.length;
}

let acceptForms = 0;
let shownAgreement = null; // the agreement whose section the editor shows

/** Findings as list items: severity in plain words, sources, a recorded reason; an approver
 * may record the partners' reason to accept a `must` finding (not in the preview). */
function findingItems(agreement, findings, { approver = false, preview = false } = {}) {
  if (!findings.length) {
    return [el("li", { class: "finding ok", text: "Nothing missing." })];
  }
  const offered = new Set(); // one reason settles every finding with the same code
  return findings.map((f) => {
    const severity = f.severity === "should" ? "should" : "must";
    const accepted = f.accepted;
    const item = el(
      "li",
      { class: `finding ${accepted ? "accepted" : severity}` },
      el("span", {
        class: "severity",
        text: accepted ? "Accepted by the partners" : SEVERITY_WORDS[severity],
      }),
      el("span", { text: ` ${f.message}` }),
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
        el("button", { type: "submit", class: "button", text: "Record the reason" }),
      );
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        emit("acceptFinding", f.code, reason.value);
      });
      item.append(
        el(
          "details",
          { class: "accept" },
          el("summary", {
            text:
              alike > 1
                ? `Finalise without these ${alike}, with a reason`
                : "Finalise without it, with a reason",
          }),
          form,
        ),
      );
    }
    return item;
  });
}

/** The live preview: {text, findings} for the form's details, or {problem} in plain words. */
export function renderPreview({ text, findings, problem }) {
  $("preview-problem").hidden = !problem;
  $("preview-problem").textContent = problem || "";
  if (problem) return; // the last good preview stays on show
  $("preview-text").textContent = text || "";
  $("preview-findings").replaceChildren(
    ...findingItems(shownAgreement, sortedFindings(findings || []), { preview: true }),
  );
}

/** The approver's confirmation of their authority, and their job title if they gave one. */
export function readAuthority() {
  return {
    confirmed: $("confirms-authority").checked,
    jobTitle: $("approver-job-title").value.trim(),
  };
}

/** What the user has in the editor now. */
export function readEditor() {
  return {
    fields: editor ? editor.fields.get() : {},
    text: $("section-text").value,
    textEdited: Boolean(editor && editor.textEdited),
  };
}

export function resetEditorText(text) {
  if (editor) editor.textEdited = false;
  $("section-text").value = text;
  $("text-from-fields").hidden = true;
}

export function clearChangeComment() {
  $("change-comment").value = "";
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

/** Hand a downloaded file to the browser, through a temporary link. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
