// OAuth attacks (issue 12, class 3's host binding and class 7): a shared manifest that moves a connection's
// token endpoint to another host, a stray request to the loopback redirect listener, a plain http token endpoint
// on the network, and an authorization response without the `iss` its provider promised. Each runs the real CLI
// against provider stand-ins on 127.0.0.1 that record everything they receive.
import assert from "node:assert/strict";
import { test } from "node:test";

import { addConnection, cli, newWorkspace, readManifest, writeManifest } from "./harness.mjs";
import { browse, fakeProvider, freeRedirectUri, sleep, startAuthorize, withQuery } from "./oauth-helpers.mjs";

const CLIENT_SECRET = "client-secret-to-protect";
const CONNECTION = "Acme";

/** An authorization code connection to `provider`, with its client secret stored. */
async function addAcme(dir, provider, set = {}) {
  await addConnection(dir, {
    name: CONNECTION,
    kind: "authorizationcode",
    set: {
      authorizeUrl: provider.authorizeUrl,
      tokenUrl: provider.tokenUrl,
      clientId: "blocksmith-app",
      scopes: "read",
      redirectUri: await freeRedirectUri(),
      ...set,
    },
    secrets: { clientSecret: CLIENT_SECRET },
  });
}

/** Connects `CONNECTION` through `connections authorize`, answering the loopback listener as the browser would. */
async function connect(dir, parameters = {}) {
  const authorizing = await startAuthorize(dir, CONNECTION);
  assert.ok(authorizing.authorizeUrl, "authorize printed the authorization URL");
  const page = await browse(
    withQuery(authorizing.redirectUri, { code: "the-code", state: authorizing.state, ...parameters }),
  );
  const outcome = await authorizing.finished;
  return { ...outcome, page };
}

function setConnectionInput(dir, key, value) {
  const manifest = readManifest(dir);
  const connection = manifest.connections.find((candidate) => candidate.name === CONNECTION);
  connection.inputs[key] = value;
  writeManifest(dir, manifest);
}

/** Every byte a stand-in received, as one text, to look for secrets in. */
function everythingReceived(server) {
  return server.requests.map((request) => `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`).join("\n");
}

async function listed(dir) {
  const list = await cli(["connections", "list", "--workspace", dir, "--json"]);
  assert.equal(list.code, 0, list.stderr);
  return JSON.parse(list.stdout).find((connection) => connection.name === CONNECTION);
}

test("a token URL moved to another host in the manifest gets no secret or token until the move is allowed", async () => {
  const dir = await newWorkspace("oauth-host");
  // Tokens that need refreshing at once, so a run would send the refresh token and the client secret.
  const original = await fakeProvider({ expiresIn: 1 });
  const attacker = await fakeProvider();
  try {
    await addAcme(dir, original);
    const connected = await connect(dir);
    assert.equal(connected.code, 0, connected.stderr);
    assert.equal(original.tokenRequests().length, 1);

    setConnectionInput(dir, "tokenUrl", `${attacker.url}/token`);
    const flow = readManifest(dir).flows[0].name;
    const refusals = [
      await cli(["run", "--workspace", dir, "--flow", flow]),
      await cli(["connections", "token", "--workspace", dir, "--name", CONNECTION, "--refresh"]),
      await cli(["connections", "token", "--workspace", dir, "--name", CONNECTION]),
    ];
    for (const refused of refusals) {
      assert.notEqual(refused.code, 0, refused.stdout);
      for (const named of [`"${CONNECTION}"`, `${attacker.url}/token`, original.url, attacker.url, "--allow-host-change"]) {
        assert.ok(refused.stderr.includes(named), `the refusal names ${named}: ${refused.stderr}`);
      }
    }
    const authorizing = await startAuthorize(dir, CONNECTION);
    assert.equal(authorizing.authorizeUrl, null, "authorize stops before it prints an authorization URL");
    assert.match((await authorizing.finished).stderr, /different host/);

    assert.equal(attacker.requests.length, 0, everythingReceived(attacker));
    assert.equal((await listed(dir)).hasToken, true, "a refusal keeps the stored token");

    const allowed = await cli(["run", "--workspace", dir, "--flow", flow, "--allow-host-change"]);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stderr, /token was dropped/);
    assert.equal(attacker.requests.length, 0, "the dropped tokens were not sent either");
    assert.equal((await listed(dir)).hasToken, false, "consent is needed again");
    const text = everythingReceived(attacker);
    assert.ok(!text.includes("refresh-token-secret-value") && !text.includes(CLIENT_SECRET), text);

    // The new host is bound: runs and token requests go on without the flag, to the new host only.
    const again = await cli(["run", "--workspace", dir, "--flow", flow]);
    assert.equal(again.code, 0, again.stderr);
    const reconnected = await connect(dir);
    assert.equal(reconnected.code, 0, reconnected.stderr);
    assert.equal(attacker.tokenRequests().length, 1);
    assert.equal(original.tokenRequests().length, 1);
  } finally {
    await original.close();
    await attacker.close();
  }
});

