// Buffer's text encodings as Node converts them, edge cases and large data: base64 that skips foreign characters
// and stops at padding, base64url, hex that stops at the first pair that is not hex, latin1 and ascii with code
// units above 255, utf16le with lone surrogates and odd lengths, UTF-8 with invalid sequences, atob/btoa, and a
// megabyte through each encoding and back (it took over 30 s in JavaScript on Boa; the host converts it now), and
// through string_decoder in pieces.
module.exports = async () => {
  const crypto = require("crypto");
  const hex = (buffer) => buffer.toString("hex");
  const bytes = Buffer.from([0x00, 0x7f, 0x80, 0xe9, 0xff, 0x41, 0xd8, 0x00, 0x0a]);
  const decoded = {};
  for (const encoding of ["utf8", "utf16le", "base64", "base64url", "hex", "latin1", "binary", "ascii", "ucs2"]) {
    decoded[encoding] = [...bytes.toString(encoding)].map((character) => character.codePointAt(0));
  }
  const encoded = {
    base64: ["aGVs bG8=", "aGVsbG8\n", "YQ==YQ==", "_-8=AAAA", "a", "YWJj\u00e9ZA", "", "===", "QUJD\r\nREVG"].map((text) => hex(Buffer.from(text, "base64"))),
    base64url: ["YW Jj", "-_-_", "YWJj="].map((text) => hex(Buffer.from(text, "base64url"))),
    hex: ["1g", "0aFFzz10", "abc", " 1", "DEADbeef", ""].map((text) => hex(Buffer.from(text, "hex"))),
    latin1: hex(Buffer.from("é€\u0100ÿ", "latin1")),
    ascii: hex(Buffer.from("é€\u0100ÿ", "ascii")),
    utf16le: hex(Buffer.from("é€\ud800x\udc00", "utf16le")),
    utf8: hex(Buffer.from("é€\ud800x", "utf8")),
    oddUtf16: Buffer.from([0x41, 0x00, 0x42]).toString("utf16le"),
    invalidUtf8: Buffer.from([0xe2, 0x82, 0x41, 0xc0, 0xaf, 0xf0, 0x9f, 0x98, 0x80]).toString(),
    written: (() => {
      const target = Buffer.alloc(8);
      return [target.write("ffee", "hex"), target.write("AQID", 2, "base64"), hex(target)];
    })(),
    btoa: btoa("\u00ff\u00fe binary"),
    atob: [...atob("//4gYmluYXJ5")].map((character) => character.charCodeAt(0)),
  };

  // One megabyte of every byte value, through each encoding and back.
  const large = Buffer.alloc(1 << 20);
  for (let i = 0; i < large.length; i++) large[i] = (i * 7 + (i >> 8)) & 255;
  const roundTrips = {};
  for (const encoding of ["base64", "base64url", "hex", "latin1", "utf16le"]) {
    const text = large.toString(encoding);
    roundTrips[encoding] = {
      length: text.length,
      digest: crypto.createHash("sha256").update(text).digest("hex"),
      back: Buffer.from(text, encoding).equals(large),
    };
  }
  const utf8Text = large.toString("utf8");
  roundTrips.utf8 = { length: utf8Text.length, digest: crypto.createHash("sha256").update(utf8Text).digest("hex") };

  // The same text arriving in 64 KB pieces through string_decoder, whose pieces split characters and groups.
  const { StringDecoder } = require("string_decoder");
  const text = "héllo wörld 😀 ".repeat(40000);
  const pieces = {};
  for (const encoding of ["utf8", "utf16le", "base64", "hex", "latin1"]) {
    const source = Buffer.from(text, encoding === "base64" || encoding === "hex" ? "utf8" : encoding);
    const decoder = new StringDecoder(encoding);
    let result = "";
    for (let i = 0; i < source.length; i += 65537) result += decoder.write(source.subarray(i, i + 65537));
    result += decoder.end();
    pieces[encoding] = { length: result.length, digest: crypto.createHash("sha256").update(result).digest("hex") };
  }
  return { data: { decoded, encoded, roundTrips, pieces } };
};
