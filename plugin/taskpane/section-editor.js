// The section editor: guidance, the fields as a form, the clause text, saving (with the choice
// when someone saved first), approving and objecting. Unsaved work is kept (drafts.js).

import { ApiError } from "./api.js";
import { dropDraft, keepDraft, loadDraft } from "./drafts.js";
import * as view from "./view.js";

const PREVIEW_MS = 400; // how long typing pauses before the preview is asked for

/**
 * The editor's actions over the pane's shared state. `refresh()` re-reads the agreement,
 * `remember(place)` keeps where the user is across a reload,
 * `writeToDocument(section)` updates the linked Word document.
 */
export function createSectionEditor({ pane, api, refresh, remember, writeToDocument }) {
  const currentSection = () => pane.agreement.sections.find((s) => s.key === pane.sectionKey);

  function guidanceFor(key) {
    return pane.catalogue.sections.find((s) => s.key === key) || { fields: [], prompts: [] };
  }

  /** Read the section's fields and findings (the state does not carry fields). */
  async function readDetail(key = pane.sectionKey) {
    const detail = await api.section(pane.agreement.id, key);
    if (pane.sectionKey === key) pane.detail = detail;
    return detail;
  }

  async function openSection(key) {
    pane.sectionKey = key;
    pane.conflict = null;
    pane.detail = null;
    view.hideConflict();
    await readDetail(key);
    const draft = loadDraft(sessionStorage, pane.agreement.id, key);
    renderEditor(currentSection(), draft);
    view.show("section");
    remember({ agreement: pane.agreement.id, section: key });
  }

  /** Someone else saved the open section: show their work (fields read again). */
  async function followTheirs() {
    const key = pane.sectionKey;
    await readDetail(key);
    if (pane.sectionKey !== key || pane.conflict) return;
    if (loadDraft(sessionStorage, pane.agreement.id, key)) return; // a save will ask
    renderEditor(currentSection(), null);
  }

  function savedFields() {
    return pane.detail && pane.detail.key === pane.sectionKey ? pane.detail.fields : {};
  }

  function renderEditor(section, draft) {
    pane.editorBase = draft ? draft.base_revision : section.revision ? section.revision.number : 0;
    const values = draft ? draft.fields : savedFields();
    view.renderSection(pane.agreement, section, guidanceFor(section.key), values, draft);
    previewShown = null; // the editor was drawn again, with an empty preview
    schedulePreview(0);
  }

  // Live preview: the clause the form's details give, asked for once typing pauses ------------

  let previewTimer = null;
  let previewAsked = 0;
  let previewShown = null; // the section and fields the preview on show was made from

  function schedulePreview(delay = PREVIEW_MS) {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      showPreview().catch((error) => console.error("[pane] preview failed:", error));
    }, delay);
  }

  async function showPreview() {
    const asked = ++previewAsked;
    const key = pane.sectionKey;
    if (!key || !pane.agreement) return;
    const { fields } = view.readEditor();
    const asking = `${key}:${JSON.stringify(fields)}`;
    if (asking === previewShown) return; // only the wording was typed: the preview stands
    let answer;
    try {
      answer = await api.preview(pane.agreement.id, key, fields);
    } catch (error) {
      if (asked !== previewAsked || pane.sectionKey !== key) return;
      if (error instanceof ApiError && error.status === 422) {
        view.renderPreview({ problem: error.message });
        return;
      }
      view.renderPreview({ problem: "The preview is not available just now." });
      throw error;
    }
    if (asked !== previewAsked || pane.sectionKey !== key) return; // a newer one is coming
    previewShown = asking;
    view.renderPreview(answer);
  }

  function keepWork() {
    const work = view.readEditor();
    keepDraft(sessionStorage, pane.agreement.id, pane.sectionKey, {
      base_revision: pane.editorBase,
      ...work,
    });
    schedulePreview();
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
      if (
        error instanceof ApiError &&
        error.status === 409 &&
        error.problem &&
        error.problem.current
      ) {
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
    pane.detail = { ...pane.detail, key: pane.sectionKey, fields: saved.revision.fields };
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
    await readDetail();
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
    const authority = view.readAuthority();
    if (!authority.confirmed) {
      throw new ApiError(422, "Tick the box to confirm you have authority to agree this.");
    }
    await onCurrentWording(() =>
      api.approve(pane.agreement.id, section.key, {
        party_id: pane.agreement.my_party_id,
        revision_sha256: section.revision.sha256,
        confirms_authority: true,
        ...(authority.jobTitle ? { job_title: authority.jobTitle } : {}),
      }),
    );
    await refresh();
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

  /** An approver records why the partners accept a `must` finding (it stops blocking). */
  async function acceptFinding(code, reason) {
    if (!reason.trim()) throw new ApiError(422, "Write the partners' reason before you record it.");
    await api.acceptFinding(pane.agreement.id, pane.sectionKey, { code, reason });
    await refresh();
    view.announce(
      "The reason is recorded. This check no longer stops the agreement being finalised.",
    );
  }

  return {
    openSection,
    followTheirs,
    acceptFinding,
    renderEditor,
    keepWork,
    saveSection,
    keepTheirs,
    saveMine,
    textFromFields,
    approve,
    withdraw,
    requestChanges,
  };
}
