// `require("buffer")`: the global `Buffer` with the module's other members Node blocks reach for.
(function (host, internals) {
  "use strict";
  const Buffer = internals.Buffer;
  const kMaxLength = 2 ** 32;
  const kStringMaxLength = 2 ** 29 - 24;
  internals.defineModule("buffer", {
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
  });
});
