module.exports = async () => {
  const bytes = new TextEncoder().encode("héllo 😀");
  const decoded = new TextDecoder().decode(bytes);
  let fatal;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xff, 0xfe]));
  } catch (error) {
    fatal = error.name;
  }
  return {
    data: {
      bytes: Array.from(bytes),
      decoded,
      lossy: new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62])),
      bom: new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).length,
      fatal,
      encoding: new TextDecoder().encoding,
      fromBuffer: new TextDecoder().decode(bytes.buffer),
    },
  };
};
