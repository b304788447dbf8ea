// Randomness from `require("crypto")`: sizes, types and ranges (the values themselves differ per run).
const crypto = require("crypto");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
};
module.exports = async () => {
  const ints = Array.from({ length: 200 }, () => crypto.randomInt(3, 7));
  const fromCallback = await new Promise((resolve, reject) =>
    crypto.randomBytes(8, (error, bytes) => (error ? reject(error) : resolve(bytes.length))),
  );
  const filled = crypto.randomFillSync(Buffer.alloc(4), 1, 2);
  return {
    data: {
      bytes: crypto.randomBytes(16).length,
      isBuffer: Buffer.isBuffer(crypto.randomBytes(1)),
      hex: /^[0-9a-f]{64}$/.test(crypto.randomBytes(32).toString("hex")),
      uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()),
      intsInRange: ints.every((n) => Number.isInteger(n) && n >= 3 && n < 7),
      allValuesSeen: new Set(ints).size,
      oneArgument: crypto.randomInt(1),
      fromCallback,
      filledEnds: [filled[0], filled[3]],
      badRange: caught(() => crypto.randomInt(10, 5)),
      notSafe: caught(() => crypto.randomInt(1.5)),
      negativeSize: caught(() => crypto.randomBytes(-1)),
      stringSize: caught(() => crypto.randomBytes("8")),
      hashes: crypto.getHashes().filter((name) => ["md5", "sha1", "sha256", "sha384", "sha512"].includes(name)),
      webcrypto: crypto.webcrypto === globalThis.crypto && typeof crypto.subtle.digest,
    },
  };
};
