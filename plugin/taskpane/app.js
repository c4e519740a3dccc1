// Wires the pane together: sign-in, the API, the view, Word (through word.js only), polling.
// Every user action runs through act(): awaited, errors shown in plain words and logged.

import { ApiError, createApi } from "./api.js";
import { dropDraft, keepDraft, loadDraft } from "./drafts.js";
import { invitationLink, tokenFromFragment } from "./invitation.js";
import { normalise, sha256Hex } from "./text.js";
import * as view from "./view.js";
import * as word from "./word.js";

const POLL_MS = 4000;
const TOKEN = "pa.token";
const EXPIRES = "pa.token_expires_at";
const INVITATION = "pa.invitation";
const PLACE = "pa.place"; // where the user was, so that a reload takes them back there

const pane = {
  inWord: false,
  user: null,
  catalogue: null,
  agreement: null, // the state as last read
  etag: null,
  sectionKey: null, // the section open in the editor
  editorBase: 0, // the revision the editor's work is based on
  conflict: null, // {theirs} while a save conflict waits for the user's choice
  binding: null, // the Word document's binding, when it names the open agreement
  documentTexts: {},
};

// Sign-in -----------------------------------------------------------------------------------

function token() {
  const value = localStorage.getItem(TOKEN);
  const expires = localStorage.getItem(EXPIRES);
  if (value && expires && Date.parse(expires) <= Date.now()) {
    forgetToken();
    return null;
  }
  return value;
}

function forgetToken() {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(EXPIRES);
}

const api = createApi({
  getToken: token,
  onUnauthorised: () => {
    forgetToken();
    pane.user = null;
    view.renderWho(null);
    view.renderSignIn({ invited: Boolean(sessionStorage.getItem(INVITATION)) });
    view.show("sign-in", { focus: false });
  },
});

function wordsFor(error) {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong in the pane. Please try again; if it keeps happening, reload it.";
}

const running = new Set(); // an action clicked twice runs once (a double save would conflict)

function act(name, fn) {
  return async (...args) => {
    if (running.has(name)) return;
    running.add(name);
    view.clearError();
    view.setBusy(true);
    try {
      await fn(...args);
    } catch (error) {
      console.error(`[pane] ${name} failed:`, error);
      view.showError(wordsFor(error));
    } finally {
      running.delete(name);
      view.setBusy(false);
    }
  };
}

async function signIn() {
  if (pane.inWord) {
    const answer = await word.openSignInDialog("/auth/login?dialog=1");
    localStorage.setItem(TOKEN, answer.token);
    if (answer.expires_at) localStorage.setItem(EXPIRES, answer.expires_at);
    await afterSignIn();
  } else {
    location.assign(`/auth/login?next=${encodeURIComponent("/pane/")}`);
  }
}

async function signOut() {
  try {
    await api.signOut();
  } catch (error) {
    // Already signed out on the server (401), or an older server without the endpoint.
    if (!(error instanceof ApiError) || ![401, 404, 405].includes(error.status)) throw error;
  }
  forgetToken();
  signOuts += 1; // anything still loading for the signed-out user stops where it is
  stopWatching();
  pane.user = null;
  view.renderWho(null);
  view.renderSignIn({ invited: false });
  view.show("sign-in");
  view.announce("You are signed out.");
}

let signOuts = 0; // counts sign-outs: a flow started before one must not carry on after it

async function afterSignIn() {
  const session = signOuts;
  const user = await api.me();
  const catalogue = await api.catalogue();
  if (session !== signOuts) return;
  pane.user = user;
  pane.catalogue = catalogue;
  view.renderWho(user);
  view.renderCreateOptions(catalogue);
  const invitation = sessionStorage.getItem(INVITATION);
  if (invitation) {
    sessionStorage.removeItem(INVITATION);
    let membership;
    try {
      membership = await api.accept(invitation);
    } catch (error) {
      await showList(); // somewhere to be while reading why it did not work
      throw error;
    }
    await openAgreement(membership.agreement_id);
    if (session !== signOuts) return;
    view.announce(`You have joined “${pane.agreement.title}”.`);
    return;
  }
  if (pane.inWord && (await openBoundAgreement())) return;
  if (await reopenPlace()) return;
  await showList();
}

