// `context.invokeFlow` and secrets (SECURITY.md, promise 4b): a flow invoked by another block runs in workers of
// its own with configVars the session resolves for that run, and its answer is redacted with its secrets before
// it goes back. So a hostile invoked flow that echoes its connection's key cannot hand it to the invoking block:
// the invoking block re-encodes whatever it received in a form redaction does not know (each character code
// shifted by one) and returns that, and the test decodes it. Neither the CLI's line nor the run history holds any
// form of the key.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { addConnection, cli, newWorkspace, readManifest, writeManifest } from "./harness.mjs";
import { everyFileAsText, leaksIn } from "./redaction-helpers.mjs";

const API_KEY = "ak_invoked_only_5f2c9e71";

// The invoked flow answers its caller with its connection's key, as is and base64-encoded.
const VAULT_TRIGGER = `
module.exports = async (context) => {
  const key = context.configVars.Key.fields.apiKey;
  return { payload: {}, response: { statusCode: 200, contentType: "application/json", body: { key, encoded: btoa(key) } } };
};
`;

// The invoking block shifts every character code of what it received by one: a form no redactor knows, so what
// it returns shows exactly what reached its worker.
const CALLER_TRIGGER = `
const shifted = (text) => [...text].map((c) => String.fromCharCode(c.charCodeAt(0) + 1)).join("");
module.exports = async (context) => {
  const response = await context.invokeFlow("Vault");
  return { payload: { received: shifted(JSON.stringify(response.data)) } };
};
`;

const unshifted = (text) => [...text].map((c) => String.fromCharCode(c.charCodeAt(0) - 1)).join("");

/** Adds a flow whose trigger (and only block) is `source`. */
function addFlow(dir, name, source) {
  const manifest = readManifest(dir);
  const id = name.toLowerCase();
  manifest.blocks.push({ id, name: `${name} Trigger`, kind: "trigger" });
  manifest.flows.push({ name, trigger: id, steps: [] });
  writeManifest(dir, manifest);
  writeFileSync(join(dir, "blocks", `${id}.js`), source);
}

test("an invoked flow's secret never reaches the block that invoked it, in any form", async () => {
  const dir = await newWorkspace("invoke-flow");
  await addConnection(dir, { name: "Key", kind: "apikey", secrets: { apiKey: API_KEY } });
  addFlow(dir, "Vault", VAULT_TRIGGER);
  addFlow(dir, "Caller", CALLER_TRIGGER);

  const ran = await cli(["run", "--workspace", dir, "--flow", "Caller"]);
  assert.equal(ran.code, 0, ran.stdout + ran.stderr);
  const received = JSON.parse(unshifted(ran.json.steps[0].result.received));
  assert.deepEqual(received, { key: "«redacted»", encoded: "«redacted»" });

  assert.deepEqual(leaksIn(ran.stdout + ran.stderr, { apiKey: API_KEY }), []);
  // The invoked run is in the history, with its answer redacted there too.
  const kept = everyFileAsText(join(dir, ".blocksmith"));
  assert.match(kept, /"invokedBy"/);
  assert.deepEqual(leaksIn(kept, { apiKey: API_KEY }), []);
});
