// Fluent 2's web components for the pane, bundled by esbuild into one ES module,
// plugin/taskpane/fluent.js (committed; served hashed like the pane's own modules by built.py).
// `npm run build:pane` writes it; tests/js/pane-build.test.js fails if the committed file is not
// what this gives from node_modules. Only the components the pane uses are in it
// (generate/fluent-entry.mjs imports them).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

export const TARGET = fileURLToPath(new URL("../fluent.js", import.meta.url));
const ENTRY = fileURLToPath(new URL("fluent-entry.mjs", import.meta.url));

/** The bundle's text: the same bytes for the same packages and esbuild. */
export async function fluentJs() {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    minify: true,
    target: "chrome120",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(TARGET, await fluentJs());
  console.log(TARGET);
}
