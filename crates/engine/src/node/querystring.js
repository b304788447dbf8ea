// `require("querystring")`: Node's form-encoding helpers (`parse`/`decode`, `stringify`/`encode`,
// `escape`, `unescape`), as used for `application/x-www-form-urlencoded` bodies and OAuth callbacks.
(function (host, internals) {
  "use strict";

  function escape(text) {
    return encodeURIComponent(typeof text === "string" ? text : String(text));
  }

  // The bytes `text` stands for: each `%XX` escape one byte, everything else its UTF-8 bytes (a malformed
  // escape stays as it is).
  function unescapeBuffer(text) {
    const bytes = [];
    const encoder = new TextEncoder();
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "%" && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
        bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        const code = text.codePointAt(i);
        const char = String.fromCodePoint(code);
        bytes.push(...encoder.encode(char));
        i += char.length - 1;
      }
    }
    return internals.Buffer.from(bytes);
  }

  // Node decodes what it can: a malformed escape is kept and invalid UTF-8 becomes U+FFFD, never an error.
  function unescape(text) {
    try {
      return decodeURIComponent(text);
    } catch (_) {
      return unescapeBuffer(text).toString();
    }
  }

  function stringifyPrimitive(value) {
    if (typeof value === "string") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "bigint") return String(value);
    if (typeof value === "boolean") return value ? "true" : "false";
    return "";
  }

  function stringify(object, separator = "&", equals = "=", options) {
    const encode = (options && typeof options.encodeURIComponent === "function") ? options.encodeURIComponent : qs.escape;
    if (object === null || typeof object !== "object") return "";
    const pairs = [];
    for (const key of Object.keys(object)) {
      const value = object[key];
      const encodedKey = `${encode(stringifyPrimitive(key))}${equals}`;
      if (Array.isArray(value)) {
        for (const item of value) pairs.push(encodedKey + encode(stringifyPrimitive(item)));
      } else {
        pairs.push(encodedKey + encode(stringifyPrimitive(value)));
      }
    }
    return pairs.join(separator || "&");
  }

  function parse(text, separator = "&", equals = "=", options) {
    const result = Object.create(null);
    if (typeof text !== "string" || text.length === 0) return result;
    const maxKeys = options && typeof options.maxKeys === "number" ? options.maxKeys : 1000;
    const decode = (options && typeof options.decodeURIComponent === "function") ? options.decodeURIComponent : qs.unescape;
    let pieces = text.split(separator || "&");
    if (maxKeys > 0) pieces = pieces.slice(0, maxKeys);
    for (const piece of pieces) {
      if (piece.length === 0 && pieces.length > 1) continue;
      const at = piece.indexOf(equals || "=");
      const rawKey = at >= 0 ? piece.slice(0, at) : piece;
      const rawValue = at >= 0 ? piece.slice(at + (equals || "=").length) : "";
      const key = decode(rawKey.replace(/\+/g, " "));
      const value = decode(rawValue.replace(/\+/g, " "));
      if (!(key in result)) result[key] = value;
      else if (Array.isArray(result[key])) result[key].push(value);
      else result[key] = [result[key], value];
    }
    return result;
  }

  const qs = {
    unescapeBuffer: (text) => unescapeBuffer(String(text)),
    unescape,
    escape,
    stringify,
    encode: stringify,
    parse,
    decode: parse,
  };
  internals.querystring = qs;
  internals.defineModule("querystring", qs);
});
