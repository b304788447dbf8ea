// `require("crypto")` hashing as integration code uses it: hex/base64 digests of every supported
// algorithm, data fed in pieces and in other encodings, `copy()`, a finished hash, HMAC and the one-shot
// `crypto.hash`.
const crypto = require("crypto");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
};
module.exports = async () => {
  const digests = {};
  for (const algorithm of ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "SHA256", "RSA-SHA1"]) {
    digests[algorithm] = crypto.createHash(algorithm).update("The quick brown fox").digest("hex");
  }
  const pieces = crypto.createHash("sha256").update("ab").update(Buffer.from("cd")).update("6566", "hex");
  const copy = pieces.copy().update("more").digest("base64");
  const finished = crypto.createHash("sha1");
  finished.digest();
  return {
    data: {
      digests,
      pieces: pieces.digest("base64url"),
      copy,
      bytes: [...crypto.createHash("md5").update(new Uint8Array([1, 2, 3])).digest()],
      isBuffer: Buffer.isBuffer(crypto.createHash("md5").digest()),
      digestTwice: caught(() => finished.digest("hex")),
      updateAfterDigest: caught(() => finished.update("x")),
      unknown: caught(() => crypto.createHash("whirlpool-9000")),
      notAString: caught(() => crypto.createHash("sha256").update(42)),
      hmac: crypto.createHmac("sha256", "secret").update("message").digest("hex"),
      hmacKeyObject: crypto.createHmac("sha512", crypto.createSecretKey(Buffer.from("k3y"))).update("m").digest("base64"),
      hmacTwice: (() => {
        const hmac = crypto.createHmac("md5", "k");
        hmac.digest();
        return hmac.digest("hex");
      })(),
      hmacUnknown: caught(() => crypto.createHmac("nope", "k")),
      oneShot: crypto.hash("sha1", "abc"),
    },
  };
};
