// The only module of the pane that touches Office.js. Everything else in the pane is plain JS.
//
// Each function that works on the document takes the Word request context, so that one user
// action is one `Word.run` batch: `run((context) => layOut(context, binding, sections))`.
// Nothing here calls `context.sync()` in a loop. Budgets: readDocument and writeSection sync once
// in the usual case (the document is bound and the control is there); layOut syncs twice (read
// everything, then write everything). A batch cannot branch on what it reads, so the one-sync
// paths ask Word for "the only binding part" / "the first control tagged pa:<key>"; when that is
// missing Word fails the batch and a read-then-write pair of batches does the rest.
//
// The document is bound to its agreement by a custom XML part (the same one the server writes
// into every .docx):
//   <pa:agreement xmlns:pa="urn:partnership-agreements:binding:1" id="12" version="1"
//                 origin="https://localhost:3000">
//     <pa:section key="purpose_and_aims" revision="3" sha256="<64 hex>"/> ...
//   </pa:agreement>
// and each section's clause text sits in a content control tagged `pa:<key>`, titled with the
// section title.

import { normalise } from "./text.js";

export const NAMESPACE = "urn:partnership-agreements:binding:1";
export const TAG_PREFIX = "pa:";

const KEY = /^[a-z][a-z0-9_]{0,59}$/; // as the server reads them
const SHA256 = /^[0-9a-f]{64}$/;
const HEADING_STYLE = "Heading2"; // Word.BuiltInStyleName.heading2
const BODY_STYLE = "Normal";

// ---------------------------------------------------------------------------------------------
// Office itself

/** True when Office.js is loaded and the pane runs inside Word. */
export function inWord() {
  const office = globalThis.Office;
  const word = office?.HostType?.Word ?? "Word";
  return Boolean(office?.context?.host) && office.context.host === word;
}

/** Waits for Office.onReady; resolves {host} inside an Office application, null outside one. */
export async function ready() {
  const office = globalThis.Office;
  if (!office || typeof office.onReady !== "function") return null;
  const info = await office.onReady();
  return info?.host ? { host: info.host } : null;
}

const THEME_COLOURS = [
  "bodyBackgroundColor",
  "bodyForegroundColor",
  "controlBackgroundColor",
  "controlForegroundColor",
];
const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Word's Office theme (so the pane matches Word's own colours): {bodyBackgroundColor,
 * bodyForegroundColor, controlBackgroundColor, controlForegroundColor}, each "#rrggbb" (a
 * colour Word gives in any other form is left out). Null outside Word, or when Word gives none.
 */
export function officeTheme() {
  if (!inWord()) return null;
  const theme = globalThis.Office.context.officeTheme;
  if (!theme) return null;
  const colours = {};
  for (const name of THEME_COLOURS) {
    const value = theme[name];
    if (typeof value === "string" && COLOUR.test(value.trim())) colours[name] = value.trim();
  }
  return Object.keys(colours).length ? colours : null;
}

/** One batch for one user action: Word.run(context => action(context)). */
export function run(action) {
  const word = globalThis.Word;
  if (!word || typeof word.run !== "function") {
    return Promise.reject(new Error("This needs Word: the pane is not running inside Word."));
  }
  return word.run((context) => action(context));
}

// ---------------------------------------------------------------------------------------------
// The binding part

