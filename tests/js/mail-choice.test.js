// The pane's mail control shows the saved choice and saves a new one through the API.
import assert from "node:assert/strict";
import { test } from "node:test";

import { MAIL_CHOICES, mountMailChoice } from "../../plugin/taskpane/mail-choice.js";

function fakeDocument() {
  const element = (tag) => {
    const listeners = {};
    return {
      tag,
      children: [],
      append(...items) {
        this.children.push(...items);
      },
      addEventListener(name, handler) {
        listeners[name] = handler;
      },
      fire(name) {
        return listeners[name]();
      },
    };
  };
  return { createElement: element };
}

test("shows the saved choice, saves a change, mounts once", async () => {
  const saved = [];
  const api = {
    mailChoice: async () => ({ mode: "digest" }),
    setMailChoice: async (mode) => {
      saved.push(mode);
      return { mode };
    },
  };
  const doc = fakeDocument();
  const container = doc.createElement("div");
  const select = await mountMailChoice(container, api, doc);
  assert.equal(select.value, "digest");
  assert.deepEqual(
    select.children.map((o) => o.value),
    MAIL_CHOICES.map(([value]) => value),
  );
  select.value = "none";
  await select.fire("change");
  assert.deepEqual(saved, ["none"]);
  assert.equal(select.value, "none");
  assert.equal(select.disabled, false);
  assert.equal(await mountMailChoice(container, api, doc), null);
  assert.equal(container.children.length, 1);
});
