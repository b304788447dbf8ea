// paste pako = pako/dist/browser/pako.umd.min.js
// Deflate, gzip and raw deflate round trips at different levels, as integrations compress payloads and
// read compressed responses.
module.exports = async () => {
  const hex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  const text = JSON.stringify(Array.from({ length: 200 }, (_, index) => ({ index, name: `item ${index % 17}`, ok: index % 3 === 0 })));
  const deflated = pako.deflate(text, { level: 9 });
  const gzipped = pako.gzip(text, { level: 6 });
  const raw = pako.deflateRaw("hello hello hello hello");
  const text8 = (bytes) => new TextDecoder().decode(bytes);
  return {
    data: {
      inputLength: text.length,
      deflatedLength: deflated.length,
      deflatedHead: hex(deflated.slice(0, 16)),
      gzippedLength: gzipped.length,
      gzipHeader: hex(gzipped.slice(0, 4)),
      roundTrip: text8(pako.inflate(deflated)) === text,
      gunzip: text8(pako.ungzip(gzipped)) === text,
      raw: hex(raw),
      rawBack: text8(pako.inflateRaw(raw)),
      levels: [1, 5, 9].map((level) => pako.deflate(text, { level }).length),
      corrupt: (() => {
        try {
          pako.inflate(new Uint8Array([1, 2, 3, 4]));
          return "no error";
        } catch (error) {
          return String(error);
        }
      })(),
    },
  };
};
