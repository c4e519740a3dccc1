// word.js against a Word document model behind office-addin-mock: what it writes, and how many
// context.sync calls each user action costs.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";

import { DOMParser } from "@xmldom/xmldom";
import { OfficeMockObject } from "office-addin-mock";

import { sha256Hex } from "../../plugin/taskpane/text.js";
import {
  NAMESPACE,
  inWord,
  layOut,
  openSignInDialog,
  parseBinding,
  readDocument,
  ready,
  run,
  writeSection,
} from "../../plugin/taskpane/word.js";
import { FakeWord } from "./fake-word.js";

globalThis.DOMParser ??= DOMParser; // Word's webviews have one; node does not

const BINDING = { agreementId: 12, version: 1, origin: "https://localhost:3000" };

async function section(key, title, text, revision = 1) {
  return { key, title, text, revision, sha256: await sha256Hex(text) };
}

async function agreement() {
  return [
    await section("purpose_and_aims", "Purpose and aims", "We run a Friday drop-in.\nTogether."),
    await section("roles", "Roles & responsibilities", "The police unit <PCSO> attends.", 2),
    await section("review", "Review", "We review every \"term\".", 3),
  ];
}

describe("layOut", () => {
  test("lays out a whole agreement in two syncs: headings, tagged controls, the binding", async () => {
    const word = new FakeWord({ blocks: [{ kind: "paragraph", text: "Eastfield drop-in" }] });
    const sections = await agreement();

    const { value, syncs } = await word.run((context) => layOut(context, BINDING, sections));

    assert.equal(syncs, 2);
    assert.deepEqual(value, {
      created: ["purpose_and_aims", "roles", "review"],
      updated: [],
      unchanged: [],
    });
    assert.deepEqual(word.outline(), [
      "Eastfield drop-in",
      "# Purpose and aims",
      "[pa:purpose_and_aims|Purpose and aims] We run a Friday drop-in.\nTogether.",
      "# Roles & responsibilities",
      "[pa:roles|Roles & responsibilities] The police unit <PCSO> attends.",
      "# Review",
      '[pa:review|Review] We review every "term".',
    ]);
    assert.equal(word.parts.length, 1);
    assert.equal(word.parts[0].namespace, NAMESPACE);
    assert.equal(
      word.parts[0].xml,
      '<pa:agreement xmlns:pa="urn:partnership-agreements:binding:1" id="12" version="1"' +
        ' origin="https://localhost:3000">' +
        `<pa:section key="purpose_and_aims" revision="1" sha256="${sections[0].sha256}"/>` +
        `<pa:section key="roles" revision="2" sha256="${sections[1].sha256}"/>` +
        `<pa:section key="review" revision="3" sha256="${sections[2].sha256}"/>` +
        "</pa:agreement>",
    );
  });

  test("is idempotent: laying out again finds every control by tag and duplicates nothing", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    const before = word.outline();

    const { value, syncs } = await word.run((context) => layOut(context, BINDING, sections));

    assert.equal(syncs, 2);
    assert.deepEqual(value, {
      created: [],
      updated: [],
      unchanged: ["purpose_and_aims", "roles", "review"],
    });
    assert.deepEqual(word.outline(), before);
    assert.equal(word.parts.length, 1);
  });

  test("updates only the controls whose text changed, and their binding entries", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    sections[1] = await section("roles", "Roles & responsibilities", "The council leads.", 3);

    const { value } = await word.run((context) => layOut(context, BINDING, sections));

    assert.deepEqual(value.updated, ["roles"]);
    assert.deepEqual(value.unchanged, ["purpose_and_aims", "review"]);
    assert.equal(word.controls("pa:roles")[0].text, "The council leads.");
    const binding = parseBinding(word.parts[0].xml);
    assert.deepEqual(binding.sections.roles, { revision: 3, sha256: sections[1].sha256 });
  });

  test("text that differs only in white space or Word's paragraph marks is unchanged", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    word.controls("pa:purpose_and_aims")[0].text = "We run a  Friday drop-in. \rTogether.\r";

    const { value } = await word.run((context) => layOut(context, BINDING, sections));

    assert.deepEqual(value.unchanged, ["purpose_and_aims", "roles", "review"]);
  });

  test("a deleted control is made again in its place, after the section before it", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    const roles = word.blocks.findIndex((block) => block.tag === "pa:roles");
    word.blocks.splice(roles - 1, 2); // a partner deleted the heading and the control

    const { value, syncs } = await word.run((context) => layOut(context, BINDING, sections));

    assert.equal(syncs, 2);
    assert.deepEqual(value, {
      created: ["roles"],
      updated: [],
      unchanged: ["purpose_and_aims", "review"],
    });
    assert.deepEqual(word.outline().slice(2, 4), [
      "# Roles & responsibilities",
      "[pa:roles|Roles & responsibilities] The police unit <PCSO> attends.",
    ]);
    assert.equal(word.controls().length, 3);
  });

  test("a deleted first section goes back at the start when later ones are still there", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    word.blocks.splice(0, 2);

    await word.run((context) => layOut(context, BINDING, sections));

    assert.deepEqual(
      word.controls().map((block) => block.tag),
      ["pa:purpose_and_aims", "pa:roles", "pa:review"],
    );
  });

  test("a control whose tag was damaged gets its tag back, without a second copy", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    word.controls("pa:review")[0].tag = "review (edited)";

    const { value } = await word.run((context) => layOut(context, BINDING, sections));

    assert.deepEqual(value.updated, ["review"]);
    assert.deepEqual(value.created, []);
    assert.equal(word.controls().length, 3);
    assert.equal(word.controls("pa:review").length, 1);
  });

  test("a section laid out twice by two partners at once is left once", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    word.blocks.push({ kind: "control", tag: "pa:roles", title: "Roles", text: "copy", style: "" });

    const { value } = await word.run((context) => layOut(context, BINDING, sections));

    assert.deepEqual(value.updated, ["roles"]);
    assert.equal(word.controls("pa:roles").length, 1);
    assert.equal(word.controls("pa:roles")[0].text, "The police unit <PCSO> attends.");
  });

  test("escapes &, < and quotes in the binding's attributes", async () => {
    const word = new FakeWord();
    const origin = 'https://a.example/?x=1&y=<2>&z="3"';
    const binding = { ...BINDING, origin };

    await word.run(async (context) => layOut(context, binding, await agreement()));

    const xml = word.parts[0].xml;
    assert.match(xml, / origin="https:\/\/a\.example\/\?x=1&amp;y=&lt;2&gt;&amp;z=&quot;3&quot;">/);
    assert.equal(parseBinding(xml).origin, origin);
  });

  test("a section with no revision yet is laid out but has no binding entry", async () => {
    const word = new FakeWord();
    const draft = { key: "publicity", title: "Publicity", text: "", revision: null, sha256: null };

    const { value } = await word.run(async (context) =>
      layOut(context, BINDING, [...(await agreement()), draft]),
    );

    assert.deepEqual(value.created.at(-1), "publicity");
    assert.equal(word.controls("pa:publicity").length, 1);
    const binding = parseBinding(word.parts[0].xml);
    assert.deepEqual(Object.keys(binding.sections), ["purpose_and_aims", "roles", "review"]);
  });

  test("reads the binding the server writes (declaration, status, fingerprint)", async () => {
    const sha = "a".repeat(64);
    const xml =
      "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" +
      `<pa:agreement xmlns:pa="${NAMESPACE}" id="7" version="2" origin="https://x.example"` +
      ` status="final" fingerprint="${sha}"><pa:section key="roles" revision="5" sha256="${sha}"/>` +
      "</pa:agreement>";
    const word = new FakeWord({ parts: [{ id: "{s}", xml }] });

    const { value } = await word.run((context) => readDocument(context));

    assert.deepEqual(value.binding, {
      agreementId: 7,
      version: 2,
      origin: "https://x.example",
      sections: { roles: { revision: 5, sha256: sha } },
    });
  });

  test("replaces an older binding part instead of adding a second one", async () => {
    const old = `<pa:agreement xmlns:pa="${NAMESPACE}" id="12" version="1" origin="x"/>`;
    const word = new FakeWord({ parts: [{ id: "{a}", xml: old }, { id: "{b}", xml: old }] });

    await word.run(async (context) => layOut(context, BINDING, await agreement()));

    assert.equal(word.parts.length, 1);
    assert.equal(Object.keys(parseBinding(word.parts[0].xml).sections).length, 3);
  });

  test("takes ids as numbers or digit strings, and refuses anything else", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, { ...BINDING, agreementId: "12" }, sections));
    assert.equal(parseBinding(word.parts[0].xml).agreementId, 12);

    for (const agreementId of ["12a", -1, 1.5, null]) {
      await assert.rejects(
        word.run((context) => layOut(context, { ...BINDING, agreementId }, sections)),
        /whole-number agreementId/,
      );
    }
  });

  test("refuses a key that cannot be a tag, before touching the document", async () => {
    const word = new FakeWord();
    const bad = { key: "Roles!", title: "x", text: "y", revision: 1, sha256: "" };

    await assert.rejects(
      word.run((context) => layOut(context, BINDING, [bad])),
      /Not a section key/,
    );
    assert.equal(word.syncs, 0);
  });
});

