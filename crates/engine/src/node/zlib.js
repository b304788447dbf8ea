// `require("zlib")`: gzip, deflate (zlib-wrapped), raw deflate and brotli in both directions, in their
// Sync and callback forms (and so through `util.promisify`); `unzip` reads gzip or zlib data. The work is
// done in Rust (host/zlib.rs) on a whole buffer; the streaming classes (`createGzip`, …) are not provided.
(function (host, internals) {
  "use strict";
  const native = host.moduleHost("zlib");
  const Buffer = internals.Buffer;
  const { invalidArgType, nodeError } = internals;

  const constants = Object.freeze({
    Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
    Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
    BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
    BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
    BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11,
    BROTLI_PARAM_LGWIN: 2, BROTLI_PARAM_SIZE_HINT: 5,
  });

  function inputBytes(buffer) {
    if (typeof buffer === "string") return Buffer.from(buffer);
    if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
    if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    throw invalidArgType("buffer", "of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer", buffer);
  }

  function asBuffer(bytes) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  function deflateLevel(options) {
    const level = options && options.level !== undefined ? options.level : constants.Z_DEFAULT_COMPRESSION;
    if (typeof level !== "number") throw invalidArgType("options.level", "of type number", level);
    if (!Number.isInteger(level) || level < -1 || level > 9) {
      throw nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "options.level" is out of range. It must be >= -1 and <= 9. Received ${level}`);
    }
    return level;
  }

  function brotliQuality(options) {
    const params = (options && options.params) || {};
    const quality = params[constants.BROTLI_PARAM_QUALITY] ?? constants.BROTLI_DEFAULT_QUALITY;
    if (!Number.isInteger(quality) || quality < 0 || quality > 11) {
      throw nodeError(RangeError, "ERR_BROTLI_INVALID_PARAM", `${constants.BROTLI_PARAM_QUALITY} is not a valid Brotli parameter`);
    }
    return quality;
  }

  // name → [host format, compressing, level from options]
  const operations = {
    gzip: ["gzip", true, deflateLevel],
    gunzip: ["gzip", false],
    deflate: ["deflate", true, deflateLevel],
    inflate: ["deflate", false],
    deflateRaw: ["raw", true, deflateLevel],
    inflateRaw: ["raw", false],
    unzip: ["unzip", false],
    brotliCompress: ["brotli", true, brotliQuality],
    brotliDecompress: ["brotli", false],
  };

  // zlib's return codes by name and, as in Node, by number.
  const codes = { Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6 };
  for (const [name, code] of Object.entries(codes)) codes[code] = name;
  const zlib = { constants, codes };
  for (const [name, [format, compressing, level]] of Object.entries(operations)) {
    const sync = function (buffer, options) {
      const bytes = inputBytes(buffer);
      const output = compressing ? native.compress(format, bytes, level(options)) : native.decompress(format, bytes);
      return asBuffer(output);
    };
    Object.defineProperty(sync, "name", { value: `${name}Sync` });
    const withCallback = function (buffer, options, callback) {
      if (typeof options === "function") [options, callback] = [{}, options];
      if (typeof callback !== "function") throw invalidArgType("callback", "of type function", callback);
      // Node compresses on its thread pool; here the work is done at once and the callback called from a
      // timer, so it still runs after the caller's code, as in Node.
      let result;
      try {
        result = [null, sync(buffer, options)];
      } catch (error) {
        if (error.code === "ERR_INVALID_ARG_TYPE" || error.code === "ERR_OUT_OF_RANGE") throw error;
        result = [error];
      }
      host.setTimer(callback, 0, false, true, result);
    };
    Object.defineProperty(withCallback, "name", { value: name });
    zlib[`${name}Sync`] = sync;
    zlib[name] = withCallback;
  }
  Object.assign(zlib, constants);

  internals.defineModule("zlib", zlib);
});
