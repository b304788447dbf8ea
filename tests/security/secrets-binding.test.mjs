// Class 3 of the trust issue: stored secrets belong to one folder on this machine. A shared manifest cannot name
// another workspace's secrets (keyring entries are keyed by a local id in the ignored .blocksmith/local.json,
// sealed with a per-machine key), and a cloned or copied folder starts without secrets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addConnection, cli, newWorkspace, readManifest, scratchDir, writeManifest } from "./harness.mjs";

const SECRET = "sk_live_victim_7f3a9c2e51";
const CONNECTION = "Victim API";

// The block gives the secret back reversed: redaction does not know that form, so the test sees whether the block
// could read the secret at all.
const PROBE = `module.exports = async (context) => {
  const connection = context.configVars[${JSON.stringify(CONNECTION)}];
  const apiKey = connection && connection.fields.apiKey;
  return { data: apiKey ? apiKey.split("").reverse().join("") : null };
};
`;
const REVERSED = SECRET.split("").reverse().join("");

const NO_SECRETS_HERE = new RegExp(`Connection "${CONNECTION}" has no secrets stored for this folder on this machine`);

async function probeRun(workspace) {
  const file = join(scratchDir("probe"), "probe.js");
  writeFileSync(file, PROBE);
  const run = await cli(["run", file, "--workspace", workspace]);
  assert.equal(run.code, 0, run.stderr);
  return run;
}

async function probe(workspace) {
  return (await probeRun(workspace)).json.result;
}

async function victim() {
  const dir = await newWorkspace("victim");
  await addConnection(dir, { name: CONNECTION, kind: "apikey", secrets: { apiKey: SECRET } });
  assert.equal(await probe(dir), REVERSED, "the victim's own block reads its secret");
  return dir;
}

test("a manifest that copies another workspace's id reads none of its secrets", async () => {
  const victimDir = await victim();
  const attacker = await newWorkspace("attacker");
  const stolen = readManifest(victimDir);
  const manifest = readManifest(attacker);
  manifest.id = stolen.id;
  manifest.connections = stolen.connections;
  writeManifest(attacker, manifest);

  assert.equal(await probe(attacker), null);
  const listed = await cli(["connections", "list", "--workspace", attacker, "--json"]);
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual(listed.json.find((c) => c.name === CONNECTION).secrets, { apiKey: false });
});

test("a folder copied with its .blocksmith/ starts with no secrets, and the original keeps them", async () => {
  const victimDir = await victim();
  const copy = join(scratchDir("copy"), "workspace");
  cpSync(victimDir, copy, { recursive: true });
  assert.ok(existsSync(join(copy, ".blocksmith", "local.json")), "the copy carries the local file");

  const copyRun = await probeRun(copy);
  assert.equal(copyRun.json.result, null);
  assert.match(copyRun.stderr, NO_SECRETS_HERE, "a run in the copy says why its secrets are missing");
  const listed = await cli(["connections", "list", "--workspace", copy]);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /apiKey: missing/);
  assert.match(listed.stderr, NO_SECRETS_HERE);
  const listedJson = await cli(["connections", "list", "--workspace", copy, "--json"]);
  assert.equal(listedJson.json.find((c) => c.name === CONNECTION).noSecretsHere, true);

  const originalRun = await probeRun(victimDir);
  assert.equal(originalRun.json.result, REVERSED);
  assert.doesNotMatch(originalRun.stderr, NO_SECRETS_HERE, "the original has its secrets and says nothing");
  const originalJson = await cli(["connections", "list", "--workspace", victimDir, "--json"]);
  assert.equal(originalJson.json.find((c) => c.name === CONNECTION).noSecretsHere, false);
});

test("a planted local file with the victim's ids is not believed", async () => {
  const victimDir = await victim();
  const attacker = await newWorkspace("planted");
  const victimLocal = JSON.parse(readFileSync(join(victimDir, ".blocksmith", "local.json"), "utf8"));
  const manifest = readManifest(attacker);
  manifest.connections = readManifest(victimDir).connections;
  writeManifest(attacker, manifest);
  // Even knowing the victim's local ids (which never leave its machine), a file sealed elsewhere is replaced.
  const planted = { ...victimLocal, folder: join(attacker), seal: "00".repeat(32) };
  writeFileSync(join(attacker, ".blocksmith", "local.json"), JSON.stringify(planted));

  assert.equal(await probe(attacker), null);
  const rewritten = JSON.parse(readFileSync(join(attacker, ".blocksmith", "local.json"), "utf8"));
  assert.notEqual(rewritten.secretsId, victimLocal.secretsId);
  assert.notEqual(rewritten.webhookToken, victimLocal.webhookToken);
});

test("a moved folder keeps its secrets", async () => {
  const victimDir = await victim();
  const moved = join(scratchDir("moved"), "workspace");
  renameSync(victimDir, moved);
  assert.equal(await probe(moved), REVERSED);
});

test("a new workspace ignores what stays on this machine", async () => {
  const dir = await newWorkspace("gitignore");
  assert.match(readFileSync(join(dir, ".gitignore"), "utf8"), /^\.blocksmith\/$/m);
  assert.ok(!JSON.stringify(readManifest(dir)).includes(
    JSON.parse(readFileSync(join(dir, ".blocksmith", "local.json"), "utf8")).secretsId,
  ));
});

test("Blocksmiths starting at once on a new machine agree on its key: no folder's ids or secrets are lost", async () => {
  // Each round is a new machine (a fresh data folder, where machine.key lives): a connection is added while other
  // Blocksmiths open folders of their own. Had two of them each written a machine key, a folder sealed under the key
  // that lost would look forged at its next open and get new ids, and a secret stored for it would be unreachable.
  const localIds = (dir) => JSON.parse(readFileSync(join(dir, ".blocksmith", "local.json"), "utf8")).secretsId;
  for (let round = 0; round < 8; round += 1) {
    const machine = { XDG_DATA_HOME: scratchDir("machine") };
    const dir = join(scratchDir("racing"), "workspace");
    const others = Array.from({ length: 16 }, (_, index) => join(scratchDir(`other-${index}`), "workspace"));
    const started = await Promise.all([
      cli(["connections", "add", "--workspace", dir, "--name", CONNECTION, "--kind", "apikey"], {
        input: `apiKey=${SECRET}\n`,
        env: machine,
      }),
      ...others.map((other) => cli(["config-vars", "list", "--workspace", other], { env: machine })),
    ]);
    for (const finished of started) assert.equal(finished.code, 0, finished.stderr);
    const first = others.map(localIds);
    const reopened = await Promise.all(others.map((other) => cli(["config-vars", "list", "--workspace", other], { env: machine })));
    for (const finished of reopened) assert.equal(finished.code, 0, finished.stderr);
    assert.deepEqual(others.map(localIds), first, `round ${round}: a folder opened at once with others lost its ids`);

    const file = join(scratchDir("probe"), "probe.js");
    writeFileSync(file, PROBE);
    const run = await cli(["run", file, "--workspace", dir], { env: machine });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.json.result, REVERSED, `round ${round}: the secret stored while others started was lost`);
  }
});