test("connections token --allow-host-change drops the token, binds the new host and then asks it", async () => {
  const dir = await newWorkspace("oauth-host-token");
  const original = await fakeProvider();
  const moved = await fakeProvider();
  try {
    await addAcme(dir, original);
    assert.equal((await connect(dir)).code, 0);
    setConnectionInput(dir, "tokenUrl", `${moved.url}/token`);

    const refused = await cli(["connections", "token", "--workspace", dir, "--name", CONNECTION, "--refresh"]);
    assert.notEqual(refused.code, 0);
    assert.equal(moved.requests.length, 0);

    const dropped = await cli([
      "connections", "token", "--workspace", dir, "--name", CONNECTION, "--refresh", "--allow-host-change",
    ]);
    // The token was dropped before the refresh, so there is nothing to refresh: connect again.
    assert.notEqual(dropped.code, 0);
    assert.match(dropped.stderr, /not connected/);
    assert.equal(moved.requests.length, 0, everythingReceived(moved));
    assert.equal((await listed(dir)).hasToken, false);
    const authorizing = await startAuthorize(dir, CONNECTION);
    assert.ok(authorizing.authorizeUrl, "the new host is bound: authorize goes on without the flag");
    authorizing.kill();
  } finally {
    await original.close();
    await moved.close();
  }
});

test("a request with another state does not end connections authorize", async () => {
  const dir = await newWorkspace("oauth-state");
  const provider = await fakeProvider();
  try {
    await addAcme(dir, provider);
    const authorizing = await startAuthorize(dir, CONNECTION);
    assert.ok(authorizing.authorizeUrl);

    const forged = await browse(withQuery(authorizing.redirectUri, { code: "forged-code", state: "guessed" }));
    const stateless = await browse(withQuery(authorizing.redirectUri, { error: "access_denied" }));
    await sleep(300);
    assert.equal(forged.status, 400);
    assert.equal(stateless.status, 400);
    assert.equal(authorizing.exited(), false, "the stray requests did not end the wait");
    assert.equal(provider.tokenRequests().length, 0, "no code from a stray request was exchanged");

    const real = await browse(withQuery(authorizing.redirectUri, { code: "the-code", state: authorizing.state }));
    assert.equal(real.status, 200);
    const outcome = await authorizing.finished;
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(JSON.parse(outcome.stdout.trim().split("\n").at(-1)).ok, true);
    assert.equal(provider.tokenRequests().length, 1);
    assert.match(provider.tokenRequests()[0].body, /code=the-code/);
  } finally {
    await provider.close();
  }
});

test("a plain http token endpoint off this machine is refused", async () => {
  const dir = await newWorkspace("oauth-http");
  const refused = await cli(
    ["connections", "add", "--workspace", dir, "--name", "Plain", "--kind", "clientcredentials",
      "--set", "tokenUrl=http://id.example/oauth/token", "--set", "clientId=app"],
    { input: `clientSecret=${CLIENT_SECRET}\n` },
  );
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /plain http/);
  assert.match(refused.stderr, /https:\/\//);
  assert.ok(!JSON.stringify(readManifest(dir)).includes("id.example"), "nothing was saved");

  // The same URL written into the manifest by hand is refused when it would be used, before any request.
  const provider = await fakeProvider();
  try {
    await addConnection(dir, {
      name: "Plain",
      kind: "clientcredentials",
      set: { tokenUrl: provider.tokenUrl, clientId: "app" },
      secrets: { clientSecret: CLIENT_SECRET },
    });
    const manifest = readManifest(dir);
    manifest.connections.find((connection) => connection.name === "Plain").inputs.tokenUrl =
      "http://10.255.255.1/oauth/token";
    writeManifest(dir, manifest);
    const fetched = await cli(
      ["connections", "token", "--workspace", dir, "--name", "Plain", "--allow-host-change"],
      { timeoutMs: 20_000 },
    );
    assert.notEqual(fetched.code, 0);
    assert.match(fetched.stderr, /Token URL http:\/\/10\.255\.255\.1\/oauth\/token uses plain http/);
    assert.match(fetched.stderr, /use https:\/\//);
    assert.equal(provider.requests.length, 0);
  } finally {
    await provider.close();
  }
});

test("an authorization response without iss is refused when the provider's metadata promises it", async () => {
  const dir = await newWorkspace("oauth-iss");
  const provider = await fakeProvider({ issParameterSupported: true });
  try {
    await addAcme(dir, provider, { issuer: provider.issuer });

    const withoutIss = await connect(dir);
    assert.notEqual(withoutIss.code, 0);
    assert.match(withoutIss.stderr, /carries no "iss"/);
    assert.ok(withoutIss.stderr.includes(provider.issuer), withoutIss.stderr);
    assert.ok(
      provider.requests.some((request) => request.url === "/.well-known/openid-configuration"),
      "the provider's metadata was read",
    );
    assert.equal(provider.tokenRequests().length, 0, "the code was not exchanged");

    const otherIss = await connect(dir, { iss: "https://mix-up.example" });
    assert.notEqual(otherIss.code, 0);
    assert.match(otherIss.stderr, /mix-up/);
    assert.equal(provider.tokenRequests().length, 0);

    const rightIss = await connect(dir, { iss: provider.issuer });
    assert.equal(rightIss.code, 0, rightIss.stderr);
    assert.equal(provider.tokenRequests().length, 1);
  } finally {
    await provider.close();
  }
});

test("an issuer setting must be https off this machine", async () => {
  const dir = await newWorkspace("oauth-issuer-setting");
  const provider = await fakeProvider();
  try {
    await assert.rejects(addAcme(dir, provider, { issuer: "http://login.example" }), /Issuer http:\/\/login\.example uses plain http/);
  } finally {
    await provider.close();
  }
});
