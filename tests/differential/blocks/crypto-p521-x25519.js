// P-521 and X25519, in Web Crypto and in `require("crypto")`: ECDSA and ECDH on P-521 with fixed keys (exports
// must equal Node's bytes), a signature Node made that must verify here, X25519 with RFC 7748's keys (the shared
// secret is the RFC's), generated pairs, `diffieHellman`, and the errors Node gives for misuse.
// Randomised results (ECDSA signatures, generated keys) are compared by what they verify and their size.
const nodeCrypto = require("crypto");
const hex = (bytes) => Buffer.from(bytes).toString("hex");
const b64url = (hexText) => Buffer.from(hexText, "hex").toString("base64url");
const text = (value) => new TextEncoder().encode(value);
const failure = async (thunk) => {
  try {
    await thunk();
    return "no error";
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
};

// Made by Node: a P-521 key as a JWK, another as SEC1 PEM, and two signatures of "signed payload" by the first
// (SHA-512 as IEEE P1363, SHA-256 as DER: a digest shorter than half the curve's field).
const P521_JWK = {
  kty: "EC",
  x: "ADxgScmpTp5F5ywf1m8Co-V85ELqbc9k2dVaxAGalcckwOrvicopZXlhz_brfL4sghKKOg6qnhX8aDmvXdh90-Mo",
  y: "AD__78Yjir8VJCKM5QgCEuNinhNoWnvTcTRiNFpGF2A_pjG1dj1aTMGFo-eWoYaRJdRxZtY4AdLKrtl7suarPHJH",
  crv: "P-521",
  d: "Aciu3cYX3RwdzarpLMhPVU4WrN6nm6QOASmD5G_Twlr-8gW5zRPd_KHQtt0SgO7d1CiEPtFqcxEHvm9A_Vtoktkq",
};
const P521_SEC1 =
  "-----BEGIN EC PRIVATE KEY-----\nMIHcAgEBBEIB09WukSdT0GEeFBRSaSFHZvFlo2mCCMQvu3lpWMzhoai+Tk++//uS\nmshEP7EqSnQwGS3H0hyl6xxJr5Yih9+oSBigBwYFK4EEACOhgYkDgYYABAH1F0QM\nbmOf2GqMV6tFtJFHLouUCCBb0lDmUEJR1dBKlM5V0Ab2dL/xAH87RpbZ8HbAfcIP\nsQH5l0QVLn5V7zfSgABl2iNTmGpR0W5UNhurlf+fXK6bWG8/Dgr1EN72gybhRYVK\nRRGpXKRhQGjOx16uTZZqug4OaFmLwUorE2bnjf0MCg==\n-----END EC PRIVATE KEY-----\n";
const NODE_SHA512_P1363 =
  "0110aed1b316263ae39256a524a2f15771a9e8a88637af093c734fd57338359399eb671ac705f8b3c224eb9a98d006c9ab7bc0aaae2af9c9c555e7ed45706aa2123a00fe60288bc364586a7ba82bb6e16cba43e775cea8722c620b13a0b004d8330f3dca60586055e6b697cc7472a40126c17dd3d48c0f3fc46232ed64ffb1bd1e011acd";
const NODE_SHA256_DER =
  "3081880242016d222b6d0eb03c708ff3497ac14425644afc3a4858c04dab84348d19a0a0e164c3987456b27c6b9b3f7e3ed074aab0bc8df921973b08b30e1ab20ae5ceeee5955f024201100b4cd947036901576e842a3d1413c5142dce9ab3ce23b33874a37fd70f55c7cdc59351c0e53ae15c410a05674053997f6d523adb5366731566e1936d0207dad9";
// RFC 7748 §6.1: Alice's and Bob's X25519 keys.
const ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
const ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
const BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
const BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";

async function webCryptoP521(subtle, message) {
  const ecdsa = { name: "ECDSA", namedCurve: "P-521" };
  const privateKey = await subtle.importKey("jwk", P521_JWK, ecdsa, true, ["sign"]);
  const { d: _, ...publicJwk } = P521_JWK;
  const publicKey = await subtle.importKey("jwk", publicJwk, ecdsa, true, ["verify"]);
  const raw = await subtle.exportKey("raw", publicKey);
  const fromRaw = await subtle.importKey("raw", raw, ecdsa, true, ["verify"]);
  const signature = await subtle.sign({ name: "ECDSA", hash: "SHA-512" }, privateKey, message);
  const short = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, message);
  const generated = await subtle.generateKey(ecdsa, true, ["sign", "verify"]);
  const generatedSignature = await subtle.sign({ name: "ECDSA", hash: "SHA-384" }, generated.privateKey, message);

  const ecdh = { name: "ECDH", namedCurve: "P-521" };
  const alice = await subtle.importKey("pkcs8", await subtle.exportKey("pkcs8", privateKey), ecdh, true, ["deriveBits", "deriveKey"]);
  const bob = await subtle.generateKey(ecdh, true, ["deriveBits"]);
  const alicePublic = await subtle.importKey("spki", await subtle.exportKey("spki", publicKey), ecdh, true, []);
  const aliceSide = await subtle.deriveBits({ name: "ECDH", public: bob.publicKey }, alice, null);
  const bobSide = await subtle.deriveBits({ name: "ECDH", public: alicePublic }, bob.privateKey, null);
  const derived = await subtle.deriveKey({ name: "ECDH", public: bob.publicKey }, alice, { name: "AES-GCM", length: 256 }, true, ["encrypt"]);
  return {
    algorithm: privateKey.algorithm,
    raw: hex(raw),
    spki: hex(await subtle.exportKey("spki", publicKey)),
    pkcs8: hex(await subtle.exportKey("pkcs8", privateKey)),
    jwk: await subtle.exportKey("jwk", privateKey),
    publicJwk: await subtle.exportKey("jwk", fromRaw),
    signatureBytes: signature.byteLength,
    verified: await subtle.verify({ name: "ECDSA", hash: "SHA-512" }, fromRaw, signature, message),
    shortDigestVerified: await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, short, message),
    nodeSignatureVerified: await subtle.verify({ name: "ECDSA", hash: "SHA-512" }, publicKey, Buffer.from(NODE_SHA512_P1363, "hex"), message),
    tampered: await subtle.verify({ name: "ECDSA", hash: "SHA-512" }, publicKey, signature, text("another payload")),
    generated: {
      algorithm: generated.publicKey.algorithm,
      usages: [generated.privateKey.usages, generated.publicKey.usages],
      xBytes: Buffer.from((await subtle.exportKey("jwk", generated.publicKey)).x, "base64url").length,
      verified: await subtle.verify({ name: "ECDSA", hash: "SHA-384" }, generated.publicKey, generatedSignature, message),
    },
    ecdh: {
      algorithm: alice.algorithm,
      bytes: aliceSide.byteLength,
      agreed: hex(aliceSide) === hex(bobSide),
      first128: hex(await subtle.deriveBits({ name: "ECDH", public: bob.publicKey }, alice, 128)) === hex(aliceSide).slice(0, 32),
      derivedKey: derived.algorithm,
      tooLong: await failure(() => subtle.deriveBits({ name: "ECDH", public: bob.publicKey }, alice, 1024)),
      otherCurve: await failure(async () => {
        const p256 = await subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, false, ["deriveBits"]);
        return subtle.deriveBits({ name: "ECDH", public: p256.publicKey }, alice, null);
      }),
    },
    badCurve: await failure(() => subtle.generateKey({ name: "ECDSA", namedCurve: "P-522" }, true, ["sign"])),
    badRaw: await failure(() => subtle.importKey("raw", new Uint8Array(65), ecdh, true, [])),
  };
}

