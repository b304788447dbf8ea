// The CLDR tables the vendored Boa prints with (unit patterns, date interval patterns) are the pinned CLDR
// release's: each committed table is what scripts/cldr-tables.mjs writes from it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { tables } from "../../scripts/cldr-tables.mjs";

for (const { path, generate } of tables) {
  test(`${relative(process.cwd(), path)} is what the pinned CLDR release gives`, () => {
    assert.equal(readFileSync(path, "utf8"), generate(), "run `node scripts/cldr-tables.mjs` to rewrite it");
  });
}
