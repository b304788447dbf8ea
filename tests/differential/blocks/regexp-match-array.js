// The array a match gives (the patched engine makes it from a template instead of defining each property in
// turn): its own keys in order, every property's descriptor, captures that did not participate (present and
// undefined), named groups, the `d` flag's indices, what `JSON.stringify` and `Object.entries` see, and the same
// array reached through `exec`, `match`, `matchAll`, `replace` with a function, `split` and a sticky expression.
module.exports = async () => {
  const describe = (match) =>
    match === null
      ? null
      : {
          isArray: Array.isArray(match),
          keys: Reflect.ownKeys(match),
          descriptors: Object.fromEntries(
            Reflect.ownKeys(match).map((key) => {
              const { value, writable, enumerable, configurable } = Object.getOwnPropertyDescriptor(match, key);
              return [key, { value: typeof value === "object" && value !== null ? "object" : value, writable, enumerable, configurable }];
            }),
          ),
          json: JSON.stringify(match),
          entries: Object.entries(match).map(([key, value]) => [key, typeof value === "object" ? JSON.stringify(value) : value]),
          inOperator: [0, 1, 2, 3].map((index) => index in match),
          groupsPrototype: match.groups === undefined ? "none" : Object.getPrototypeOf(match.groups),
          extensible: Object.isExtensible(match),
        };

  const simple = describe(/b+/.exec("abbbc"));
  const captures = describe(/(a)|(b)/.exec("xb"));
  const optional = describe(/(x)?(y)?z/.exec("yz"));
  const named = describe(/(?<year>\d{4})-(?<month>\d\d)(?:-(?<day>\d\d))?/.exec("on 2026-12"));
  const empty = describe(/(?:)/.exec(""));
  const unicode = describe(/(\u{1F600})(.)/u.exec("a😀é"));
  const latin1AndWide = [describe(/é(.)/.exec("café!")), describe(/€(.)/.exec("5€x"))];
  const noMatch = describe(/q/.exec("abc"));

  const withIndices = /(?<word>b+)(c)?/d.exec("abbd");
  const indices = {
    keys: Reflect.ownKeys(withIndices),
    indices: JSON.stringify(withIndices.indices),
    groups: JSON.stringify(withIndices.indices.groups),
    indexKeys: Reflect.ownKeys(withIndices.indices),
  };

  const changed = /a(b)/.exec("xab");
  changed.extra = "added";
  changed.index = 99;
  delete changed.input;
  changed.push("pushed");
  const afterChanges = describe(changed);

  const sticky = /a/y;
  sticky.lastIndex = 1;
  const stickyMatch = describe(sticky.exec("baa"));
  const stickyLastIndex = sticky.lastIndex;

  const global = /(\w)(\d)/g;
  const globalMatches = [];
  let found;
  while ((found = global.exec("a1 b2 c3")) !== null) globalMatches.push([found[0], found[1], found.index, global.lastIndex]);

  const stringMatch = describe("key=value".match(/(\w+)=(\w+)/));
  const matchAll = [..."a1b2".matchAll(/(?<letter>[a-z])(\d)/g)].map(describe);
  const replaced = "2026-12-05".replace(/(?<y>\d+)-(\d+)-(\d+)/, (...args) =>
    JSON.stringify(args.map((arg) => (typeof arg === "object" ? { ...arg } : arg))),
  );
  const split = "a1b22c".split(/(\d+)/);
  const search = "hello world".search(/o w/);

  class Logged extends RegExp {
    exec(string) {
      const result = super.exec(string);
      return result && { ...result, fromSubclass: true };
    }
  }
  const fromSubclass = "abc".replace(new Logged("b"), "[$&]");

  return {
    data: {
      simple, captures, optional, named, empty, unicode, latin1AndWide, noMatch, indices, afterChanges,
      stickyMatch, stickyLastIndex, globalMatches, stringMatch, matchAll, replaced, split, search, fromSubclass,
    },
  };
};
