// Validates manifests with @microsoft/app-manifest's own validator, against the schema the
// package ships (offline: the schema is read from node_modules, never fetched).
//   node tests/js/validate-manifest.mjs FILE...   -> prints {"FILE": [errors...]}, exit 1 if any
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest");
const SCHEMAS = join(
  dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build/json-schemas/teams",
);

export function schemaFor(manifest) {
  const version = /\/teams\/(v[0-9.]+|vDevPreview)\//.exec(manifest.$schema ?? "")?.[1];
  if (!version) throw new Error(`Not a Microsoft 365 app manifest schema: ${manifest.$schema}`);
  return JSON.parse(readFileSync(join(SCHEMAS, version, "MicrosoftTeams.schema.json"), "utf8"));
}

export async function validate(manifest) {
  return AppManifestUtils.validateAgainstSchema(manifest, schemaFor(manifest));
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const results = {};
  for (const file of process.argv.slice(2)) {
    results[file] = await validate(JSON.parse(readFileSync(file, "utf8")));
  }
  console.log(JSON.stringify(results));
  process.exitCode = Object.values(results).some((errors) => errors.length) ? 1 : 0;
}
