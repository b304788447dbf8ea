// `require("zlib")` as blocks use it on partner files: decompressing what Node compressed (gzip, deflate,
// raw deflate, brotli, multi-member gzip, `unzip`), compressing and reading back in every format, the
// callback form through `util.promisify`-style wrappers, and zlib's errors with their codes.
const zlib = require("node:zlib");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code, errno: error.errno, message: error.message };
  }
};
const viaCallback = (fn, ...args) => new Promise((resolve, reject) => fn(...args, (error, value) => (error ? reject(error) : resolve(value))));
module.exports = async ({ configVars: { partnerFiles } }) => {
  const file = (name) => Buffer.from(partnerFiles[name], "base64");
  const text = zlib.gunzipSync(file("gzip")).toString();
  const sample = "Grüße from the partner feed ".repeat(50);
  const roundTrips = {};
  for (const [pack, unpack] of [["gzip", "gunzip"], ["deflate", "inflate"], ["deflateRaw", "inflateRaw"], ["brotliCompress", "brotliDecompress"]]) {
    const packed = zlib[`${pack}Sync`](sample);
    roundTrips[pack] = {
      back: zlib[`${unpack}Sync`](packed).toString() === sample,
      smaller: packed.length < Buffer.byteLength(sample) / 5,
      viaCallback: (await viaCallback(zlib[unpack], await viaCallback(zlib[pack], sample))).toString() === sample,
    };
  }
  const truncated = zlib.gzipSync("hello world").subarray(0, 12);
  const corrupt = zlib.deflateSync("hello world");
  corrupt[corrupt.length - 1] ^= 1;
  let callbackError;
  await viaCallback(zlib.gunzip, Buffer.from("not gzip")).catch((error) => {
    callbackError = { code: error.code, message: error.message };
  });
  return {
    data: {
      rows: JSON.parse(text).rows.length,
      deflate: zlib.inflateSync(file("deflate")).toString() === text,
      raw: zlib.inflateRawSync(file("raw")).toString() === text,
      brotli: zlib.brotliDecompressSync(file("brotli")).toString() === text,
      unzipGzip: zlib.unzipSync(file("gzip")).toString() === text,
      unzipDeflate: zlib.unzipSync(file("deflate")).toString() === text,
      multiMember: zlib.gunzipSync(file("multiMember")).toString(),
      roundTrips,
      gzipHeader: [...zlib.gzipSync("x").subarray(0, 10)],
      brotliSmallQuality: zlib.brotliDecompressSync(zlib.brotliCompressSync(sample, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })).length,
      levels: [0, 1, 9].map((level) => zlib.inflateSync(zlib.deflateSync(sample, { level })).length),
      fromUint8Array: zlib.gunzipSync(new Uint8Array(zlib.gzipSync("typed"))).toString(),
      notGzip: caught(() => zlib.gunzipSync(Buffer.from("hello"))),
      notDeflate: caught(() => zlib.inflateSync(Buffer.from("hello"))),
      truncated: caught(() => zlib.gunzipSync(truncated)),
      corrupt: caught(() => zlib.inflateSync(corrupt)),
      brotliTruncated: caught(() => zlib.brotliDecompressSync(zlib.brotliCompressSync(sample).subarray(0, 5))),
      callbackError,
      notABuffer: caught(() => zlib.gzipSync(42)),
      badLevel: caught(() => zlib.deflateSync("x", { level: 12 })),
      constants: [zlib.constants.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.constants.BROTLI_PARAM_QUALITY],
    },
  };
};
