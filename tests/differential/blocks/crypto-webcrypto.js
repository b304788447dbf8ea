// Web Crypto beyond HMAC, as blocks use it to sign JWTs, check partner signatures and encrypt fields: Ed25519,
// ECDSA P-256, RSASSA-PKCS1-v1_5 and RSA-PSS signatures; RSA-OAEP; ECDH; AES-GCM, AES-CBC, AES-CTR and AES-KW;
// PBKDF2 and HKDF; keys imported and exported as raw, pkcs8, spki and jwk, wrapped and unwrapped; and the
// DOMException names Node gives for misuse.
// Randomised results (ECDSA and PSS signatures, generated keys) are compared by what they verify and their size.
const hex = (bytes) => Buffer.from(bytes).toString("hex");
const text = (value) => new TextEncoder().encode(value);
const failure = async (promise) => {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return error.name;
  }
};

// RFC 8032's first test key, wrapped in PKCS#8.
const ED25519_PKCS8 = "302e020100300506032b657004220420" + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const EC_JWK = {
  kty: "EC",
  crv: "P-256",
  x: "dPWtU0hZDMePeQKOOpn_yXslqjzceL1p6n0gPIE9Wm4",
  y: "oTO0Wv3xO4C2QRTtnn0t-iNDC43eG6KsLagEnn25XhI",
  d: "1PWp2McPvh6I9EO0NSfFf2hah9rSfS0Xe5LGOnxwOVU",
};

