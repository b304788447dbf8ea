module.exports = async () => {
  const utf8 = Buffer.from("héllo ✓", "utf8");
  const b64 = Buffer.from("aGVsbG8gd29ybGQ=", "base64");
  const hex = Buffer.from("deadBEEF", "hex");
  const joined = Buffer.concat([Buffer.from("ab"), Buffer.from([99, 100])]);
  return {
    data: {
      length: utf8.length,
      byteLength: Buffer.byteLength("héllo ✓"),
      base64: utf8.toString("base64"),
      hex: utf8.toString("hex"),
      b64Text: b64.toString(),
      hexBytes: [...hex],
      hexBack: hex.toString("hex"),
      joined: joined.toString(),
      isBuffer: [Buffer.isBuffer(joined), Buffer.isBuffer(new Uint8Array(1))],
      index: [utf8[0], utf8[1]],
      json: JSON.parse(JSON.stringify(Buffer.from("hi"))),
      slice: utf8.slice(0, 1).toString(),
      equals: Buffer.from("x").equals(Buffer.from("x")),
      alloc: Buffer.alloc(3, 1).toString("hex"),
      base64url: Buffer.from([251, 255]).toString("base64url"),
      readUInt32BE: Buffer.from([0, 0, 1, 0]).readUInt32BE(0),
      latin1: Buffer.from("ÿ", "latin1")[0],
    },
  };
};
