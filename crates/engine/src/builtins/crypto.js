// `crypto`: randomUUID, getRandomValues, and `subtle`: digest (SHA-1/256/384/512) and HMAC here; RSA, elliptic
// curves, Ed25519, AES and key derivation in node/webcrypto.js, loaded on their first use.
(function (host, internals) {
  "use strict";
  const hashes = new Set(["SHA-1", "SHA-256", "SHA-384", "SHA-512"]);
  const hashBlockBits = { "SHA-1": 512, "SHA-256": 512, "SHA-384": 1024, "SHA-512": 1024 };

  function hashName(algorithm) {
    const name = String(typeof algorithm === "object" && algorithm !== null ? algorithm.name : algorithm);
    const upper = name.toUpperCase();
    if (!hashes.has(upper)) throw new DOMException("Unrecognized algorithm name", "NotSupportedError");
    return upper;
  }

  function bufferSource(value, name) {
    const bytes = internals.toBytes(value);
    if (bytes === null) {
      throw new TypeError(`Failed to execute '${name}' on 'SubtleCrypto': parameter is not of type 'BufferSource'.`);
    }
    return bytes;
  }

  function toArrayBuffer(bytes) {
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  const keyMaterials = new WeakMap();
  const createKey = Symbol("createKey");

  // `type`, `extractable`, `algorithm` and `usages` are read-only accessors on the prototype, as in Node.
  class CryptoKey {
    #type;
    #extractable;
    #algorithm;
    #usages;
    constructor(token, type, algorithm, extractable, usages) {
      if (token !== createKey) throw new TypeError("Illegal constructor");
      this.#type = type;
      this.#extractable = extractable;
      this.#algorithm = algorithm;
      this.#usages = usages;
    }
    get type() {
      return this.#type;
    }
    get extractable() {
      return this.#extractable;
    }
    get algorithm() {
      return this.#algorithm;
    }
    get usages() {
      return this.#usages;
    }
    get [Symbol.toStringTag]() {
      return "CryptoKey";
    }
  }
  internals.defineGlobal("CryptoKey", CryptoKey);

  // A key and what it holds: its bytes (HMAC, AES, a KDF's secret) or a `KeyObject` of node/crypto.js.
  function makeKey(type, algorithm, extractable, usages, material) {
    const key = new CryptoKey(createKey, type, algorithm, extractable, usages);
    keyMaterials.set(key, material);
    return key;
  }

  function keyMaterial(key, usage = "use") {
    if (!(key instanceof CryptoKey) || !keyMaterials.has(key)) {
      throw new TypeError(`Failed to execute '${usage}' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'.`);
    }
    return keyMaterials.get(key);
  }

  function algorithmName(algorithm) {
    return String(typeof algorithm === "object" && algorithm !== null ? algorithm.name : algorithm);
  }
  const isHmac = (algorithm) => algorithmName(algorithm).toUpperCase() === "HMAC";

  // Every algorithm but digest and HMAC lives in node/webcrypto.js, loaded on first use: the common webhook
  // signature check (HMAC) does not pay for RSA, elliptic curves and AES.
  function otherAlgorithms() {
    internals.loadPrelude("node/webcrypto.js");
    return internals.webcryptoAlgorithms;
  }

  function importHmacKey(format, keyData, algorithm, extractable, usages) {
    if (format !== "raw") {
      throw new DOMException(`Unsupported key format "${format}" (only "raw" is available here)`, "NotSupportedError");
    }
    const hash = hashName(algorithm.hash);
    const bytes = bufferSource(keyData, "importKey").slice();
    const length = algorithm.length ?? bytes.length * 8;
    return makeKey("secret", { name: "HMAC", hash: { name: hash }, length }, Boolean(extractable), [...usages], bytes);
  }

  function importKey(format, keyData, algorithm, extractable, usages) {
    if (isHmac(algorithm)) return importHmacKey(format, keyData, algorithm, extractable, usages);
    return otherAlgorithms().importKey(format, keyData, algorithm, extractable, usages);
  }

  function hmacKey(algorithm, key, usage) {
    const bytes = keyMaterial(key, usage);
    if (key.algorithm.name !== "HMAC") {
      throw new DOMException("The requested operation is not valid for the provided key", "InvalidAccessError");
    }
    if (!key.usages.includes(usage)) {
      throw new DOMException(`Unable to use this key to ${usage}`, "InvalidAccessError");
    }
    return bytes;
  }

  function exportKey(format, key) {
    keyMaterial(key, "exportKey");
    // Node names this one "InvalidAccessException" (not Web Crypto's "InvalidAccessError"); blocks compare it.
    if (!key.extractable) throw new DOMException("key is not extractable", "InvalidAccessException");
    if (key.algorithm.name !== "HMAC") return otherAlgorithms().exportKey(format, key);
    if (format !== "raw") throw new DOMException(`Unsupported key format "${format}"`, "NotSupportedError");
    return toArrayBuffer(keyMaterial(key));
  }

  internals.webcryptoKeys = { makeKey, keyMaterial, bufferSource, toArrayBuffer, hashName, importKey, exportKey };

  // Each method is async so that a thrown error becomes a rejection, as in Web Crypto.
  const subtleMethods = {
    async digest(algorithm, data) {
      const name = hashName(algorithm);
      return toArrayBuffer(host.digest(name, bufferSource(data, "digest")));
    },
    async importKey(format, keyData, algorithm, extractable, usages) {
      return importKey(format, keyData, algorithm, extractable, usages);
    },
    async exportKey(format, key) {
      return exportKey(format, key);
    },
    async generateKey(algorithm, extractable, usages) {
      if (!isHmac(algorithm)) return otherAlgorithms().generateKey(algorithm, extractable, usages);
      const hash = hashName(algorithm.hash);
      const length = algorithm.length ?? hashBlockBits[hash];
      return importHmacKey("raw", host.randomBytes(length / 8), { name: "HMAC", hash, length }, extractable, usages);
    },
    async sign(algorithm, key, data) {
      if (!isHmac(algorithm)) return otherAlgorithms().sign(algorithm, key, data);
      const bytes = hmacKey(algorithm, key, "sign");
      return toArrayBuffer(host.hmac(key.algorithm.hash.name, bytes, bufferSource(data, "sign")));
    },
    async verify(algorithm, key, signature, data) {
      if (!isHmac(algorithm)) return otherAlgorithms().verify(algorithm, key, signature, data);
      const bytes = hmacKey(algorithm, key, "verify");
      const expected = host.hmac(key.algorithm.hash.name, bytes, bufferSource(data, "verify"));
      const given = bufferSource(signature, "verify");
      if (given.length !== expected.length) return false;
      let difference = 0;
      for (let i = 0; i < given.length; i++) difference |= given[i] ^ expected[i];
      return difference === 0;
    },
    async encrypt(algorithm, key, data) {
      return otherAlgorithms().encrypt(algorithm, key, data);
    },
    async decrypt(algorithm, key, data) {
      return otherAlgorithms().decrypt(algorithm, key, data);
    },
    async deriveBits(algorithm, baseKey, length) {
      return otherAlgorithms().deriveBits(algorithm, baseKey, length);
    },
    async deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
      return otherAlgorithms().deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages);
    },
    async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
      return otherAlgorithms().wrapKey(format, key, wrappingKey, wrapAlgorithm);
    },
    async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages) {
      return otherAlgorithms().unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages);
    },
  };

  // `crypto.subtle` and `crypto` are the only instances of SubtleCrypto and Crypto, whose constructors are
  // globals that refuse to be called, as in Node.
  const createInstance = Symbol("createInstance");
  class SubtleCrypto {
    constructor(token) {
      if (token !== createInstance) throw new TypeError("Illegal constructor");
    }
    get [Symbol.toStringTag]() {
      return "SubtleCrypto";
    }
  }
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(subtleMethods))) {
    Object.defineProperty(SubtleCrypto.prototype, name, { ...descriptor, enumerable: false });
  }
  const subtle = new SubtleCrypto(createInstance);
  internals.defineGlobal("SubtleCrypto", SubtleCrypto);

  const integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array];

  class Crypto {
    constructor(token) {
      if (token !== createInstance) throw new TypeError("Illegal constructor");
    }
    get subtle() {
      return subtle;
    }
    randomUUID() {
      const bytes = host.randomBytes(16);
      bytes[6] = (bytes[6] & 0x0f) | 0x40;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      const hex = internals.hexEncode(bytes);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    getRandomValues(array) {
      if (!integerArrays.some((type) => array instanceof type)) {
        throw new DOMException("The data argument must be an integer-type TypedArray", "TypeMismatchError");
      }
      if (array.byteLength > 65536) {
        throw new DOMException(
          `The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`,
          "QuotaExceededError",
        );
      }
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(host.randomBytes(array.byteLength));
      return array;
    }
    get [Symbol.toStringTag]() {
      return "Crypto";
    }
  }
  const crypto = new Crypto(createInstance);
  internals.defineGlobal("Crypto", Crypto);
  internals.webcrypto = crypto;
  internals.defineGlobal("crypto", crypto);
});
