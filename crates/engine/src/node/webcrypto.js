// Web Crypto's asymmetric keys, AES and key derivation, built on `require("crypto")` (whose primitives are
// RustCrypto's, in the host): RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP, ECDSA and ECDH (P-256, P-384, P-521), Ed25519, X25519,
// AES-GCM/CBC/CTR/KW, PBKDF2 and HKDF, with importKey/exportKey in raw, pkcs8, spki and jwk, and wrapKey/unwrapKey. `crypto.subtle` (builtins/crypto.js)
// keeps digest and HMAC to itself and loads this prelude on the first use of anything else, so that the common
// webhook-signature check does not pay for it. Errors are DOMExceptions with the names and messages Node gives.
(function (host, internals) {
  "use strict";
  const nodeCrypto = internals.requireBuiltin("crypto");
  const { Buffer } = internals.requireBuiltin("buffer");
  const { makeKey, keyMaterial, bufferSource, toArrayBuffer, hashName } = internals.webcryptoKeys;
  const native = host.moduleHost("crypto");

  const fail = (message, name) => new DOMException(message, name);
  const notSupported = () => fail("Unrecognized algorithm name", "NotSupportedError");
  const operationFailed = () => fail("The operation failed for an operation-specific reason", "OperationError");

  // The algorithms by their canonical names, looked up without regard to case as Web Crypto does.
  const RSA = ["RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP"];
  const EC = ["ECDSA", "ECDH"];
  const AES = ["AES-GCM", "AES-CBC", "AES-CTR", "AES-KW"];
  const KDF = ["PBKDF2", "HKDF"];
  const known = [...RSA, ...EC, "Ed25519", "X25519", ...AES, ...KDF];
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

  const curves = { "P-256": "prime256v1", "P-384": "secp384r1", "P-521": "secp521r1" };
  const curveByNode = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };
  const coordinateBytes = { "P-256": 32, "P-384": 48, "P-521": 66 };
  // The key types of the algorithms on Curve25519, as `KeyObject.asymmetricKeyType` names them.
  const okpKeyType = { Ed25519: "ed25519", X25519: "x25519" };

  // The usages each kind of key may have, by algorithm family.
  const usagesFor = {
    sign: { private: ["sign"], public: ["verify"] },
    cipher: { secret: ["encrypt", "decrypt", "wrapKey", "unwrapKey"] },
    wrap: { secret: ["wrapKey", "unwrapKey"] },
    asymmetricCipher: { private: ["decrypt", "unwrapKey"], public: ["encrypt", "wrapKey"] },
    agreement: { private: ["deriveKey", "deriveBits"], public: [] },
    derive: { secret: ["deriveBits", "deriveKey"] },
  };
  function familyOf(name) {
    if (name === "AES-KW") return "wrap";
    if (AES.includes(name)) return "cipher";
    if (KDF.includes(name)) return "derive";
    if (name === "RSA-OAEP") return "asymmetricCipher";
    if (name === "ECDH" || name === "X25519") return "agreement";
    return "sign";
  }

  // Node words the article by the algorithm's initial, except that generating an Ed25519 or X25519 key says "an".
  function checkUsages(name, type, usages, article = /^[AE]/.test(name) ? "an" : "a") {
    const allowed = usagesFor[familyOf(name)][type] ?? [];
    for (const usage of usages) {
      if (!allowed.includes(usage)) throw fail(`Unsupported key usage for ${article} ${name} key`, "SyntaxError");
    }
  }

  // The normalized `algorithm`, once `key` is known to be of that algorithm and allowed `usage`.
  function checkedFor(algorithm, key, usage) {
    const normal = normalized(algorithm);
    if (normal.name !== key.algorithm.name || !key.usages.includes(usage)) {
      throw fail("The requested operation is not valid for the provided key", "InvalidAccessError");
    }
    return normal;
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
    if (EC.includes(algorithm.name)) {
      const namedCurve = curveByNode[details.namedCurve];
      if (keyObject.asymmetricKeyType !== "ec" || namedCurve !== algorithm.namedCurve) {
        throw fail("Named curve mismatch", "DataError");
      }
      return { name: algorithm.name, namedCurve };
    }
    if (keyObject.asymmetricKeyType !== okpKeyType[algorithm.name]) throw fail("Invalid key type", "DataError");
    return { name: algorithm.name };
  }

  function importAsymmetric(format, keyData, algorithm, extractable, usages) {
    if (EC.includes(algorithm.name) && curves[algorithm.namedCurve] === undefined) throw notSupported();
    let data = keyData;
    if (format === "raw") {
      const bytes = bufferSource(keyData, "importKey");
      if (EC.includes(algorithm.name)) data = ecPointToJwk(bytes, algorithm.namedCurve);
      else if (algorithm.name === "X25519") {
        if (bytes.length !== 32) throw fail("X25519 raw keys must be exactly 32-bytes", "DataError");
        data = { kty: "OKP", crv: "X25519", x: base64url(bytes) };
      } else if (algorithm.name === "Ed25519") data = { kty: "OKP", crv: "Ed25519", x: base64url(bytes) };
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
    "RSA-OAEP": (hash) => (hash === "SHA-1" ? "RSA-OAEP" : `RSA-OAEP-${hash.slice(4)}`),
    Ed25519: () => "Ed25519",
  };

  function exportKey(format, key) {
    const { name } = key.algorithm;
    const material = keyMaterial(key);
    if (key.type === "secret") {
      if (format === "raw") return toArrayBuffer(material);
      if (format === "jwk") {
        const mode = name === "AES-KW" ? "KW" : name.slice(4);
        return { key_ops: key.usages, ext: true, kty: "oct", k: base64url(material), alg: `A${key.algorithm.length}${mode}` };
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
    const normal = checkedFor(algorithm, key, usage);
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
    // AES-KW only wraps keys (wrapKey/unwrapKey), as in Node.
    if (normalized(algorithm).name === "AES-KW") throw notSupported();
    const normal = checkedFor(algorithm, key, usage);
    const mode = normal.name.slice(4).toLowerCase();
    const iv = bufferSource(mode === "ctr" ? normal.counter : normal.iv, usage);
    return { normal, mode, iv, cipherName: `aes-${key.algorithm.length}-${mode}` };
  }

  function oaepOptions(normal, key) {
    return {
      key: keyMaterial(key),
      padding: nodeCrypto.constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: nodeHash(key.algorithm.hash),
      oaepLabel: normal.label === undefined ? undefined : bufferSource(normal.label, "encrypt"),
    };
  }

  function encrypt(algorithm, key, data, usage = "encrypt") {
    if (normalized(algorithm).name === "RSA-OAEP") {
      const normal = checkedFor(algorithm, key, usage);
      return toArrayBuffer(nodeCrypto.publicEncrypt(oaepOptions(normal, key), bufferSource(data, usage)));
    }
    const { normal, mode, iv, cipherName } = cipherFor(algorithm, key, usage);
    const tagBytes = (normal.tagLength ?? 128) / 8;
    const cipher = nodeCrypto.createCipheriv(cipherName, keyMaterial(key), iv, mode === "gcm" ? { authTagLength: tagBytes } : undefined);
    if (mode === "gcm" && normal.additionalData !== undefined) cipher.setAAD(bufferSource(normal.additionalData, "encrypt"));
    const parts = [cipher.update(bufferSource(data, "encrypt")), cipher.final()];
    if (mode === "gcm") parts.push(cipher.getAuthTag());
    return toArrayBuffer(Buffer.concat(parts));
  }

  function decrypt(algorithm, key, data, usage = "decrypt") {
    if (normalized(algorithm).name === "RSA-OAEP") {
      const normal = checkedFor(algorithm, key, usage);
      try {
        return toArrayBuffer(nodeCrypto.privateDecrypt(oaepOptions(normal, key), bufferSource(data, usage)));
      } catch (_) {
        throw operationFailed();
      }
    }
    const { normal, mode, iv, cipherName } = cipherFor(algorithm, key, usage);
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

  function bitsFrom(normal, material, length) {
    if (!Number.isInteger(length) || length % 8 !== 0) throw fail("length must be a multiple of 8", "OperationError");
    const salt = bufferSource(normal.salt, "deriveBits");
    if (normal.name === "PBKDF2") {
      if (!(normal.iterations > 0)) throw fail("iterations cannot be zero", "OperationError");
      return toArrayBuffer(nodeCrypto.pbkdf2Sync(material, salt, normal.iterations, length / 8, nodeHash(normal.hash)));
    }
    return nodeCrypto.hkdfSync(nodeHash(normal.hash), material, salt, bufferSource(normal.info, "deriveBits"), length / 8);
  }

  // ECDH and X25519: the shared secret with `algorithm.public`, cut to `length` bits (all of it when null).
  function agreedBits(normal, baseKey, length) {
    const other = normal.public;
    if (!(other instanceof CryptoKey)) throw new TypeError("algorithm.public must be a CryptoKey");
    if (other.type !== "public") throw fail("algorithm.public must be a public key", "InvalidAccessError");
    if (familyOf(other.algorithm.name) !== "agreement") throw fail("Keys must be ECDH, X25519, or X448 keys", "InvalidAccessError");
    if (other.algorithm.name !== baseKey.algorithm.name) throw fail("The public and private keys must be of the same type", "InvalidAccessError");
    if (other.algorithm.namedCurve !== baseKey.algorithm.namedCurve) throw fail("Named curve mismatch", "InvalidAccessError");
    let secret;
    try {
      secret = nodeCrypto.diffieHellman({ privateKey: keyMaterial(baseKey), publicKey: keyMaterial(other) });
    } catch (_) {
      throw operationFailed();
    }
    if (length === null || length === undefined) return toArrayBuffer(secret);
    // Node 20's words, though the length asked for is too large.
    if (length > secret.length * 8) throw fail("derived bit length is too small", "OperationError");
    return toArrayBuffer(secret.subarray(0, Math.ceil(length / 8)));
  }

  function deriveBits(algorithm, baseKey, length) {
    const normal = checkedFor(algorithm, baseKey, "deriveBits");
    if (familyOf(normal.name) === "agreement") return agreedBits(normal, baseKey, length);
    return bitsFrom(normal, keyMaterial(baseKey), length);
  }

  // The bits a derived key needs: an AES key's length, an HMAC key's length or its hash's block size.
  function derivedLength(algorithm) {
    const name = String(algorithm.name).toUpperCase();
    if (name === "HMAC") return algorithm.length ?? { "SHA-1": 512, "SHA-256": 512, "SHA-384": 1024, "SHA-512": 1024 }[hashName(algorithm.hash)];
    if (canonical.has(name) && AES.includes(canonical.get(name))) return algorithm.length;
    throw notSupported();
  }

  function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
    const normal = checkedFor(algorithm, baseKey, "deriveKey");
    const length = derivedLength(derivedKeyAlgorithm);
    const bits = familyOf(normal.name) === "agreement" ? agreedBits(normal, baseKey, length) : bitsFrom(normal, keyMaterial(baseKey), length);
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
    } else if (EC.includes(normal.name)) {
      if (curves[normal.namedCurve] === undefined) throw fail("Unrecognized namedCurve", "NotSupportedError");
      pair = nodeCrypto.generateKeyPairSync("ec", { namedCurve: curves[normal.namedCurve] });
    } else if (okpKeyType[normal.name] !== undefined) {
      pair = nodeCrypto.generateKeyPairSync(okpKeyType[normal.name]);
    } else {
      throw notSupported();
    }
    // Each half of the pair takes the usages that belong to its kind, in Node's order for that kind.
    const { private: privateUsages, public: publicUsages } = usagesFor[familyOf(normal.name)];
    const unknown = wanted.filter((usage) => !privateUsages.includes(usage) && !publicUsages.includes(usage));
    if (unknown.length > 0) checkUsages(normal.name, "private", unknown, okpKeyType[normal.name] ? "an" : undefined);
    const keyAlgorithm = asymmetricAlgorithm(normal, pair.publicKey);
    return {
      publicKey: makeKey("public", keyAlgorithm, true, publicUsages.filter((usage) => wanted.includes(usage)), pair.publicKey),
      privateKey: makeKey("private", keyAlgorithm, Boolean(extractable), privateUsages.filter((usage) => wanted.includes(usage)), pair.privateKey),
    };
  }

  // ---- wrapping keys ----

  function wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    const exported = internals.webcryptoKeys.exportKey(format, key);
    let bytes = format === "jwk" ? Buffer.from(JSON.stringify(exported)) : new Uint8Array(exported);
    if (normalized(wrapAlgorithm).name !== "AES-KW") return encrypt(wrapAlgorithm, wrappingKey, bytes, "wrapKey");
    checkedFor(wrapAlgorithm, wrappingKey, "wrapKey");
    // Key wrap takes whole 8-byte blocks: a JWK is padded with spaces, as Node does.
    if (format === "jwk" && bytes.length % 8 !== 0) bytes = Buffer.concat([bytes, Buffer.alloc(8 - (bytes.length % 8), " ")]);
    try {
      return toArrayBuffer(native.aesWrap(keyMaterial(wrappingKey), bytes));
    } catch (_) {
      throw operationFailed();
    }
  }

  function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages) {
    const wrapped = bufferSource(wrappedKey, "unwrapKey");
    let bytes;
    if (normalized(unwrapAlgorithm).name === "AES-KW") {
      checkedFor(unwrapAlgorithm, unwrappingKey, "unwrapKey");
      try {
        bytes = native.aesUnwrap(keyMaterial(unwrappingKey), wrapped);
      } catch (_) {
        throw operationFailed();
      }
    } else {
      bytes = new Uint8Array(decrypt(unwrapAlgorithm, unwrappingKey, wrapped, "unwrapKey"));
    }
    let keyData = bytes;
    if (format === "jwk") {
      try {
        keyData = JSON.parse(new TextDecoder().decode(bytes));
      } catch (_) {
        throw fail("The unwrapped key is not a JWK", "DataError");
      }
    }
    return internals.webcryptoKeys.importKey(format, keyData, unwrappedKeyAlgorithm, extractable, usages);
  }

  internals.webcryptoAlgorithms = {
    known: canonical,
    importKey,
    exportKey,
    sign,
    verify,
    encrypt,
    decrypt,
    deriveBits,
    deriveKey,
    generateKey,
    wrapKey,
    unwrapKey,
  };
});
