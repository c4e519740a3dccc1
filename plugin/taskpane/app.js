// Wires the pane together: sign-in, the API, the view, Word (through word.js only), polling.
// Every user action runs through act(): awaited, errors shown in plain words and logged.

import { ApiError, createApi } from "./api.js";
import { loadDraft } from "./drafts.js";
import { invitationLink, tokenFromFragment } from "./invitation.js";
import { createDocumentSync } from "./document-sync.js";
import { mountMailChoice } from "./mail-choice.js";
import { createSectionEditor } from "./section-editor.js";
import { partyName } from "./status.js";
import { BROWSER_SIGN_IN, DIALOG_SIGN_IN, forgetToken, keepToken, storedToken } from "./sign-in.js";
import * as view from "./view.js";
import { placeOf, renderWaiting } from "./waiting.js";
import { renderChanges } from "./changes.js";
import * as word from "./word.js";

const POLL_MS = 4000;
const INVITATION = "pa.invitation";
const PLACE = "pa.place"; // where the user was, so that a reload takes them back there

const pane = {
  inWord: false,
  user: null,
  catalogue: null,
  agreement: null, // the state as last read
  etag: null,
  sectionKey: null, // the section open in the editor
  detail: null, // that section as GET …/sections/{key} gives it (fields, findings)
  editorBase: 0, // the revision the editor's work is based on
  conflict: null, // {theirs} while a save conflict waits for the user's choice
  binding: null, // the Word document's binding, when it names the open agreement
  changedInDocument: {}, // section key -> text typed straight into the document
};

// Sign-in -----------------------------------------------------------------------------------

const token = () => storedToken(localStorage);

