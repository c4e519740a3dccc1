// A stand-in for word.js in the browser tests: the same interface, over an in-memory "document"
// kept in sessionStorage (so it survives a reload, as a real document would). Office.js cannot
// run here; word.js itself is tested against office-addin-mock. This lets the tests drive the
// pane's own Word logic (app.js): sign-in by dialog, laying out, detecting typed changes.

const KEY = "pa.test.document";
const load = () =>
  JSON.parse(sessionStorage.getItem(KEY) || '{"binding": null, "texts": {}, "runs": 0}');
const save = (doc) => sessionStorage.setItem(KEY, JSON.stringify(doc));

export function inWord() {
  return true;
}

/** The Office theme a test asks for (sessionStorage "pa.test.theme"), as word.js gives it. */
export function officeTheme() {
  return JSON.parse(sessionStorage.getItem("pa.test.theme") || "null");
}

export async function ready() {
  return { host: "Word" };
}

export async function run(action) {
  const doc = load();
  doc.runs += 1;
  save(doc);
  return action({});
}

export async function readDocument() {
  const doc = load();
  return { binding: doc.binding, texts: { ...doc.texts } };
}

function put(doc, binding, section) {
  const before = doc.texts[section.key];
  doc.texts[section.key] = section.text;
  doc.binding.sections[section.key] = { revision: section.revision, sha256: section.sha256 };
  return before === undefined ? "created" : before === section.text ? "unchanged" : "updated";
}

export async function layOut(context, binding, sections) {
  const doc = load();
  const kept = doc.binding && doc.binding.agreementId === binding.agreementId;
  doc.binding = { ...binding, sections: kept ? doc.binding.sections : {} };
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const section of sections) counts[put(doc, binding, section)] += 1;
  save(doc);
  return counts;
}

export async function writeSection(context, binding, section) {
  const doc = load();
  put(doc, binding, section);
  save(doc);
}

export function openSignInDialog(url) {
  sessionStorage.setItem("pa.test.dialog", url);
  return Promise.resolve({
    token: sessionStorage.getItem("pa.test.dialog-token"),
    expires_at: null,
  });
}
