// `require("string_decoder")`: `StringDecoder`, which turns bytes arriving in pieces into text without
// splitting a character (UTF-8, UTF-16LE), a base64 group or nothing (hex, latin1, ascii).
(function (host, internals) {
  "use strict";
  const Buffer = internals.Buffer;

  function normalize(encoding) {
    const name = String(encoding ?? "utf8").toLowerCase();
    const aliases = { "utf-8": "utf8", ucs2: "utf16le", "ucs-2": "utf16le", "utf-16le": "utf16le", binary: "latin1" };
    const normalized = aliases[name] ?? name;
    if (!["utf8", "utf16le", "base64", "base64url", "hex", "latin1", "ascii"].includes(normalized)) {
      throw internals.nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${encoding}`);
    }
    return normalized;
  }

  // Whole characters (or groups) only reach here; the host decodes them as `Buffer#toString` does.
  const decode = (bytes, encoding) => host.decodeBytes(bytes, encoding);

  class StringDecoder {
    #carry = new Uint8Array(0);
    constructor(encoding) {
      this.encoding = normalize(encoding);
    }
    write(buffer) {
      if (typeof buffer === "string") return buffer;
      if (!ArrayBuffer.isView(buffer)) {
        throw internals.invalidArgType("buf", "an instance of Buffer, TypedArray, or DataView", buffer);
      }
      const incoming = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      const all = this.#carry.length ? Buffer.concat([this.#carry, incoming]) : incoming;
      let keep = 0;
      if (this.encoding === "utf8") keep = internals.incompleteUtf8Tail(all);
      else if (this.encoding === "base64" || this.encoding === "base64url") keep = all.length % 3;
      else if (this.encoding === "utf16le") {
        keep = all.length % 2;
        // Node holds back a final high surrogate for its pair, but only when no odd byte is left over.
        if (keep === 0 && all.length >= 2 && (all[all.length - 1] & 0xfc) === 0xd8) keep = 2;
      }
      this.#carry = Uint8Array.from(all.subarray(all.length - keep));
      return decode(all.subarray(0, all.length - keep), this.encoding);
    }
    end(buffer) {
      let text = buffer === undefined ? "" : this.write(buffer);
      if (this.#carry.length > 0) {
        text += this.encoding === "utf16le" ? decode(this.#carry.subarray(0, this.#carry.length - (this.#carry.length % 2)), "utf16le") : decode(this.#carry, this.encoding);
        this.#carry = new Uint8Array(0);
      }
      return text;
    }
  }

  internals.defineModule("string_decoder", { StringDecoder });
});
