// The second half of `require("crypto")` (node/crypto.js): key generation, RSA encryption, ECDH, AES ciphers and
// key derivation, as Node 20 offers them. It loads on the first use of one of its names, so a block that only
// hashes or signs does not compile it.
(function (host, internals) {
  "use strict";
  const {
    native, BUFFER_LIKE, isBufferSource, viewOf, bytesOf, asBuffer, validateString, validateFunction, later,
    withCallback, KeyObject, keyHandles, secretBytes, asymmetricKey, constants,
  } = internals.cryptoShared;
  const Buffer = internals.Buffer;
  const { invalidArgType, nodeError } = internals;

  // Text output split across `update` calls, kept whole as Node's StringDecoder keeps it: base64 in groups
  // of three bytes, UTF-8 at character boundaries.
  class OutputText {
    #carry = new Uint8Array(0);
    write(bytes, encoding, final) {
      if (encoding === undefined || encoding === "buffer") return asBuffer(bytes);
      let all = this.#carry.length ? Buffer.concat([this.#carry, bytes]) : asBuffer(bytes);
      let keep = 0;
      if (!final) {
        if (encoding === "base64" || encoding === "base64url") keep = all.length % 3;
        else if (encoding === "utf8" || encoding === "utf-8") keep = internals.incompleteUtf8Tail(all);
      }
      this.#carry = all.subarray(all.length - keep);
      return all.subarray(0, all.length - keep).toString(encoding);
    }
  }

  const curveAliases = { "P-256": "prime256v1", "P-384": "secp384r1", "P-521": "secp521r1", secp256r1: "prime256v1" };

  function generateKeyPairSync(type, options = {}) {
    validateString(type, "type");
    if (!["rsa", "ec", "ed25519", "x25519"].includes(type)) {
      throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'type' must be a supported key type. Received '${type}'`);
    }
    const { modulusLength = 0, publicExponent = 0x10001, namedCurve = "" } = options ?? {};
    if (type === "rsa" && (!Number.isInteger(modulusLength) || modulusLength <= 0)) {
      throw invalidArgType("options.modulusLength", "of type number", modulusLength);
    }
    if (type === "ec") validateString(namedCurve, "options.namedCurve");
    const privateHandle = native.keyGenerate(type, modulusLength, publicExponent, curveAliases[namedCurve] ?? namedCurve);
    const privateKey = new KeyObject("private", privateHandle);
    const publicKey = new KeyObject("public", native.keyPublic(privateHandle));
    const encode = (key, encoding) => (encoding ? key.export(encoding) : key);
    return {
      publicKey: encode(publicKey, options.publicKeyEncoding),
      privateKey: encode(privateKey, options.privateKeyEncoding),
    };
  }

  function generateKeyPair(type, options, callback) {
    if (typeof options === "function") [options, callback] = [undefined, options];
    withCallback(callback, () => {
      const { publicKey, privateKey } = generateKeyPairSync(type, options);
      return [publicKey, privateKey];
    });
  }

  function generateKeySync(type, options) {
    validateString(type, "type");
    const length = options && options.length;
    if (type === "hmac") {
      if (!Number.isInteger(length) || length < 8 || length > 2 ** 31 - 1) throw internals.outOfRange("options.length", ">= 8 && <= 2147483647", length);
    } else if (type === "aes") {
      if (![128, 192, 256].includes(length)) {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.length' must be one of: 128, 192, 256. Received ${length}`);
      }
    } else {
      throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The argument 'type' must be a supported key type. Received '${type}'`);
    }
    return new KeyObject("secret", host.randomBytes(Math.floor(length / 8)));
  }

  function generateKey(type, options, callback) {
    withCallback(callback, () => generateKeySync(type, options));
  }
  // ---- RSA encryption and ECDH ----

  // The padding, OAEP digest and label an options object carries along with its key.
  function encryptionOptions(key) {
    if (key === null || typeof key !== "object" || key instanceof KeyObject || isBufferSource(key)) {
      return { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1", oaepLabel: undefined };
    }
    const { padding = constants.RSA_PKCS1_OAEP_PADDING, oaepHash = "sha1", oaepLabel } = key;
    if (typeof oaepHash !== "string") throw invalidArgType("key.oaepHash", "of type string", oaepHash);
    if (oaepLabel !== undefined && !isBufferSource(oaepLabel)) {
      throw invalidArgType("key.oaepLabel", "an instance of ArrayBuffer, Buffer, TypedArray, or DataView", oaepLabel);
    }
    return { padding, oaepHash, oaepLabel: oaepLabel === undefined ? undefined : viewOf(oaepLabel) };
  }

  function rsaCipher(wantPrivate, run) {
    return function (key, buffer) {
      if (!isBufferSource(buffer) && typeof buffer !== "string") throw invalidArgType("buffer", BUFFER_LIKE, buffer);
      const handle = asymmetricKey(key, wantPrivate);
      const { padding, oaepHash, oaepLabel } = encryptionOptions(key);
      return asBuffer(run(handle, bytesOf(buffer, "buffer"), padding, oaepHash, oaepLabel));
    };
  }

  const publicEncrypt = rsaCipher(false, native.rsaEncrypt);
  const decryptWithPrivateKey = rsaCipher(true, native.rsaDecrypt);

  // Node 20 refuses PKCS#1 v1.5 decryption, which leaks through its timing (the Marvin attack, CVE-2023-46809).
  function privateDecrypt(key, buffer) {
    if (encryptionOptions(key).padding === constants.RSA_PKCS1_PADDING) {
      throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", "RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809");
    }
    return decryptWithPrivateKey(key, buffer);
  }

  // `diffieHellman({ privateKey, publicKey })`: the shared secret of two EC (ECDH) or two X25519 KeyObjects.
  function diffieHellman(options) {
    if (options === null || typeof options !== "object") throw invalidArgType("options", "of type object", options);
    const { privateKey, publicKey } = options;
    for (const [name, key] of [["privateKey", privateKey], ["publicKey", publicKey]]) {
      if (!(key instanceof KeyObject)) {
        throw nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The property 'options.${name}' is invalid.${internals.describeReceived(key)}`);
      }
    }
    const publicHandle = publicKey.type === "private" ? native.keyPublic(keyHandles.get(publicKey)) : keyHandles.get(publicKey);
    return asBuffer(native.ecdh(asymmetricKey(privateKey, true), publicHandle));
  }

  // ---- ciphers ----

  const invalidState = (what) => nodeError(Error, "ERR_CRYPTO_INVALID_STATE", `Invalid state for operation ${what}`);

  class CipherBase {
    #name;
    #encrypting;
    #key;
    #iv;
    #chunks = [];
    #returned = 0;
    #aad = new Uint8Array(0);
    #autoPadding = true;
    #tag = null;
    #finished = false;
    #gcm = false;
    #text = new OutputText();
    constructor(encrypting, algorithm, key, iv, options) {
      validateString(algorithm, "cipher");
      const info = native.cipherInfo(algorithm);
      if (info === null) throw nodeError(Error, "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher");
      const keyBytes = secretBytes(key, "key");
      if (keyBytes.length !== info.keyLength) throw nodeError(RangeError, "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length");
      if (iv === null || (typeof iv !== "string" && !isBufferSource(iv))) {
        throw invalidArgType("iv", "of type string or an instance of Buffer, TypedArray, or DataView", iv);
      }
      const ivBytes = bytesOf(iv, "iv");
      if (ivBytes.length !== info.ivLength) throw nodeError(TypeError, "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector");
      const tagLength = options && options.authTagLength;
      if (info.mode === "gcm" && tagLength !== undefined && tagLength !== 16) {
        throw nodeError(Error, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", `GCM tags of ${tagLength} bytes are not supported in Blocksmith: use 16-byte tags`);
      }
      this.#name = algorithm;
      this.#encrypting = encrypting;
      this.#key = Uint8Array.from(keyBytes);
      this.#iv = Uint8Array.from(ivBytes);
      this.#gcm = info.mode === "gcm";
    }
    // What `update` returns is what no later input can change (host `cipherPrefix`); `final` completes it.
    update(data, inputEncoding, outputEncoding) {
      if (this.#finished) throw invalidState("update");
      this.#chunks.push(Buffer.from(bytesOf(data, "data", inputEncoding)));
      const prefix = native.cipherPrefix(this.#name, this.#encrypting, this.#key, this.#iv, Buffer.concat(this.#chunks), this.#aad, this.#autoPadding);
      const fresh = prefix.subarray(this.#returned);
      this.#returned = prefix.length;
      return this.#text.write(fresh, outputEncoding, false);
    }
    final(outputEncoding) {
      if (this.#finished) throw invalidState("final");
      this.#finished = true;
      const result = native.cipher(this.#name, this.#encrypting, this.#key, this.#iv, Buffer.concat(this.#chunks), this.#aad, this.#autoPadding, this.#tag);
      if (result.tag) this.#tag = result.tag;
      return this.#text.write(result.output.subarray(this.#returned), outputEncoding, true);
    }
    setAutoPadding(autoPadding = true) {
      if (this.#finished) throw invalidState("setAutoPadding");
      this.#autoPadding = Boolean(autoPadding);
      return this;
    }
    setAAD(buffer) {
      if (this.#finished || this.#chunks.length > 0) throw invalidState("setAAD");
      this.#aad = Uint8Array.from(bytesOf(buffer, "buffer"));
      return this;
    }
    getAuthTag() {
      if (!this.#encrypting || !this.#gcm || !this.#finished || this.#tag === null) throw invalidState("getAuthTag");
      return asBuffer(this.#tag);
    }
    setAuthTag(tag) {
      if (this.#encrypting || !this.#gcm || this.#finished) throw invalidState("setAuthTag");
      const bytes = bytesOf(tag, "buffer");
      if (bytes.length !== 16) {
        throw nodeError(TypeError, "ERR_CRYPTO_INVALID_AUTH_TAG", `Invalid authentication tag length: ${bytes.length}`);
      }
      this.#tag = Uint8Array.from(bytes);
      return this;
    }
  }

  class Cipheriv extends CipherBase {
    constructor(algorithm, key, iv, options) {
      super(true, algorithm, key, iv, options);
    }
  }

  class Decipheriv extends CipherBase {
    constructor(algorithm, key, iv, options) {
      super(false, algorithm, key, iv, options);
    }
  }

  // ---- key derivation ----

  function validateLength(value, name) {
    if (typeof value !== "number") throw invalidArgType(name, "of type number", value);
    if (!Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1) throw internals.outOfRange(name, ">= 0 && <= 2147483647", value);
  }

  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    const passwordBytes = bytesOf(password, "password");
    const saltBytes = bytesOf(salt, "salt");
    if (typeof iterations !== "number") throw invalidArgType("iterations", "of type number", iterations);
    if (!Number.isInteger(iterations) || iterations < 1 || iterations > 2 ** 31 - 1) {
      throw internals.outOfRange("iterations", ">= 1 && <= 2147483647", iterations);
    }
    validateLength(keylen, "keylen");
    validateString(digest, "digest");
    return asBuffer(native.pbkdf2(passwordBytes, saltBytes, iterations, keylen, digest));
  }

  function pbkdf2(password, salt, iterations, keylen, digest, callback) {
    validateFunction(callback, "callback");
    const derived = pbkdf2Sync(password, salt, iterations, keylen, digest);
    later(callback, null, derived);
  }

  function scryptCost(options = {}) {
    const pick = (long, short, fallback) => {
      if (options[long] !== undefined && options[short] !== undefined) {
        throw nodeError(TypeError, "ERR_INCOMPATIBLE_OPTION_PAIR", `Option "${long}" cannot be used in combination with option "${short}"`);
      }
      return options[long] ?? options[short] ?? fallback;
    };
    return {
      n: pick("cost", "N", 16384),
      r: pick("blockSize", "r", 8),
      p: pick("parallelization", "p", 1),
      maxmem: options.maxmem ?? 32 << 20,
    };
  }

  function scryptSync(password, salt, keylen, options) {
    const passwordBytes = bytesOf(password, "password");
    const saltBytes = bytesOf(salt, "salt");
    validateLength(keylen, "keylen");
    const { n, r, p, maxmem } = scryptCost(options ?? {});
    return asBuffer(native.scrypt(passwordBytes, saltBytes, keylen, n, r, p, maxmem));
  }

  function scrypt(password, salt, keylen, options, callback) {
    if (typeof options === "function") [options, callback] = [undefined, options];
    validateFunction(callback, "callback");
    const derived = scryptSync(password, salt, keylen, options);
    later(callback, null, derived);
  }

  function hkdfSync(digest, ikm, salt, info, keylen) {
    validateString(digest, "digest");
    const key = ikm instanceof KeyObject ? secretBytes(ikm, "ikm") : bytesOf(ikm, "ikm");
    const saltBytes = bytesOf(salt, "salt");
    const infoBytes = bytesOf(info, "info");
    if (infoBytes.length > 1024) {
      throw internals.outOfRange("info", "must not contain more than 1024 bytes", infoBytes.length);
    }
    validateLength(keylen, "length");
    const derived = native.hkdf(digest, key, saltBytes, infoBytes, keylen);
    // Node gives an ArrayBuffer here, unlike the other derivations.
    return derived.buffer.slice(derived.byteOffset, derived.byteOffset + derived.byteLength);
  }

  function hkdf(digest, ikm, salt, info, keylen, callback) {
    validateFunction(callback, "callback");
    const derived = hkdfSync(digest, ikm, salt, info, keylen);
    later(callback, null, derived);
  }

  internals.cryptoCiphers = {
    generateKeyPair,
    generateKeyPairSync,
    generateKey,
    generateKeySync,
    publicEncrypt,
    privateDecrypt,
    diffieHellman,
    Cipheriv,
    Decipheriv,
    createCipheriv: (algorithm, key, iv, options) => new Cipheriv(algorithm, key, iv, options),
    createDecipheriv: (algorithm, key, iv, options) => new Decipheriv(algorithm, key, iv, options),
    pbkdf2,
    pbkdf2Sync,
    scrypt,
    scryptSync,
    hkdf,
    hkdfSync,
  };
});
