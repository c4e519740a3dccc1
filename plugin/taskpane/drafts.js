// Unsaved work, kept in localStorage as the user types, per agreement, section and the revision
// it is based on: nothing typed is lost to a closed pane, a reload, a sign-out, an expired token,
// a conflict or a lost connection. Only a save (or choosing the other version) drops it.

const PREFIX = "pa.draft.";
const prefix = (agreementId, sectionKey) => `${PREFIX}${agreementId}.${sectionKey}.`;

function keysOf(storage, agreementId, sectionKey) {
  const start = prefix(agreementId, sectionKey);
  const keys = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name && name.startsWith(start) && /^\d+$/.test(name.slice(start.length))) keys.push(name);
  }
  return keys;
}

/** The section's unsaved work {base_revision, fields, text, textEdited, kept_at}, or null. */
export function loadDraft(storage, agreementId, sectionKey) {
  let newest = null;
  for (const name of keysOf(storage, agreementId, sectionKey)) {
    let draft;
    try {
      draft = JSON.parse(storage.getItem(name));
    } catch {
      storage.removeItem(name);
      continue;
    }
    if (!draft || typeof draft !== "object") continue;
    if (!newest || (draft.kept_at || 0) >= (newest.kept_at || 0)) newest = draft;
  }
  return newest;
}

/** draft: {base_revision, fields, text, textEdited}; kept under its base revision. */
export function keepDraft(storage, agreementId, sectionKey, draft, now = Date.now()) {
  const name = `${prefix(agreementId, sectionKey)}${Number(draft.base_revision) || 0}`;
  storage.setItem(name, JSON.stringify({ ...draft, kept_at: now }));
  // One draft per section: work based on an older revision is superseded by this one.
  for (const other of keysOf(storage, agreementId, sectionKey)) {
    if (other !== name) storage.removeItem(other);
  }
}

export function dropDraft(storage, agreementId, sectionKey) {
  for (const name of keysOf(storage, agreementId, sectionKey)) storage.removeItem(name);
}
