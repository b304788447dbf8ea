// The surface walk: a block that lists the public names of Node 20's built-in surface as the engine it runs
// on sees them. surface.test.mjs runs it in Node (reference.mjs) and in `blocksmith run` and compares the
// two lists. It is a block, not a harness, so each side is walked from where a block stands.
//
// What is walked, to two levels below each root:
// - every global (`Buffer`, `Intl`, `URL`, `console`, `process`, `crypto`, …): a constructor's own (static)
//   names and its prototype's own names (`Request.prototype.json` must be Request's own, as in Node); an
//   object's names wherever they sit on its prototype chain (`process.on` comes from EventEmitter), then
//   each member the same way (`Intl.DateTimeFormat.prototype.format`, `crypto.subtle.digest`);
// - each module a block can `require`, walked the same way (`require("zlib").gzipSync`).
// A name is `root.member` or `root.prototype.member`; a well-known symbol key is written `[Symbol.iterator]`.
// Left out: names that start with one underscore (Node's internals, not its surface), every function's own
// `length`, `name`, `arguments` and `caller`, and the `prototype` of a function that is not a constructor in
// spirit (one whose prototype holds nothing but `constructor`: Node's plain `function` methods have one where
// a class method has none).
const MODULES = ["assert", "assert/strict", "buffer", "crypto", "events", "os", "path", "path/posix", "querystring",
  "string_decoder", "timers", "timers/promises", "url", "util", "util/types", "zlib"];
const MAX_DEPTH = 2;
const FUNCTION_OWN = new Set(["length", "name", "arguments", "caller"]);

function keyName(key) {
  if (typeof key === "string") return /^_[^_]/.test(key) ? null : key;
  const description = key.description ?? "";
  return description.startsWith("Symbol.") ? `[${description}]` : null;
}

// Reading a property can throw (an accessor that checks its receiver): then there is nothing to walk into.
function read(object, key) {
  try {
    return object[key];
  } catch (_) {
    return undefined;
  }
}

// The keys to list for `object`, each with the descriptor that defines it: its own keys, and for an instance
// or namespace (`inherited`) those of its prototype chain short of Object.prototype.
function membersOf(object, inherited) {
  const members = new Map();
  for (let current = object; current !== null && current !== Object.prototype && current !== Function.prototype;
    current = inherited ? Object.getPrototypeOf(current) : null) {
    for (const key of Reflect.ownKeys(current)) {
      if (!members.has(key)) members.set(key, Object.getOwnPropertyDescriptor(current, key));
    }
  }
  return members;
}

function isBarePrototype(value) {
  return value === null || typeof value !== "object" || Reflect.ownKeys(value).every((key) => key === "constructor");
}

function walk(path, object, kind, depth, names, seen) {
  if (seen.has(object)) return;
  seen.add(object);
  for (const [key, descriptor] of membersOf(object, kind === "object")) {
    const name = keyName(key);
    if (name === null) continue;
    if (kind === "function" && (FUNCTION_OWN.has(key) || (key === "prototype" && isBarePrototype(descriptor.value)))) continue;
    const memberPath = `${path}.${name}`;
    names.add(memberPath);
    if (depth >= MAX_DEPTH || typeof key !== "string" || key === "constructor" || key === "prototype") continue;
    // An accessor on a prototype describes instances, so only an instance's or namespace's is read.
    const value = "value" in descriptor ? descriptor.value : kind === "object" ? read(object, key) : undefined;
    descend(memberPath, value, depth + 1, names, seen);
  }
}

function descend(path, value, depth, names, seen) {
  if (typeof value === "function") {
    walk(path, value, "function", depth, names, seen);
    const prototype = value.prototype;
    if (!isBarePrototype(prototype) && prototype !== Object.prototype) {
      walk(`${path}.prototype`, prototype, "prototype", depth, names, seen);
    }
  } else if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value) && !Array.isArray(value)) {
    walk(path, value, "object", depth, names, seen);
  }
}

module.exports = async () => {
  const names = new Set();
  const globals = Reflect.ownKeys(globalThis).filter((key) => typeof key === "string" && keyName(key) !== null);
  // Each root is walked on its own, so a global reached again as another's member is listed under both names.
  for (const key of globals.sort()) {
    names.add(key);
    descend(key, read(globalThis, key), 0, names, new Set([globalThis]));
  }
  for (const module of MODULES) {
    const root = `require("${module}")`;
    names.add(root);
    descend(root, require(module), 0, names, new Set([globalThis]));
  }
  return { data: [...names].sort() };
};
