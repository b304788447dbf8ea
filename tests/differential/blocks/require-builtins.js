// `require` of Node's built-in modules: the `node:` prefix names the same module object, and the errors
// for a missing package, an unknown `node:` name and a bad argument carry Node's codes.
const caught = (thunk) => {
  try {
    thunk();
    return "no error";
  } catch (error) {
    return { name: error.name, code: error.code, firstLine: error.message.split("\n")[0] };
  }
};
module.exports = async () => {
  const crypto = require("crypto");
  return {
    data: {
      sameObject: crypto === require("node:crypto"),
      type: typeof require,
      cryptoHasCreateHash: typeof crypto.createHash,
      missingPackage: caught(() => require("left-pad")),
      unknownBuiltin: caught(() => require("node:left-pad")),
      notAString: caught(() => require(42)),
      empty: caught(() => require("")),
    },
  };
};
