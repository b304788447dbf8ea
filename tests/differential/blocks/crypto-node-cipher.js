// AES as blocks use it to read and write partner payloads: GCM with additional data and its tag, CBC with
// and without padding, CTR; output split across `update` and `final` in several encodings; a changed tag
// and a wrong key rejected with Node's errors.
const crypto = require("crypto");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
};
module.exports = async () => {
  const key = crypto.createHash("sha256").update("partner key").digest();
  const iv12 = Buffer.from("000102030405060708090a0b", "hex");
  const iv16 = Buffer.from("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", "hex");
  const message = "Invoice 2024-001: €1,999.00 — paid ✓ ".repeat(3);

  const gcm = crypto.createCipheriv("aes-256-gcm", key, iv12);
  gcm.setAAD(Buffer.from("header"));
  const gcmFirst = gcm.update(message.slice(0, 20), "utf8", "base64");
  const gcmText = gcmFirst + gcm.update(message.slice(20), "utf8", "base64") + gcm.final("base64");
  const tag = gcm.getAuthTag();
  const open = (authTag) => {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv12);
    decipher.setAAD(Buffer.from("header"));
    decipher.setAuthTag(authTag);
    return decipher.update(gcmText, "base64", "utf8") + decipher.final("utf8");
  };
  const badTag = Buffer.from(tag);
  badTag[0] ^= 1;

  const cbc = crypto.createCipheriv("aes-128-cbc", key.subarray(0, 16), iv16);
  const cbcParts = [cbc.update(message, "utf8"), cbc.final()];
  const cbcText = Buffer.concat(cbcParts);
  const cbcBack = crypto.createDecipheriv("aes-128-cbc", key.subarray(0, 16), iv16);
  const cbcFirst = cbcBack.update(cbcText.subarray(0, 40));
  const cbcPlain = Buffer.concat([cbcFirst, cbcBack.update(cbcText.subarray(40)), cbcBack.final()]).toString();

  const noPadding = crypto.createCipheriv("aes-192-cbc", key.subarray(0, 24), iv16).setAutoPadding(false);
  const blockExact = Buffer.concat([noPadding.update(Buffer.alloc(32, 7)), noPadding.final()]).toString("hex");

  const ctr = crypto.createCipheriv("aes-256-ctr", key, iv16);
  const ctrText = ctr.update("stream me", "utf8", "hex") + ctr.final("hex");
  const ctrBack = crypto.createDecipheriv("aes-256-ctr", key, iv16);
  const ctrPlain = ctrBack.update(ctrText, "hex", "utf8") + ctrBack.final("utf8");

  const wrongKey = crypto.createDecipheriv("aes-128-cbc", Buffer.alloc(16, 1), iv16);
  wrongKey.update(cbcText);
  return {
    data: {
      gcmFirst,
      gcmText,
      tag: tag.toString("hex"),
      opened: open(tag) === message,
      badTag: caught(() => open(badTag)),
      cbcPartLengths: cbcParts.map((part) => part.length),
      cbcText: cbcText.toString("base64"),
      cbcFirstLength: cbcFirst.length,
      cbcPlain: cbcPlain === message,
      blockExact,
      ctrText,
      ctrPlain,
      wrongKey: caught(() => wrongKey.final()),
      badKeyLength: caught(() => crypto.createCipheriv("aes-256-gcm", Buffer.alloc(5), iv12)),
      badIv: caught(() => crypto.createCipheriv("aes-256-cbc", key, Buffer.alloc(8))),
      unknown: caught(() => crypto.createCipheriv("aes-256-xyz", key, iv16)),
      tagBeforeFinal: caught(() => crypto.createCipheriv("aes-256-gcm", key, iv12).getAuthTag()),
      ciphers: crypto.getCiphers().filter((name) => /^aes-(128|256)-(gcm|cbc|ctr)$/.test(name)),
    },
  };
};
