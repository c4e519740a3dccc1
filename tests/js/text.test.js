// The pane's normalisation and hash equal the server's on every shared vector.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { normalise, sha256Hex } from "../../plugin/taskpane/text.js";

const vectors = JSON.parse(
  readFileSync(new URL("../vectors/normalisation.json", import.meta.url), "utf8"),
);

test("there are vectors to check", () => {
  assert.ok(vectors.cases.length >= 10);
});

for (const vector of vectors.cases) {
  test(`normalise: ${vector.name}`, () => {
    assert.equal(normalise(vector.input), vector.normalised);
  });

  test(`sha256Hex: ${vector.name}`, async () => {
    assert.equal(await sha256Hex(vector.input), vector.sha256);
    // Hashing what is already normal gives the same hash (the pane may do either).
    assert.equal(await sha256Hex(vector.normalised), vector.sha256);
  });
}

test("normalising twice changes nothing", () => {
  for (const vector of vectors.cases) {
    assert.equal(normalise(normalise(vector.input)), vector.normalised);
  }
});