describe("readDocument", () => {
  test("gives the binding and the text of each tagged control", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    word.blocks.push({ kind: "control", tag: "someone-else", title: "Other", text: "not ours" });

    const { value, syncs, failed } = await word.run((context) => readDocument(context));

    assert.equal(syncs, 1);
    assert.equal(failed, 0);
    assert.deepEqual(value.binding, {
      agreementId: 12,
      version: 1,
      origin: "https://localhost:3000",
      sections: {
        purpose_and_aims: { revision: 1, sha256: sections[0].sha256 },
        roles: { revision: 2, sha256: sections[1].sha256 },
        review: { revision: 3, sha256: sections[2].sha256 },
      },
    });
    assert.deepEqual(value.texts, {
      purpose_and_aims: "We run a Friday drop-in.\nTogether.",
      roles: "The police unit <PCSO> attends.",
      review: 'We review every "term".',
    });
  });

  test("text typed into a control in Word hashes differently from the server's", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    word.controls("pa:roles")[0].text = "The police unit attends\rmonthly.";

    const { value } = await word.run((context) => readDocument(context));

    assert.equal(value.texts.roles, "The police unit attends\nmonthly.");
    assert.notEqual(await sha256Hex(value.texts.roles), value.binding.sections.roles.sha256);
    assert.equal(await sha256Hex(value.texts.review), value.binding.sections.review.sha256);
  });

  test("an unbound document: no binding (Word refuses the first batch, a second one reads)", async () => {
    const word = new FakeWord({
      blocks: [{ kind: "control", tag: "pa:roles", title: "Roles", text: "Drafted offline" }],
    });

    const { value, syncs, failed } = await word.run((context) => readDocument(context));

    assert.deepEqual({ syncs, failed }, { syncs: 2, failed: 1 });
    assert.deepEqual(value, { binding: null, texts: { roles: "Drafted offline" } });
  });

  test("two binding parts (two partners bound at once): the first readable one counts", async () => {
    const sections = await agreement();
    const word = new FakeWord();
    await word.run((context) => layOut(context, BINDING, sections));
    const other = `<pa:other xmlns:pa="${NAMESPACE}"/>`;
    word.parts.unshift({ id: "{0}", xml: other, namespace: NAMESPACE });

    const { value, syncs } = await word.run((context) => readDocument(context));

    assert.equal(syncs, 3);
    assert.equal(value.binding.agreementId, 12);
    assert.equal(value.texts.roles, "The police unit <PCSO> attends.");
  });

  test("a part in our namespace that is not a binding is ignored", async () => {
    const xml = `<pa:other xmlns:pa="${NAMESPACE}"/>`;
    const word = new FakeWord({ parts: [{ id: "{a}", xml }] });

    const { value } = await word.run((context) => readDocument(context));

    assert.equal(value.binding, null);
  });
});

