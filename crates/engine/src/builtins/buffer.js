// Node's `Buffer`, the subset blocks reach for: a `Uint8Array` subclass with from/alloc/concat/
// byteLength/isBuffer/compare and toString/write/equals/slice/readUInt*/writeUInt* in utf8, base64,
// base64url, hex, latin1 (binary) and ascii.
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
  }
  // Aliases Node also has.
  for (const name of ["readUInt8", "readUInt16BE", "readUInt16LE", "readUInt32BE", "readUInt32LE",
    "writeUInt8", "writeUInt16BE", "writeUInt16LE", "writeUInt32BE", "writeUInt32LE"]) {
    Buffer.prototype[name.replace("UInt", "Uint")] = Buffer.prototype[name];
  }
  internals.Buffer = Buffer;
  internals.defineGlobal("Buffer", Buffer);
});
