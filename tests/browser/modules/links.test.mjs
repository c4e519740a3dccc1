// Invitation links and unsaved drafts.
import assert from "node:assert/strict";
import { test } from "node:test";

import { dropDraft, keepDraft, loadDraft } from "../../../plugin/taskpane/drafts.js";
import { invitationLink, tokenFromFragment } from "../../../plugin/taskpane/invitation.js";

test("the invitation token is read from the fragment only when it looks like one", () => {
  assert.equal(tokenFromFragment("#invitation=Ab-_9xyzABCDEFGH"), "Ab-_9xyzABCDEFGH");
  assert.equal(tokenFromFragment(""), null);
  assert.equal(tokenFromFragment("#invitation="), null);
  assert.equal(tokenFromFragment("#invitation=<script>alert(1)</script>"), null);
  assert.equal(tokenFromFragment("#other=Ab-_9xyzABCDEFGH"), null);
});

test("a link is built on this pane's origin from the token", () => {
  const link = invitationLink("https://pa.example.org", { token: "Ab-_9xyz", url: "https://x/y" });
  assert.equal(link, "https://pa.example.org/pane/#invitation=Ab-_9xyz");
  assert.equal(
    invitationLink("https://a", { url: "https://b/pane/#invitation=x" }),
    "https://b/pane/#invitation=x",
  );
});

class Storage {
  constructor() {
    this.items = new Map();
  }
  get length() {
    return this.items.size;
  }
  key(i) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k) {
    return this.items.has(k) ? this.items.get(k) : null;
  }
  setItem(k, v) {
    this.items.set(k, String(v));
  }
  removeItem(k) {
    this.items.delete(k);
  }
}

test("a draft is kept per agreement, section and base revision until dropped", () => {
  const storage = new Storage();
  const draft = { base_revision: 2, fields: { a: 1 }, text: "Mine", textEdited: true };
  keepDraft(storage, 7, "aims", draft, 1000);
  assert.deepEqual(loadDraft(storage, 7, "aims"), { ...draft, kept_at: 1000 });
  assert.deepEqual([...storage.items.keys()], ["pa.draft.7.aims.2"]);
  assert.equal(loadDraft(storage, 8, "aims"), null);
  assert.equal(loadDraft(storage, 7, "aim"), null); // a prefix of another section's key
  // Work moved onto a newer base revision replaces the older one: one draft per section.
  keepDraft(storage, 7, "aims", { ...draft, base_revision: 3, text: "Newer" }, 2000);
  assert.equal(loadDraft(storage, 7, "aims").text, "Newer");
  assert.deepEqual([...storage.items.keys()], ["pa.draft.7.aims.3"]);
  dropDraft(storage, 7, "aims");
  assert.equal(loadDraft(storage, 7, "aims"), null);
});

test("a broken draft is discarded", () => {
  const storage = new Storage();
  storage.setItem("pa.draft.7.aims.1", "{not json");
  assert.equal(loadDraft(storage, 7, "aims"), null);
  assert.equal(storage.getItem("pa.draft.7.aims.1"), null);
});
