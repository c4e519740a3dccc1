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

test("a draft is kept per agreement and section until dropped; a broken one is discarded", () => {
  const storage = new Storage();
  const draft = { base_revision: 2, fields: { a: 1 }, text: "Mine", textEdited: true };
  keepDraft(storage, 7, "aims", draft);
  assert.deepEqual(loadDraft(storage, 7, "aims"), draft);
  assert.equal(loadDraft(storage, 8, "aims"), null);
  dropDraft(storage, 7, "aims");
  assert.equal(loadDraft(storage, 7, "aims"), null);
  storage.setItem("pa.draft.7.aims", "{not json");
  assert.equal(loadDraft(storage, 7, "aims"), null);
  assert.equal(storage.getItem("pa.draft.7.aims"), null);
});
