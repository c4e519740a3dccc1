// Keeping the sign-in token, and comparing a Word document with the agreement.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";

import { compare } from "../../../plugin/taskpane/linked-document.js";
import { forgetToken, keepToken, storedToken } from "../../../plugin/taskpane/sign-in.js";

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

test("a token is kept until it expires or the user signs out", () => {
  const storage = new Storage();
  keepToken(storage, { token: "pa_abc", expires_at: "2030-01-01T00:00:00Z" });
  assert.equal(storedToken(storage, Date.parse("2029-12-31T23:00:00Z")), "pa_abc");
  assert.equal(storedToken(storage, Date.parse("2030-01-01T00:00:01Z")), null);
  assert.equal(storage.getItem("pa.token"), null); // an expired token is forgotten
  keepToken(storage, { token: "pa_def", expires_at: null });
  assert.equal(storedToken(storage), "pa_def");
  forgetToken(storage);
  assert.equal(storedToken(storage), null);
});

const sha = (text) => createHash("sha256").update(text, "utf8").digest("hex");
const section = (key, number, text) => ({
  key,
  title: `Title of ${key}`,
  revision: { number, text, sha256: sha(text) },
});

test("the document is compared section by section with the saved wording", async () => {
  const agreement = {
    sections: [
      section("same", 1, "Same text."),
      section("partner_moved_on", 2, "Newer text."),
      section("typed_in_word", 1, "Saved text."),
      section("control_deleted", 1, "Deleted text."),
      { key: "not_written", title: "Not written", revision: null },
    ],
  };
  const binding = {
    agreementId: 1,
    sections: {
      same: { revision: 1, sha256: sha("Same text.") },
      partner_moved_on: { revision: 1, sha256: sha("Older text.") },
      typed_in_word: { revision: 1, sha256: sha("Saved text.") },
    },
  };
  const texts = {
    same: "Same   text.\r\n", // the same once normalised
    partner_moved_on: "Older text.",
    typed_in_word: "Saved text, and more typed in Word.",
  };
  const { stale, changed } = await compare(agreement, binding, texts);
  assert.deepEqual(
    stale.map((s) => s.key),
    ["partner_moved_on", "control_deleted"],
  );
  assert.deepEqual(changed, [
    {
      key: "typed_in_word",
      title: "Title of typed_in_word",
      text: "Saved text, and more typed in Word.",
    },
  ]);
});
