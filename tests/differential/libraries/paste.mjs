// Builds a block from a library driver (`libraries/NAME.js`) the way a developer pastes a published library
// into a code block: each `// paste NAME = PACKAGE/FILE` line names a bundled build under node_modules, which is
// put at the top of the block inside a function with a local `module` and `exports` (what its UMD or CommonJS
// wrapper looks for), and `NAME` is bound to what it exported. The driver's own code follows unchanged.
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
    pasted.push({ binding, file, bytes: Buffer.byteLength(bundle) });
    parts.push(
      `const ${binding} = (function () {\nlet module = { exports: {} };\nlet exports = module.exports;\n` +
        `${bundle}\nreturn module.exports;\n})();\n`,
    );
  }
  if (pasted.length === 0) throw new Error(`${driverFile} pastes no library: add a "// paste NAME = PACKAGE/FILE" line`);
  return { name: basename(driverFile, ".js"), source: parts.join("") + driver, pasted };
}
