// Members the surface walk found missing and that now exist, used as Node's: process as an EventEmitter and
// getBuiltinModule, the Web Crypto classes, require("buffer")'s Blob/File/transcode/resolveObjectURL,
// util's deprecated checks and aborted, timers.promises, zlib.codes, AssertionError's toString and the
// Symbol.toStringTag of the web classes.
module.exports = async () => {
  const heard = [];
  const returned = process.on("job", (id) => heard.push(`on ${id}`));
  process.once("job", (id) => heard.push(`once ${id}`));
  process.emit("job", 1);
  process.emit("job", 2);
  const listenerCount = process.listenerCount("job");
  process.removeAllListeners("job");

  const buffer = require("buffer");
  const url = URL.createObjectURL(new buffer.Blob(["object url"]));
  const resolved = await buffer.resolveObjectURL(url).text();
  const util = require("util");
  const controller = new AbortController();
  const aborted = util.aborted(controller.signal, {}).then(() => "aborted resolved");
  controller.abort();

  let illegal;
  try {
    new SubtleCrypto();
  } catch (error) {
    illegal = error.name;
  }
  const key = await crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
  let assertion;
  try {
    require("assert").strictEqual(1, 2);
  } catch (error) {
    assertion = error.toString();
  }
  return {
    data: {
      heard,
      returnsProcess: returned === process,
      listenerCount,
      afterRemove: process.listenerCount("job"),
      builtin: [process.getBuiltinModule("path") === require("path"), process.getBuiltinModule("node:os").EOL,
        process.getBuiltinModule("no-such-module")],
      webCrypto: [crypto instanceof Crypto, crypto.subtle instanceof SubtleCrypto, illegal, String(crypto), String(crypto.subtle),
        String(key), key.type, key.extractable, key.usages, Object.keys(key), JSON.stringify(key)],
      buffer: [buffer.File === File, buffer.Blob === Blob, resolved, buffer.resolveObjectURL("blob:nodedata:unknown"),
        [...buffer.transcode(Buffer.from("hé"), "utf8", "latin1")], [...buffer.transcode(Buffer.from("hi"), "utf8", "ucs2")]],
      util: [util.isString("x"), util.isNumber(1), util.isNullOrUndefined(null), util.isPrimitive({}), util.isBuffer(Buffer.alloc(1)),
        util.isFunction(() => 1), util.isError(new TypeError()), util.isRegExp(/x/), util.isObject(null), util.debug === util.debuglog,
        util.types.isArgumentsObject((function () { return arguments; })()), util.types.isArgumentsObject([]), await aborted],
      timers: require("timers").promises === require("timers/promises"),
      zlibCodes: [require("zlib").codes.Z_DATA_ERROR, require("zlib").codes["-3"]],
      assertion,
      tags: [new TextEncoder(), new TextDecoder(), new AbortController(), new AbortController().signal, console].map((value) =>
        Object.prototype.toString.call(value)),
      randomAliases: ["pseudoRandomBytes", "prng", "rng"].map((name) => require("crypto")[name](4).length),
    },
  };
};
