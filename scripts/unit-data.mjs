// Writes the unit patterns of `Intl.NumberFormat`'s `unit` style (the vendored Boa's tenth patch) from CLDR's JSON
// release, pinned as the devDependency `cldr-units-full` at the CLDR version Node 20's ICU carries.
// ICU4X's baked data has names for a few unit categories only (no bytes, temperatures, speeds, per-unit patterns),
// so the engine reads this table instead: ECMA-402's 45 sanctioned units, CLDR's own X-per-Y units among them, and
// each language's pattern for joining the others, in the covered locales and CLDR's root.
//
//   node scripts/unit-data.mjs          rewrites the table
//   node scripts/unit-data.mjs --check  fails if the table is not what the pinned CLDR gives
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const tablePath = join(
  root,
  "vendor/boa_engine/src/builtins/intl/number_format/unit_data.rs",
);

// The locales Blocksmith covers (en-US is CLDR's `en`; es-ES `es`; pt-BR `pt`), and the root for the others.
const LOCALES = ["en", "en-GB", "de", "fr", "es", "pt", "ja", "und"];
const WIDTHS = ["long", "short", "narrow"];

// ECMA-402's IsSanctionedSingleUnitIdentifier, the list `options.rs` checks a unit against.
const SANCTIONED = [
  "acre", "bit", "byte", "celsius", "centimeter", "day", "degree", "fahrenheit", "fluid-ounce", "foot", "gallon",
  "gigabit", "gigabyte", "gram", "hectare", "hour", "inch", "kilobit", "kilobyte", "kilogram", "kilometer", "liter",
  "megabit", "megabyte", "meter", "microsecond", "mile", "mile-scandinavian", "milliliter", "millimeter",
  "millisecond", "minute", "month", "nanosecond", "ounce", "percent", "petabyte", "pound", "second", "stone",
  "terabit", "terabyte", "week", "yard", "year",
];

/** CLDR names a unit with its category first (`speed-kilometer-per-hour`); ECMA-402 without it. */
function ecmaName(cldrKey) {
  const name = cldrKey.slice(cldrKey.indexOf("-") + 1);
  if (SANCTIONED.includes(name)) return name;
  const [numerator, denominator, ...rest] = name.split("-per-");
  if (rest.length === 0 && SANCTIONED.includes(numerator) && SANCTIONED.includes(denominator)) return name;
  return null;
}

/** One width of one locale: its units, sorted for a binary search, and its pattern for joining X-per-Y. */
function readWidth(units, locale, width) {
  const table = units[width];
  const compound = table.per?.compoundUnitPattern;
  if (!compound) throw new Error(`${locale} ${width}: CLDR has no per pattern`);
  const entries = [];
  for (const [key, value] of Object.entries(table)) {
    const name = ecmaName(key);
    if (name === null) continue;
    for (const field of Object.keys(value)) {
      // Units' plural forms in these languages are one and other only; a new category needs the engine to read it.
      if (/^unitPattern-count-(?!one$|other$)/.test(field)) {
        throw new Error(`${locale} ${width} ${key}: unexpected plural form ${field}`);
      }
    }
    const other = value["unitPattern-count-other"];
    if (!other) throw new Error(`${locale} ${width} ${key}: no pattern for "other"`);
    entries.push({
      name,
      one: value["unitPattern-count-one"] ?? null,
      other,
      per: value.perUnitPattern ?? null,
    });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const missing = SANCTIONED.filter((name) => !entries.some((entry) => entry.name === name));
  if (missing.length > 0) throw new Error(`${locale} ${width}: CLDR has no ${missing.join(", ")}`);
  return { compound, entries };
}

const rust = (text) => JSON.stringify(text);
const option = (text) => (text === null ? "None" : `Some(${rust(text)})`);

/** The Rust source of the table. */
export function generate() {
  const version = require("cldr-units-full/package.json").version;
  const lines = [
    `//! CLDR ${version}'s unit patterns for \`Intl.NumberFormat\`'s \`unit\` style, in the covered locales and the root.`,
    "//! Written by `scripts/unit-data.mjs` from the `cldr-units-full` package; do not edit by hand.",
    "",
    "use super::unit::{LocaleUnits, UnitPatterns};",
    "",
    "pub(super) static LOCALES: &[LocaleUnits] = &[",
  ];
  for (const locale of LOCALES) {
    const units = require(`cldr-units-full/main/${locale}/units.json`).main[locale].units;
    lines.push("    LocaleUnits {", `        locale: ${rust(locale)},`);
    for (const width of WIDTHS) {
      const { compound, entries } = readWidth(units, locale, width);
      lines.push(`        ${width}_compound: ${rust(compound)},`, `        ${width}: &[`);
      for (const entry of entries) {
        lines.push(
          `            UnitPatterns { unit: ${rust(entry.name)}, one: ${option(entry.one)}, other: ${rust(entry.other)}, per: ${option(entry.per)} },`,
        );
      }
      lines.push("        ],");
    }
    lines.push("    },");
  }
  lines.push("];", "");
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const table = generate();
  if (process.argv.includes("--check")) {
    if (readFileSync(tablePath, "utf8") !== table) {
      console.error(`${tablePath} is not what the pinned CLDR gives: run node scripts/unit-data.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(tablePath, table);
    console.log(`wrote ${tablePath}`);
  }
}
