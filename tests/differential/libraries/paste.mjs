// Builds a block from a library driver (`libraries/NAME.js`) the way a developer pastes a published library
// into a code block: each `// paste NAME = PACKAGE/FILE` line names a bundled build under node_modules, which is
// put at the top of the block inside a function with a local `module` and `exports` (what its UMD or CommonJS
// wrapper looks for), and `NAME` is bound to what it exported. A bundle pasted after others also gets a local
// `require`, which answers a package pasted above it (a plugin's `require("moment")`) and leaves any other name
// to the block's own `require`. The driver's own code follows unchanged.
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const nodeModules = resolve(here, "../../../node_modules");
const PASTE = /^\/\/ paste ([A-Za-z_$][\w$]*) = (\S+)$/;

/** The library drivers, as file paths. */
export function libraryDrivers(names) {
  return names.map((name) => join(here, `${name}.js`));
}

/** The npm package a bundle's path under node_modules belongs to: `moment` or `@scope/name`. */
function packageOf(file) {
  const segments = file.split("/");
  return segments[0].startsWith("@") ? segments.slice(0, 2).join("/") : segments[0];
}

/** `{ name, source, pasted: [{ binding, file, bytes }] }` for the driver at `driverFile`. */
export function pastedBlock(driverFile) {
  const driver = readFileSync(driverFile, "utf8");
  const pasted = [];
  const parts = [];
  for (const line of driver.split("\n")) {
    const paste = PASTE.exec(line);
    if (!paste) continue;
    const [, binding, file] = paste;
    const bundle = readFileSync(join(nodeModules, file), "utf8");
    // The first bundle pasted from a package is the package itself (a plugin from the same package comes after it).
    const above = new Map();
    for (const earlier of pasted) if (!above.has(packageOf(earlier.file))) above.set(packageOf(earlier.file), earlier.binding);
    const entries = [...above].map(([name, earlier]) => `${JSON.stringify(name)}: ${earlier}`);
    const require = entries.length
      ? `const require = ((pasted, outer) => (id) => (Object.prototype.hasOwnProperty.call(pasted, id) ? pasted[id] : outer(id)))` +
        `({ ${entries.join(", ")} }, globalThis.require);\n`
      : "";
    pasted.push({ binding, file, bytes: Buffer.byteLength(bundle) });
    parts.push(
      `const ${binding} = (function () {\nlet module = { exports: {} };\nlet exports = module.exports;\n${require}` +
        `${bundle}\nreturn module.exports;\n})();\n`,
    );
  }
  if (pasted.length === 0) throw new Error(`${driverFile} pastes no library: add a "// paste NAME = PACKAGE/FILE" line`);
  return { name: basename(driverFile, ".js"), source: parts.join("") + driver, pasted };
}