function remember(place) {
  if (place) sessionStorage.setItem(PLACE, JSON.stringify(place));
  else sessionStorage.removeItem(PLACE);
}

async function reopenPlace() {
  const session = signOuts;
  let place;
  try {
    place = JSON.parse(sessionStorage.getItem(PLACE) || "null");
  } catch {
    place = null;
  }
  if (!place || !Number.isInteger(place.agreement)) return false;
  try {
    await openAgreement(place.agreement);
  } catch (error) {
    if (!(error instanceof ApiError) || ![403, 404].includes(error.status)) throw error;
    remember(null);
    return false;
  }
  if (session !== signOuts) return true;
  if (place.section && pane.agreement.sections.some((s) => s.key === place.section)) {
    await openSection(place.section);
  }
  return true;
}

// Agreements ----------------------------------------------------------------------------------

async function showList() {
  const session = signOuts;
  remember(null);
  stopWatching();
  pane.agreement = null;
  const agreements = await api.agreements();
  if (session !== signOuts) return;
  view.renderAgreementList(agreements);
  view.show("list");
}

async function createAgreement(body) {
  if (!body.title) throw new ApiError(422, "Give the agreement a title.");
  if (body.parties.length < 2) throw new ApiError(422, "Name at least two partners.");
  const agreement = await api.createAgreement(body);
  view.resetCreateForm();
  await openAgreement(agreement.id);
  view.announce(`“${agreement.title}” is started. Invite your partners below.`);
}

function labels(agreement) {
  const find = (list, key) => (list.find((i) => i.key === key) || { title: key }).title;
  return {
    kind: find(pane.catalogue.kinds, agreement.kind),
    level: find(pane.catalogue.levels, agreement.level),
  };
}

async function openAgreement(id, documentRead = null) {
  pane.etag = null;
  pane.agreement = null;
  pane.sectionKey = null;
  view.renderAudit(null);
  const session = signOuts;
  await refresh(id);
  if (session !== signOuts) return;
  remember({ agreement: pane.agreement.id });
  view.show("agreement");
  startWatching();
  if (pane.inWord) await compareWithDocument(documentRead);
}

/** Read the state (conditionally); true when it changed. */
async function refresh(id = pane.agreement && pane.agreement.id) {
  const answer = await api.state(id, pane.etag);
  if (answer.status === 304) return false;
  setState(answer.data, answer.etag);
  return true;
}

function setState(agreement, etag = null) {
  const before = pane.sectionKey && pane.agreement ? currentSection() : null;
  const same = pane.agreement && pane.agreement.id === agreement.id;
  const previousStatus = same ? pane.agreement.status : null;
  pane.agreement = agreement;
  if (previousStatus === "drafting" && agreement.status === "final") {
    view.announce("Every partner has agreed: the agreement is now final.");
  }
  pane.etag = etag;
  view.renderAgreement(agreement, labels(agreement));
  if (!pane.sectionKey) return;
  const section = currentSection();
  view.renderSectionState(agreement, section);
  const number = (s) => (s && s.revision ? s.revision.number : 0);
  const moved = before !== null && number(before) !== number(section);
  // Someone else saved: show their work, unless the user has unsaved work (a save will ask).
  if (moved && !pane.conflict && !loadDraft(sessionStorage, agreement.id, section.key)) {
    renderEditor(section, null);
  }
}

function currentSection() {
  return pane.agreement.sections.find((s) => s.key === pane.sectionKey);
}

// Polling: conditional GETs (304 = nothing new), paused while the pane is hidden --------------

let timer = null;

function startWatching() {
  stopWatching();
  timer = setInterval(() => {
    if (document.hidden || !pane.agreement) return;
    poll();
  }, POLL_MS);
}

function stopWatching() {
  if (timer) clearInterval(timer);
  timer = null;
}

let polling = false;

