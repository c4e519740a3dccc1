// Fluent 2's design tokens as CSS custom properties, written from @fluentui/tokens (never copied
// by hand): `npm run build:pane` writes plugin/taskpane/tokens.css, and tests/js/pane-build.test.js
// fails if the committed file is not what this writes from node_modules.
//
// Every token of webLightTheme becomes `--<token>`. Where webDarkTheme differs, the value is
// light-dark(light, dark), so the dark palette is stated once and color-scheme picks the side
// (the system's in a browser, Word's Office theme in Word: pane.css, view.applyTheme). Shadows
// differ only in their colours, so each colour in them gets its own light-dark(). Under
// forced-colors (Windows high contrast) the colour tokens take teamsHighContrastTheme's values.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/tokens";

const require = createRequire(import.meta.url);
const { version } = require("@fluentui/tokens/package.json");
export const TARGET = fileURLToPath(new URL("../tokens.css", import.meta.url));
const COLOUR = /rgba?\([^)]*\)|#[0-9a-f]{3,8}\b/gi;

function lightDark(light, dark) {
  if (light === dark) return String(light);
  const lights = String(light).match(COLOUR) ?? [];
  const darks = String(dark).match(COLOUR) ?? [];
  const shape = (v) => String(v).replace(COLOUR, "C");
  if (lights.length > 1 && lights.length === darks.length && shape(light) === shape(dark)) {
    let i = 0;
    return String(light).replace(COLOUR, (c) => `light-dark(${c}, ${darks[i++]})`);
  }
  return `light-dark(${light}, ${dark})`;
}

/** The stylesheet's text: the same bytes for the same package version. */
export function tokensCss() {
  const lines = [
    `/* Generated from @fluentui/tokens ${version} by plugin/taskpane/generate/tokens.mjs`,
    "   (npm run build:pane): do not edit. webLightTheme and webDarkTheme as light-dark(),",
    "   teamsHighContrastTheme's colours under forced-colors. */",
    ":root {",
  ];
  for (const [name, light] of Object.entries(webLightTheme)) {
    lines.push(`  --${name}: ${lightDark(light, webDarkTheme[name])};`);
  }
  lines.push("}", "@media (forced-colors: active) {", "  :root {");
  for (const [name, light] of Object.entries(webLightTheme)) {
    const contrast = teamsHighContrastTheme[name];
    if (name.startsWith("color") && contrast !== light) lines.push(`    --${name}: ${contrast};`);
  }
  lines.push("  }", "}", "");
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(TARGET, tokensCss());
  console.log(TARGET);
}
