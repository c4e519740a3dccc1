// The section editor: guidance, the fields as a form, the clause text, saving (with the choice
// when someone saved first), approving and objecting. Unsaved work is kept (drafts.js).

import { ApiError } from "./api.js";
import { dropDraft, keepDraft, loadDraft } from "./drafts.js";
import * as view from "./view.js";

/**
 * The editor's actions over the pane's shared state. `refresh()` re-reads the agreement,
 * `setState(agreement)` shows one, `remember(place)` keeps where the user is across a reload,
 * `writeToDocument(section)` updates the linked Word document.
 */
export function createSectionEditor({ pane, api, refresh, setState, remember, writeToDocument }) {
  const currentSection = () => pane.agreement.sections.find((s) => s.key === pane.sectionKey);

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

  return {
    openSection,
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
