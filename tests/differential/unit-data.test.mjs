// The unit patterns the engine prints `Intl.NumberFormat`'s unit style with (vendor/boa_engine's tenth patch) are
// the pinned CLDR release's: the committed table is what scripts/unit-data.mjs writes from it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { generate, tablePath } from "../../scripts/unit-data.mjs";

test("the unit table is what the pinned CLDR release gives", () => {
  assert.equal(readFileSync(tablePath, "utf8"), generate(), "run `node scripts/unit-data.mjs` to rewrite it");
});
