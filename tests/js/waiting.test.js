// The "what needs me" list in the pane: words for each kind, links into the agreement and
// section, and user text put in as text (never markup). A DOM from @xmldom/xmldom.
import assert from "node:assert/strict";
import { test } from "node:test";

import { DOMImplementation, XMLSerializer } from "@xmldom/xmldom";

import { dayWords, itemWords, placeOf, renderWaiting } from "../../plugin/taskpane/waiting.js";

const ITEMS = [
  {
    kind: "approve_section",
    agreement_id: 7,
    agreement_title: "Eastfield & <youth> diversion",
    section_key: "purpose_and_aims",
    section_title: "Purpose and aims",
    party_id: 1,
    party_name: "O'Brien & Sons <Trust>",
    pane_link: "/pane/#agreement=7&section=purpose_and_aims",
  },
  {
    kind: "answer_change_request",
    agreement_id: 7,
    agreement_title: "Eastfield & <youth> diversion",
    section_key: "code_of_conduct",
    section_title: "Code of conduct",
    party_id: 2,
    party_name: "Police Unit",
    pane_link: "/pane/#agreement=7&section=code_of_conduct",
  },
  {
    kind: "review_due",
    agreement_id: 9,
    agreement_title: "Northside",
    section_key: "review_and_revision",
    section_title: "Review and revision of the agreement",
    due: "2027-06-15",
    pane_link: "/pane/#agreement=9&section=review_and_revision",
  },
];

function page() {
  const doc = new DOMImplementation().createDocument(null, "html", null);
  const container = doc.createElement("section");
  container.setAttribute("hidden", "");
  doc.documentElement.appendChild(container);
  return { doc, container };
}

test("each kind reads as what to do, with the agreement and the date", () => {
  assert.deepEqual(itemWords(ITEMS[0]), {
    what: "Approve “Purpose and aims” for O'Brien & Sons <Trust>",
    where: "Eastfield & <youth> diversion",
  });
  assert.equal(itemWords(ITEMS[1]).what, "Police Unit asked for changes to “Code of conduct”");
  assert.deepEqual(itemWords(ITEMS[2]), {
    what: "Review the agreement",
    where: "Northside · Tue 15 June 2027",
  });
  assert.equal(dayWords("2027-01-01"), "Fri 1 January 2027");
});

test("a pane link gives its agreement and section; anything else gives nothing", () => {
  assert.deepEqual(placeOf("/pane/#agreement=7&section=code_of_conduct"), {
    agreementId: 7,
    sectionKey: "code_of_conduct",
  });
  assert.deepEqual(placeOf("/pane/#agreement=9"), { agreementId: 9, sectionKey: null });
  assert.equal(placeOf("/pane/#agreement=x").agreementId, null);
});

test("the list links into each agreement and section, with user text as text", () => {
  const { doc, container } = page();
  renderWaiting(doc, container, ITEMS, null);
  assert.equal(container.hasAttribute("hidden"), false);
  const links = Array.from(container.getElementsByTagName("a"));
  assert.deepEqual(
    links.map((a) => a.getAttribute("href")),
    ITEMS.map((i) => i.pane_link),
  );
  const html = new XMLSerializer().serializeToString(container);
  assert.ok(html.includes("O'Brien &amp; Sons &lt;Trust&gt;"), html);
  assert.ok(!html.includes("<Trust>") && !html.includes("<youth>"));
  assert.equal(container.getElementsByTagName("h2")[0].textContent, "Waiting for you");
});

test("nothing waiting: the list is emptied and hidden", () => {
  const { doc, container } = page();
  renderWaiting(doc, container, ITEMS, null);
  renderWaiting(doc, container, [], null);
  assert.equal(container.getElementsByTagName("li").length, 0);
  assert.equal(container.hasAttribute("hidden"), true);
});

test("a click opens the place instead of following the link", () => {
  const opened = [];
  const listeners = [];
  const { doc, container } = page();
  const createElement = doc.createElement.bind(doc);
  doc.createElement = (tag) => {
    const node = createElement(tag);
    if (tag === "a") {
      node.addEventListener = (name, fn) => listeners.push([name, fn]);
    }
    return node;
  };
  renderWaiting(doc, container, ITEMS, (id, key) => opened.push([id, key]));
  let prevented = 0;
  listeners[1][1]({ preventDefault: () => (prevented += 1) });
  assert.deepEqual(opened, [[7, "code_of_conduct"]]);
  assert.equal(prevented, 1);
});
