// Key derivation as blocks use it for partner encryption keys and password checks: PBKDF2, scrypt and HKDF,
// in their Sync and callback forms, with Node's errors for bad parameters.
const crypto = require("crypto");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
};
const viaCallback = (run) => new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
module.exports = async () => {
  const hkdf = crypto.hkdfSync("sha256", "input key", "salt", "info", 42);
  return {
    data: {
      pbkdf2: crypto.pbkdf2Sync("password", "salt", 1000, 32, "sha256").toString("hex"),
      pbkdf2Sha512: crypto.pbkdf2Sync(Buffer.from("pässword"), Buffer.from("NaCl"), 3, 64, "sha512").toString("base64"),
      pbkdf2Callback: (await viaCallback((done) => crypto.pbkdf2("pw", "s", 2, 20, "sha1", done))).toString("hex"),
      scrypt: crypto.scryptSync("password", "NaCl", 64, { N: 1024, r: 8, p: 16 }).toString("hex"),
      scryptDefaults: crypto.scryptSync("secret", "salt", 24).toString("base64"),
      scryptCallback: (await viaCallback((done) => crypto.scrypt("pw", "salt", 16, { cost: 16, blockSize: 1 }, done))).toString("hex"),
      hkdfIsArrayBuffer: hkdf instanceof ArrayBuffer,
      hkdf: Buffer.from(hkdf).toString("hex"),
      hkdfCallback: Buffer.from(await viaCallback((done) => crypto.hkdf("sha512", Buffer.from("k"), Buffer.alloc(0), "", 16, done))).toString("hex"),
      zeroIterations: caught(() => crypto.pbkdf2Sync("p", "s", 0, 16, "sha256")),
      badDigest: caught(() => crypto.pbkdf2Sync("p", "s", 1, 16, "sha-nope")),
      scryptMemory: caught(() => crypto.scryptSync("p", "s", 16, { N: 2 ** 20 })),
      // OpenSSL's message for this one is about memory; only the class and code are Node's here.
      scryptNotPowerOfTwo: (({ name, code }) => ({ name, code }))(caught(() => crypto.scryptSync("p", "s", 16, { N: 1000 }))),
      hkdfTooLong: caught(() => crypto.hkdfSync("sha256", "k", "s", "i", 255 * 32 + 1)),
    },
  };
};
