// `internals.toBytes`, which Buffer, the text encoders, crypto and Blob share: loaded on its first call.
(function (host, internals) {
  "use strict";

  // The bytes a buffer source views as a Uint8Array, or null for anything else.
  internals.toBytes = function toBytes(value) {
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return null;
  };
});
