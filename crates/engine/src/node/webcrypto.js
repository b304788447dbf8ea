// Web Crypto's asymmetric keys, AES and key derivation, built on `require("crypto")` (whose primitives are
// RustCrypto's, in the host): RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA (P-256, P-384), Ed25519, AES-GCM/CBC/CTR,
// PBKDF2 and HKDF, with importKey/exportKey in raw, pkcs8, spki and jwk. `crypto.subtle` (builtins/crypto.js)
// keeps digest and HMAC to itself and loads this prelude on the first use of anything else, so that the common
// webhook-signature check does not pay for it. Errors are DOMExceptions with the names and messages Node gives.
(function (host, internals) {
  "use strict";
  const nodeCrypto = internals.requireBuiltin("crypto");
  const { Buffer } = internals.requireBuiltin("buffer");
  const { makeKey, keyMaterial, bufferSource, toArrayBuffer, hashName } = internals.webcryptoKeys;

  const fail = (message, name) => new DOMException(message, name);
  const notSupported = () => fail("Unrecognized algorithm name", "NotSupportedError");
  const operationFailed = () => fail("The operation failed for an operation-specific reason", "OperationError");

  // The algorithms by their canonical names, looked up without regard to case as Web Crypto does.
  const RSA = ["RSASSA-PKCS1-v1_5", "RSA-PSS"];
  const AES = ["AES-GCM", "AES-CBC", "AES-CTR"];
  const KDF = ["PBKDF2", "HKDF"];
  const known = [...RSA, "ECDSA", "Ed25519", ...AES, ...KDF];
  const canonical = new Map(known.map((name) => [name.toUpperCase(), name]));

  // `algorithm` as an object with its canonical `name`.
  function normalized(algorithm) {
    const given = typeof algorithm === "string" ? { name: algorithm } : algorithm;
    if (given === null || typeof given !== "object") throw notSupported();
    const name = canonical.get(String(given.name).toUpperCase());
    if (name === undefined) throw notSupported();
    return { ...given, name };
  }

  // Node's digest names for Web Crypto's ("SHA-256" → "sha256").
  const nodeHash = (hash) => hashName(hash).replace("-", "").toLowerCase();

  const curves = { "P-256": "prime256v1", "P-384": "secp384r1" };
  const curveByNode = { prime256v1: "P-256", secp384r1: "P-384" };
  const coordinateBytes = { "P-256": 32, "P-384": 48 };

  // The usages each kind of key may have, by algorithm family.
  const usagesFor = {
    sign: { private: ["sign"], public: ["verify"] },
    cipher: { secret: ["encrypt", "decrypt", "wrapKey", "unwrapKey"] },
    derive: { secret: ["deriveBits", "deriveKey"] },
  };
  function familyOf(name) {
    if (AES.includes(name)) return "cipher";
    if (KDF.includes(name)) return "derive";
    return "sign";
  }

  function checkUsages(name, type, usages) {
    const allowed = usagesFor[familyOf(name)][type] ?? [];
    for (const usage of usages) {
      if (!allowed.includes(usage)) throw fail(`Unsupported key usage for a${/^[AE]/.test(name) ? "n" : ""} ${name} key`, "SyntaxError");
    }
  }

  // ---- importing ----

  function base64url(bytes) {
    return Buffer.from(bytes).toString("base64url");
  }

  // A raw EC public key (an uncompressed point) as the JWK Node's key import reads.
  function ecPointToJwk(bytes, namedCurve) {
    const size = coordinateBytes[namedCurve];
    if (bytes.length !== 1 + 2 * size || bytes[0] !== 4) throw fail("Invalid keyData", "DataError");
    return { kty: "EC", crv: namedCurve, x: base64url(bytes.subarray(1, 1 + size)), y: base64url(bytes.subarray(1 + size)) };
  }

  function keyObjectFrom(format, keyData, name) {
    try {
      if (format === "spki") return nodeCrypto.createPublicKey({ key: Buffer.from(keyData), format: "der", type: "spki" });
      if (format === "pkcs8") return nodeCrypto.createPrivateKey({ key: Buffer.from(keyData), format: "der", type: "pkcs8" });
      if (format === "jwk") {
        const create = keyData.d === undefined ? nodeCrypto.createPublicKey : nodeCrypto.createPrivateKey;
        return create({ key: keyData, format: "jwk" });
      }
    } catch (_) {
      throw fail("Invalid keyData", "DataError");
    }
    throw fail(`Unable to import ${name} key with format ${format}`, "NotSupportedError");
  }

  // The key's algorithm as Web Crypto reports it, from what the KeyObject says of itself.
  function asymmetricAlgorithm(algorithm, keyObject) {
    const details = keyObject.asymmetricKeyDetails;
    if (RSA.includes(algorithm.name)) {
      if (keyObject.asymmetricKeyType !== "rsa") throw fail("Invalid key type", "DataError");
      const exponent = BigInt(details.publicExponent).toString(16);
      const padded = exponent.length % 2 === 0 ? exponent : `0${exponent}`;
      return {
        name: algorithm.name,
        modulusLength: details.modulusLength,
        publicExponent: new Uint8Array(Buffer.from(padded, "hex")),
        hash: { name: hashName(algorithm.hash) },
      };
    }
    if (algorithm.name === "ECDSA") {
      const namedCurve = curveByNode[details.namedCurve];
      if (keyObject.asymmetricKeyType !== "ec" || namedCurve !== algorithm.namedCurve) {
        throw fail("Named curve mismatch", "DataError");
      }
      return { name: "ECDSA", namedCurve };
    }
    if (keyObject.asymmetricKeyType !== "ed25519") throw fail("Invalid key type", "DataError");
    return { name: "Ed25519" };
  }

  function importAsymmetric(format, keyData, algorithm, extractable, usages) {
    if (algorithm.name === "ECDSA" && curves[algorithm.namedCurve] === undefined) throw notSupported();
    let data = keyData;
    if (format === "raw") {
      const bytes = bufferSource(keyData, "importKey");
      if (algorithm.name === "ECDSA") data = ecPointToJwk(bytes, algorithm.namedCurve);
      else if (algorithm.name === "Ed25519") data = { kty: "OKP", crv: "Ed25519", x: base64url(bytes) };
      else throw fail(`Unable to import ${algorithm.name} key with format raw`, "NotSupportedError");
      format = "jwk";
    } else if (format !== "jwk") {
      data = bufferSource(keyData, "importKey");
    } else if (keyData === null || typeof keyData !== "object") {
      throw new TypeError("Failed to execute 'importKey' on 'SubtleCrypto': The provided value is not of type 'JsonWebKey'.");
    }
    const keyObject = keyObjectFrom(format, data, algorithm.name);
    checkUsages(algorithm.name, keyObject.type, usages);
    return makeKey(keyObject.type, asymmetricAlgorithm(algorithm, keyObject), extractable, usages, keyObject);
  }

  function importSecret(format, keyData, algorithm, extractable, usages) {
    let bytes;
    if (format === "raw") bytes = bufferSource(keyData, "importKey").slice();
    else if (format === "jwk" && AES.includes(algorithm.name) && keyData && keyData.kty === "oct") {
      bytes = new Uint8Array(Buffer.from(String(keyData.k), "base64url"));
    } else throw fail(`Unable to import ${algorithm.name} key with format ${format}`, "NotSupportedError");
    checkUsages(algorithm.name, "secret", usages);
    if (KDF.includes(algorithm.name)) {
      if (extractable) throw fail(`${algorithm.name} keys are not extractable`, "SyntaxError");
      return makeKey("secret", { name: algorithm.name }, false, usages, bytes);
    }
    if (![16, 24, 32].includes(bytes.length)) throw fail("Invalid key length", "DataError");
    return makeKey("secret", { name: algorithm.name, length: bytes.length * 8 }, extractable, usages, bytes);
  }

  function importKey(format, keyData, algorithm, extractable, usages) {
    const normal = normalized(algorithm);
    const secret = AES.includes(normal.name) || KDF.includes(normal.name);
    return (secret ? importSecret : importAsymmetric)(format, keyData, normal, Boolean(extractable), [...usages]);
  }

  // ---- exporting ----

  const jwkAlgorithm = {
    "RSASSA-PKCS1-v1_5": (hash) => `RS${hash.slice(4)}`,
    "RSA-PSS": (hash) => `PS${hash.slice(4)}`,
    ECDSA: (_, curve) => `ES${curve.slice(2)}`,
    Ed25519: () => "Ed25519",
  };

  function exportKey(format, key) {
    const { name } = key.algorithm;
    const material = keyMaterial(key);
    if (key.type === "secret") {
      if (format === "raw") return toArrayBuffer(material);
      if (format === "jwk") {
        return { key_ops: key.usages, ext: true, kty: "oct", k: base64url(material), alg: `A${key.algorithm.length}${name.slice(4)}` };
      }
      throw fail(`Unable to export ${name} secret key using ${format} format`, "NotSupportedError");
    }
    if (format === "spki" || format === "pkcs8") {
      const wanted = key.type === "public" ? "spki" : "pkcs8";
      if (format !== wanted) throw fail(`Unable to export a ${key.type} ${name} key using ${format} format`, "InvalidAccessError");
      return toArrayBuffer(material.export({ format: "der", type: format }));
    }
    if (format === "jwk") {
      const jwk = material.export({ format: "jwk" });
      const alg = jwkAlgorithm[name];
      return {
        key_ops: key.usages,
        ext: true,
        ...jwk,
        ...(alg ? { alg: alg(key.algorithm.hash ? key.algorithm.hash.name : "", key.algorithm.namedCurve) } : {}),
      };
    }
    if (format === "raw" && key.type === "public") {
      const jwk = material.export({ format: "jwk" });
      const coordinates = jwk.kty === "EC" ? [Buffer.from([4]), Buffer.from(jwk.x, "base64url"), Buffer.from(jwk.y, "base64url")] : [Buffer.from(jwk.x, "base64url")];
      return toArrayBuffer(Buffer.concat(coordinates));
    }
    throw fail(`Unable to export a ${key.type} ${name} key using ${format} format`, "InvalidAccessError");
  }

  // ---- signatures ----

  function signingKey(algorithm, key, usage) {
    const normal = normalized(algorithm);
    if (normal.name !== key.algorithm.name || !key.usages.includes(usage)) {
      throw fail("The requested operation is not valid for the provided key", "InvalidAccessError");
    }
    const keyObject = keyMaterial(key);
    if (normal.name === "RSA-PSS") {
      return [nodeHash(key.algorithm.hash), { key: keyObject, padding: nodeCrypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: normal.saltLength }];
    }
    if (normal.name === "ECDSA") return [nodeHash(normal.hash), { key: keyObject, dsaEncoding: "ieee-p1363" }];
    if (normal.name === "Ed25519") return [null, keyObject];
    return [nodeHash(key.algorithm.hash), keyObject];
  }

  function sign(algorithm, key, data) {
    const [digest, signer] = signingKey(algorithm, key, "sign");
    return toArrayBuffer(nodeCrypto.sign(digest, bufferSource(data, "sign"), signer));
  }

  function verify(algorithm, key, signature, data) {
    const [digest, verifier] = signingKey(algorithm, key, "verify");
    try {
      return nodeCrypto.verify(digest, bufferSource(data, "verify"), verifier, bufferSource(signature, "verify"));
    } catch (_) {
      return false;
    }
  }

  // ---- AES ----

  function cipherFor(algorithm, key, usage) {
    const normal = normalized(algorithm);
    if (normal.name !== key.algorithm.name || !key.usages.includes(usage)) {
      throw fail("The requested operation is not valid for the provided key", "InvalidAccessError");
    }
    const mode = normal.name.slice(4).toLowerCase();
    const iv = bufferSource(mode === "ctr" ? normal.counter : normal.iv, usage);
    return { normal, mode, iv, cipherName: `aes-${key.algorithm.length}-${mode}` };
  }

  function encrypt(algorithm, key, data) {
    const { normal, mode, iv, cipherName } = cipherFor(algorithm, key, "encrypt");
    const tagBytes = (normal.tagLength ?? 128) / 8;
    const cipher = nodeCrypto.createCipheriv(cipherName, keyMaterial(key), iv, mode === "gcm" ? { authTagLength: tagBytes } : undefined);
    if (mode === "gcm" && normal.additionalData !== undefined) cipher.setAAD(bufferSource(normal.additionalData, "encrypt"));
    const parts = [cipher.update(bufferSource(data, "encrypt")), cipher.final()];
    if (mode === "gcm") parts.push(cipher.getAuthTag());
    return toArrayBuffer(Buffer.concat(parts));
  }

  function decrypt(algorithm, key, data) {
    const { normal, mode, iv, cipherName } = cipherFor(algorithm, key, "decrypt");
    const bytes = bufferSource(data, "decrypt");
    const tagBytes = (normal.tagLength ?? 128) / 8;
    try {
      const decipher = nodeCrypto.createDecipheriv(cipherName, keyMaterial(key), iv, mode === "gcm" ? { authTagLength: tagBytes } : undefined);
      let body = bytes;
      if (mode === "gcm") {
        if (bytes.length < tagBytes) throw operationFailed();
        body = bytes.subarray(0, bytes.length - tagBytes);
        decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
        if (normal.additionalData !== undefined) decipher.setAAD(bufferSource(normal.additionalData, "decrypt"));
      }
      return toArrayBuffer(Buffer.concat([decipher.update(body), decipher.final()]));
    } catch (_) {
      throw operationFailed();
    }
  }

  // ---- key derivation ----

  function derivingKey(algorithm, baseKey, usage) {
    const normal = normalized(algorithm);
    if (normal.name !== baseKey.algorithm.name || !baseKey.usages.includes(usage)) {
      throw fail("The requested operation is not valid for the provided key", "InvalidAccessError");
    }
    return normal;
  }

  function bitsFrom(normal, material, length) {
    if (!Number.isInteger(length) || length % 8 !== 0) throw fail("length must be a multiple of 8", "OperationError");
    const salt = bufferSource(normal.salt, "deriveBits");
    if (normal.name === "PBKDF2") {
      if (!(normal.iterations > 0)) throw fail("iterations cannot be zero", "OperationError");
      return toArrayBuffer(nodeCrypto.pbkdf2Sync(material, salt, normal.iterations, length / 8, nodeHash(normal.hash)));
    }
    return nodeCrypto.hkdfSync(nodeHash(normal.hash), material, salt, bufferSource(normal.info, "deriveBits"), length / 8);
  }

  function deriveBits(algorithm, baseKey, length) {
    return bitsFrom(derivingKey(algorithm, baseKey, "deriveBits"), keyMaterial(baseKey), length);
  }

  // The bits a derived key needs: an AES key's length, an HMAC key's length or its hash's block size.
  function derivedLength(algorithm) {
    const name = String(algorithm.name).toUpperCase();
    if (name === "HMAC") return algorithm.length ?? { "SHA-1": 512, "SHA-256": 512, "SHA-384": 1024, "SHA-512": 1024 }[hashName(algorithm.hash)];
    if (canonical.has(name) && AES.includes(canonical.get(name))) return algorithm.length;
    throw notSupported();
  }

  function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
    const normal = derivingKey(algorithm, baseKey, "deriveKey");
    const bits = bitsFrom(normal, keyMaterial(baseKey), derivedLength(derivedKeyAlgorithm));
    return internals.webcryptoKeys.importKey("raw", bits, derivedKeyAlgorithm, extractable, usages);
  }

  // ---- generating ----

  function generateKey(algorithm, extractable, usages) {
    const normal = normalized(algorithm);
    const wanted = [...usages];
    if (AES.includes(normal.name)) {
      if (![128, 192, 256].includes(normal.length)) throw fail("AES key length must be 128, 192, or 256 bits", "OperationError");
      return importSecret("raw", host.randomBytes(normal.length / 8), normal, Boolean(extractable), wanted);
    }
    let pair;
    if (RSA.includes(normal.name)) {
      const exponent = Buffer.from(bufferSource(normal.publicExponent, "generateKey")).readUIntBE(0, normal.publicExponent.length);
      pair = nodeCrypto.generateKeyPairSync("rsa", { modulusLength: normal.modulusLength, publicExponent: exponent });
    } else if (normal.name === "ECDSA") {
      if (curves[normal.namedCurve] === undefined) throw notSupported();
      pair = nodeCrypto.generateKeyPairSync("ec", { namedCurve: curves[normal.namedCurve] });
    } else if (normal.name === "Ed25519") {
      pair = nodeCrypto.generateKeyPairSync("ed25519");
    } else {
      throw notSupported();
    }
    checkUsages(normal.name, "private", wanted.filter((usage) => usage !== "verify"));
    checkUsages(normal.name, "public", wanted.filter((usage) => usage !== "sign"));
    const keyAlgorithm = asymmetricAlgorithm(normal, pair.publicKey);
    return {
      publicKey: makeKey("public", keyAlgorithm, true, wanted.filter((usage) => usage === "verify"), pair.publicKey),
      privateKey: makeKey("private", keyAlgorithm, Boolean(extractable), wanted.filter((usage) => usage === "sign"), pair.privateKey),
    };
  }

  internals.webcryptoAlgorithms = { known: canonical, importKey, exportKey, sign, verify, encrypt, decrypt, deriveBits, deriveKey, generateKey };
});
