// `publicEncrypt`/`privateDecrypt` (OAEP by default, OAEP with SHA-256 and a label, PKCS#1 v1.5) and
// `diffieHellman` on EC keys, with the error codes blocks check. Encryption is randomised, so what is compared
// is what decrypts and the sizes.
const crypto = require("node:crypto");
const caught = (thunk) => {
  try {
    thunk();
    return "no error";
  } catch (error) {
    return error.code ?? error.name;
  }
};
module.exports = async () => {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
  const secret = Buffer.from("client secret 42");
  const byDefault = crypto.publicEncrypt(publicKey, secret);
  const sha256 = { key: publicKey, oaepHash: "sha256", oaepLabel: Buffer.from("label") };
  const withLabel = crypto.publicEncrypt(sha256, secret);
  const pkcs1 = crypto.publicEncrypt({ key: publicKey.export({ type: "spki", format: "pem" }), padding: crypto.constants.RSA_PKCS1_PADDING }, secret);
  const other = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;

  const a = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const b = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const far = crypto.generateKeyPairSync("ec", { namedCurve: "P-384" });
  const ab = crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey });
  const ba = crypto.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey });
  return {
    data: {
      sizes: [byDefault.length, withLabel.length, pkcs1.length],
      byDefault: crypto.privateDecrypt(privateKey, byDefault).toString(),
      withLabel: crypto.privateDecrypt({ ...sha256, key: privateKey }, withLabel).toString(),
      // Node 20 refuses PKCS#1 v1.5 decryption (CVE-2023-46809); encrypting that way still works.
      pkcs1: caught(() => crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING }, pkcs1)),
      encryptedWithPrivate: crypto.privateDecrypt(privateKey, crypto.publicEncrypt(privateKey, secret)).toString(),
      // OpenSSL's code depends on the keys (random here): "data too large for modulus" when the ciphertext is
      // not below the other key's modulus, else "oaep decoding error". Both are RSA decryption failures.
      wrongKey: /^ERR_OSSL_RSA_/.test(caught(() => crypto.privateDecrypt(other, byDefault))),
      wrongLabel: caught(() => crypto.privateDecrypt({ key: privateKey, oaepHash: "sha256" }, withLabel)),
      tooLong: caught(() => crypto.publicEncrypt(publicKey, Buffer.alloc(200))),
      agree: ab.equals(ba),
      sharedBytes: ab.length,
      curveMismatch: caught(() => crypto.diffieHellman({ privateKey: a.privateKey, publicKey: far.publicKey })),
      notAKey: caught(() => crypto.diffieHellman({ privateKey: "pem", publicKey: b.publicKey })),
    },
  };
};