describe("writeSection", () => {
  test("updates one control and its binding entry, keeping the others, in one sync", async () => {
    const word = new FakeWord();
    const sections = await agreement();
    await word.run((context) => layOut(context, BINDING, sections));
    const { value: read } = await word.run((context) => readDocument(context));
    const roles = await section("roles", "Roles & responsibilities", "Youth team & police.", 4);

    const { value, syncs, failed } = await word.run((context) =>
      writeSection(context, read.binding, roles),
    );

    assert.deepEqual({ syncs, failed }, { syncs: 1, failed: 0 });
    assert.deepEqual(value, { created: [], updated: ["roles"], unchanged: [] });
    assert.equal(word.controls("pa:roles")[0].text, "Youth team & police.");
    assert.equal(word.controls().length, 3);
    const binding = parseBinding(word.parts[0].xml);
    assert.deepEqual(binding.sections.roles, { revision: 4, sha256: roles.sha256 });
    assert.deepEqual(binding.sections.review, { revision: 3, sha256: sections[2].sha256 });
    assert.deepEqual(Object.keys(binding.sections), ["purpose_and_aims", "roles", "review"]);
  });

  test("creates the control when a partner deleted it", async () => {
    const word = new FakeWord();
    await word.run(async (context) => layOut(context, BINDING, await agreement()));
    word.blocks = word.blocks.filter((block) => block.tag !== "pa:review");
    const review = await section("review", "Review", "Every six months.", 4);

    const { value, syncs, failed } = await word.run((context) =>
      writeSection(context, BINDING, review),
    );

    assert.deepEqual({ syncs, failed }, { syncs: 3, failed: 1 });
    assert.deepEqual(value.created, ["review"]);
    assert.deepEqual(word.outline().slice(-2), ["# Review", "[pa:review|Review] Every six months."]);
    assert.equal(word.controls("pa:review").length, 1);
  });

  test("binds a document that has no binding part yet", async () => {
    const word = new FakeWord({
      blocks: [{ kind: "control", tag: "pa:roles", title: "Roles", text: "Old" }],
    });
    const roles = await section("roles", "Roles", "New", 2);

    const { value } = await word.run((context) => writeSection(context, BINDING, roles));

    assert.deepEqual(value.updated, ["roles"]);
    assert.equal(word.controls("pa:roles")[0].text, "New");
    assert.deepEqual(parseBinding(word.parts[0].xml).sections, {
      roles: { revision: 2, sha256: roles.sha256 },
    });
  });
});