async function poll() {
  if (polling) return; // a slow answer is not asked for twice
  polling = true;
  try {
    if ((await refresh()) && pane.inWord) await compareWithDocument();
  } catch (error) {
    console.error("[pane] refresh failed:", error);
  } finally {
    polling = false;
  }
}

document.addEventListener("visibilitychange", () => {
  if (!document.hidden && pane.agreement && timer) poll();
});

// The section editor --------------------------------------------------------------------------

function guidanceFor(key) {
  return pane.catalogue.sections.find((s) => s.key === key) || { fields: [], prompts: [] };
}

async function openSection(key) {
  pane.sectionKey = key;
  pane.conflict = null;
  view.hideConflict();
  const section = currentSection();
  let fields = section.revision ? section.revision.fields : undefined;
  if (section.revision && fields === undefined) {
    fields = (await api.section(pane.agreement.id, key)).revision.fields;
  }
  const draft = loadDraft(sessionStorage, pane.agreement.id, key);
  renderEditor(section, draft, fields);
  view.show("section");
  remember({ agreement: pane.agreement.id, section: key });
}

function renderEditor(section, draft, fields = section.revision && section.revision.fields) {
  pane.editorBase = draft ? draft.base_revision : section.revision ? section.revision.number : 0;
  const values = draft ? draft.fields : fields || {};
  view.renderSection(pane.agreement, section, guidanceFor(section.key), values, draft);
}

function keepWork() {
  const work = view.readEditor();
  keepDraft(sessionStorage, pane.agreement.id, pane.sectionKey, {
    base_revision: pane.editorBase,
    ...work,
  });
}

async function saveSection(base = pane.editorBase) {
  const work = view.readEditor();
  keepWork();
  const body = { base_revision: base, fields: work.fields, source: "pane" };
  if (work.textEdited) body.text = work.text;
  let saved;
  try {
    saved = await api.saveSection(pane.agreement.id, pane.sectionKey, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.problem && error.problem.current) {
      pane.conflict = { theirs: error.problem.current };
      await refresh(); // the state names who saved their version
      const current = currentSection().revision;
      if (current && current.number === pane.conflict.theirs.number) {
        pane.conflict.theirs = { ...pane.conflict.theirs, author: current.author };
      }
      const mine = work.textEdited
        ? work.text
        : "Your changes to the details above (the wording is written from them when you save).";
      view.renderConflict(pane.conflict.theirs, mine);
      view.announce("Someone else saved this section first. Choose which version to keep.");
      return;
    }
    throw error;
  }
  dropDraft(sessionStorage, pane.agreement.id, pane.sectionKey);
  pane.conflict = null;
  view.hideConflict();
  pane.editorBase = saved.revision.number;
  view.resetEditorText(saved.revision.text);
  await refresh();
  renderEditor(currentSection(), null);
  view.announce(
    saved.created
      ? `Saved as revision ${saved.revision.number}.`
      : "Nothing to save: the wording is the same as the saved one.",
  );
  if (pane.binding) await writeToDocument(currentSection());
}

async function keepTheirs() {
  dropDraft(sessionStorage, pane.agreement.id, pane.sectionKey);
  pane.conflict = null;
  view.hideConflict();
  pane.etag = null;
  await refresh();
  renderEditor(currentSection(), null);
  view.announce("Their version is kept. Your changes were dropped.");
  view.focus("section-title");
}

async function saveMine() {
  const theirs = pane.conflict.theirs;
  await saveSection(theirs.number);
}

function textFromFields() {
  const section = currentSection();
  view.resetEditorText(section.revision ? section.revision.text : "");
  keepWork();
  view.announce("The wording will be written from the details when you save.");
}

// Approving -----------------------------------------------------------------------------------

/** Run an approval-type call; when the wording moved on meanwhile (409), show the new one. */
async function onCurrentWording(call) {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) await refresh();
    throw error;
  }
}

