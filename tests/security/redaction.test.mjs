// Class 4 of issue 12: a block that tries to get a secret out in a form redaction does not know. A workspace
// with real connections in the keyring (a password holding `"` and `\`, a real PEM key, an API key, client
// credentials with Headers and a stored token with an id_token and a provider field) runs blocks that log,
// return, throw and answer every secret as is, JSON-escaped (`JSON.stringify(configVars)`), base64, base64url,
// URL-encoded, hex, inside `Basic base64(user:password)` and the PEM key line by line. No form of any secret may
// appear in `run --workspace`, `run --flow`, `serve`'s answers and lines, or an export. A secret of 5 characters
// is left as it is, and adding it warns. (The CLI keeps no run history; the app's history is proven by
// crates/session/tests/redaction.rs.)
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { addConnection, cli, newWorkspace, recordingServer, scratchDir } from "./harness.mjs";
import { everyFileAsText, leaksIn, startServe } from "./redaction-helpers.mjs";

const MARKER = "«redacted»";
const { privateKey: PEM } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const SECRETS = {
  password: 'pa"ss\\word-7Qz!',
  privateKey: PEM.trim(),
  apiKey: "ak_live_51HxYz0123456789",
  clientSecret: "cs+secret/value=42",
  header: "tenant-header-secret-91",
  accessToken: "at-3f9c1e77aa-access",
  refreshToken: "rt-88d1c0ffee-refresh",
  idToken:
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4iLCJub25jZSI6IjEyMyJ9.c2lnbmF0dXJlLWJ5dGVzLXNlY3JldA",
  providerField: "ps-1234567890-session",
};
const TINY = "k3y5x";

// Every form a block easily makes of every secret it was given; shared by the blocks below.
const LEAK_FORMS = `
function leakForms(configVars) {
  const { Basic, Deploy, Key, Machine } = configVars;
  const secrets = [
    Basic.fields.password, Deploy.fields.privateKey, Key.fields.apiKey, Machine.fields.clientSecret,
    Machine.fields.headers["X-Tenant"], Machine.token.access_token, Machine.token.refresh_token,
    Machine.token.id_token, Machine.token.provider_session,
  ];
  const forms = [JSON.stringify(configVars)];
  for (const s of secrets) {
    forms.push(s, JSON.stringify(s), JSON.stringify({ s }), Buffer.from(s).toString("base64"),
      Buffer.from(s).toString("base64url"), btoa(s), encodeURIComponent(s), new URLSearchParams({ s }).toString(),
      Buffer.from(s).toString("hex"), Buffer.from(s).toString("hex").toUpperCase(),
      "X:" + s, btoa("prefix-" + s + "-suffix"));
  }
  forms.push("Basic " + btoa(Basic.fields.username + ":" + Basic.fields.password));
  forms.push("Basic " + Buffer.from(Machine.fields.clientId + ":" + Machine.fields.clientSecret).toString("base64"));
  forms.push(...Deploy.fields.privateKey.split("\\n"));
  return forms;
}
`;

const LOGGING_ACTION = `${LEAK_FORMS}
module.exports = async ({ logger, configVars }) => {
  logger.info(JSON.stringify(configVars));
  for (const form of leakForms(configVars)) logger.warn(form);
  for (const line of configVars.Deploy.fields.privateKey.split("\\n")) logger.info(line);
  logger.info("tiny key " + configVars.Tiny.fields.apiKey);
  logger.info("forms-logged");
  return { data: { forms: leakForms(configVars) } };
};
`;

const THROWING_ACTION = `${LEAK_FORMS}
module.exports = async ({ configVars }) => {
  throw new Error("rejected " + leakForms(configVars).join(" | "));
};
`;

const ANSWERING_TRIGGER = `${LEAK_FORMS}
module.exports = async ({ logger, configVars }, payload) => {
  logger.info(JSON.stringify(configVars));
  const forms = leakForms(configVars);
  return {
    payload,
    response: { statusCode: 200, contentType: "application/json", body: { forms, note: "answered" } },
  };
};
`;

let workspace;
let blocksDir;
let tokenServer;
let tinyAdded;