describe("Office", () => {
  let saved;
  beforeEach(() => {
    saved = { Office: globalThis.Office, Word: globalThis.Word };
  });
  afterEach(() => {
    globalThis.Office = saved.Office;
    globalThis.Word = saved.Word;
  });

  test("outside Office: not in Word, ready() gives null, run() refuses in plain words", async () => {
    delete globalThis.Office;
    delete globalThis.Word;
    assert.equal(inWord(), false);
    assert.equal(await ready(), null);
    await assert.rejects(run(() => null), /needs Word/);
  });

  test("inside Word: inWord(), ready() and run() hand over one context", async () => {
    globalThis.Office = new OfficeMockObject({
      context: { host: "Word" },
      HostType: { Word: "Word" },
      onReady: async () => ({ host: "Word", platform: "OfficeOnline" }),
    });
    const context = { marker: 1 };
    globalThis.Word = { run: async (batch) => batch(context) };
    assert.equal(inWord(), true);
    assert.deepEqual(await ready(), { host: "Word" });
    assert.equal(await run((given) => given), context);
  });

  test("Office.js loaded in a plain browser: not in Word", async () => {
    globalThis.Office = new OfficeMockObject({
      context: {},
      HostType: { Word: "Word" },
      onReady: async () => ({ host: null, platform: null }),
    });
    assert.equal(inWord(), false);
    assert.equal(await ready(), null);
  });
});

