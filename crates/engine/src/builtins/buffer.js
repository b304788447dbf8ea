// Node's `Buffer`: a `Uint8Array` subclass with from/of/alloc/concat/byteLength/isBuffer/compare/copyBytesFrom
// and toString/write/equals/slice/indexOf/lastIndexOf, the fixed-width readers and writers (8 to 64-bit
// integers, BigInt, float and double, both byte orders) and the variable-width ones (1 to 6 bytes) with Node's
// range checks and coded errors, swap16/32/64 and the per-encoding `…Slice`/`…Write`, in utf8, utf16le (ucs2),
// base64, base64url, hex, latin1 (binary) and ascii.
(function (host, internals) {
  "use strict";

  function normalizeEncoding(encoding) {
    const name = String(encoding ?? "utf8").toLowerCase();
    switch (name) {
      case "utf8":
      case "utf-8":
        return "utf8";
      case "base64":
      case "base64url":
      case "hex":
      case "ascii":
        return name;
      case "latin1":
      case "binary":
        return "latin1";
      case "utf16le":
      case "utf-16le":
      case "ucs2":
      case "ucs-2":
        return "utf16le";
      default: {
        const error = new TypeError(`Unknown encoding: ${encoding}`);
        error.code = "ERR_UNKNOWN_ENCODING";
        throw error;
      }
    }
  }

  // Text to bytes and back in each encoding, as Node does it, by the host (host/text_codecs.rs).
  function encode(text, encoding) {
    return host.encodeText(text, normalizeEncoding(encoding));
  }

  function decode(bytes, encoding) {
    return host.decodeBytes(bytes, normalizeEncoding(encoding));
  }

  function invalidArgument(name, value) {
    const error = new TypeError(
      `The "${name}" argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received ${value === null ? "null" : typeof value}`,
    );
    error.code = "ERR_INVALID_ARG_TYPE";
    return error;
  }

  class Buffer extends Uint8Array {
    static from(value, encodingOrOffset, length) {
      if (typeof value === "string") return Buffer.#wrap(encode(value, encodingOrOffset));
      if (value instanceof ArrayBuffer) {
        const offset = encodingOrOffset === undefined ? 0 : Number(encodingOrOffset);
        const size = length === undefined ? value.byteLength - offset : Number(length);
        return new Buffer(value, offset, size);
      }
      if (ArrayBuffer.isView(value)) {
        const bytes = internals.toBytes(value);
        const copy = new Buffer(bytes.length);
        copy.set(bytes);
        return copy;
      }
      if (value !== null && typeof value === "object") {
        if (value.type === "Buffer" && Array.isArray(value.data)) return Buffer.from(value.data);
        if (typeof value.length === "number" || Array.isArray(value)) {
          const copy = new Buffer(value.length);
          for (let i = 0; i < value.length; i++) copy[i] = Number(value[i]) & 255;
          return copy;
        }
      }
      throw invalidArgument("first", value);
    }

    static #wrap(bytes) {
      return new Buffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }

    static alloc(size, fill, encoding) {
      const buffer = new Buffer(size);
      if (fill !== undefined && fill !== 0) buffer.fill(fill, 0, buffer.length, encoding);
      return buffer;
    }
    static allocUnsafe(size) {
      return new Buffer(size);
    }
    static allocUnsafeSlow(size) {
      return new Buffer(size);
    }
    static of(...items) {
      const buffer = new Buffer(items.length);
      for (let i = 0; i < items.length; i++) buffer[i] = items[i];
      return buffer;
    }
    // A copy of `length` elements of a typed array from element `offset`, as bytes.
    static copyBytesFrom(view, offset = 0, length = view.length - offset) {
      if (!ArrayBuffer.isView(view) || view instanceof DataView) {
        internals.loadPrelude("node/require.js");
        throw internals.invalidArgType("view", "an instance of TypedArray", view);
      }
      const size = view.BYTES_PER_ELEMENT;
      const start = Math.min(offset, view.length) * size;
      const end = Math.min(offset + length, view.length) * size;
      return Buffer.from(new Uint8Array(view.buffer, view.byteOffset + start, Math.max(end - start, 0)));
    }
    static get [Symbol.species]() {
      return Buffer;
    }
    static byteLength(value, encoding) {
      if (typeof value === "string") return encode(value, encoding).length;
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value.byteLength;
      throw invalidArgument("string", value);
    }
    static concat(list, totalLength) {
      const total = totalLength ?? list.reduce((sum, item) => sum + item.length, 0);
      const out = Buffer.alloc(total);
      let offset = 0;
      for (const item of list) {
        if (offset >= total) break;
        const bytes = item.subarray(0, Math.min(item.length, total - offset));
        out.set(bytes, offset);
        offset += bytes.length;
      }
      return out;
    }
    static poolSize = 8192;
    static isBuffer(value) {
      return value instanceof Buffer;
    }
    static isEncoding(encoding) {
      try {
        normalizeEncoding(encoding);
        return typeof encoding === "string";
      } catch (_) {
        return false;
      }
    }
    static compare(a, b) {
      const length = Math.min(a.length, b.length);
      for (let i = 0; i < length; i++) {
        if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      }
      return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
    }

    toString(encoding, start = 0, end = this.length) {
      return decode(this.subarray(start, end), encoding);
    }
    toLocaleString(encoding, start, end) {
      return this.toString(encoding, start, end);
    }
    toJSON() {
      return { type: "Buffer", data: Array.from(this) };
    }
    // As `util.inspect` shows a Buffer: at most INSPECT_MAX_BYTES (50) bytes in hex.
    inspect() {
      const shown = Array.from(this.subarray(0, 50), (byte) => byte.toString(16).padStart(2, "0")).join(" ");
      const more = this.length > 50 ? ` ... ${this.length - 50} more byte${this.length - 50 > 1 ? "s" : ""}` : "";
      return `<Buffer ${shown}${more}>`;
    }
    // Node's deprecated names for the memory a buffer views.
    get parent() {
      return this.buffer;
    }
    get offset() {
      return this.byteOffset;
    }
    subarray(start, end) {
      return Uint8Array.prototype.subarray.call(this, start, end);
    }
    equals(other) {
      return Buffer.compare(this, other) === 0;
    }
    compare(other) {
      return Buffer.compare(this, other);
    }
    // Node's slice shares memory, unlike Uint8Array's.
    slice(start, end) {
      return this.subarray(start, end);
    }
    write(text, offset = 0, length, encoding) {
      if (typeof offset === "string") {
        encoding = offset;
        offset = 0;
      } else if (typeof length === "string") {
        encoding = length;
        length = undefined;
      }
      const bytes = encode(String(text), encoding);
      const count = Math.min(bytes.length, this.length - offset, length ?? Infinity);
      this.set(bytes.subarray(0, count), offset);
      return count;
    }
    fill(value, start = 0, end = this.length, encoding) {
      if (typeof start === "string") {
        encoding = start;
        start = 0;
        end = this.length;
      }
      if (typeof value === "string") {
        const bytes = encode(value, encoding);
        if (bytes.length === 0) return super.fill(0, start, end);
        for (let i = start, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
        return this;
      }
      return super.fill(Number(value) & 255, start, end);
    }
    copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
      const bytes = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
      target.set(bytes, targetStart);
      return bytes.length;
    }
    indexOf(value, byteOffset = 0, encoding) {
      if (typeof value === "number") return super.indexOf(value & 255, byteOffset);
      const needle = typeof value === "string" ? encode(value, encoding) : value;
      outer: for (let i = byteOffset; i <= this.length - needle.length; i++) {
        for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
        return i;
      }
      return -1;
    }
    // The last match at or before `byteOffset` (from the end when negative; the whole buffer by default).
    lastIndexOf(value, byteOffset, encoding) {
      if (typeof byteOffset === "string") {
        encoding = byteOffset;
        byteOffset = undefined;
      }
      const needle = typeof value === "number" ? Uint8Array.of(value & 255) : typeof value === "string" ? encode(value, encoding) : value;
      let from = byteOffset === undefined || Number.isNaN(Number(byteOffset)) ? this.length : Math.trunc(Number(byteOffset));
      if (from < 0) from += this.length;
      outer: for (let i = Math.min(from, this.length - needle.length); i >= 0; i--) {
        for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
        return i;
      }
      return -1;
    }
    includes(value, byteOffset, encoding) {
      return this.indexOf(value, byteOffset, encoding) !== -1;
    }
    // Variable-width integers of 1 to 6 bytes, as Node reads and writes them (48 bits fit a Number exactly).
    readUIntBE(offset, byteLength) {
      this.#checkSpan(offset, byteLength);
      let value = 0;
      for (let i = 0; i < byteLength; i++) value = value * 256 + this[offset + i];
      return value;
    }
    readUIntLE(offset, byteLength) {
      this.#checkSpan(offset, byteLength);
      let value = 0;
      for (let i = byteLength - 1; i >= 0; i--) value = value * 256 + this[offset + i];
      return value;
    }
    readIntBE(offset, byteLength) {
      return toSigned(this.readUIntBE(offset, byteLength), byteLength);
    }
    readIntLE(offset, byteLength) {
      return toSigned(this.readUIntLE(offset, byteLength), byteLength);
    }
    writeUIntBE(value, offset, byteLength) {
      checkByteLength(byteLength);
      checkIntegerValue(value, 0, 2 ** (8 * byteLength) - 1, byteLength);
      this.#checkSpan(offset, byteLength);
      let rest = fromSigned(value, byteLength);
      for (let i = byteLength - 1; i >= 0; i--, rest = Math.floor(rest / 256)) this[offset + i] = rest % 256;
      return offset + byteLength;
    }
    writeUIntLE(value, offset, byteLength) {
      checkByteLength(byteLength);
      checkIntegerValue(value, 0, 2 ** (8 * byteLength) - 1, byteLength);
      this.#checkSpan(offset, byteLength);
      let rest = fromSigned(value, byteLength);
      for (let i = 0; i < byteLength; i++, rest = Math.floor(rest / 256)) this[offset + i] = rest % 256;
      return offset + byteLength;
    }
    writeIntBE(value, offset, byteLength) {
      checkByteLength(byteLength);
      checkIntegerValue(value, -(2 ** (8 * byteLength - 1)), 2 ** (8 * byteLength - 1) - 1, byteLength);
      return this.writeUIntBE(fromSigned(value, byteLength), offset, byteLength);
    }
    writeIntLE(value, offset, byteLength) {
      checkByteLength(byteLength);
      checkIntegerValue(value, -(2 ** (8 * byteLength - 1)), 2 ** (8 * byteLength - 1) - 1, byteLength);
      return this.writeUIntLE(fromSigned(value, byteLength), offset, byteLength);
    }
    // Node's checks, in its order and words: the width, a buffer too short for it, then the offset.
    #checkSpan(offset, byteLength) {
      checkByteLength(byteLength);
      checkOffset(this, offset, byteLength);
    }

    // Byte order swaps in place, for UTF-16 BE text and network-order words.
    swap16() {
      return this.#swap(2);
    }
    swap32() {
      return this.#swap(4);
    }
    swap64() {
      return this.#swap(8);
    }
    #swap(width) {
      if (this.length % width !== 0) {
        const error = new RangeError(`Buffer size must be a multiple of ${width * 8}-bits`);
        error.code = "ERR_INVALID_BUFFER_SIZE";
        throw error;
      }
      for (let start = 0; start < this.length; start += width) {
        for (let i = 0, j = width - 1; i < j; i++, j--) {
          const byte = this[start + i];
          this[start + i] = this[start + j];
          this[start + j] = byte;
        }
      }
      return this;
    }
  }

  function checkByteLength(byteLength) {
    if (!Number.isInteger(byteLength) || byteLength < 1 || byteLength > 6) {
      const error = new RangeError(
        `The value of "byteLength" is out of range. It must be >= 1 and <= 6. Received ${byteLength}`,
      );
      error.code = "ERR_OUT_OF_RANGE";
      throw error;
    }
  }

  // Node's coded errors live with `require` (node/require.js), loaded only when a check fails.
  function nodeErrors() {
    internals.loadPrelude("node/require.js");
    return internals;
  }

  // Node's offset check for a read or write of `byteLength` bytes: a number, then an integer in the buffer.
  function checkOffset(buffer, offset, byteLength) {
    if (typeof offset !== "number") throw nodeErrors().invalidArgType("offset", "of type number", offset);
    const last = buffer.length - byteLength;
    if (!Number.isInteger(offset)) throw nodeErrors().outOfRange("offset", "an integer", offset);
    if (last < 0) throw nodeErrors().nodeError(RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds");
    if (offset < 0 || offset > last) throw nodeErrors().outOfRange("offset", `>= 0 and <= ${last}`, offset);
  }

  // Node's range check for an integer written in `byteLength` bytes, worded as Node words it: exact bounds up
  // to 3 bytes, powers of two above.
  function checkIntegerValue(value, min, max, byteLength) {
    if (typeof min === "bigint" && typeof value !== "bigint") {
      throw new TypeError("Cannot mix BigInt and other types, use explicit conversions");
    }
    if (!(value > max || value < min)) return;
    const n = typeof min === "bigint" ? "n" : "";
    const bits = 8 * byteLength;
    let range;
    if (byteLength <= 4 && !n) range = `>= ${min} and <= ${max}`;
    else if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
    else range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    throw nodeErrors().outOfRange("value", range, value);
  }

  // The fixed-width readers and writers, made from one table: Node's name, width, the DataView accessor and
  // the integer range (none for floats). `readUInt8`, `readInt16BE`, `writeBigUInt64LE`, `readDoubleBE`, …
  const fixedWidth = [
    ["UInt8", 1, "Uint8", 0, 0xff],
    ["Int8", 1, "Int8", -0x80, 0x7f],
    ["UInt16", 2, "Uint16", 0, 0xffff],
    ["Int16", 2, "Int16", -0x8000, 0x7fff],
    ["UInt32", 4, "Uint32", 0, 0xffffffff],
    ["Int32", 4, "Int32", -0x80000000, 0x7fffffff],
    ["BigUInt64", 8, "BigUint64", 0n, 2n ** 64n - 1n],
    ["BigInt64", 8, "BigInt64", -(2n ** 63n), 2n ** 63n - 1n],
    ["Float", 4, "Float32", null, null],
    ["Double", 8, "Float64", null, null],
  ];
  function defineMethod(name, method) {
    Object.defineProperty(method, "name", { value: name });
    Object.defineProperty(Buffer.prototype, name, { value: method, writable: true, configurable: true });
  }
  for (const [type, width, accessor, min, max] of fixedWidth) {
    const orders = width === 1 ? [["", false]] : [["BE", false], ["LE", true]];
    for (const [order, littleEndian] of orders) {
      defineMethod(`read${type}${order}`, function (offset = 0) {
        checkOffset(this, offset, width);
        return new DataView(this.buffer, this.byteOffset, this.byteLength)[`get${accessor}`](offset, littleEndian);
      });
      defineMethod(`write${type}${order}`, function (value, offset = 0) {
        if (min !== null) checkIntegerValue(value, min, max, width);
        checkOffset(this, offset, width);
        const number = min === null || typeof min === "bigint" ? value : Math.trunc(Number(value));
        new DataView(this.buffer, this.byteOffset, this.byteLength)[`set${accessor}`](offset, number, littleEndian);
        return offset + width;
      });
    }
  }

  // Node's per-encoding `<encoding>Slice(start, end)` and `<encoding>Write(text, offset, length)`.
  for (const encoding of ["ascii", "base64", "base64url", "hex", "latin1", "ucs2", "utf8"]) {
    defineMethod(`${encoding}Slice`, function (start = 0, end = this.length) {
      return this.toString(encoding, start, end);
    });
    defineMethod(`${encoding}Write`, function (text, offset = 0, length = this.length - offset) {
      return this.write(text, offset, length, encoding);
    });
  }

  // The unsigned `value` of `byteLength` bytes read as two's complement.
  function toSigned(value, byteLength) {
    const limit = 2 ** (8 * byteLength);
    return value >= limit / 2 ? value - limit : value;
  }

  // A signed `value` as the unsigned number of `byteLength` bytes with the same bits.
  function fromSigned(value, byteLength) {
    const number = Number(value);
    return number < 0 ? number + 2 ** (8 * byteLength) : number;
  }
  // Aliases Node also has.
  for (const name of ["readUInt8", "readUInt16BE", "readUInt16LE", "readUInt32BE", "readUInt32LE",
    "writeUInt8", "writeUInt16BE", "writeUInt16LE", "writeUInt32BE", "writeUInt32LE", "readUIntBE", "readUIntLE",
    "writeUIntBE", "writeUIntLE", "readBigUInt64BE", "readBigUInt64LE", "writeBigUInt64BE", "writeBigUInt64LE"]) {
    Buffer.prototype[name.replace("UInt", "Uint")] = Buffer.prototype[name];
  }
  // How many bytes at the end of `bytes` begin a UTF-8 character that is not complete yet (for the decoders
  // that keep text whole across chunks: string_decoder's, and a cipher's text output).
  internals.incompleteUtf8Tail = function incompleteUtf8Tail(bytes) {
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
      const byte = bytes[bytes.length - back];
      if ((byte & 0xc0) === 0x80) continue;
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return needed > back ? back : 0;
    }
    return 0;
  };

  internals.Buffer = Buffer;
  internals.defineGlobal("Buffer", Buffer);
});