function escapeAttribute(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

function sectionEntry(key, { revision, sha256 } = {}) {
  // A section with no revision yet has no base to record (and the server's reader wants both).
  if (!Number.isInteger(revision) || typeof sha256 !== "string" || !SHA256.test(sha256)) return "";
  return `<pa:section key="${escapeAttribute(key)}" revision="${revision}" sha256="${sha256}"/>`;
}

/**
 * The XML of the binding part. `entries` maps each section key to {revision, sha256}, in the
 * order the sections are laid out; sections without both are left out.
 */
export function bindingXml(binding, entries) {
  const { agreementId, version, origin } = checkBinding(binding);
  const sections = Object.entries(entries)
    .map(([key, entry]) => sectionEntry(key, entry))
    .join("");
  return (
    `<pa:agreement xmlns:pa="${NAMESPACE}" id="${escapeAttribute(agreementId)}"` +
    ` version="${escapeAttribute(version)}" origin="${escapeAttribute(origin)}">` +
    `${sections}</pa:agreement>`
  );
}

function wholeNumber(text) {
  return /^[0-9]+$/.test(text ?? "") ? Number.parseInt(text, 10) : null;
}

/** The binding in a part's XML, or null when it is not one of ours (or not well formed). */
export function parseBinding(xml) {
  if (typeof xml !== "string" || !xml.trim()) return null;
  let document;
  try {
    document = new DOMParser().parseFromString(xml, "application/xml");
  } catch {
    return null; // some parsers throw on malformed XML instead of returning <parsererror>
  }
  const root = document?.documentElement;
  if (!root || root.namespaceURI !== NAMESPACE || root.localName !== "agreement") return null;
  const agreementId = wholeNumber(root.getAttribute("id"));
  const version = wholeNumber(root.getAttribute("version"));
  if (agreementId === null || version === null) return null;
  const sections = {};
  const elements = root.getElementsByTagNameNS(NAMESPACE, "section");
  for (let index = 0; index < elements.length; index += 1) {
    const element = elements.item(index);
    const key = element.getAttribute("key") ?? "";
    if (!KEY.test(key)) continue;
    const sha256 = (element.getAttribute("sha256") ?? "").toLowerCase();
    sections[key] = {
      revision: wholeNumber(element.getAttribute("revision")),
      sha256: SHA256.test(sha256) ? sha256 : null,
    };
  }
  return { agreementId, version, origin: root.getAttribute("origin") ?? "", sections };
}

function wholeOrNull(value) {
  if (Number.isInteger(value) && value >= 0) return value;
  return typeof value === "string" ? wholeNumber(value) : null;
}

function checkBinding(binding) {
  const agreementId = wholeOrNull(binding?.agreementId);
  const version = wholeOrNull(binding?.version);
  const origin = binding?.origin;
  if (agreementId === null || version === null || typeof origin !== "string") {
    throw new TypeError("The binding needs a whole-number agreementId and version and an origin.");
  }
  return { agreementId, version, origin };
}

function checkSection(section) {
  if (!KEY.test(section?.key ?? "")) {
    throw new TypeError(`Not a section key: ${JSON.stringify(section?.key)}`);
  }
  return section;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing the document

/** The section key of a content control tag `pa:<key>`, or null. */
export function keyOfTag(tag) {
  if (typeof tag !== "string" || !tag.startsWith(TAG_PREFIX)) return null;
  const key = tag.slice(TAG_PREFIX.length);
  return KEY.test(key) ? key : null;
}

function tagOf(key) {
  return `${TAG_PREFIX}${key}`;
}

function textsOf(controls) {
  const texts = {};
  for (const control of controls.items) {
    const key = keyOfTag(control.tag);
    if (key && !(key in texts)) texts[key] = normalise(control.text);
  }
  return texts;
}

/**
 * The binding (null when the document is not bound) and the normalised text of each content
 * control tagged pa:<key> (the first one, when a tag appears twice).
 *
 * One sync for a bound document (the usual case). A batch cannot branch on what it reads, so the
 * first batch asks for "the only binding part"; when there is none (or two, after two partners
 * bound the same document at once) Word fails that batch, and a second batch finds the parts
 * (and a third fetches their XML if there are several).
 */
export async function readDocument(context) {
  const controls = context.document.contentControls;
  controls.load("items/tag,items/text");
  const only = context.document.customXmlParts.getByNamespace(NAMESPACE).getOnlyItem().getXml();
  try {
    await context.sync();
    return { binding: parseBinding(only.value), texts: textsOf(controls) };
  } catch {
    // Not exactly one binding part: look at what there is.
  }
  const again = context.document.contentControls;
  again.load("items/tag,items/text");
  const parts = context.document.customXmlParts.getByNamespace(NAMESPACE);
  parts.load("items/id");
  await context.sync();
  let binding = null;
  if (parts.items.length > 0) {
    const xmls = parts.items.map((part) => part.getXml());
    await context.sync();
    binding = xmls.map((xml) => parseBinding(xml.value)).find(Boolean) ?? null;
  }
  return { binding, texts: textsOf(again) };
}

function writeBindingPart(context, parts, xml) {
  const [first, ...extra] = parts.items;
  if (first) {
    first.setXml(xml);
    for (const part of extra) part.delete(); // one binding per document
  } else {
    context.document.customXmlParts.add(xml);
  }
}

function newSectionAfter(context, anchor, section, where) {
  const heading = anchor
    ? anchor.insertParagraph(section.title, "After")
    : context.document.body.insertParagraph(section.title, where);
  heading.styleBuiltIn = HEADING_STYLE;
  const paragraph = heading.insertParagraph("", "After");
  paragraph.styleBuiltIn = BODY_STYLE;
  const control = paragraph.insertContentControl();
  control.tag = tagOf(section.key);
  control.title = section.title;
  control.insertText(section.text ?? "", "Replace");
  return control;
}

/**
 * Writes the sections into their content controls (found by tag), creates the missing ones in
 * order (a heading, then a content control tagged pa:<key> titled with the section title), and
 * writes the binding part. Idempotent: running it twice changes nothing the second time.
 * A control whose tag was damaged (no longer pa:<key>, title unchanged) gets its tag back; a
 * deleted one is made again after the section before it. Two syncs: one to read, one to write.
 */
export async function layOut(context, binding, sections) {
  checkBinding(binding);
  sections.forEach(checkSection);
  const parts = context.document.customXmlParts.getByNamespace(NAMESPACE);
  parts.load("items/id");
  const controls = context.document.contentControls;
  controls.load("items/tag,items/title,items/text");
  await context.sync();

  const byTag = new Map();
  for (const control of controls.items) {
    if (!byTag.has(control.tag)) byTag.set(control.tag, []);
    byTag.get(control.tag).push(control);
  }
  // Controls whose tag is not one of ours any more: candidates for a damaged tag.
  const strays = controls.items.filter((control) => !keyOfTag(control.tag));
  const found = sections.map((section) => {
    const tagged = byTag.get(tagOf(section.key));
    if (tagged) return { control: tagged[0], duplicates: tagged.slice(1), retagged: false };
    const index = strays.findIndex((control) => control.title === section.title);
    if (index < 0) return null;
    const [control] = strays.splice(index, 1);
    return { control, duplicates: [], retagged: true };
  });

  const result = { created: [], updated: [], unchanged: [] };
  let anchor = null;
  sections.forEach((section, index) => {
    const existing = found[index];
    if (!existing) {
      const laterExists = found.slice(index + 1).some(Boolean);
      anchor = newSectionAfter(context, anchor, section, laterExists ? "Start" : "End");
      result.created.push(section.key);
      return;
    }
    const { control, duplicates, retagged } = existing;
    let changed = retagged;
    if (retagged) control.tag = tagOf(section.key);
    if (control.title !== section.title) {
      control.title = section.title;
      changed = true;
    }
    if (normalise(control.text) !== normalise(section.text ?? "")) {
      control.insertText(section.text ?? "", "Replace");
      changed = true;
    }
    // Two partners laying out an empty document at the same moment can leave a section twice.
    for (const duplicate of duplicates) duplicate.delete(false);
    if (duplicates.length) changed = true;
    (changed ? result.updated : result.unchanged).push(section.key);
    anchor = control;
  });

  const entries = {};
  for (const section of sections) entries[section.key] = section;
  writeBindingPart(context, parts, bindingXml(binding, entries));
  await context.sync();
  return result;
}

/**
 * Updates one section's content control (creating it at the end of the document if it is
 * missing) and its entry in the binding part. `binding` is the one readDocument gave: its
 * `sections` keep the other sections' entries (without them, the part lists this section only).
 * Returns, like layOut, {created, updated, unchanged} with the section's key in one of them.
 *
 * One sync when the control and the binding part are there (the usual case). When Word says
 * one of them is missing, a read and a write batch follow (two more syncs).
 */
export async function writeSection(context, binding, section) {
  checkBinding(binding);
  checkSection(section);
  const tag = tagOf(section.key);
  const text = section.text ?? "";
  const xml = bindingXml(binding, { ...binding.sections, [section.key]: section });
  const result = { created: [], updated: [], unchanged: [] };

  const control = context.document.contentControls.getByTag(tag).getFirst();
  control.insertText(text, "Replace");
  control.title = section.title;
  context.document.customXmlParts.getByNamespace(NAMESPACE).getOnlyItem().setXml(xml);
  try {
    await context.sync();
    result.updated.push(section.key);
    return result;
  } catch {
    // The control was deleted, or the part is missing or doubled: read, then write.
  }

  const parts = context.document.customXmlParts.getByNamespace(NAMESPACE);
  parts.load("items/id");
  const controls = context.document.contentControls.getByTag(tag);
  controls.load("items/title,items/text");
  await context.sync();
  const [existing, ...duplicates] = controls.items;
  if (existing) {
    if (existing.title !== section.title) existing.title = section.title;
    if (normalise(existing.text) !== normalise(text)) existing.insertText(text, "Replace");
    for (const duplicate of duplicates) duplicate.delete(false);
    result.updated.push(section.key);
  } else {
    newSectionAfter(context, null, section, "End");
    result.created.push(section.key);
  }
  writeBindingPart(context, parts, xml);
  await context.sync();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Sign-in in the Office dialog

const DIALOG_ERRORS = {
  12002: "The sign-in page could not be loaded. Check your connection, then try again.",
  12003: "The sign-in page moved to an address that is not secure (not HTTPS), so Word closed it.",
  12004: "The sign-in page is not on this add-in's own site, so Word would not open it.",
  12005: "The sign-in page must be served over HTTPS.",
  12006: "The sign-in window was closed before signing in finished.",
  12007: "A sign-in window is already open. Finish or close it, then try again.",
  12009: "The sign-in window was not allowed to open. Try again and allow it when Word asks.",
  12011: "Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.",
};

function dialogError(code) {
  const words = DIALOG_ERRORS[code] ?? "The sign-in window stopped unexpectedly.";
  return Object.assign(new Error(`${words} (Office error ${code})`), { code });
}

/**
 * Opens `url` (our own /auth/login?dialog=1, a path or a full address) in the Office dialog and resolves {token,
 * expires_at} when the page sends {type: "signed-in", ...} with messageParent. Rejects with an
 * Error in plain words when the dialog cannot open or is closed. Closes the dialog either way.
 */
export function openSignInDialog(url) {
  const office = globalThis.Office;
  if (!office?.context?.ui?.displayDialogAsync) {
    return Promise.reject(new Error("The sign-in window needs Office: open the pane in Word."));
  }
  // Office wants the dialog's full address; the pane may pass a path on its own origin.
  const address = new URL(url, globalThis.location?.href);
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(address.href, { height: 60, width: 30 }, (opened) => {
      if (opened.status !== "succeeded") {
        reject(dialogError(opened.error?.code));
        return;
      }
      const dialog = opened.value;
      let settled = false;
      const finish = (settle) => {
        if (settled) return;
        settled = true;
        try {
          dialog.close();
        } catch {
          // already closed by the user
        }
        settle();
      };
      dialog.addEventHandler(office.EventType?.DialogMessageReceived ?? "dialogMessageReceived", (arg) => {
        if (arg.origin && arg.origin !== address.origin) return; // only our sign-in page speaks
        let message;
        try {
          message = JSON.parse(arg.message);
        } catch {
          return; // not ours
        }
        if (message?.type !== "signed-in") return;
        if (typeof message.token !== "string" || !message.token) {
          finish(() => reject(new Error("Signing in did not give the pane a token. Try again.")));
          return;
        }
        finish(() => resolve({ token: message.token, expires_at: message.expires_at ?? null }));
      });
      dialog.addEventHandler(office.EventType?.DialogEventReceived ?? "dialogEventReceived", (arg) => {
        finish(() => reject(dialogError(arg.error)));
      });
    });
  });
}
