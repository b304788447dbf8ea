// `TextEncoder`, `TextDecoder` (UTF-8), `atob`, `btoa`, and the base64/hex helpers `Buffer` shares.
(function (host, internals) {
  "use strict";
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const decodeTable = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) decodeTable[alphabet.charCodeAt(i)] = i;
  decodeTable["-".charCodeAt(0)] = 62; // base64url
  decodeTable["_".charCodeAt(0)] = 63;

  internals.base64Encode = function base64Encode(bytes, url = false) {
    const chars = url ? alphabet.slice(0, 62) + "-_" : alphabet;
    let out = "";
    let i = 0;
    for (; i + 2 < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out += chars[n >> 18] + chars[(n >> 12) & 63] + chars[(n >> 6) & 63] + chars[n & 63];
    }
    const rest = bytes.length - i;
    if (rest === 1) {
      const n = bytes[i] << 16;
      out += chars[n >> 18] + chars[(n >> 12) & 63] + (url ? "" : "==");
    } else if (rest === 2) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
      out += chars[n >> 18] + chars[(n >> 12) & 63] + chars[(n >> 6) & 63] + (url ? "" : "=");
    }
    return out;
  };

  // Lenient like Node's Buffer: characters outside the alphabet are skipped, decoding stops at "=".
  internals.base64Decode = function base64Decode(text) {
    const out = new Uint8Array(Math.ceil((text.length * 3) / 4));
    let length = 0;
    let bits = 0;
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 61) break; // "="
      const value = code < 128 ? decodeTable[code] : -1;
      if (value < 0) continue;
      bits = (bits << 6) | value;
      count += 6;
      if (count >= 8) {
        count -= 8;
        out[length++] = (bits >> count) & 255;
      }
    }
    return out.subarray(0, length);
  };

  internals.hexEncode = function hexEncode(bytes) {
    let out = "";
    for (let i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return out;
  };

  internals.hexDecode = function hexDecode(text) {
    const out = new Uint8Array(text.length >> 1);
    let length = 0;
    for (let i = 0; i + 1 < text.length; i += 2) {
      const byte = parseInt(text.slice(i, i + 2), 16);
      if (Number.isNaN(byte)) break; // Node stops at the first pair that is not hex.
      out[length++] = byte;
    }
    return out.subarray(0, length);
  };

  internals.utf8Encode = (text) => host.utf8Encode(text);
  internals.utf8Decode = (bytes) => host.utf8Decode(bytes, false, true);

  internals.toBytes = function toBytes(value) {
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return null;
  };

  class TextEncoder {
    get encoding() {
      return "utf-8";
    }
    encode(input = "") {
      return host.utf8Encode(String(input));
    }
    encodeInto(source, destination) {
      const bytes = host.utf8Encode(String(source));
      // Only whole characters are written: back off from a cut multi-byte sequence.
      let written = Math.min(bytes.length, destination.length);
      while (written > 0 && written < bytes.length && (bytes[written] & 0xc0) === 0x80) written--;
      destination.set(bytes.subarray(0, written));
      const read = host.utf8Decode(bytes.subarray(0, written), false, true).length;
      return { read, written };
    }
    get [Symbol.toStringTag]() {
      return "TextEncoder";
    }
  }
  internals.defineGlobal("TextEncoder", TextEncoder);

  const utf8Labels = new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);
  class TextDecoder {
    #fatal;
    #ignoreBOM;
    constructor(label = "utf-8", options = {}) {
      const normalized = String(label).trim().toLowerCase();
      if (!utf8Labels.has(normalized)) {
        throw new RangeError(`The "${label}" encoding is not supported`);
      }
      this.#fatal = Boolean(options && options.fatal);
      this.#ignoreBOM = Boolean(options && options.ignoreBOM);
    }
    get encoding() {
      return "utf-8";
    }
    get fatal() {
      return this.#fatal;
    }
    get ignoreBOM() {
      return this.#ignoreBOM;
    }
    decode(input) {
      if (input === undefined) return "";
      const bytes = internals.toBytes(input);
      if (bytes === null) {
        throw new TypeError(
          'The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.',
        );
      }
      return host.utf8Decode(bytes, this.#fatal, this.#ignoreBOM);
    }
    get [Symbol.toStringTag]() {
      return "TextDecoder";
    }
  }
  internals.defineGlobal("TextDecoder", TextDecoder);

  internals.defineGlobal("btoa", function btoa(data) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    const text = String(data);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 255) throw new DOMException("Invalid character", "InvalidCharacterError");
      bytes[i] = code;
    }
    return internals.base64Encode(bytes);
  });

  internals.defineGlobal("atob", function atob(data) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    let text = String(data).replace(/[\t\n\f\r ]/g, "");
    if (text.length % 4 === 0) text = text.replace(/==?$/, "");
    if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) {
      throw new DOMException("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
    }
    const bytes = internals.base64Decode(text);
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    }
    return out;
  });
});
