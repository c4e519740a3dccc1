// The Word document linked to an agreement (its binding part and one content control per
// section), reached through word.js only: one batch (word.run) per call here.

import { normalise, sha256Hex } from "./text.js";
import * as word from "./word.js";

/** The binding the pane writes into the document for `agreement`, served from `origin`. */
export function bindingOf(agreement, origin) {
  return { agreementId: agreement.id, version: agreement.version, origin };
}

/** A section as word.js lays it out. */
export function laidOut(section) {
  return {
    key: section.key,
    title: section.title,
    text: section.revision.text,
    revision: section.revision.number,
    sha256: section.revision.sha256,
  };
}

/**
 * Compare the document with the agreement's saved sections: `stale` sections are untouched in
 * the document but older than the server's, or missing there (their control deleted or its tag
 * damaged): bring them up to date. `changed` ones were typed into: offer them as revisions.
 */
export async function compare(agreement, binding, texts) {
  const stale = [];
  const changed = [];
  const laidOutAs = binding.sections || {};
  for (const section of agreement.sections.filter((s) => s.revision)) {
    const text = texts[section.key];
    if (text === undefined) {
      stale.push(section);
      continue;
    }
    const sha = await sha256Hex(normalise(text));
    if (sha === section.revision.sha256) continue;
    const laid = laidOutAs[section.key];
    if (laid && sha === laid.sha256) stale.push(section);
    else changed.push({ key: section.key, title: section.title, text });
  }
  return { stale, changed };
}

/** {binding, texts} as the document holds them now. */
export function read() {
  return word.run((context) => word.readDocument(context));
}

/** Put `sections` into the document (found by tag and updated, or added), bound to `agreement`. */
export function layOut(agreement, sections, origin) {
  return word.run((context) =>
    word.layOut(context, bindingOf(agreement, origin), sections.map(laidOut)),
  );
}

export function writeSection(agreement, section, origin) {
  return word.run((context) =>
    word.writeSection(context, bindingOf(agreement, origin), laidOut(section)),
  );
}