async function webCryptoX25519(subtle) {
  const x25519 = { name: "X25519" };
  const alice = await subtle.importKey("jwk", { kty: "OKP", crv: "X25519", d: b64url(ALICE_PRIVATE), x: b64url(ALICE_PUBLIC) }, x25519, true, ["deriveBits", "deriveKey"]);
  const bobPublic = await subtle.importKey("raw", Buffer.from(BOB_PUBLIC, "hex"), "X25519", true, []);
  const bobPrivateDer = nodeCrypto
    .createPrivateKey({ key: { kty: "OKP", crv: "X25519", d: b64url(BOB_PRIVATE), x: b64url(BOB_PUBLIC) }, format: "jwk" })
    .export({ format: "der", type: "pkcs8" });
  const bob = await subtle.importKey("pkcs8", bobPrivateDer, x25519, false, ["deriveBits"]);
  const alicePublic = await subtle.importKey("spki", Buffer.from("302a300506032b656e032100" + ALICE_PUBLIC, "hex"), x25519, true, []);
  const generated = await subtle.generateKey(x25519, true, ["deriveKey", "deriveBits"]);
  const edKey = await subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  return {
    algorithm: alice.algorithm,
    usages: alice.usages,
    shared: hex(await subtle.deriveBits({ name: "X25519", public: bobPublic }, alice, 256)),
    sharedFromBob: hex(await subtle.deriveBits({ name: "X25519", public: alicePublic }, bob, null)),
    first64: hex(await subtle.deriveBits({ name: "X25519", public: bobPublic }, alice, 64)),
    derivedKey: (await subtle.deriveKey({ name: "X25519", public: bobPublic }, alice, { name: "AES-KW", length: 128 }, true, ["wrapKey"])).algorithm,
    jwk: await subtle.exportKey("jwk", alice),
    publicJwk: await subtle.exportKey("jwk", bobPublic),
    pkcs8: hex(await subtle.exportKey("pkcs8", alice)),
    spki: hex(await subtle.exportKey("spki", bobPublic)),
    raw: hex(await subtle.exportKey("raw", alicePublic)),
    generated: {
      algorithm: generated.privateKey.algorithm,
      usages: [generated.privateKey.usages, generated.publicKey.usages],
      rawBytes: (await subtle.exportKey("raw", generated.publicKey)).byteLength,
    },
    errors: {
      shortRaw: await failure(() => subtle.importKey("raw", new Uint8Array(31), x25519, true, [])),
      publicUsage: await failure(() => subtle.importKey("raw", new Uint8Array(32), x25519, true, ["deriveBits"])),
      generateUsage: await failure(() => subtle.generateKey(x25519, true, ["sign"])),
      notX25519: await failure(async () => subtle.importKey("spki", await subtle.exportKey("spki", edKey.publicKey), x25519, true, [])),
      ecdhPublic: await failure(async () => {
        const ecdh = await subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
        return subtle.deriveBits({ name: "X25519", public: ecdh.publicKey }, alice, 256);
      }),
      privateAsPublic: await failure(() => subtle.deriveBits({ name: "X25519", public: alice }, alice, 256)),
      otherType: await failure(() => subtle.deriveBits({ name: "X25519", public: edKey.publicKey }, alice, 256)),
      tooLong: await failure(() => subtle.deriveBits({ name: "X25519", public: bobPublic }, alice, 512)),
      lowOrder: await failure(async () => {
        const zero = await subtle.importKey("raw", new Uint8Array(32), x25519, true, []);
        return subtle.deriveBits({ name: "X25519", public: zero }, alice, 256);
      }),
    },
  };
}

