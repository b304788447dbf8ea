// Node's `Buffer`, the subset blocks reach for: a `Uint8Array` subclass with from/alloc/concat/
// byteLength/isBuffer/compare and toString/write/equals/slice, the fixed-width readers and writers (8 to 64-bit
// integers, BigInt, float and double, both byte orders), the variable-width ones (1 to 6 bytes) and swap16/32/64,
// in utf8, utf16le (ucs2), base64, base64url, hex, latin1 (binary) and ascii.
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

  function encode(text, encoding) {
    switch (normalizeEncoding(encoding)) {
      case "utf8":
        return internals.utf8Encode(text);
      case "base64":
      case "base64url":
        return internals.base64Decode(text);
      case "hex":
        return internals.hexDecode(text);
      case "utf16le": {
        // Each UTF-16 code unit, low byte first; lone surrogates are kept as they are, as in Node.
        const bytes = new Uint8Array(text.length * 2);
        for (let i = 0; i < text.length; i++) {
          const unit = text.charCodeAt(i);
          bytes[2 * i] = unit & 255;
          bytes[2 * i + 1] = unit >> 8;
        }
        return bytes;
      }
      default: {
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 255;
        return bytes;
      }
    }
  }

  function decode(bytes, encoding) {
    switch (normalizeEncoding(encoding)) {
      case "utf8":
        return internals.utf8Decode(bytes);
      case "base64":
        return internals.base64Encode(bytes);
      case "base64url":
        return internals.base64Encode(bytes, true);
      case "hex":
        return internals.hexEncode(bytes);
      case "ascii": {
        let out = "";
        for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i] & 127);
        return out;
      }
      case "utf16le": {
        // A trailing odd byte is dropped, as in Node.
        const units = [];
        for (let i = 0; i + 1 < bytes.length; i += 2) units.push(bytes[i] | (bytes[i + 1] << 8));
        let out = "";
        for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode.apply(null, units.slice(i, i + 8192));
        return out;
      }
      default: {
        let out = "";
        for (let i = 0; i < bytes.length; i += 8192) {
          out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
        }
        return out;
      }
    }
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
    toJSON() {
      return { type: "Buffer", data: Array.from(this) };
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
    includes(value, byteOffset, encoding) {
      return this.indexOf(value, byteOffset, encoding) !== -1;
    }
    #view() {
      return new DataView(this.buffer, this.byteOffset, this.byteLength);
    }
    readUInt8(offset = 0) { return this.#view().getUint8(offset); }
    readUInt16BE(offset = 0) { return this.#view().getUint16(offset); }
    readUInt16LE(offset = 0) { return this.#view().getUint16(offset, true); }
    readUInt32BE(offset = 0) { return this.#view().getUint32(offset); }
    readUInt32LE(offset = 0) { return this.#view().getUint32(offset, true); }
    readInt8(offset = 0) { return this.#view().getInt8(offset); }
    readInt16BE(offset = 0) { return this.#view().getInt16(offset); }
    readInt16LE(offset = 0) { return this.#view().getInt16(offset, true); }
    readInt32BE(offset = 0) { return this.#view().getInt32(offset); }
    readInt32LE(offset = 0) { return this.#view().getInt32(offset, true); }
    writeUInt8(value, offset = 0) { this.#view().setUint8(offset, value); return offset + 1; }
    writeUInt16BE(value, offset = 0) { this.#view().setUint16(offset, value); return offset + 2; }
    writeUInt16LE(value, offset = 0) { this.#view().setUint16(offset, value, true); return offset + 2; }
    writeUInt32BE(value, offset = 0) { this.#view().setUint32(offset, value); return offset + 4; }
    writeUInt32LE(value, offset = 0) { this.#view().setUint32(offset, value, true); return offset + 4; }
    writeInt32BE(value, offset = 0) { this.#view().setInt32(offset, value); return offset + 4; }
    writeInt32LE(value, offset = 0) { this.#view().setInt32(offset, value, true); return offset + 4; }
    writeInt8(value, offset = 0) { this.#view().setInt8(offset, value); return offset + 1; }
    writeInt16BE(value, offset = 0) { this.#view().setInt16(offset, value); return offset + 2; }
    writeInt16LE(value, offset = 0) { this.#view().setInt16(offset, value, true); return offset + 2; }
    readBigInt64BE(offset = 0) { return this.#view().getBigInt64(offset); }
    readBigInt64LE(offset = 0) { return this.#view().getBigInt64(offset, true); }
    readBigUInt64BE(offset = 0) { return this.#view().getBigUint64(offset); }
    readBigUInt64LE(offset = 0) { return this.#view().getBigUint64(offset, true); }
    writeBigInt64BE(value, offset = 0) { this.#view().setBigInt64(offset, value); return offset + 8; }
    writeBigInt64LE(value, offset = 0) { this.#view().setBigInt64(offset, value, true); return offset + 8; }
    writeBigUInt64BE(value, offset = 0) { this.#view().setBigUint64(offset, value); return offset + 8; }
    writeBigUInt64LE(value, offset = 0) { this.#view().setBigUint64(offset, value, true); return offset + 8; }
    readFloatBE(offset = 0) { return this.#view().getFloat32(offset); }
    readFloatLE(offset = 0) { return this.#view().getFloat32(offset, true); }
    readDoubleBE(offset = 0) { return this.#view().getFloat64(offset); }
    readDoubleLE(offset = 0) { return this.#view().getFloat64(offset, true); }
    writeFloatBE(value, offset = 0) { this.#view().setFloat32(offset, value); return offset + 4; }
    writeFloatLE(value, offset = 0) { this.#view().setFloat32(offset, value, true); return offset + 4; }
    writeDoubleBE(value, offset = 0) { this.#view().setFloat64(offset, value); return offset + 8; }
    writeDoubleLE(value, offset = 0) { this.#view().setFloat64(offset, value, true); return offset + 8; }

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
      this.#checkSpan(offset, byteLength);
      let rest = fromSigned(value, byteLength);
      for (let i = byteLength - 1; i >= 0; i--, rest = Math.floor(rest / 256)) this[offset + i] = rest % 256;
      return offset + byteLength;
    }
    writeUIntLE(value, offset, byteLength) {
      this.#checkSpan(offset, byteLength);
      let rest = fromSigned(value, byteLength);
      for (let i = 0; i < byteLength; i++, rest = Math.floor(rest / 256)) this[offset + i] = rest % 256;
      return offset + byteLength;
    }
    writeIntBE(value, offset, byteLength) {
      return this.writeUIntBE(value, offset, byteLength);
    }
    writeIntLE(value, offset, byteLength) {
      return this.writeUIntLE(value, offset, byteLength);
    }
    // Node's checks, in its order and words: the width, a buffer too short for it, then the offset.
    #checkSpan(offset, byteLength) {
      checkByteLength(byteLength);
      const last = this.length - byteLength;
      if (last < 0) {
        const error = new RangeError("Attempt to access memory outside buffer bounds");
        error.code = "ERR_BUFFER_OUT_OF_BOUNDS";
        throw error;
      }
      if (!Number.isInteger(offset) || offset < 0 || offset > last) {
        const error = new RangeError(
          `The value of "offset" is out of range. It must be ${Number.isInteger(offset) ? `>= 0 and <= ${last}` : "an integer"}. Received ${offset}`,
        );
        error.code = "ERR_OUT_OF_RANGE";
        throw error;
      }
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
  internals.Buffer = Buffer;
  internals.defineGlobal("Buffer", Buffer);
});
