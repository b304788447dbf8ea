// The globals that load on first use (Blocksmith makes them accessors that load their prelude when read) behave
// as Node's plain globals do: assigned before they are read, assigned after, deleted, read through `typeof`, `in`
// and `Object.getOwnPropertyDescriptor`, and left alone when another module that needs them loads later.
module.exports = async () => {
  const before = {
    typeofUrl: typeof URL,
    inGlobal: "TextDecoder" in globalThis,
    enumerable: ["fetch", "atob", "TextEncoder", "Buffer", "URL", "console"].map((name) => [
      name,
      Object.prototype.propertyIsEnumerable.call(globalThis, name),
    ]),
  };

  // Assigned before anything read it: the block's value stays, even when a module that needs the global loads.
  globalThis.Buffer = "mine";
  const hash = require("crypto").createHash("sha256").update("x").digest("hex").slice(0, 8);
  const assignedBeforeRead = [Buffer, typeof globalThis.Buffer, hash];

  // Assigned after it was read.
  const encoder = new TextEncoder();
  TextEncoder = 42;
  const assignedAfterRead = [TextEncoder, Array.from(encoder.encode("hi"))];

  // Deleted before it was read, and read after.
  const deleted = delete globalThis.URLSearchParams;
  const afterDelete = [deleted, typeof URLSearchParams, "URLSearchParams" in globalThis];

  // Read twice: the same value each time.
  const sameValue = structuredClone === structuredClone && console === globalThis.console;

  // A global the block defines itself with a name of its own sits beside them.
  globalThis.myOwn = 1;

  return {
    data: {
      before,
      assignedBeforeRead,
      assignedAfterRead,
      afterDelete,
      sameValue,
      global: global === globalThis,
      globalEnumerable: Object.keys(globalThis).includes("global"),
      ownLast: Object.keys(globalThis).filter((name) => ["global", "myOwn"].includes(name)),
    },
  };
};
