// `require("buffer")`: the global `Buffer`, `Blob` and `File`, with the module's other members.
(function (host, internals) {
  "use strict";
  const Buffer = internals.Buffer;
  const kMaxLength = 2 ** 32;
  const kStringMaxLength = 2 ** 29 - 24;
  const moduleExports = {
    Buffer,
    kMaxLength,
    kStringMaxLength,
    constants: Object.freeze({ MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength }),
    INSPECT_MAX_BYTES: 50,
    atob: (data) => globalThis.atob(data),
    btoa: (data) => globalThis.btoa(data),
    isUtf8: (input) => {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(input);
        return true;
      } catch (_) {
        return false;
      }
    },
    isAscii: (input) => new Uint8Array(ArrayBuffer.isView(input) ? input.buffer : input).every((byte) => byte < 128),
    // The Blob behind a `URL.createObjectURL` URL of this run, or undefined.
    resolveObjectURL: (url) => (internals.resolveObjectURL ? internals.resolveObjectURL(url) : undefined),
    // Re-encodes text bytes between Node's text encodings.
    transcode(source, fromEncoding, toEncoding) {
      return Buffer.from(Buffer.from(source).toString(fromEncoding), toEncoding);
    },
    // Deprecated since Node 6; still exported.
    SlowBuffer: function SlowBuffer(size) {
      return Buffer.allocUnsafeSlow(size);
    },
  };
  // `Blob` and `File` are the globals', loaded (blob.js) when first read.
  for (const name of ["Blob", "File"]) {
    const get = () => {
      internals.loadPrelude("blob.js");
      return internals[name];
    };
    Object.defineProperty(moduleExports, name, { get, enumerable: true, configurable: true });
  }
  internals.defineModule("buffer", moduleExports);
});
