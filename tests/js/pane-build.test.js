// The pane's generated files are what their build scripts write from node_modules today: nothing
// in them is copied or edited by hand (regenerate with `npm run build:pane`).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { webDarkTheme, webLightTheme } from "@fluentui/tokens";

import { TARGET as FLUENT, fluentJs } from "../../plugin/taskpane/generate/fluent.mjs";
import { TARGET, tokensCss } from "../../plugin/taskpane/generate/tokens.mjs";

test("tokens.css is exactly what @fluentui/tokens gives (run npm run build:pane)", () => {
  assert.equal(readFileSync(TARGET, "utf8"), tokensCss());
});

test("tokens.css has every light token, dark ones inside light-dark(), high contrast apart", () => {
  const css = tokensCss();
  const base = css.slice(0, css.indexOf("@media"));
  for (const name of Object.keys(webLightTheme)) assert.match(base, new RegExp(`--${name}: `));
  const background = `--colorNeutralBackground1: light-dark(${webLightTheme.colorNeutralBackground1}, ${webDarkTheme.colorNeutralBackground1});`;
  assert.ok(base.includes(background), background);
  // The dark palette is stated once: one block for light and dark, one for high contrast.
  assert.equal(css.match(/:root \{/g).length, 2);
  assert.doesNotMatch(css, /prefers-color-scheme/);
  assert.match(css, /@media \(forced-colors: active\) \{\n {2}:root \{\n {4}--color/);
});

test("fluent.js is exactly what esbuild bundles from @fluentui/web-components (npm run build:pane)", async () => {
  assert.equal(readFileSync(FLUENT, "utf8"), await fluentJs());
});

test("fluent.js defines Fluent's button, checkbox and accordion, and imports nothing (one file, preloaded)", async () => {
  const bundle = await fluentJs();
  // Fluent names each element `${prefix}-<name>`, with "fluent" as the prefix.
  assert.match(bundle, /prefix:"fluent"/);
  for (const name of ["button", "checkbox", "accordion", "accordion-item"]) {
    assert.match(bundle, new RegExp(`\\.prefix\\}-${name}\``), name);
  }
  assert.doesNotMatch(bundle, /^import |\bimport\(|from"/m);
});
