// Section text normalisation and its sha256: the same rules as plugin/workflow/text.py.
// tests/vectors/normalisation.json pins both; tests/js/text.test.js checks this file against it.
//
// Normalisation: Unicode NFC; every line break (CRLF, CR, vertical tab, form feed, U+0085, U+2028,
// U+2029) becomes LF; on each line, runs of space characters become one space and the ends are
// trimmed; runs of blank lines become one blank line; blank lines at the start and end are dropped.

const LINE_BREAKS = /\r\n|[\r\v\f\u0085\u2028\u2029]/gu;
// Spelled out rather than \s, whose meaning differs between Python and JS: tab, space, NBSP,
// the Unicode space separators (Zs), and U+FEFF, which Word can leave behind.
const SPACES = /[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+/gu;
const BLANK_RUNS = /\n{3,}/gu;

function trim(text, character) {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === character) start += 1;
  while (end > start && text[end - 1] === character) end -= 1;
  return text.slice(start, end);
}

/** The canonical form of section text that hashing and comparison use. */
export function normalise(text) {
  const lines = String(text)
    .normalize("NFC")
    .replace(LINE_BREAKS, "\n")
    .split("\n")
    .map((line) => trim(line.replace(SPACES, " "), " "));
  return trim(lines.join("\n").replace(BLANK_RUNS, "\n\n"), "\n");
}

/** Hex sha256 of the normalised text, UTF-8 encoded (what approvals name). */
export async function sha256Hex(text) {
  const bytes = new TextEncoder().encode(normalise(text));
  // Browsers and node 20 have Web Crypto as a global; node 18 (Debian's) keeps it in node:crypto.
  const subtle = globalThis.crypto?.subtle ?? (await import("node:crypto")).webcrypto.subtle;
  const digest = await subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
