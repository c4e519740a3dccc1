// Unsaved work kept in sessionStorage until it is saved: nothing a user typed is lost on a
// reload, a conflict or a lost connection.

const key = (agreementId, sectionKey) => `pa.draft.${agreementId}.${sectionKey}`;

export function loadDraft(storage, agreementId, sectionKey) {
  const raw = storage.getItem(key(agreementId, sectionKey));
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    storage.removeItem(key(agreementId, sectionKey));
    return null;
  }
}

/** draft: {base_revision, fields, text, textEdited} */
export function keepDraft(storage, agreementId, sectionKey, draft) {
  storage.setItem(key(agreementId, sectionKey), JSON.stringify(draft));
}

export function dropDraft(storage, agreementId, sectionKey) {
  storage.removeItem(key(agreementId, sectionKey));
}
