// Binary protocols and UTF-16 text: 64-bit and BigInt fields, floats, variable-width integers, byte swaps and
// utf16le/ucs2, as blocks decoding partner files and signatures use them.
module.exports = async () => {
  const wide = Buffer.alloc(16);
  wide.writeBigInt64BE(-1234567890123456789n, 0);
  wide.writeBigUInt64LE(18446744073709551615n, 8);
  const floats = Buffer.alloc(12);
  floats.writeFloatLE(1.5, 0);
  floats.writeDoubleBE(-2.25, 4);
  const varying = Buffer.alloc(12);
  varying.writeUIntBE(0x123456, 0, 3);
  varying.writeIntLE(-5, 3, 3);
  varying.writeUIntLE(2 ** 40 + 7, 6, 6);
  const utf16 = Buffer.from("héllo ✓ 😀", "utf16le");
  const swapped = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
  const failures = [];
  for (const attempt of [
    () => Buffer.from([1, 2, 3]).swap16(),
    () => Buffer.alloc(2).readUIntBE(0, 7),
    () => Buffer.alloc(2).readUIntBE(1, 2),
    () => Buffer.from("x", "utf-32"),
  ]) {
    try {
      attempt();
      failures.push("no error");
    } catch (error) {
      failures.push({ name: error.name, code: error.code, message: error.message });
    }
  }
  return {
    data: {
      bigints: [wide.readBigInt64BE(0).toString(), wide.readBigUInt64LE(8).toString(), wide.readBigUint64BE(8).toString()],
      wideHex: wide.toString("hex"),
      floats: [floats.readFloatLE(0), floats.readDoubleBE(4), floats.toString("hex")],
      varying: [varying.readUIntBE(0, 3), varying.readIntLE(3, 3), varying.readUIntLE(6, 6), varying.readIntBE(0, 1)],
      varyingHex: varying.toString("hex"),
      utf16: [utf16.length, utf16.toString("hex"), utf16.toString("ucs2"), Buffer.byteLength("ab✓", "utf16le")],
      oddTail: Buffer.from([104, 0, 105]).toString("utf16le"),
      swaps: [
        Buffer.from(swapped).swap16().toString("hex"),
        Buffer.from(swapped).swap32().toString("hex"),
        Buffer.from(swapped).swap64().toString("hex"),
      ],
      utf16be: Buffer.from("hi", "utf16le").swap16().toString("hex"),
      small: [Buffer.from([0xff, 0xfe]).readInt16LE(0), Buffer.alloc(2).writeInt16BE(-2, 0)],
      failures,
    },
  };
};