module.exports = async () => {
  const { subtle } = crypto;
  const message = text("signed payload");
  const other = text("another payload");

  const edPrivate = await subtle.importKey("pkcs8", Buffer.from(ED25519_PKCS8, "hex"), { name: "Ed25519" }, true, ["sign"]);
  const edSignature = await subtle.sign("Ed25519", edPrivate, message);
  const edJwk = await subtle.exportKey("jwk", edPrivate);
  const edPublic = await subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: edJwk.x }, "Ed25519", true, ["verify"]);
  const ed25519 = {
    signature: hex(edSignature),
    jwk: edJwk,
    algorithm: edPrivate.algorithm,
    type: edPrivate.type,
    raw: hex(await subtle.exportKey("raw", edPublic)),
    pkcs8: hex(await subtle.exportKey("pkcs8", edPrivate)),
    verified: await subtle.verify("Ed25519", edPublic, edSignature, message),
    another: await subtle.verify({ name: "Ed25519" }, edPublic, edSignature, other),
  };

  const ecPrivate = await subtle.importKey("jwk", EC_JWK, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
  const { d: _, ...ecPublicJwk } = EC_JWK;
  const ecPublic = await subtle.importKey("jwk", ecPublicJwk, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]);
  const ecSignature = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, ecPrivate, message);
  const ecRaw = await subtle.exportKey("raw", ecPublic);
  const fromRaw = await subtle.importKey("raw", ecRaw, { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]);
  const ecdsa = {
    signatureBytes: ecSignature.byteLength,
    verified: await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, fromRaw, ecSignature, message),
    another: await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, ecPublic, ecSignature, other),
    raw: hex(ecRaw),
    spki: hex(await subtle.exportKey("spki", ecPublic)),
    algorithm: ecPublic.algorithm,
    notExtractable: await failure(subtle.exportKey("jwk", ecPrivate)),
  };

  const rsaParams = { modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" };
  const pkcs1 = await subtle.generateKey({ name: "RSASSA-PKCS1-v1_5", ...rsaParams }, true, ["sign", "verify"]);
  const pkcs1Signature = await subtle.sign("RSASSA-PKCS1-v1_5", pkcs1.privateKey, message);
  const spki = await subtle.exportKey("spki", pkcs1.publicKey);
  const reimported = await subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["verify"]);
  const pss = await subtle.generateKey({ name: "RSA-PSS", ...rsaParams }, false, ["sign", "verify"]);
  const pssSignature = await subtle.sign({ name: "RSA-PSS", saltLength: 32 }, pss.privateKey, message);
  const rsaJwk = await subtle.exportKey("jwk", pkcs1.publicKey);
  const rsa = {
    algorithm: { ...pkcs1.privateKey.algorithm, publicExponent: [...pkcs1.privateKey.algorithm.publicExponent] },
    usages: [pkcs1.publicKey.usages, pkcs1.privateKey.usages],
    signatureBytes: pkcs1Signature.byteLength,
    verified: await subtle.verify("RSASSA-PKCS1-v1_5", reimported, pkcs1Signature, message),
    another: await subtle.verify("RSASSA-PKCS1-v1_5", reimported, pkcs1Signature, other),
    jwk: { kty: rsaJwk.kty, alg: rsaJwk.alg, e: rsaJwk.e, ext: rsaJwk.ext, key_ops: rsaJwk.key_ops, nBytes: Buffer.from(rsaJwk.n, "base64url").length },
    pssVerified: await subtle.verify({ name: "RSA-PSS", saltLength: 32 }, pss.publicKey, pssSignature, message),
    wrongUsage: await failure(subtle.sign("RSASSA-PKCS1-v1_5", pkcs1.publicKey, message)),
  };

  const aesKeyBytes = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");
  const gcmKey = await subtle.importKey("raw", aesKeyBytes, "AES-GCM", true, ["encrypt", "decrypt"]);
  const gcmParams = { name: "AES-GCM", iv: text("twelve bytes"), additionalData: text("header") };
  const sealed = await subtle.encrypt(gcmParams, gcmKey, text("card number 4111"));
  const tamperedSeal = new Uint8Array(sealed).slice();
  tamperedSeal[0] ^= 1;
  const cbcKey = await subtle.importKey("jwk", { kty: "oct", k: aesKeyBytes.subarray(0, 16).toString("base64url") }, { name: "AES-CBC" }, true, ["encrypt", "decrypt"]);
  const cbc = await subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, cbcKey, text("sixteen byte msg and more"));
  const ctrKey = await subtle.importKey("raw", aesKeyBytes.subarray(0, 24), "AES-CTR", false, ["encrypt", "decrypt"]);
  const ctr = await subtle.encrypt({ name: "AES-CTR", counter: new Uint8Array(16), length: 64 }, ctrKey, text("counter mode"));
  const aes = {
    gcm: hex(sealed),
    opened: new TextDecoder().decode(await subtle.decrypt(gcmParams, gcmKey, sealed)),
    tampered: await failure(subtle.decrypt(gcmParams, gcmKey, tamperedSeal)),
    cbc: hex(cbc),
    cbcOpened: new TextDecoder().decode(await subtle.decrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, cbcKey, cbc)),
    cbcJwk: await subtle.exportKey("jwk", cbcKey),
    ctr: hex(ctr),
    algorithms: [gcmKey.algorithm, cbcKey.algorithm, ctrKey.algorithm],
    badLength: await failure(subtle.importKey("raw", new Uint8Array(15), "AES-GCM", false, ["encrypt"])),
  };

  const password = await subtle.importKey("raw", text("correct horse"), "PBKDF2", false, ["deriveBits", "deriveKey"]);
  const pbkdf2 = await subtle.deriveBits({ name: "PBKDF2", salt: text("salt"), iterations: 1000, hash: "SHA-256" }, password, 256);
  const derivedAes = await subtle.deriveKey(
    { name: "PBKDF2", salt: text("salt"), iterations: 1000, hash: "SHA-256" },
    password,
    { name: "AES-GCM", length: 128 },
    true,
    ["encrypt"],
  );
  const ikm = await subtle.importKey("raw", text("input keying material"), { name: "HKDF" }, false, ["deriveBits"]);
  const hkdf = await subtle.deriveBits({ name: "HKDF", hash: "SHA-512", salt: text("s"), info: text("i") }, ikm, 128);
  const kdf = {
    pbkdf2: hex(pbkdf2),
    derivedKey: hex(await subtle.exportKey("raw", derivedAes)),
    derivedAlgorithm: derivedAes.algorithm,
    hkdf: hex(hkdf),
    extractableKdf: await failure(subtle.importKey("raw", text("x"), "PBKDF2", true, ["deriveBits"])),
  };

  const oaep = await subtle.generateKey({ name: "RSA-OAEP", ...rsaParams }, true, ["encrypt", "decrypt", "wrapKey", "unwrapKey"]);
  const oaepSealed = await subtle.encrypt({ name: "RSA-OAEP", label: text("orders") }, oaep.publicKey, text("api secret"));
  const wrappedByRsa = await subtle.wrapKey("raw", cbcKey, oaep.publicKey, { name: "RSA-OAEP" });
  const unwrappedByRsa = await subtle.unwrapKey("raw", wrappedByRsa, oaep.privateKey, { name: "RSA-OAEP" }, "AES-CBC", true, ["decrypt"]);
  const rsaOaep = {
    usages: [oaep.publicKey.usages, oaep.privateKey.usages],
    alg: (await subtle.exportKey("jwk", oaep.publicKey)).alg,
    sealedBytes: oaepSealed.byteLength,
    opened: new TextDecoder().decode(await subtle.decrypt({ name: "RSA-OAEP", label: text("orders") }, oaep.privateKey, oaepSealed)),
    wrongLabel: await failure(subtle.decrypt({ name: "RSA-OAEP", label: text("other") }, oaep.privateKey, oaepSealed)),
    unwrapped: hex(await subtle.exportKey("raw", unwrappedByRsa)),
  };

  const alice = await subtle.generateKey({ name: "ECDH", namedCurve: "P-384" }, true, ["deriveBits", "deriveKey"]);
  const bob = await subtle.generateKey({ name: "ECDH", namedCurve: "P-384" }, true, ["deriveBits"]);
  const aliceShared = await subtle.deriveBits({ name: "ECDH", public: bob.publicKey }, alice.privateKey, 384);
  const bobShared = await subtle.deriveBits({ name: "ECDH", public: alice.publicKey }, bob.privateKey, 384);
  const agreedKey = await subtle.deriveKey({ name: "ECDH", public: bob.publicKey }, alice.privateKey, { name: "AES-GCM", length: 256 }, true, ["encrypt"]);
  const ecdh = {
    agree: hex(aliceShared) === hex(bobShared),
    bytes: aliceShared.byteLength,
    usages: [alice.publicKey.usages, alice.privateKey.usages],
    algorithm: alice.privateKey.algorithm,
    keyMatches: hex(await subtle.exportKey("raw", agreedKey)) === hex(aliceShared).slice(0, 64),
    jwkKeys: Object.keys(await subtle.exportKey("jwk", alice.privateKey)).sort(),
  };

  const kek = await subtle.importKey("raw", aesKeyBytes.subarray(0, 16), "AES-KW", true, ["wrapKey", "unwrapKey"]);
  const wrapped = await subtle.wrapKey("raw", gcmKey, kek, "AES-KW");
  const unwrapped = await subtle.unwrapKey("raw", wrapped, kek, "AES-KW", "AES-GCM", true, ["encrypt", "decrypt"]);
  const wrappedJwk = await subtle.wrapKey("jwk", cbcKey, kek, { name: "AES-KW" });
  const unwrappedJwk = await subtle.unwrapKey("jwk", wrappedJwk, kek, "AES-KW", { name: "AES-CBC" }, true, ["encrypt"]);
  const aesKw = {
    wrapped: hex(wrapped),
    unwrapped: hex(await subtle.exportKey("raw", unwrapped)),
    wrappedJwkBytes: wrappedJwk.byteLength,
    unwrappedJwk: hex(await subtle.exportKey("raw", unwrappedJwk)),
    jwk: await subtle.exportKey("jwk", kek),
    encryptRefused: await failure(subtle.encrypt({ name: "AES-KW" }, kek, new Uint8Array(16))),
    notExtractable: await failure(subtle.wrapKey("raw", ctrKey, kek, "AES-KW")),
  };

  return {
    data: {
      rsaOaep,
      ecdh,
      aesKw,
      ed25519,
      ecdsa,
      rsa,
      aes,
      kdf,
      unknownAlgorithm: await failure(subtle.importKey("raw", text("k"), "ROT13", false, ["encrypt"])),
    },
  };
};