function nodeKeys(message) {
  const describe = (key) => ({ type: key.type, asymmetricKeyType: key.asymmetricKeyType, details: key.asymmetricKeyDetails });
  const caught = (thunk) => {
    try {
      return thunk();
    } catch (error) {
      return { name: error.name, code: error.code, message: error.message };
    }
  };
  const p521 = nodeCrypto.createPrivateKey(P521_SEC1);
  const p521Jwk = nodeCrypto.createPrivateKey({ key: P521_JWK, format: "jwk" });
  const p521Public = nodeCrypto.createPublicKey(p521Jwk);
  const signature = nodeCrypto.sign("sha512", message, p521);
  const generatedEc = nodeCrypto.generateKeyPairSync("ec", { namedCurve: "secp521r1" });
  const otherP521 = nodeCrypto.createPublicKey(p521);

  const alice = nodeCrypto.createPrivateKey({ key: { kty: "OKP", crv: "X25519", d: b64url(ALICE_PRIVATE), x: b64url(ALICE_PUBLIC) }, format: "jwk" });
  const alicePem = alice.export({ format: "pem", type: "pkcs8" });
  const bobPublic = nodeCrypto.createPublicKey({ key: Buffer.from("302a300506032b656e032100" + BOB_PUBLIC, "hex"), format: "der", type: "spki" });
  const generated = nodeCrypto.generateKeyPairSync("x25519");
  const pems = nodeCrypto.generateKeyPairSync("x25519", {
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const p256 = nodeCrypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    p521: {
      key: describe(p521),
      public: describe(p521Public),
      sec1: p521.export({ format: "pem", type: "sec1" }) === P521_SEC1,
      pkcs8: p521.export({ format: "der", type: "pkcs8" }).toString("base64"),
      spki: p521Public.export({ format: "pem", type: "spki" }),
      jwk: p521.export({ format: "jwk" }),
      jwkRoundTrip: p521Jwk.export({ format: "der", type: "sec1" }).toString("hex"),
      verified: nodeCrypto.verify("sha512", message, p521Public, signature),
      nodeSha256: nodeCrypto.verify("sha256", message, p521Public, Buffer.from(NODE_SHA256_DER, "hex")),
      nodeSha512P1363: nodeCrypto.verify("sha512", message, { key: p521Public, dsaEncoding: "ieee-p1363" }, Buffer.from(NODE_SHA512_P1363, "hex")),
      generated: describe(generatedEc.privateKey),
      agreed: hex(nodeCrypto.diffieHellman({ privateKey: generatedEc.privateKey, publicKey: otherP521 })) === hex(nodeCrypto.diffieHellman({ privateKey: p521, publicKey: generatedEc.publicKey })),
      secretBytes: nodeCrypto.diffieHellman({ privateKey: p521, publicKey: generatedEc.publicKey }).length,
      curveMismatch: caught(() => nodeCrypto.diffieHellman({ privateKey: p521, publicKey: p256.publicKey })),
    },
    x25519: {
      key: describe(alice),
      public: describe(bobPublic),
      pem: alicePem,
      fromPem: nodeCrypto.createPrivateKey(alicePem).export({ format: "jwk" }),
      spki: nodeCrypto.createPublicKey(alice).export({ format: "der", type: "spki" }).toString("hex"),
      jwk: alice.export({ format: "jwk" }),
      shared: hex(nodeCrypto.diffieHellman({ privateKey: alice, publicKey: bobPublic })),
      generated: [describe(generated.privateKey), describe(generated.publicKey)],
      generatedAgrees:
        hex(nodeCrypto.diffieHellman({ privateKey: generated.privateKey, publicKey: nodeCrypto.createPublicKey(alice) })) ===
        hex(nodeCrypto.diffieHellman({ privateKey: alice, publicKey: generated.publicKey })),
      pems: [pems.publicKey.split("\n")[0], pems.privateKey.split("\n")[0], pems.publicKey.length, pems.privateKey.length],
      mixed: caught(() => nodeCrypto.diffieHellman({ privateKey: alice, publicKey: p256.publicKey })),
      mixedOtherWay: caught(() => nodeCrypto.diffieHellman({ privateKey: p256.privateKey, publicKey: bobPublic })),
      sign: caught(() => nodeCrypto.sign(null, message, alice)),
      verify: caught(() => nodeCrypto.verify(null, message, bobPublic, Buffer.alloc(64))),
      lowOrder: caught(() => nodeCrypto.diffieHellman({ privateKey: alice, publicKey: nodeCrypto.createPublicKey({ key: { kty: "OKP", crv: "X25519", x: b64url("00".repeat(32)) }, format: "jwk" }) })),
    },
  };
}

module.exports = async () => {
  const { subtle } = crypto;
  const message = text("signed payload");
  return {
    webCrypto: { p521: await webCryptoP521(subtle, message), x25519: await webCryptoX25519(subtle) },
    node: nodeKeys(Buffer.from(message)),
  };
};
