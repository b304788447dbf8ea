module.exports = async () => {
  console.log("log", 1, true, null, undefined);
  console.info("info", { a: [1, 2], b: "x" });
  console.debug("debug", [1, { c: 3 }]);
  console.warn("warn", new Error("as a log argument"));
  console.error("error", "two", "strings");
  console.trace("trace");
  console.log({ nested: { undef: undefined, nan: NaN, date: new Date(0) } });
  console.log(10n, Symbol("sym"));
  const cyclic = { name: "c" };
  cyclic.self = cyclic;
  console.log("cycle:", cyclic);
  return { data: "logged" };
};
