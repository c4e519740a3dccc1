// officeTheme(): Word's theme colours for the pane, read from Office.js; null outside Word.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import { officeTheme } from "../../plugin/taskpane/word.js";

afterEach(() => {
  delete globalThis.Office;
});

// Office.context is a plain object in Office.js (no load/sync, unlike Word's document objects).
function word(theme) {
  globalThis.Office = { context: { host: "Word", officeTheme: theme }, HostType: { Word: "Word" } };
}

test("outside Word there is no Office theme", () => {
  assert.equal(officeTheme(), null);
  globalThis.Office = {
    context: { host: "Excel", officeTheme: { bodyBackgroundColor: "#000000" } },
    HostType: { Word: "Word" },
  };
  assert.equal(officeTheme(), null);
});

test("in Word: the four colours the pane uses, as Word gives them", () => {
  word({
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#383838",
    controlForegroundColor: "#F0F0F0",
    themeId: 4,
  });
  assert.deepEqual(officeTheme(), {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#383838",
    controlForegroundColor: "#F0F0F0",
  });
});

test("in Word: anything that is not a plain colour is left out; none at all gives null", () => {
  word({
    bodyBackgroundColor: "red; background: url(https://example.org/x)",
    bodyForegroundColor: "#fff",
    controlBackgroundColor: 12,
  });
  assert.deepEqual(officeTheme(), { bodyForegroundColor: "#fff" });
  word({ bodyBackgroundColor: "" });
  assert.equal(officeTheme(), null);
  word(undefined);
  assert.equal(officeTheme(), null);
});