async function approve() {
  const section = currentSection();
  const state = await onCurrentWording(() =>
    api.approve(pane.agreement.id, section.key, {
      party_id: pane.agreement.my_party_id,
      revision_sha256: section.revision.sha256,
    }),
  );
  setState(state);
  view.announce(`You approved revision ${section.revision.number} of “${section.title}”.`);
  view.focus("section-status");
}

async function withdraw() {
  await api.withdraw(pane.agreement.id, pane.sectionKey, pane.agreement.my_party_id);
  await refresh();
  view.announce("Your approval is withdrawn.");
  view.focus("section-status");
}

async function requestChanges(comment) {
  if (!comment.trim()) throw new ApiError(422, "Write what needs to change before you ask.");
  const section = currentSection();
  await onCurrentWording(() =>
    api.requestChanges(pane.agreement.id, section.key, {
      party_id: pane.agreement.my_party_id,
      revision_sha256: section.revision.sha256,
      comment,
    }),
  );
  view.clearChangeComment();
  await refresh();
  view.announce("Your request for changes is sent to the other partners.");
}

async function finalise() {
  try {
    setState(await api.finalise(pane.agreement.id));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) await refresh();
    throw error;
  }
  view.announce("The agreement is final. You can download it now.");
  view.focus("agreement-title");
}

// Documents, invitations, audit ----------------------------------------------------------------

async function download(kind) {
  const a = pane.agreement;
  const ext = kind === "pdf" ? "pdf" : "docx";
  const path =
    kind === "draft" ? api.paths.draftDocx(a.id) : api.paths.finalDocument(a.id, a.version, ext);
  const { blob, name } = await api.download(path);
  const safe = a.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "agreement";
  view.saveFile(blob, name || `${safe}-${kind === "draft" ? "draft" : `v${a.version}`}.${ext}`);
  view.announce("The download has started.");
}

async function invite(partyId, role) {
  view.clearInvitation(); // never leave an older link on show while a new one is made
  const answer = await api.invite(pane.agreement.id, { party_id: partyId, role });
  view.renderInvitation(invitationLink(location.origin, answer));
  view.announce("The invitation link is ready. Copy it and send it to them.");
}

async function copyInvite(link) {
  try {
    await navigator.clipboard.writeText(link);
    view.announce("Link copied.");
  } catch {
    view.selectInvitationLink();
    view.announce("The link is selected: press Control and C to copy it.");
  }
}

async function toggleAudit() {
  if (view.renderAudit(null, pane.agreement)) return; // it was open: now closed
  view.renderAudit(await api.events(pane.agreement.id), pane.agreement);
}

// Word: the bound document (only through word.js) ---------------------------------------------

async function openBoundAgreement() {
  const read = await word.run((context) => word.readDocument(context));
  if (!read.binding) return false;
  try {
    await openAgreement(read.binding.agreementId, read);
    return true;
  } catch (error) {
    if (!(error instanceof ApiError) || ![403, 404].includes(error.status)) throw error;
    await showList();
    view.showError(
      "This document belongs to an agreement you have not joined. Ask one of its partners to send you an invitation.",
    );
    return true;
  }
}

function bindingOf(agreement) {
  return { agreementId: agreement.id, version: agreement.version, origin: location.origin };
}

function laidOut(section) {
  return {
    key: section.key,
    title: section.title,
    text: section.revision.text,
    revision: section.revision.number,
    sha256: section.revision.sha256,
  };
}

/** Read the document once; bring untouched sections up to date, offer edited ones. */
async function compareWithDocument(read = null) {
  const { binding, texts } = read || (await word.run((context) => word.readDocument(context)));
  const a = pane.agreement;
  if (!binding || Number(binding.agreementId) !== a.id) {
    pane.binding = null;
    view.renderDocument({
      inWord: true,
      words: binding
        ? "This document belongs to another agreement."
        : "This document is not linked to the agreement yet.",
    });
    return;
  }
  pane.binding = binding;
  pane.documentTexts = texts;
  const changes = [];
  const stale = [];
  for (const section of a.sections.filter((s) => s.revision)) {
    const text = texts[section.key];
    const laid = binding.sections[section.key];
    if (text === undefined) {
      stale.push(section); // its control was deleted or damaged: restore it from the server
      continue;
    }
    const sha = await sha256Hex(normalise(text));
    if (sha === section.revision.sha256) continue;
    if (laid && sha === laid.sha256) stale.push(section);
    else changes.push({ key: section.key, title: section.title });
  }
  if (stale.length) {
    await word.run((context) => word.layOut(context, bindingOf(a), stale.map(laidOut)));
  }
  view.renderDocument({
    inWord: true,
    words: changes.length
      ? "Some sections were changed in the document itself:"
      : "The document matches the saved agreement.",
    changes,
  });
}