const api = createApi({
  getToken: token,
  onUnauthorised: () => {
    forgetToken(localStorage);
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
    keepToken(localStorage, await word.openSignInDialog(DIALOG_SIGN_IN));
    await afterSignIn();
  } else {
    location.assign(BROWSER_SIGN_IN);
  }
}

async function signOut() {
  try {
    await api.signOut();
  } catch (error) {
    // Already signed out on the server (401): the pane forgets the token all the same.
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  }
  forgetToken(localStorage);
  signOuts += 1; // anything still loading for the signed-out user stops where it is
  stopWatching();
  pane.user = null;
  // The sign-in service's own session too: else "Sign in" lets the same person straight back in
  // without a password (a shared computer).
  let providerEnded = true;
  try {
    await api.endProviderSession();
  } catch (error) {
    console.error("[pane] ending the sign-in service's session failed:", error);
    providerEnded = false;
  }
  view.renderWho(null);
  view.renderSignIn({ invited: false });
  view.show("sign-in");
  if (!providerEnded) {
    view.showError(
      "You are signed out of the pane, but the sign-in service may still remember you in this " +
        "browser. On a shared computer, close the browser.",
    );
    return;
  }
  view.announce("You are signed out.");
}

let signOuts = 0; // counts sign-outs: a flow started before one must not carry on after it

async function afterSignIn() {
  const session = signOuts;
  // One round: who, the guidance and (outside Word) the agreement the user was last in.
  const place = pane.inWord || sessionStorage.getItem(INVITATION) ? null : rememberedPlace();
  const early = place ? api.state(place.agreement, null).catch(() => null) : null;
  const [user, catalogue] = await Promise.all([api.me(), api.catalogue()]);
  if (session !== signOuts) return;
  pane.user = user;
  pane.catalogue = catalogue;
  view.renderWho(user);
  view.setUser(user);
  mountMailChoice(document.getElementById("who"), api).catch(() => {}); // mail is optional
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
  if (await reopenPlace(early)) return;
  await showList();
}

function remember(place) {
  if (place) sessionStorage.setItem(PLACE, JSON.stringify(place));
  else sessionStorage.removeItem(PLACE);
}

function rememberedPlace() {
  let place;
  try {
    place = JSON.parse(sessionStorage.getItem(PLACE) || "null");
  } catch {
    place = null;
  }
  return place && Number.isInteger(place.agreement) ? place : null;
}

/** Back where the user was; `early`: the state already asked for (null: ask now). */
async function reopenPlace(early = null) {
  const session = signOuts;
  const place = rememberedPlace();
  if (!place) return false;
  try {
    await openAgreement(place.agreement, null, early);
  } catch (error) {
    if (!(error instanceof ApiError) || ![403, 404].includes(error.status)) throw error;
    remember(null);
    return false;
  }
  if (session !== signOuts) return true;
  if (place.section && pane.agreement.sections.some((s) => s.key === place.section)) {
    await editor.openSection(place.section);
  }
  return true;
}

// Agreements ----------------------------------------------------------------------------------

async function showList() {
  const session = signOuts;
  remember(null);
  stopWatching();
  pane.agreement = null;
  showing = null;
  const [agreements, waiting] = await Promise.all([api.agreements(), api.waiting()]);
  if (session !== signOuts) return;
  view.renderAgreementList(agreements);
  renderWaiting(document, document.getElementById("waiting"), waiting, openWaiting);
  view.show("list");
}

const openWaiting = act("open what waits", async (agreementId, sectionKey) => {
  await openAgreement(agreementId);
  if (sectionKey && pane.agreement.sections.some((s) => s.key === sectionKey)) {
    await editor.openSection(sectionKey);
  }
});

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

async function openAgreement(id, documentRead = null, early = null) {
  showing = Number(id);
  pane.etag = null;
  pane.agreement = null;
  pane.sectionKey = null;
  view.renderAudit(null);
  const session = signOuts;
  const answer = early ? await early : null;
  if (answer && answer.data && answer.data.id === id) setState(answer.data, answer.etag);
  else await refresh(id);
  if (session !== signOuts) return;
  remember({ agreement: pane.agreement.id });
  view.show("agreement");
  startWatching();
  document.getElementById("changes-since-final").hidden = true;
  if (pane.agreement.version > 1) {
    const changes = await api.changesSinceFinal(id);
    renderChanges(document, document.getElementById("changes-since-final"), changes, (key) =>
      editor.openSection(key),
    );
  }
  if (pane.inWord) await compareWithDocument(documentRead);
}

// Each state read is numbered as it is asked for, and a state is shown only when nothing asked
// for later is on show already, and only for the agreement the pane shows or is opening: a
// poll's answer that arrives after a newer state (a save's own refresh, a write's answer), or
// after the user moved to another agreement or the list, would otherwise put it back.
let stateAsked = 0;
let stateShown = 0;
let showing = null; // the id of the agreement on show or being opened; null on the list

/** Read the state (conditionally); true when it changed. */
async function refresh(id = pane.agreement && pane.agreement.id) {
  const asked = ++stateAsked;
  const answer = await api.state(id, pane.etag);
  const stale = asked < stateShown || Number(id) !== showing;
  if (stale || answer.status === 304) return false;
  setState(answer.data, answer.etag, asked);
  return true;
}

/** Show `agreement`; `asked`: the number of the read it answers (a write's answer is newest). */
function setState(agreement, etag = null, asked = ++stateAsked) {
  stateShown = asked;
  const before = pane.sectionKey && pane.agreement ? currentSection() : null;
  const same = pane.agreement && pane.agreement.id === agreement.id;
  const previousStatus = same ? pane.agreement.status : null;
  pane.agreement = agreement;
  if (previousStatus === "drafting" && agreement.status === "final") {
    view.announce("Every partner has agreed: the agreement is now final.");
  }
  pane.etag = etag;
  view.renderAgreement(agreement, labels(agreement), pane.user && pane.user.id);
  if (!pane.sectionKey) return;
  const section = currentSection();
  view.renderSectionState(agreement, section);
  const number = (s) => (s && s.revision ? s.revision.number : 0);
  const moved = before !== null && number(before) !== number(section);
  // Someone else saved: show their work, unless the user has unsaved work (a save will ask).
  if (moved && !pane.conflict && !loadDraft(localStorage, agreement.id, section.key)) {
    editor
      .followTheirs()
      .catch((error) => console.error("[pane] reading the section failed:", error));
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

// The section editor (section-editor.js) -------------------------------------------------------

const documentSync = createDocumentSync({ pane, api, refresh, openAgreement, showList });
const { compareWithDocument, layOut, openBoundAgreement, saveDocumentText, writeToDocument } =
  documentSync;
const editor = createSectionEditor({ pane, api, refresh, remember, writeToDocument });

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
  await refresh(); // the partners list says an invitation is waiting
  view.renderInvitation(invitationLink(location.origin, answer));
  view.announce("The invitation link is ready. Copy it and send it to them.");
}

/** The server decides: on a refusal, the partners list is read again before the words show. */
async function changePeople(change, done) {
  try {
    await change();
  } catch (error) {
    if (error instanceof ApiError && [403, 404, 409].includes(error.status)) await refresh();
    throw error;
  }
  await refresh();
  view.focusPartners();
  view.announce(done);
}

async function revokeInvitation(invitationId) {
  await changePeople(
    () => api.revokeInvitation(pane.agreement.id, invitationId),
    "The invitation is withdrawn: its link no longer works.",
  );
}

async function removeMember(memberId) {
  const member = pane.agreement.members.find((m) => m.id === memberId);
  const who = member ? member.user.name : "They";
  const party = member ? partyName(pane.agreement, member.party_id) : "their partner";
  await changePeople(
    () => api.removeMember(pane.agreement.id, memberId),
    `${who} no longer speaks for ${party}.`,
  );
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
    openSection: act("open section", editor.openSection),
    editorChanged: () => {
      try {
        editor.keepWork();
      } catch (error) {
        // Typing goes on (nothing is lost from the form); the user is told once it cannot be kept.
        console.error("[pane] keeping the draft failed:", error);
        view.showError("Your unsaved changes cannot be kept in this tab: save them soon.");
      }
    },
    saveSection: act("save section", () => editor.saveSection()),
    keepTheirs: act("keep their version", editor.keepTheirs),
    saveMine: act("save my version", editor.saveMine),
    textFromFields: act("reset wording", editor.textFromFields),
    approve: act("approve", editor.approve),
    acceptFinding: act("accept finding", editor.acceptFinding),
    withdraw: act("withdraw approval", editor.withdraw),
    requestChanges: act("request changes", editor.requestChanges),
    finalise: act("finalise", finalise),
    download: act("download", download),
    invite: act("invite", invite),
    copyInvite: act("copy link", copyInvite),
    revokeInvitation: act("withdraw invitation", revokeInvitation),
    removeMember: act("remove member", removeMember),
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
  const target = placeOf(location.hash); // a link into an agreement (what waits, an email)
  if (target.agreementId) remember({ agreement: target.agreementId, section: target.sectionKey });
  pane.inWord = Boolean(await officeHost()) && word.inWord();
  if (pane.inWord) view.applyTheme(word.officeTheme()); // else prefers-color-scheme
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

// Fluent 2's web components (fluent.js, generated by generate/fluent.mjs; preloaded with the rest):
// defined while the first answers are on their way, not before the first request is made.
import("./fluent.js").catch((error) => console.error("Fluent's components did not load", error));
act("start", start)();
