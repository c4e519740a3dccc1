// The pane's view of what changed since the final version: only changed sections, deleted
// words in <del>, inserted ones in <ins>, user text as text. A DOM from @xmldom/xmldom.
import assert from "node:assert/strict";
import { test } from "node:test";

import { DOMImplementation, XMLSerializer } from "@xmldom/xmldom";

import {
  changedSections,
  renderChanges,
  shortened,
  summary,
} from "../../plugin/taskpane/changes.js";

const ANSWER = {
  agreement_id: 4,
  final_version: 1,
  version: 2,
  differs: true,
  sections: [
    { key: "partners", title: "Partners", status: "unchanged", runs: [] },
    {
      key: "purpose_and_aims",
      title: "Purpose & aims",
      status: "changed",
      author: "Joe Lindsay",
      runs: [
        { op: "same", text: "Keep young people " },
        { op: "del", text: "safe" },
        { op: "ins", text: "& <their> families safe" },
        { op: "same", text: "." },
      ],
    },
    {
      key: "health_and_safety",
      title: "Health and safety",
      status: "added",
      author: "Fiona Reid",
      runs: [{ op: "ins", text: "Risk assessments first." }],
    },
  ],
};

function page() {
  const doc = new DOMImplementation().createDocument(null, "html", null);
  const container = doc.createElement("section");
  container.setAttribute("hidden", "");
  doc.documentElement.appendChild(container);
  return { doc, container };
}

test("only the sections that differ, with who changed them", () => {
  const changed = changedSections(ANSWER);
  assert.deepEqual(
    changed.map((c) => [c.key, c.note]),
    [
      ["purpose_and_aims", "changed by Joe Lindsay"],
      ["health_and_safety", "new since the final version by Fiona Reid"],
    ],
  );
  assert.equal(summary(ANSWER), "2 sections changed since final version 1.");
  assert.equal(
    summary({ ...ANSWER, sections: [ANSWER.sections[0]] }),
    "Nothing has changed since final version 1.",
  );
});

test("deleted words in <del>, inserted in <ins>, user text escaped", () => {
  const { doc, container } = page();
  renderChanges(doc, container, ANSWER, null);
  assert.equal(container.hasAttribute("hidden"), false);
  const [first] = Array.from(container.getElementsByTagName("article"));
  assert.equal(first.getAttribute("data-section"), "purpose_and_aims");
  assert.equal(first.getElementsByTagName("del")[0].textContent, "safe");
  assert.equal(first.getElementsByTagName("ins")[0].textContent, "& <their> families safe");
  const html = new XMLSerializer().serializeToString(container);
  assert.ok(html.includes("&amp; &lt;their&gt; families safe"), html);
  assert.ok(html.includes("Purpose &amp; aims"));
  const link = first.getElementsByTagName("a")[0];
  assert.equal(link.getAttribute("href"), "/pane/#agreement=4&section=purpose_and_aims");
  // The text once the changes are taken (kept and inserted runs) is the new text.
  const kept = Array.from(first.getElementsByTagName("p")[1].childNodes)
    .filter((n) => n.nodeName !== "del")
    .map((n) => n.textContent)
    .join("");
  assert.equal(kept, "Keep young people & <their> families safe.");
});

test("long unchanged text is cut to the words around each change", () => {
  const words = (n, w) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");
  const runs = [
    { op: "same", text: words(100, "a") },
    { op: "ins", text: "NEW" },
    { op: "same", text: words(100, "b") },
    { op: "del", text: "OLD" },
    { op: "same", text: "short" },
  ];
  const short = shortened(runs);
  assert.ok(short[0].text.startsWith("… ") && short[0].text.endsWith("a99"));
  assert.ok(short[2].text.startsWith("b0 b1") && short[2].text.endsWith("b99"));
  assert.ok(short[2].text.includes(" … "));
  assert.ok(short[0].text.length < 100 && short[2].text.length < 200);
  assert.deepEqual(short.slice(3), runs.slice(3));
  assert.deepEqual(shortened(runs.slice(1, 2)), runs.slice(1, 2));
});
