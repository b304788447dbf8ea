// `require("crypto")`: hashes and HMACs, keys (`KeyObject`), signatures and randomness, as Node 20 offers them; the
// work is done in Rust (host/node_crypto) on RustCrypto. Key generation, RSA encryption, ECDH, AES ciphers and key
// derivation are the module's second half (node/crypto_ciphers.js), compiled on first use; `webcrypto` and
// `subtle` are the global `crypto`'s.
(function (host, internals) {
  "use strict";
  const native = host.moduleHost("crypto");
  const Buffer = internals.Buffer;
  const { invalidArgType, nodeError } = internals;
  const BUFFER_LIKE = "an instance of Buffer, TypedArray, or DataView";

  // ---- bytes in and out ----

  function isBufferSource(value) {
    return ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
  }

  function viewOf(value) {
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }

  // A string (in `encoding`, UTF-8 by default) or a buffer source as a Uint8Array.
  function bytesOf(value, name, encoding) {
    if (typeof value === "string") return Buffer.from(value, encoding === "buffer" ? "utf8" : encoding);
    if (isBufferSource(value)) return viewOf(value);
    throw invalidArgType(name, `of type string or ${BUFFER_LIKE}`, value);
  }

  function asBuffer(bytes) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  function encoded(bytes, encoding) {
    const buffer = asBuffer(bytes);
    return encoding === undefined || encoding === "buffer" ? buffer : buffer.toString(encoding);
  }


  function validateString(value, name) {
    if (typeof value !== "string") throw invalidArgType(name, "of type string", value);
  }

  function validateFunction(value, name) {
    if (typeof value !== "function") throw invalidArgType(name, "of type function", value);
  }

  // Node runs the callback forms on its thread pool; here the work is done at once and the callback is
  // called from a timer, so it still runs after the caller's code, as in Node.
  function later(callback, ...args) {
    host.setTimer(callback, 0, false, true, args);
  }

  function withCallback(callback, work) {
    validateFunction(callback, "callback");
    let result;
    try {
      result = work();
    } catch (error) {
      later(callback, error);
      return;
    }
    later(callback, null, ...(Array.isArray(result) ? result : [result]));
  }

  // ---- hashes and HMACs ----

  const fromHandle = Symbol("fromHandle");

  class Hash {
    #handle;
    constructor(algorithm, options) {
      if (algorithm === fromHandle) {
        this.#handle = options;
        return;
      }
      validateString(algorithm, "algorithm");
      this.#handle = native.hashCreate(algorithm);
    }
    update(data, encoding) {
      native.hashUpdate(this.#handle, bytesOf(data, "data", encoding));
      return this;
    }
    digest(encoding) {
      return encoded(native.hashDigest(this.#handle), encoding);
    }
    copy() {
      return new Hash(fromHandle, native.hashCopy(this.#handle));
    }
  }

  class Hmac {
    #handle;
    constructor(algorithm, key, options) {
      validateString(algorithm, "hmac");
      this.#handle = native.hmacCreate(algorithm, secretBytes(key, "key", options && options.encoding));
    }
    update(data, encoding) {
      native.hashUpdate(this.#handle, bytesOf(data, "data", encoding));
      return this;
    }
    digest(encoding) {
      // Node gives an empty result, not an error, for a second `digest()` of an HMAC.
      let bytes;
      try {
        bytes = native.hashDigest(this.#handle);
      } catch (error) {
        if (error.code !== "ERR_CRYPTO_HASH_FINALIZED") throw error;
        bytes = new Uint8Array(0);
      }
      return encoded(bytes, encoding);
    }
  }

  // ---- keys ----

  const keyHandles = new WeakMap();

  class KeyObject {
    #type;
    constructor(type, handle) {
      if (type !== "secret" && type !== "public" && type !== "private") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'type' is invalid. Received '${type}'`);
      }
      this.#type = type;
      keyHandles.set(this, handle);
    }
    get type() {
      return this.#type;
    }
    get asymmetricKeyType() {
      return this.#type === "secret" ? undefined : native.keyInfo(keyHandles.get(this)).asymmetricKeyType;
    }
    get asymmetricKeyDetails() {
      if (this.#type === "secret") return undefined;
      const details = JSON.parse(native.keyInfo(keyHandles.get(this)).details);
      if (details.publicExponent !== undefined) details.publicExponent = BigInt(details.publicExponent);
      return details;
    }
    get symmetricKeySize() {
      return this.#type === "secret" ? keyHandles.get(this).length : undefined;
    }
    export(options) {
      const handle = keyHandles.get(this);
      if (this.#type === "secret") {
        if (options && options.format === "jwk") return { kty: "oct", k: asBuffer(handle).toString("base64url") };
        return Buffer.from(handle);
      }
      if (options === null || typeof options !== "object") throw invalidArgType("options", "of type object", options);
      const { format, type } = options;
      if (format === "jwk") return JSON.parse(native.keyExportJwk(handle));
      if (format !== "pem" && format !== "der") {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.format' must be one of: 'pem', 'der', 'jwk'. Received ${internals.describeReceived(format).replace(/^ Received /, "")}`);
      }
      if (options.cipher !== undefined || options.passphrase !== undefined) {
        throw nodeError(Error, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", "Encrypting exported private keys is not supported in Blocksmith");
      }
      const bytes = native.keyExport(handle, format, String(type));
      return format === "pem" ? asBuffer(bytes).toString("utf8") : asBuffer(bytes);
    }
    equals(other) {
      if (!(other instanceof KeyObject)) throw invalidArgType("otherKeyObject", "an instance of KeyObject", other);
      if (other.type !== this.#type) return false;
      if (this.#type === "secret") return timingSafeEqualBytes(keyHandles.get(this), keyHandles.get(other));
      const der = (key) => asBuffer(key.export(key.type === "private" ? { format: "der", type: "pkcs8" } : { format: "der", type: "spki" }));
      return der(this).equals(der(other));
    }
    get [Symbol.toStringTag]() {
      return "KeyObject";
    }
  }

  function secretBytes(key, name, encoding) {
    if (key instanceof KeyObject) {
      if (key.type !== "secret") {
        throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${key.type}, expected secret.`);
      }
      return keyHandles.get(key);
    }
    if (typeof key === "string" || isBufferSource(key)) return bytesOf(key, name, encoding);
    throw invalidArgType(name, `of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey`, key);
  }

  function createSecretKey(key, encoding) {
    if (typeof key !== "string" && !isBufferSource(key)) {
      throw invalidArgType("key", `of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView`, key);
    }
    return new KeyObject("secret", Uint8Array.from(bytesOf(key, "key", encoding)));
  }

  // The asymmetric key `input` names, as createPrivateKey/createPublicKey and sign/verify take it: a
  // KeyObject, PEM text or bytes, or `{ key, format, type, encoding }` (with a JWK object as `key`).
  function asymmetricKey(input, wantPrivate) {
    let key = input;
    let format = "pem";
    let type;
    let encoding;
    if (input !== null && typeof input === "object" && !(input instanceof KeyObject) && !isBufferSource(input)) {
      ({ key, format = "pem", type, encoding } = input);
      if (input.passphrase !== undefined) {
        throw nodeError(Error, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", "Encrypted private keys are not supported in Blocksmith: decrypt the key before using it");
      }
    }
    if (key instanceof KeyObject) {
      if (key.type === "secret") {
        throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type secret, expected ${wantPrivate ? "private" : "public"}.`);
      }
      if (wantPrivate && key.type !== "private") {
        throw nodeError(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected private.");
      }
      return !wantPrivate && key.type === "private" ? native.keyPublic(keyHandles.get(key)) : keyHandles.get(key);
    }
    if (format === "jwk") {
      if (key === null || typeof key !== "object") throw invalidArgType("key.key", "of type object", key);
      return native.keyImportJwk(JSON.stringify(key), wantPrivate);
    }
    if (typeof key !== "string" && !isBufferSource(key)) {
      throw invalidArgType("key", `of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey`, key);
    }
    return native.keyImport(bytesOf(key, "key", encoding), format === "der" ? "der" : "pem", type, wantPrivate);
  }

  function keyObjectOf(handle) {
    return new KeyObject(native.keyInfo(handle).type, handle);
  }

  function createPrivateKey(key) {
    return keyObjectOf(asymmetricKey(key, true));
  }

  function createPublicKey(key) {
    return keyObjectOf(asymmetricKey(key, false));
  }


  // ---- signatures ----

  const constants = Object.freeze({
    RSA_PKCS1_PADDING: 1,
    RSA_NO_PADDING: 3,
    RSA_PKCS1_OAEP_PADDING: 4,
    RSA_PKCS1_PSS_PADDING: 6,
    RSA_PSS_SALTLEN_DIGEST: -1,
    RSA_PSS_SALTLEN_MAX_SIGN: -2,
    RSA_PSS_SALTLEN_AUTO: -2,
  });

  // The padding, salt length and DSA encoding an options object carries along with its key.
  function signatureOptions(key) {
    const options = key !== null && typeof key === "object" && !(key instanceof KeyObject) && !isBufferSource(key) ? key : {};
    const { padding = constants.RSA_PKCS1_PADDING, saltLength = constants.RSA_PSS_SALTLEN_AUTO, dsaEncoding = "der" } = options;
    if (dsaEncoding !== "der" && dsaEncoding !== "ieee-p1363") {
      throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.dsaEncoding' is invalid. Received '${dsaEncoding}'`);
    }
    if (!Number.isInteger(saltLength) || saltLength < -2) throw invalidArgType("options.saltLength", "of type number", saltLength);
    return { padding, saltLength, dsaEncoding };
  }

  // Ed25519 hashes by itself; RSA and ECDSA default to SHA-256 as OpenSSL does.
  function digestFor(algorithm, handle) {
    if (native.keyInfo(handle).asymmetricKeyType === "ed25519") return null;
    return algorithm ?? "sha256";
  }

  function signBytes(algorithm, data, key) {
    const handle = asymmetricKey(key, true);
    const { padding, saltLength, dsaEncoding } = signatureOptions(key);
    return asBuffer(native.sign(handle, data, digestFor(algorithm, handle), padding, saltLength, dsaEncoding));
  }

  function verifyBytes(algorithm, data, key, signature) {
    const handle = asymmetricKey(key, false);
    const { padding, saltLength, dsaEncoding } = signatureOptions(key);
    return native.verify(handle, data, signature, digestFor(algorithm, handle), padding, saltLength, dsaEncoding);
  }

  function checkedDigest(algorithm) {
    validateString(algorithm, "algorithm");
    try {
      native.hashCreate(algorithm);
    } catch (_) {
      throw nodeError(TypeError, "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest");
    }
    return algorithm;
  }

  class Sign {
    #algorithm;
    #chunks = [];
    constructor(algorithm) {
      this.#algorithm = checkedDigest(algorithm);
    }
    update(data, encoding) {
      this.#chunks.push(Buffer.from(bytesOf(data, "data", encoding)));
      return this;
    }
    sign(privateKey, outputEncoding) {
      return encoded(signBytes(this.#algorithm, Buffer.concat(this.#chunks), privateKey), outputEncoding);
    }
  }

  class Verify {
    #algorithm;
    #chunks = [];
    constructor(algorithm) {
      this.#algorithm = checkedDigest(algorithm);
    }
    update(data, encoding) {
      this.#chunks.push(Buffer.from(bytesOf(data, "data", encoding)));
      return this;
    }
    verify(publicKey, signature, signatureEncoding) {
      return verifyBytes(this.#algorithm, Buffer.concat(this.#chunks), publicKey, bytesOf(signature, "signature", signatureEncoding));
    }
  }

  function sign(algorithm, data, key, callback) {
    if (algorithm !== null && algorithm !== undefined) validateString(algorithm, "algorithm");
    if (!isBufferSource(data)) throw invalidArgType("data", `${BUFFER_LIKE}`, data);
    if (callback !== undefined) return withCallback(callback, () => signBytes(algorithm, viewOf(data), key));
    return signBytes(algorithm, viewOf(data), key);
  }

  function verify(algorithm, data, key, signature, callback) {
    if (algorithm !== null && algorithm !== undefined) validateString(algorithm, "algorithm");
    if (!isBufferSource(data)) throw invalidArgType("data", `${BUFFER_LIKE}`, data);
    if (!isBufferSource(signature)) throw invalidArgType("signature", `${BUFFER_LIKE}`, signature);
    if (callback !== undefined) return withCallback(callback, () => verifyBytes(algorithm, viewOf(data), key, viewOf(signature)));
    return verifyBytes(algorithm, viewOf(data), key, viewOf(signature));
  }


  // ---- randomness and comparison ----

  const MAX_RANDOM_BYTES = 2 ** 31 - 1;

  function randomBytes(size, callback) {
    if (typeof size !== "number") throw invalidArgType("size", "of type number", size);
    if (!Number.isInteger(size) || size < 0 || size > MAX_RANDOM_BYTES) throw internals.outOfRange("size", `>= 0 && <= ${MAX_RANDOM_BYTES}`, size);
    const bytes = asBuffer(host.randomBytes(size));
    if (callback === undefined) return bytes;
    validateFunction(callback, "callback");
    later(callback, null, bytes);
  }

  function randomFillSync(buffer, offset = 0, size) {
    if (!isBufferSource(buffer)) throw invalidArgType("buf", "an instance of ArrayBuffer or ArrayBufferView", buffer);
    const view = viewOf(buffer);
    const length = size ?? view.length - offset;
    view.set(host.randomBytes(length), offset);
    return buffer;
  }

  function randomFill(buffer, offset, size, callback) {
    if (typeof offset === "function") [offset, callback] = [0, offset];
    else if (typeof size === "function") [size, callback] = [undefined, size];
    validateFunction(callback, "callback");
    randomFillSync(buffer, offset, size);
    later(callback, null, buffer);
  }

  const MAX_RANDOM_INT_RANGE = 2 ** 48 - 1;

  function randomInt(min, max, callback) {
    if (max === undefined || typeof max === "function") [min, max, callback] = [0, min, max];
    if (!Number.isSafeInteger(min)) throw invalidArgType("min", "a safe integer", min);
    if (!Number.isSafeInteger(max)) throw invalidArgType("max", "a safe integer", max);
    if (max <= min) {
      throw nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
    }
    const range = max - min;
    if (range > MAX_RANDOM_INT_RANGE) throw internals.outOfRange("max - min", `<= ${MAX_RANDOM_INT_RANGE}`, range);
    // Rejection sampling over 48 random bits keeps every value equally likely.
    const limit = 2 ** 48 - (2 ** 48 % range);
    let value;
    do {
      const bytes = host.randomBytes(6);
      value = bytes.reduce((sum, byte) => sum * 256 + byte, 0);
    } while (value >= limit);
    const result = min + (value % range);
    if (callback === undefined) return result;
    validateFunction(callback, "callback");
    later(callback, null, result);
  }

  function timingSafeEqualBytes(a, b) {
    let difference = 0;
    for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
    return difference === 0 && a.length === b.length;
  }

  function timingSafeEqual(a, b) {
    if (!isBufferSource(a)) throw invalidArgType("buf1", "an instance of ArrayBuffer, Buffer, TypedArray, or DataView", a);
    if (!isBufferSource(b)) throw invalidArgType("buf2", "an instance of ArrayBuffer, Buffer, TypedArray, or DataView", b);
    const left = viewOf(a);
    const right = viewOf(b);
    if (left.length !== right.length) {
      throw nodeError(RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length");
    }
    return timingSafeEqualBytes(left, right);
  }

  // Web Crypto is the global `crypto`'s (builtins/crypto.js), loaded when first asked for here too.
  function webcrypto() {
    internals.loadPrelude("crypto.js");
    return internals.webcrypto;
  }

  // What the second half of the module (node/crypto_ciphers.js) shares with this one.
  internals.cryptoShared = {
    native, BUFFER_LIKE, isBufferSource, viewOf, bytesOf, asBuffer, validateString, validateFunction, later,
    withCallback, KeyObject, keyHandles, secretBytes, asymmetricKey, constants,
  };

  const moduleExports = {
    constants,
    createHash: (algorithm, options) => new Hash(algorithm, options),
    createHmac: (algorithm, key, options) => new Hmac(algorithm, key, options),
    // Node 20.12's one-shot digest, hex by default.
    hash: (algorithm, data, outputEncoding = "hex") => new Hash(algorithm).update(data).digest(outputEncoding),
    Hash,
    Hmac,
    getHashes: () => native.hashes(),
    getCiphers: () => ["aes-128-cbc", "aes-128-ctr", "aes-128-gcm", "aes-192-cbc", "aes-192-ctr", "aes-192-gcm", "aes-256-cbc", "aes-256-ctr", "aes-256-gcm"],
    getCurves: () => ["prime256v1", "secp384r1"],
    KeyObject,
    createSecretKey,
    createPrivateKey,
    createPublicKey,
  };
  // Key generation, encryption, key agreement and derivation load on the first use of one of them: a block
  // that hashes or signs does not compile them.
  internals.defineLazyExports(
    moduleExports,
    ["generateKeyPair", "generateKeyPairSync", "generateKey", "generateKeySync"],
    cryptoCiphers,
  );
  Object.assign(moduleExports, {
    Sign,
    Verify,
    createSign: (algorithm) => new Sign(algorithm),
    createVerify: (algorithm) => new Verify(algorithm),
    sign,
    verify,
  });
  internals.defineLazyExports(
    moduleExports,
    ["publicEncrypt", "privateDecrypt", "diffieHellman", "Cipheriv", "Decipheriv", "createCipheriv", "createDecipheriv", "pbkdf2", "pbkdf2Sync", "scrypt", "scryptSync", "hkdf", "hkdfSync"],
    cryptoCiphers,
  );
  Object.assign(moduleExports, {
    randomBytes,
    // Node's deprecated aliases of randomBytes.
    pseudoRandomBytes: randomBytes,
    prng: randomBytes,
    rng: randomBytes,
    randomFill,
    randomFillSync,
    randomInt,
    randomUUID: () => webcrypto().randomUUID(),
    getRandomValues: (array) => webcrypto().getRandomValues(array),
    timingSafeEqual,
  });
  internals.defineLazyExports(moduleExports, ["webcrypto", "subtle"], () => {
    const instance = webcrypto();
    return { webcrypto: instance, subtle: instance.subtle };
  });

  function cryptoCiphers() {
    internals.loadPrelude("node/crypto_ciphers.js");
    return internals.cryptoCiphers;
  }

  internals.defineModule("crypto", moduleExports);
});
