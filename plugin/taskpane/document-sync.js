// The Word document linked to the open agreement (through linked-document.js and word.js
// only): open the agreement a document names, bring untouched sections up to date, offer the
// wording typed straight into the document as a new revision.

import { ApiError } from "./api.js";
import * as linked from "./linked-document.js";
import * as view from "./view.js";

/** The document actions over the pane's shared state (app.js hands over what they need). */
export function createDocumentSync({ pane, api, refresh, openAgreement, showList }) {

  async function openBoundAgreement() {
    const read = await linked.read();
    if (!read.binding) return false;
    try {
      await openAgreement(read.binding.agreementId, read);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError) || ![403, 404].includes(error.status)) throw error;
      await showList();
      view.showError(
        "This document belongs to an agreement you have not joined. " +
          "Ask one of its partners to send you an invitation.",
      );
      return true;
    }
  }

  /** Read the document once; bring untouched sections up to date, offer edited ones. */
  async function compareWithDocument(read = null) {
    const { binding, texts } = read || (await linked.read());
    const a = pane.agreement;
    pane.changedInDocument = {};
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
    const { stale, changed } = await linked.compare(a, binding, texts);
    for (const change of changed) pane.changedInDocument[change.key] = change.text;
    if (stale.length) await linked.layOut(a, stale, location.origin);
    view.renderDocument({
      inWord: true,
      words: changed.length
        ? "Some sections were changed in the document itself:"
        : "The document matches the saved agreement.",
      changes: changed,
    });
  }

  async function layOut() {
    const a = pane.agreement;
    const sections = a.sections.filter((s) => s.revision);
    const result = await linked.layOut(a, sections, location.origin);
    view.announce(
      `Done: ${result.created} sections added, ${result.updated} updated, ` +
        `${result.unchanged} already up to date.`,
    );
    await compareWithDocument();
  }

  async function writeToDocument(section) {
    await linked.writeSection(pane.agreement, section, location.origin);
  }

  async function saveDocumentText(key) {
    const section = pane.agreement.sections.find((s) => s.key === key);
    const laid = (pane.binding.sections || {})[key];
    const saved = await api.saveSection(pane.agreement.id, key, {
      // The revision the document's text was laid out from (a damaged entry: the current one).
      base_revision:
        laid && Number.isInteger(laid.revision) ? laid.revision : section.revision.number,
      text: pane.changedInDocument[key],
      source: "document",
    });
    await refresh();
    await writeToDocument(pane.agreement.sections.find((s) => s.key === key));
    await compareWithDocument();
    view.announce(
      `The document's wording of “${section.title}” is saved as revision ` +
        `${saved.revision.number}. Partners need to approve it again.`,
    );
  }

  return { compareWithDocument, layOut, openBoundAgreement, saveDocumentText, writeToDocument };
}
