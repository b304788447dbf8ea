// Buffer's members beyond the everyday ones: Buffer.of/copyBytesFrom/allocUnsafeSlow/poolSize, lastIndexOf,
// the per-encoding Slice/Write methods, toLocaleString, inspect, and Node's coded errors for reads and writes
// out of range (offsets and values, Number and BigInt).
module.exports = async () => {
  const attempt = (operation) => {
    try {
      return operation();
    } catch (error) {
      return `${error.name} ${error.code} ${error.message}`;
    }
  };
  const bytes = Buffer.from([1, 2, 3, 4, 5, 3, 4, 8, 9]);
  const written = Buffer.alloc(8);
  const positions = [written.utf8Write("hé", 0), written.ucs2Write("a", 3), written.hexWrite("ff", 5), written.latin1Write("z", 6),
    written.asciiWrite("y", 7)];
  return {
    data: {
      of: [...Buffer.of(1, 2, 300)],
      copyBytesFrom: [...Buffer.copyBytesFrom(new Uint16Array([1, 258, 772]), 1, 1)],
      slow: Buffer.allocUnsafeSlow(3).length,
      poolSize: Buffer.poolSize,
      lastIndexOf: [bytes.lastIndexOf(3), bytes.lastIndexOf(Buffer.from([3, 4])), bytes.lastIndexOf(9, -2), bytes.lastIndexOf(4, 5),
        bytes.lastIndexOf("\x04", -4), bytes.lastIndexOf(42)],
      slices: [bytes.hexSlice(1, 3), bytes.base64Slice(), bytes.base64urlSlice(0, 4), bytes.latin1Slice(0, 2), bytes.asciiSlice(0, 1),
        Buffer.from("hi", "ucs2").ucs2Slice(), Buffer.from("héllo").utf8Slice(1, 3)],
      positions,
      written: [...written],
      toLocaleString: bytes.toLocaleString("hex"),
      inspect: [bytes.inspect(), Buffer.alloc(0).inspect(), Buffer.alloc(52, 7).inspect()],
      subarrayIsBuffer: Buffer.isBuffer(bytes.subarray(1, 2)),
      offsetAndParent: [bytes.subarray(2).offset - bytes.offset, bytes.parent === bytes.buffer],
      errors: [
        attempt(() => Buffer.alloc(2).readUInt32BE(0)),
        attempt(() => Buffer.alloc(2).readUInt8(5)),
        attempt(() => Buffer.alloc(4).readUInt16LE(3)),
        attempt(() => Buffer.alloc(4).readInt16LE(1.5)),
        attempt(() => Buffer.alloc(4).readFloatBE("1")),
        attempt(() => Buffer.alloc(2).writeUInt8(256)),
        attempt(() => Buffer.alloc(2).writeInt8(-129)),
        attempt(() => Buffer.alloc(4).writeUInt32LE(-1)),
        attempt(() => Buffer.alloc(4).writeInt32BE(2 ** 31)),
        attempt(() => Buffer.alloc(8).writeBigUInt64LE(-1n)),
        attempt(() => Buffer.alloc(8).writeBigInt64BE(2n ** 63n)),
        attempt(() => Buffer.alloc(8).writeBigInt64LE(1)),
        attempt(() => Buffer.alloc(6).writeUIntBE(2 ** 48, 0, 6)),
        attempt(() => Buffer.alloc(6).writeIntLE(-(2 ** 39) - 1, 0, 5)),
        attempt(() => Buffer.alloc(2).writeUInt16BE(65535.5)),
        attempt(() => Buffer.copyBytesFrom([1, 2])),
      ],
      truncated: [Buffer.alloc(2).writeUInt16BE(1.7), [...(() => { const b = Buffer.alloc(2); b.writeUInt16BE(258.9); return b; })()]],
      floats: (() => {
        const b = Buffer.alloc(12);
        b.writeFloatLE(1e40, 0);
        b.writeDoubleBE(-0.1, 4);
        return [b.readFloatLE(0), b.readDoubleBE(4), [...b.subarray(4)]];
      })(),
      signed: (() => {
        const b = Buffer.alloc(6);
        b.writeIntBE(-123456789, 0, 5);
        return [b.readIntBE(0, 5), b.readUIntBE(0, 5), [...b]];
      })(),
    },
  };
};
