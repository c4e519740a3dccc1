// manifest.json against the official schema, with @microsoft/app-manifest's own validator.
// (tests/test_manifest.py checks it and the served one again, with Python's jsonschema.)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { validate } from "./validate-manifest.mjs";

const manifest = JSON.parse(readFileSync(new URL("../../manifest.json", import.meta.url), "utf8"));

test("manifest.json is valid against the schema it names", async () => {
  assert.deepEqual(await validate(manifest), []);
});

test("the validator does find errors (scope misspelt, developer missing)", async () => {
  const broken = structuredClone(manifest);
  broken.extensions[0].requirements.scopes = ["doc"];
  delete broken.developer;
  const errors = await validate(broken);
  assert.ok(errors.some((error) => error.includes("/extensions/0/requirements/scopes/0")));
  assert.ok(errors.some((error) => error.includes("developer")));
});

test("a Word task pane: document scope, WordApi 1.4, a Home-tab button opening /pane/", () => {
  assert.ok(Number(manifest.manifestVersion) >= 1.17);
  const [extension] = manifest.extensions;
  assert.deepEqual(extension.requirements.scopes, ["document"]);
  assert.ok(
    extension.requirements.capabilities.some(
      (capability) => capability.name === "WordApi" && capability.minVersion === "1.4",
    ),
  );
  const [runtime] = extension.runtimes;
  assert.equal(runtime.code.page, "https://localhost:3000/pane/");
  const [action] = runtime.actions;
  assert.equal(action.type, "openPage");
  const [tab] = extension.ribbons[0].tabs;
  assert.equal(tab.builtInTabId, "TabHome");
  const [button] = tab.groups[0].controls;
  assert.equal(button.type, "button");
  assert.equal(button.actionId, action.id);
  assert.deepEqual(
    button.icons.map((icon) => icon.size),
    [16, 32, 80],
  );
  assert.deepEqual(manifest.authorization.permissions.resourceSpecific, [
    { name: "Document.ReadWrite.User", type: "Delegated" },
  ]);
});