async function layOut() {
  const a = pane.agreement;
  const sections = a.sections.filter((s) => s.revision).map(laidOut);
  const result = await word.run((context) => word.layOut(context, bindingOf(a), sections));
  view.announce(
    `Done: ${result.created} sections added, ${result.updated} updated, ${result.unchanged} already up to date.`,
  );
  await compareWithDocument();
}

async function writeToDocument(section) {
  await word.run((context) => word.writeSection(context, bindingOf(pane.agreement), laidOut(section)));
}

async function saveDocumentText(key) {
  const section = pane.agreement.sections.find((s) => s.key === key);
  const laid = pane.binding.sections[key];
  const saved = await api.saveSection(pane.agreement.id, key, {
    base_revision: laid ? laid.revision : section.revision.number,
    text: pane.documentTexts[key],
    source: "document",
  });
  await refresh();
  await writeToDocument(pane.agreement.sections.find((s) => s.key === key));
  await compareWithDocument();
  view.announce(`The document's wording of “${section.title}” is saved as revision ${saved.revision.number}. Partners need to approve it again.`);
}

// Start ---------------------------------------------------------------------------------------

async function officeHost() {
  // The Office library may be missing (a plain browser) or unreachable: never wait long.
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 3000));
  return Promise.race([word.ready(), timeout]);
}

async function start() {
  view.bind({
    signIn: act("sign in", signIn),
    signOut: act("sign out", signOut),
    showList: act("show agreements", showList),
    showAgreement: act("show agreement", async () => {
      pane.sectionKey = null;
      remember({ agreement: pane.agreement.id });
      await refresh();
      view.show("agreement");
    }),
    openAgreement: act("open agreement", openAgreement),
    createAgreement: act("create agreement", createAgreement),
    openSection: act("open section", openSection),
    editorChanged: () => {
      try {
        keepWork();
      } catch (error) {
        // Typing goes on (nothing is lost from the form); the user is told once it cannot be kept.
        console.error("[pane] keeping the draft failed:", error);
        view.showError("Your unsaved changes cannot be kept in this tab: save them soon.");
      }
    },
    saveSection: act("save section", () => saveSection()),
    keepTheirs: act("keep their version", keepTheirs),
    saveMine: act("save my version", saveMine),
    textFromFields: act("reset wording", textFromFields),
    approve: act("approve", approve),
    withdraw: act("withdraw approval", withdraw),
    requestChanges: act("request changes", requestChanges),
    finalise: act("finalise", finalise),
    download: act("download", download),
    invite: act("invite", invite),
    copyInvite: act("copy link", copyInvite),
    toggleAudit: act("audit trail", toggleAudit),
    layOut: act("lay out", layOut),
    saveDocumentText: act("save document text", saveDocumentText),
  });
  const invitation = tokenFromFragment(location.hash);
  if (invitation) {
    sessionStorage.setItem(INVITATION, invitation);
    // The token leaves the address bar (and the history) as soon as it is kept.
    if (typeof history.replaceState === "function") {
      history.replaceState(null, "", location.pathname + location.search);
    } else {
      location.hash = "";
    }
  }
  pane.inWord = Boolean(await officeHost()) && word.inWord();
  try {
    if (!token()) {
      view.renderSignIn({ invited: Boolean(sessionStorage.getItem(INVITATION)) });
      view.show("sign-in");
      return;
    }
    await afterSignIn();
  } finally {
    view.followUserActions();
  }
}

act("start", start)();
