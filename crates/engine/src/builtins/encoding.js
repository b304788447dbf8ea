// `TextEncoder`, `TextDecoder` (UTF-8), `atob`, `btoa`, and the base64, hex and UTF-8 helpers the other preludes
// share (`Blob`, `fetch`, `URL`, `crypto`); `Buffer` calls the host's codecs itself.
(function (host, internals) {
  "use strict";
  // Base64, hex and UTF-8 are the host's (host/text_codecs.rs): built a character at a time here, a large
  // buffer took seconds.
  internals.base64Encode = (bytes, url = false) => host.decodeBytes(bytes, url ? "base64url" : "base64");
  internals.base64Decode = (text) => host.encodeText(text, "base64");
  internals.hexEncode = (bytes) => host.decodeBytes(bytes, "hex");
  internals.hexDecode = (text) => host.encodeText(text, "hex");
  internals.utf8Encode = (text) => host.utf8Encode(text);
  internals.utf8Decode = (bytes) => host.utf8Decode(bytes, false, true);

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
    if (/[^\u0000-\u00ff]/.test(text)) throw new DOMException("Invalid character", "InvalidCharacterError");
    return internals.base64Encode(host.encodeText(text, "latin1"));
  });

  internals.defineGlobal("atob", function atob(data) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    let text = String(data).replace(/[\t\n\f\r ]/g, "");
    if (text.length % 4 === 0) text = text.replace(/==?$/, "");
    if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) {
      throw new DOMException("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
    }
    return host.decodeBytes(internals.base64Decode(text), "latin1");
  });
});
