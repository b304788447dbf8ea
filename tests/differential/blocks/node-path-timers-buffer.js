// `require("path")` (POSIX), `require("timers")`, `require("timers/promises")` and `require("buffer")`.
const path = require("path");
const { setTimeout: sleep, setImmediate: nextTurn } = require("node:timers/promises");
const timers = require("timers");
const { Buffer: ModuleBuffer, constants } = require("buffer");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
};
module.exports = async () => {
  const order = [];
  const immediate = nextTurn("immediate").then((value) => order.push(value));
  timers.setTimeout(() => order.push("timeout"), 2);
  const slept = await sleep(20, "slept");
  await immediate;
  const controller = new AbortController();
  const cancelled = sleep(1000, "never", { signal: controller.signal }).catch((error) => ({ name: error.name, code: error.code }));
  controller.abort();
  return {
    data: {
      join: [path.join("/a/b", "../c", "./d.txt"), path.join("a", "", "b/"), path.join(), path.join("..", "x")],
      resolve: [path.resolve("/base", "rel/../file"), path.resolve("/a", "/b", "c")],
      normalize: [path.normalize("/a//b/../c/."), path.normalize("./x/../../y"), path.normalize(""), path.normalize("a/")],
      relative: [path.relative("/data/in/a", "/data/out/b"), path.relative("/a", "/a/b/c"), path.relative("/a/b", "/a")],
      dirname: ["/a/b/c.txt", "/a", "a", "/", "a/b/", "//x"].map((p) => path.dirname(p)),
      basename: [path.basename("/a/b/report.csv"), path.basename("/a/b/report.csv", ".csv"), path.basename("/a/b/"), path.basename("x.csv", "x.csv")],
      extname: ["index.html", "index.", ".profile", "a.b.c", "noext", "..", "a/.x.y"].map((p) => path.extname(p)),
      parse: [path.parse("/home/user/file.tar.gz"), path.parse("rel/name"), path.parse("/")],
      format: [path.format({ dir: "/out", name: "report", ext: "csv" }), path.format({ root: "/", base: "x.txt" })],
      absolute: [path.isAbsolute("/x"), path.isAbsolute("x")],
      constants: [path.sep, path.delimiter, path.posix === path, require("path/posix") === path],
      badArgument: caught(() => path.join("a", 42)),
      slept,
      order,
      cancelled: await cancelled,
      buffer: [ModuleBuffer === Buffer, constants.MAX_LENGTH > 0, typeof require("buffer").atob],
    },
  };
};