function officeWithDialog({ openError } = {}) {
  const dialog = { handlers: {}, closed: 0 };
  dialog.addEventHandler = (type, handler) => {
    dialog.handlers[type] = handler;
  };
  dialog.close = () => {
    dialog.closed += 1;
  };
  const office = new OfficeMockObject({
    context: {
      ui: {
        displayDialogAsync(url, options, callback) {
          dialog.url = url;
          dialog.options = options;
          if (openError) callback({ status: "failed", error: { code: openError } });
          else callback({ status: "succeeded", value: dialog });
        },
      },
    },
  });
  office.EventType = {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  };
  return { office, dialog };
}

describe("openSignInDialog", () => {
  let saved;
  beforeEach(() => {
    saved = globalThis.Office;
  });
  afterEach(() => {
    globalThis.Office = saved;
  });

  const URL_ = "https://localhost:3000/auth/login?dialog=1";

  test("resolves with the token the sign-in page sends, and closes the dialog", async () => {
    const { office, dialog } = officeWithDialog();
    globalThis.Office = office;

    const signedIn = openSignInDialog(URL_);
    assert.deepEqual(dialog.options, { height: 60, width: 30 });
    assert.equal(dialog.url, URL_);
    dialog.handlers.dialogMessageReceived({ message: "not json", origin: "https://localhost:3000" });
    dialog.handlers.dialogMessageReceived({
      message: JSON.stringify({ type: "signed-in", token: "stolen", expires_at: "x" }),
      origin: "https://evil.example",
    });
    dialog.handlers.dialogMessageReceived({
      message: JSON.stringify({ type: "signed-in", token: "t0k3n", expires_at: "2026-11-26T20:00Z" }),
      origin: "https://localhost:3000",
    });

    assert.deepEqual(await signedIn, { token: "t0k3n", expires_at: "2026-11-26T20:00Z" });
    assert.equal(dialog.closed, 1);
  });

  test("rejects in plain words when the user closes the dialog (12006)", async () => {
    const { office, dialog } = officeWithDialog();
    globalThis.Office = office;

    const signedIn = openSignInDialog(URL_);
    dialog.handlers.dialogEventReceived({ error: 12006 });

    await assert.rejects(signedIn, (error) => {
      assert.equal(error.code, 12006);
      assert.match(error.message, /closed before signing in finished/);
      return true;
    });
    assert.equal(dialog.closed, 1);
  });

  test("a path is opened as a full address on the pane's origin", async () => {
    const { office, dialog } = officeWithDialog();
    globalThis.Office = office;
    globalThis.location = { href: "https://agreements.example.org/pane/#agreement=3" };
    try {
      const signedIn = openSignInDialog("/auth/login?dialog=1");
      assert.equal(dialog.url, "https://agreements.example.org/auth/login?dialog=1");
      dialog.handlers.dialogMessageReceived({
        message: JSON.stringify({ type: "signed-in", token: "t", expires_at: "e" }),
        origin: "https://agreements.example.org",
      });
      assert.deepEqual(await signedIn, { token: "t", expires_at: "e" });
    } finally {
      delete globalThis.location;
    }
  });

  test("rejects in plain words when the window cannot open (declined, pop-up blocked)", async () => {
    for (const [code, words] of [
      [12009, /not allowed to open/],
      [12011, /browser blocked the sign-in window/],
      [12007, /already open/],
    ]) {
      globalThis.Office = officeWithDialog({ openError: code }).office;
      await assert.rejects(openSignInDialog(URL_), (error) => {
        assert.equal(error.code, code);
        assert.match(error.message, words);
        return true;
      });
    }
  });

  test("outside Office it says so instead of failing strangely", async () => {
    delete globalThis.Office;
    await assert.rejects(openSignInDialog(URL_), /needs Office/);
  });
});
