// What Blocksmith makes that cannot equal Node's bytes (randomised ECDSA and PSS signatures, fresh key
// pairs, GCM with a random key, compressed data) must still be read by Node: a block makes each in
// `blocksmith run`, and Node verifies, decrypts, agrees on a shared secret with and decompresses it. (The other direction, Blocksmith
// checking what Node made, is in blocks/crypto-node-jwt.js and blocks/zlib-node.js.)
//
//   BLOCKSMITH_BIN=path/to/blocksmith node --test tests/differential/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const binary =
  process.env.BLOCKSMITH_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(resolve(here, "../.."), "target"), "debug", "blocksmith");

test("Node reads what Blocksmith signs, encrypts and compresses", { skip: !existsSync(binary) && "no blocksmith binary" }, () => {
  const stdout = execFileSync(binary, ["run", join(here, "interop", "blocksmith-made.js")], { encoding: "utf8", maxBuffer: 16 << 20 });
  const outcome = JSON.parse(stdout.trim().split("\n").pop());
  assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
  const made = outcome.result;
  const message = Buffer.from(made.message);

  for (const entry of made.signatures) {
    const label = `${entry.type} ${entry.digest} ${JSON.stringify(entry.options)}`;
    const signature = Buffer.from(entry.signature, "base64");
    const publicKey = crypto.createPublicKey(entry.publicKey);
    assert.ok(crypto.verify(entry.digest, message, { key: publicKey, ...entry.options }, signature), `${label}: Node verifies it`);
    assert.ok(!crypto.verify(entry.digest, Buffer.from("another message"), { key: publicKey, ...entry.options }, signature), `${label}: not another message`);
    const fromJwk = crypto.createPublicKey({ key: entry.jwk, format: "jwk" });
    assert.ok(fromJwk.equals(publicKey), `${label}: its JWK is the same key`);
    const privateKey = crypto.createPrivateKey(entry.privateKey);
    assert.equal(crypto.createPublicKey(privateKey).export({ type: "spki", format: "pem" }), entry.publicKey, `${label}: its PKCS#8 private key is read`);
  }

  for (const entry of made.agreements) {
    const ours = crypto.createPrivateKey(entry.privateKey);
    const theirs = crypto.createPrivateKey(entry.otherPrivateKey);
    const secret = crypto.diffieHellman({ privateKey: theirs, publicKey: crypto.createPublicKey(ours) });
    assert.equal(secret.toString("hex"), entry.secret, `${entry.type}: Node reaches the same shared secret`);
  }

  const decipher = crypto.createDecipheriv("aes-256-gcm", Buffer.from(made.gcm.key, "hex"), Buffer.from(made.gcm.iv, "hex"));
  decipher.setAuthTag(Buffer.from(made.gcm.tag, "hex"));
  const opened = Buffer.concat([decipher.update(Buffer.from(made.gcm.sealed, "base64")), decipher.final()]).toString();
  assert.equal(opened, made.message);

  const unpack = { gzip: zlib.gunzipSync, deflate: zlib.inflateSync, deflateRaw: zlib.inflateRawSync, brotli: zlib.brotliDecompressSync };
  for (const [format, data] of Object.entries(made.compressed)) {
    assert.equal(unpack[format](Buffer.from(data, "base64")).toString(), made.sample, `${format}: Node decompresses it`);
  }
});