before(async () => {
  tokenServer = await recordingServer(() => ({
    body: {
      access_token: SECRETS.accessToken,
      token_type: "Bearer",
      expires_in: 3600,
      refresh_token: SECRETS.refreshToken,
      id_token: SECRETS.idToken,
      provider_session: SECRETS.providerField,
      scope: "read",
    },
  }));
  workspace = await newWorkspace("redaction");
  await addConnection(workspace, {
    name: "Basic",
    kind: "basic",
    set: { username: "ann" },
    secrets: { password: SECRETS.password },
  });
  await addConnection(workspace, {
    name: "Deploy",
    kind: "privatekey",
    set: { username: "deploy" },
    secrets: { privateKey: SECRETS.privateKey },
  });
  await addConnection(workspace, { name: "Key", kind: "apikey", secrets: { apiKey: SECRETS.apiKey } });
  await addConnection(workspace, {
    name: "Machine",
    kind: "clientcredentials",
    set: { tokenUrl: `${tokenServer.url}/token`, clientId: "svc-client" },
    secrets: { clientSecret: SECRETS.clientSecret, headers: JSON.stringify({ "X-Tenant": SECRETS.header }) },
  });
  const token = await cli(["connections", "token", "--workspace", workspace, "--name", "Machine"]);
  assert.equal(token.code, 0, `the token is fetched and stored: ${token.stderr}`);
  tinyAdded = await cli(
    ["connections", "add", "--workspace", workspace, "--name", "Tiny", "--kind", "apikey"],
    { input: `apiKey=${TINY}\n` },
  );
  assert.equal(tinyAdded.code, 0, tinyAdded.stderr);

  blocksDir = scratchDir("redaction-blocks");
  writeFileSync(join(blocksDir, "logging.js"), LOGGING_ACTION);
  writeFileSync(join(blocksDir, "throwing.js"), THROWING_ACTION);
  writeFileSync(join(workspace, "blocks", "code-block-trigger.js"), ANSWERING_TRIGGER);
  writeFileSync(join(workspace, "blocks", "code-block.js"), LOGGING_ACTION);
});

after(async () => {
  await tokenServer?.close();
  for (const name of ["Basic", "Deploy", "Key", "Machine", "Tiny"]) {
    await cli(["connections", "remove", "--workspace", workspace, "--name", name]);
  }
});

function assertNoLeak(text, where) {
  const leaks = leaksIn(text, SECRETS);
  assert.deepEqual(leaks, [], `${where} shows secrets:\n${leaks.join("\n")}`);
}

describe("redaction catches every form of every secret", () => {
  test("run --workspace: what a block logs and returns shows no form of any secret", async () => {
    const run = await cli(["run", join(blocksDir, "logging.js"), "--workspace", workspace]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.json.logs.some((line) => line.message === "forms-logged"), "the block ran to its end");
    assert.ok(run.json.result.forms.length > 90, "the block returned its forms");
    assertNoLeak(run.stdout, "run --workspace");
    assert.ok(run.stdout.includes(MARKER), "the secrets show as the marker");
    assert.ok(
      run.json.logs.some((line) => line.message.startsWith(`Basic ${MARKER}`)),
      "Basic credentials show as the scheme and the marker",
    );
  });

  test("run --workspace: an error's message and stack show no form of any secret", async () => {
    const run = await cli(["run", join(blocksDir, "throwing.js"), "--workspace", workspace]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.json.error.message, /^rejected /);
    assertNoLeak(run.stdout, "a thrown error");
  });

  test("run --flow: every step's logs, results and the response show no form of any secret", async () => {
    const run = await cli(["run", "--workspace", workspace, "--flow", "Flow 1"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.json.steps.length, 2);
    assert.equal(run.json.response.body.note, "answered");
    assertNoLeak(run.stdout, "run --flow");
  });

  test("serve: the webhook's answer and its printed lines show no form of any secret", async () => {
    const served = await startServe(workspace);
    try {
      const url = served.first.flows["Flow 1"];
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      const body = await answer.text();
      assert.equal(answer.status, 200, body);
      assert.equal(JSON.parse(body).note, "answered");
      assertNoLeak(body, "the webhook's answer");
      // The call's line is printed after the answer is sent.
      for (let waited = 0; !served.output().includes("answered") && waited < 100; waited += 1) {
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
      }
      assertNoLeak(served.output(), "serve's printed lines");
    } finally {
      await served.stop();
    }
  });

  test("export: a block or sample holding a pasted secret is exported redacted, in every format", async () => {
    const exportDir = scratchDir("redaction-export");
    writeFileSync(
      join(workspace, "blocks", "code-block.js"),
      `// pasted while debugging: ${SECRETS.apiKey} and Basic ${btoa(`ann:${SECRETS.password}`)}\n${LOGGING_ACTION}`,
    );
    mkdirSync(join(workspace, "samples"), { recursive: true });
    writeFileSync(
      join(workspace, "samples", "code-block-trigger.json"),
      JSON.stringify({ headers: { authorization: `Bearer ${SECRETS.accessToken}` }, password: SECRETS.password }),
    );
    for (const [format, extra] of [
      ["js", ["--block", "Code Block"]],
      ["yaml", []],
      ["bundle", []],
    ]) {
      const output = join(exportDir, `export.${format}`);
      const exported = await cli(["export", "--workspace", workspace, "--format", format, ...extra, "-o", output]);
      assert.equal(exported.code, 0, exported.stderr);
      const text = everyFileAsText(exportDir);
      assertNoLeak(text, `the ${format} export`);
      assert.ok(text.includes(MARKER), `the ${format} export shows the marker where the secret was`);
      assert.match(exported.stderr, /replaced by «redacted»/, "the export says it redacted something");
    }
  });

  test("a secret shorter than 6 characters is not searched for, and adding it warns", async () => {
    assert.match(tinyAdded.stderr, /API Key is shorter than 6 characters/);
    const run = await cli(["run", join(blocksDir, "logging.js"), "--workspace", workspace]);
    assert.ok(
      run.json.logs.some((line) => line.message === `tiny key ${TINY}`),
      "the 5-character key is left as it is",
    );
  });
});
