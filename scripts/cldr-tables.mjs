// Writes the CLDR tables the vendored Boa reads where ICU4X's baked data has nothing to give (its README, the tenth
// to twelfth patches), from CLDR's JSON release: the packages `cldr-units-full`, `cldr-dates-full`,
// `cldr-numbers-full` and `cldr-core`, pinned as devDependencies at the CLDR version Node 20's ICU carries.
//   - unit_data.rs: `Intl.NumberFormat`'s unit style. ICU4X names a few unit categories only (no bytes,
//     temperatures, speeds, per-unit patterns): ECMA-402's 45 sanctioned units, CLDR's own X-per-Y units among
//     them, and each language's pattern for joining the others.
//   - interval_data.rs: `Intl.DateTimeFormat`'s formatRange. ICU4X 2 has no date interval formatting: CLDR's
//     interval patterns by skeleton and greatest differing field, the fallback pattern and the date-time glue.
//   - pattern_data.rs: `Intl.DateTimeFormat`'s patterns. ICU4X chooses a pattern by field category; V8 asks ICU's
//     pattern generator for the best of CLDR's available formats for the exact fields and widths: the style
//     patterns, the date-time glue, the available formats and append items, and the regions that count 1-12.
//   - names_data.rs: `Intl.DisplayNames`' `calendar` and `dateTimeField` types. ICU4X has no such names: CLDR's
//     calendar names (`cldr-localenames-full`) by BCP 47 identifier, and its date fields' names in each width;
//     the short region names that are the region's code, which ICU4X's data leaves out.
//   - supported_values_data.rs: the lists `Intl.supportedValuesOf` gives: calendars, collations, currencies,
//     numbering systems, time zones (CLDR's canonical names, as ICU's) and units.
//   - range_data.rs: `Intl.NumberFormat`'s formatRange. ICU4X's number data has no range pattern, approximately
//     sign or plural ranges.
//   - currency_data.rs: the currency symbols, CLDR 48's where ICU4X's older data differs (Spanish `GBP`, French
//     `JPY`): each currency whose symbol is not its code, or whose narrow symbol is another, with whether each
//     starts and ends with a letter (CLDR's currency spacing: neither a symbol nor a space).
// Both for the covered locales and CLDR's root.
//
//   node scripts/cldr-tables.mjs          rewrites the tables
//   node scripts/cldr-tables.mjs --check  fails if a table is not what the pinned CLDR gives
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const intl = join(dirname(fileURLToPath(import.meta.url)), "..", "vendor/boa_engine/src/builtins/intl");

// The locales Blocksmith covers (en-US is CLDR's `en`; es-ES `es`; pt-BR `pt`), and the root for the others.
const LOCALES = ["en", "en-GB", "de", "fr", "es", "pt", "ja", "und"];

const rust = (text) => JSON.stringify(text);
const header = (what, packageName) => [
  `//! ${what}`,
  `//! Written by \`scripts/cldr-tables.mjs\` from CLDR ${require(`${packageName}/package.json`).version}'s JSON release`,
  `//! (the \`${packageName}\` package); do not edit by hand.`,
  "",
];

/**
 * The texts of one table as one string, each written as `Text(start, length)` (in bytes) in the entries. A table of
 * `&str` costs a pointer and a relocation per text, which for the unit and currency tables was a fifth of a megabyte
 * of the binary.
 */
class TextPool {
  text = "";
  bytes = 0;
  places = new Map();

  place(value) {
    if (!this.places.has(value)) {
      const length = Buffer.byteLength(value);
      this.places.set(value, `Text(${this.bytes}, ${length})`);
      this.text += value;
      this.bytes += length;
    }
    return this.places.get(value);
  }

  optional(value) {
    return value === null ? "None" : `Some(${this.place(value)})`;
  }

  declaration() {
    return ["/// Every text of the table, one after another; the entries name their place in it.", `pub(super) static TEXT: &str = ${rust(this.text)};`, ""];
  }
}

// ---- Units ----

const WIDTHS = ["long", "short", "narrow"];

// ECMA-402's IsSanctionedSingleUnitIdentifier, the list `number_format/options.rs` checks a unit against.
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
function readUnitWidth(units, locale, width) {
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
    entries.push({ name, one: value["unitPattern-count-one"] ?? null, other, per: value.perUnitPattern ?? null });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const missing = SANCTIONED.filter((name) => !entries.some((entry) => entry.name === name));
  if (missing.length > 0) throw new Error(`${locale} ${width}: CLDR has no ${missing.join(", ")}`);
  return { compound, entries };
}

function unitTable() {
  const pool = new TextPool();
  const lines = [
    "pub(super) static LOCALES: &[LocaleUnits] = &[",
  ];
  for (const locale of LOCALES) {
    const units = require(`cldr-units-full/main/${locale}/units.json`).main[locale].units;
    lines.push("    LocaleUnits {", `        locale: ${rust(locale)},`);
    for (const width of WIDTHS) {
      const { compound, entries } = readUnitWidth(units, locale, width);
      lines.push(`        ${width}_compound: ${rust(compound)},`, `        ${width}: &[`);
      for (const entry of entries) {
        lines.push(
          `            UnitPatterns { unit: ${pool.place(entry.name)}, one: ${pool.optional(entry.one)}, other: ${pool.place(entry.other)}, per: ${pool.optional(entry.per)} },`,
        );
      }
      lines.push("        ],");
    }
    lines.push("    },");
  }
  lines.push("];", "");
  return [
    ...header("CLDR's unit patterns for `Intl.NumberFormat`'s `unit` style, in the covered locales and the root.", "cldr-units-full"),
    "use super::unit::{LocaleUnits, UnitPatterns};",
    "use crate::builtins::intl::cldr_tables::Text;",
    "",
    ...pool.declaration(),
    ...lines,
  ].join("\n");
}

// ---- Date intervals ----

/** The letters of CLDR's greatest-differing-field keys that ICU reads (era, year, month, day, am/pm, hour, minute). */
const INTERVAL_FIELDS = /^[GyMdaBhHm]$/;

function intervalTable() {
  // The skeletons and patterns, most of the table's texts, go in one string (see TextPool).
  const pool = new TextPool();
  const lines = ["pub(super) static LOCALES: &[LocaleIntervals] = &["];
  for (const locale of LOCALES) {
    const formats = require(`cldr-dates-full/main/${locale}/ca-gregorian.json`).main[locale].dates.calendars.gregorian
      .dateTimeFormats;
    const { intervalFormatFallback: fallback, ...skeletons } = formats.intervalFormats;
    // ICU's default date-time glue (its DateTimePatterns' kDateTime entry) is CLDR's medium one.
    lines.push(
      "    LocaleIntervals {",
      `        locale: ${rust(locale)},`,
      `        fallback: ${rust(fallback)},`,
      `        date_time_glue: ${rust(formats.medium)},`,
      "        skeletons: &[",
    );
    for (const [skeleton, byField] of Object.entries(skeletons)) {
      const patterns = Object.entries(byField).map(([field, pattern]) => {
        if (!INTERVAL_FIELDS.test(field)) throw new Error(`${locale} ${skeleton}: unexpected field ${field}`);
        return `('${field}', ${pool.place(pattern)})`;
      });
      lines.push(`            (${pool.place(skeleton)}, &[${patterns.join(", ")}]),`);
    }
    lines.push("        ],", "    },");
  }
  lines.push("];", "");
  return [
    ...header("CLDR's date interval patterns for `Intl.DateTimeFormat`'s formatRange, in the covered locales and the root.", "cldr-dates-full"),
    "use super::interval::LocaleIntervals;",
    "use crate::builtins::intl::cldr_tables::Text;",
    "",
    ...pool.declaration(),
    ...lines,
  ].join("\n");
}

// ---- Date patterns ----

// ICU's date-time pattern generator's fields, in its order (UDATPG_*_FIELD): the appendItems key of each and the
// dateFields key whose display name an appendItem's {2} writes ("*" where CLDR has none).
const GENERATOR_APPEND_KEYS = ["Era", "Year", "Quarter", "Month", "Week", "*", "Day-Of-Week", "*", "*", "Day", "*", "Hour", "Minute", "Second", "*", "Timezone"];
const GENERATOR_FIELD_NAMES = ["era", "year", "quarter", "month", "week", "weekOfMonth", "weekday", "dayOfYear", "weekdayOfMonth", "day", "dayperiod", "hour", "minute", "second", "*", "zone"];
// ICU's appendItem where CLDR has none: "{0} ├{2}: {1}┤".
const DEFAULT_APPEND_ITEM = "{0} \u251C{2}: {1}\u2524";
const STYLES = ["full", "long", "medium", "short"];
const dayPeriodRules = require("cldr-core/supplemental/dayPeriods.json").supplemental.dayPeriodRuleSet;
/** The hour of a CLDR day period boundary (`"18:00"`); CLDR's periods start and end on the hour. */
const hour = (time) => {
  const [hours, minutes] = time.split(":").map(Number);
  if (minutes !== 0) throw new Error(`day period boundary ${time} is not on the hour`);
  return hours;
};

function patternTable() {
  // The available formats, most of the table's texts, go in one string (see TextPool).
  const pool = new TextPool();
  const lines = ["pub(super) static LOCALES: &[LocalePatterns] = &["];
  for (const locale of LOCALES) {
    const gregorian = require(`cldr-dates-full/main/${locale}/ca-gregorian.json`).main[locale].dates.calendars.gregorian;
    const fields = require(`cldr-dates-full/main/${locale}/dateFields.json`).main[locale].dates.fields;
    const zones = require(`cldr-dates-full/main/${locale}/timeZoneNames.json`).main[locale].dates.timeZoneNames;
    const formats = gregorian.dateTimeFormats;
    // CLDR's flexible day periods (`B`): each period's hours, and its format names in the abbreviated, wide and
    // narrow widths; noon is named only where the language's rules have it.
    const rules = dayPeriodRules[locale === "und" ? "root" : locale.split("-")[0]] ?? {};
    const periods = Object.entries(rules)
      .filter(([, rule]) => rule._from !== undefined)
      .map(([period, rule]) => `(${hour(rule._from)}, ${hour(rule._before)}, ${rust(period)})`);
    const periodNames = (period) => ["abbreviated", "wide", "narrow"].map((width) => gregorian.dayPeriods.format[width][period] ?? "");
    const namedPeriods = [...Object.keys(rules).filter((period) => period !== "midnight"), "am", "pm"];
    // ICU's generator (and its date-time styles) join a date and a time with the "atTime" glue where CLDR has it.
    const glue = gregorian["dateTimeFormats-atTime"]?.standard ?? formats;
    const list = (values) => `[${values.map(rust).join(", ")}]`;
    const appendItems = GENERATOR_APPEND_KEYS.map((key) => formats.appendItems[key] ?? DEFAULT_APPEND_ITEM);
    const fieldNames = GENERATOR_FIELD_NAMES.map((key, index) => fields[key]?.displayName ?? `F${index}`);
    // ICU reads a resource table's keys in code point order; variants by plural count or alternative are not
    // skeletons an options bag can ask for.
    const skeletons = Object.keys(formats.availableFormats)
      .filter((skeleton) => !skeleton.includes("-"))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    lines.push(
      "    LocalePatterns {",
      `        locale: ${rust(locale)},`,
      `        date_styles: ${list(STYLES.map((style) => gregorian.dateFormats[style]))},`,
      `        time_styles: ${list(STYLES.map((style) => gregorian.timeFormats[style]))},`,
      `        date_time_glue: ${list(STYLES.map((style) => glue[style]))},`,
      `        append_items: ${list(appendItems)},`,
      `        field_names: ${list(fieldNames)},`,
      `        day_periods: &[${periods.join(", ")}],`,
      `        day_period_names: &[${namedPeriods.map((period) => `(${rust(period)}, ${list(periodNames(period))})`).join(", ")}],`,
      // ICU4X writes a zone's offset with a hyphen-minus; CLDR 48 writes French ones with U+2212.
      `        offset_minus: ${rust(zones.hourFormat.split(";")[1].replace(/[Hm:]/g, ""))},`,
      "        skeletons: &[",
      ...skeletons.map((skeleton) => `            (${pool.place(skeleton)}, ${pool.place(formats.availableFormats[skeleton])}),`),
      "        ],",
      "    },",
    );
  }
  // The hour cycle a region prefers (CLDR's timeData): the regions that count 1-12 (every other one counts
  // 0-23), and the language-region pairs, which ICU reads first.
  const timeData = require("cldr-core/supplemental/timeData.json").supplemental.timeData;
  for (const [region, data] of Object.entries(timeData)) {
    if (!["h", "H"].includes(data._preferred)) throw new Error(`${region}: unexpected preferred hour ${data._preferred}`);
  }
  const entries = Object.entries(timeData).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const twelveHour = entries.filter(([key, data]) => !key.includes("-") && data._preferred === "h").map(([key]) => key);
  const pairs = entries.filter(([key]) => key.includes("-")).map(([key, data]) => `(${rust(key)}, '${data._preferred}')`);
  lines.push("];", "", "/// The regions whose preferred hour cycle is 1-12 (CLDR's timeData), space-separated; the others count 0-23.");
  lines.push(`pub(super) static TWELVE_HOUR_REGIONS: &str = ${rust(twelveHour.join(" "))};`, "");
  lines.push("/// The language-region pairs with a preferred hour letter of their own, read before the region's.");
  lines.push(`pub(super) static LANGUAGE_REGION_HOURS: &[(&str, char)] = &[${pairs.join(", ")}];`, "");
  return [
    ...header("CLDR's date and time patterns for `Intl.DateTimeFormat`, in the covered locales and the root: the styles, the date-time glue, and the skeletons and append items ICU's pattern generator chooses from.", "cldr-dates-full"),
    "use super::generator::LocalePatterns;",
    "use crate::builtins::intl::cldr_tables::Text;",
    "",
    ...pool.declaration(),
    ...lines,
  ].join("\n");
}

// ---- Calendar and date field names ----

// ECMA-402's date-time field codes and the CLDR date fields they name, in `DisplayNames`' order.
const DATE_TIME_FIELDS = [["era", "era"], ["year", "year"], ["quarter", "quarter"], ["month", "month"], ["weekOfYear", "week"], ["weekday", "weekday"], ["day", "day"], ["dayPeriod", "dayperiod"], ["hour", "hour"], ["minute", "minute"], ["second", "second"], ["timeZoneName", "zone"]];
// CLDR's calendar keys whose BCP 47 identifier differs (CLDR's bcp47/calendar.xml aliases).
const CALENDAR_IDENTIFIERS = { gregorian: "gregory", "ethiopic-amete-alem": "ethioaa" };

function displayNamesTable() {
  const lines = [
    ...header("CLDR's names of calendars and date fields for `Intl.DisplayNames`' `calendar` and `dateTimeField` types, the separator of a locale name's qualifiers and the short region names that are their code, in the covered locales and the root.", "cldr-localenames-full"),
    "use super::calendar_field_names::LocaleNames;",
    "",
    "pub(super) static LOCALES: &[LocaleNames] = &[",
  ];
  // The calendar systems CLDR's calendarData lists, and ISO 8601 (the Gregorian calendar with ISO weeks), which
  // CLDR names as a calendar type too.
  const calendars = [...Object.keys(require("cldr-core/supplemental/calendarData.json").supplemental.calendarData), "iso8601"];
  for (const locale of LOCALES) {
    const display = require(`cldr-localenames-full/main/${locale}/localeDisplayNames.json`).main[locale].localeDisplayNames;
    const types = display.types?.calendar ?? {};
    const fields = require(`cldr-dates-full/main/${locale}/dateFields.json`).main[locale].dates.fields;
    const names = calendars
      .filter((calendar) => types[calendar] !== undefined)
      .map((calendar) => [CALENDAR_IDENTIFIERS[calendar] ?? calendar, types[calendar]])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const widths = (field) => ["", "-short", "-narrow"].map((width) => rust(fields[`${field}${width}`].displayName));
    // Short region names that are the code itself (English `US`, `UN`): ICU4X's data leaves them out, as if no
    // short name existed, so its short style gives the long name.
    // The root has no region names.
    const territories = locale === "und" ? {} : require(`cldr-localenames-full/main/${locale}/territories.json`).main[locale].localeDisplayNames.territories;
    const shortAsCode = Object.entries(territories)
      .filter(([key, name]) => key.endsWith("-alt-short") && name === key.slice(0, -"-alt-short".length))
      .map(([, name]) => name)
      .sort();
    lines.push(
      "    LocaleNames {",
      `        locale: ${rust(locale)},`,
      // How a locale name's qualifiers are joined (`{0}, {1}`; Japanese `{0}、{1}`): ICU4X always writes ", ".
      `        locale_separator: ${rust(display.localeDisplayPattern.localeSeparator.replace("{0}", "").replace("{1}", ""))},`,
      `        calendars: &[${names.map(([calendar, name]) => `(${rust(calendar)}, ${rust(name)})`).join(", ")}],`,
      `        date_time_fields: [${DATE_TIME_FIELDS.map(([, field]) => `[${widths(field).join(", ")}]`).join(", ")}],`,
      `        short_regions_as_codes: &[${shortAsCode.map(rust).join(", ")}],`,
      "    },",
    );
  }
  lines.push("];", "");
  return lines.join("\n");
}

// ---- Supported values ----

// CLDR's collation type names whose BCP 47 identifier differs (CLDR's bcp47/collation.xml aliases).
const COLLATION_IDENTIFIERS = { dictionary: "dict", phonebook: "phonebk", traditional: "trad" };
// Collation types `Intl.supportedValuesOf` leaves out: ECMA-402 excludes `standard` and `search`; `ducet` is the
// root's order, which every locale starts from, and `core` names CLDR's shared data, neither a type to ask for.
const UNLISTED_COLLATIONS = ["core", "ducet", "search", "standard"];

function supportedValuesTable() {
  const sorted = (values) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const calendars = [...Object.keys(require("cldr-core/supplemental/calendarData.json").supplemental.calendarData), "iso8601"]
    .filter((calendar) => calendar !== "generic")
    .map((calendar) => CALENDAR_IDENTIFIERS[calendar] ?? calendar);
  const collations = Object.keys(require("cldr-localenames-full/main/en/localeDisplayNames.json").main.en.localeDisplayNames.types.collation)
    .filter((collation) => !UNLISTED_COLLATIONS.includes(collation) && !collation.includes("-alt-"))
    .map((collation) => COLLATION_IDENTIFIERS[collation] ?? collation);
  // The currencies some region uses as legal tender with no end date in CLDR's currency history.
  const currencyData = require("cldr-core/supplemental/currencyData.json").supplemental.currencyData;
  const currencies = Object.values(currencyData.region).flatMap((uses) =>
    uses.flatMap((use) => Object.entries(use).filter(([, period]) => period._to === undefined && period._tender !== "false").map(([code]) => code)),
  );
  const numberingSystems = Object.entries(require("cldr-core/supplemental/numberingSystems.json").supplemental.numberingSystems)
    .filter(([, system]) => system._type === "numeric")
    .map(([name]) => name);
  // The zones CLDR gives metazones for, by CLDR's canonical names (ICU's: `Asia/Calcutta`), less the `Etc/` ones.
  const timeZones = [];
  const walk = (node, path) => {
    for (const [key, value] of Object.entries(node)) {
      if (Array.isArray(value)) timeZones.push(`${path}${key}`);
      else walk(value, `${path}${key}/`);
    }
  };
  walk(require("cldr-core/supplemental/metaZones.json").supplemental.metaZones.metazoneInfo.timezone, "");
  const list = (name, doc, values) => [`/// ${doc}`, `pub(super) static ${name}: &str = ${rust(sorted(values).join(" "))};`, ""];
  return [
    ...header("The values `Intl.supportedValuesOf` lists for each key, each a space-separated list in code point order.", "cldr-core"),
    ...list("CALENDARS", "CLDR's calendar systems and ISO 8601, by BCP 47 identifier.", calendars),
    ...list("COLLATIONS", "CLDR's collation types that can be asked for, by BCP 47 identifier.", collations),
    ...list("CURRENCIES", "The currencies some region uses as legal tender today, by CLDR's currency history.", currencies),
    ...list("NUMBERING_SYSTEMS", "CLDR's numbering systems with digits of their own.", numberingSystems),
    ...list("TIME_ZONES", "The zones CLDR has names for, by CLDR's canonical identifiers, less `Etc/`.", timeZones.filter((zone) => !zone.startsWith("Etc/"))),
    ...list("UNITS", "ECMA-402's sanctioned units.", SANCTIONED),
  ].join("\n");
}

// ---- Number ranges ----

const PLURAL_CATEGORIES = { zero: "Zero", one: "One", two: "Two", few: "Few", many: "Many", other: "Other" };

function numberRangeTable() {
  const lines = [
    ...header("CLDR's number range patterns, approximately signs and plural ranges for `Intl.NumberFormat`'s formatRange.", "cldr-numbers-full"),
    "use icu_plurals::PluralCategory::*;",
    "",
    "use super::range::LocaleRanges;",
    "",
    "pub(super) static LOCALES: &[LocaleRanges] = &[",
  ];
  const pluralRanges = require("cldr-core/supplemental/pluralRanges.json").supplemental.plurals;
  for (const locale of LOCALES) {
    const numbers = require(`cldr-numbers-full/main/${locale}/numbers.json`).main[locale].numbers;
    const language = locale.split("-")[0];
    const ranges = Object.entries(pluralRanges[language] ?? {}).map(([key, result]) => {
      const [, start, end] = /^pluralRange-start-(\w+)-end-(\w+)$/.exec(key);
      return `(${PLURAL_CATEGORIES[start]}, ${PLURAL_CATEGORIES[end]}, ${PLURAL_CATEGORIES[result]})`;
    });
    lines.push(
      "    LocaleRanges {",
      `        locale: ${rust(locale)},`,
      `        approximately_sign: ${rust(numbers["symbols-numberSystem-latn"].approximatelySign)},`,
      `        range: ${rust(numbers["miscPatterns-numberSystem-latn"].range)},`,
      `        plural_ranges: &[${ranges.join(", ")}],`,
      "    },",
    );
  }
  lines.push("];", "");
  return lines.join("\n");
}

// ---- Currency symbols ----

/** Whether `character` is letter-like for CLDR's currency spacing (`[[:^S:]&[:^Z:]]`). */
const letterLike = (character) => !/[\p{S}\p{Z}]/u.test(character);

// The languages whose currency symbols are kept: the covered ones and those integrations most often format money
// for (the same as the ICU4X currency and percent patterns the engine packs, crates/engine/build/experimental_data.rs).
const CURRENCY_LANGUAGES = ["en", "de", "fr", "es", "pt", "ja", "it", "nl", "sv", "da", "nb", "no", "fi", "pl", "cs", "ru",
  "uk", "tr", "el", "hu", "ro", "zh", "ko", "he", "ar", "hi", "th", "id", "vi"];
/** The languages the engine's build packs ICU4X's number and relative-time patterns for, read from its source. */
function packedFormatLanguages() {
  const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "crates/engine/build/experimental_data.rs"), "utf8");
  const list = (name) => {
    const found = source.match(new RegExp(`const ${name}: &\\[&str\\] = &\\[([^\\]]*)\\]`));
    if (!found) throw new Error(`crates/engine/build/experimental_data.rs has no ${name}`);
    return [...found[1].matchAll(/"([a-z]+)"/g)].map((match) => match[1]);
  };
  return [...list("NAME_LANGUAGES"), ...list("MORE_FORMAT_LANGUAGES")];
}

// Locales a language-region tag reaches by its default script (the engine looks tables up by language and region).
const SCRIPT_REGIONS = { "zh-TW": "zh-Hant", "zh-HK": "zh-Hant-HK", "zh-MO": "zh-Hant-MO" };

/** A locale's currency symbols, by code: [symbol, narrow symbol], each the code itself when CLDR gives none. */
function currencySymbols(locale) {
  const currencies = require(`cldr-numbers-full/main/${locale}/currencies.json`).main[locale].numbers.currencies;
  const symbols = new Map();
  for (const code of Object.keys(currencies).sort()) {
    if (!/^[A-Z]{3}$/.test(code)) throw new Error(`${locale}: unexpected currency code ${code}`);
    const symbol = currencies[code].symbol ?? code;
    symbols.set(code, [symbol, currencies[code]["symbol-alt-narrow"] ?? symbol]);
  }
  return symbols;
}

/** What `symbols` says differently from `inherited` (a currency `inherited` lacks shows its code). */
function symbolsDiffering(symbols, inherited) {
  const differing = new Map();
  for (const [code, [symbol, narrow]] of symbols) {
    const [inheritedSymbol, inheritedNarrow] = inherited.get(code) ?? [code, code];
    if (symbol !== inheritedSymbol || narrow !== inheritedNarrow) differing.set(code, [symbol, narrow]);
  }
  return differing;
}

/**
 * The root's symbols whole, then for each kept language what it says differently from the root, and for each of
 * its regions what that says differently from the language: the engine looks a currency up in the region's, the
 * language's, then the root's entries, and shows its code when none has it.
 */
function currencyTable() {
  const pool = new TextPool();
  const currencySymbol = (text) => {
    const characters = [...text];
    return `CurrencySymbol { text: ${pool.place(text)}, starts_with_letter: ${letterLike(characters[0])}, ends_with_letter: ${letterLike(characters.at(-1))} }`;
  };
  const packed = packedFormatLanguages();
  if (packed.join() !== CURRENCY_LANGUAGES.join()) {
    throw new Error(`CURRENCY_LANGUAGES (${CURRENCY_LANGUAGES}) must be the languages build/experimental_data.rs packs (${packed})`);
  }
  const available = new Set(require("cldr-core/availableLocales.json").availableLocales.full);
  const root = currencySymbols("und");
  const tables = [["und", symbolsDiffering(root, new Map())]];
  for (const language of CURRENCY_LANGUAGES) {
    if (!available.has(language)) throw new Error(`CLDR has no locale ${language}`);
    const inherited = new Map([...root, ...currencySymbols(language)]);
    tables.push([language, symbolsDiffering(currencySymbols(language), root)]);
    const regions = [...available]
      .filter((locale) => locale.startsWith(`${language}-`) && /^[a-z]+-([A-Z]{2}|[0-9]{3})$/.test(locale))
      .map((locale) => [locale, locale]);
    for (const [tag, locale] of Object.entries(SCRIPT_REGIONS)) if (tag.startsWith(`${language}-`)) regions.push([tag, locale]);
    for (const [tag, locale] of regions.sort(([a], [b]) => (a < b ? -1 : 1))) {
      const differing = symbolsDiffering(new Map([...inherited, ...currencySymbols(locale)]), inherited);
      if (differing.size > 0) tables.push([tag, differing]);
    }
  }
  const lines = ["pub(super) static LOCALES: &[LocaleCurrencies] = &["];
  for (const [locale, symbols] of tables) {
    lines.push("    LocaleCurrencies {", `        locale: ${rust(locale)},`, "        symbols: &[");
    // Sorted by code: the engine searches each entry's list by halves.
    for (const [code, [symbol, narrow]] of [...symbols].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const narrowText = narrow !== symbol ? `Some(${currencySymbol(narrow)})` : "None";
      lines.push(`            (*b"${code}", ${currencySymbol(symbol)}, ${narrowText}),`);
    }
    lines.push("        ],", "    },");
  }
  lines.push("];", "");
  return [
    ...header("CLDR's currency symbols for `Intl.NumberFormat`'s currency style: the root's, then what each kept language and region says differently.", "cldr-numbers-full"),
    "use super::style::{CurrencySymbol, LocaleCurrencies};",
    "use crate::builtins::intl::cldr_tables::Text;",
    "",
    ...pool.declaration(),
    ...lines,
  ].join("\n");
}

/** Each table: where it goes and what it holds. */
export const tables = [
  { path: join(intl, "number_format/unit_data.rs"), generate: unitTable },
  { path: join(intl, "date_time_format/interval_data.rs"), generate: intervalTable },
  { path: join(intl, "date_time_format/pattern_data.rs"), generate: patternTable },
  { path: join(intl, "number_format/range_data.rs"), generate: numberRangeTable },
  { path: join(intl, "number_format/currency_data.rs"), generate: currencyTable },
  { path: join(intl, "display_names/names_data.rs"), generate: displayNamesTable },
  { path: join(intl, "supported_values_data.rs"), generate: supportedValuesTable },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  let stale = false;
  for (const { path, generate } of tables) {
    const text = generate();
    if (!check) {
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    } else if (readFileSync(path, "utf8") !== text) {
      console.error(`${path} is not what the pinned CLDR gives: run node scripts/cldr-tables.mjs`);
      stale = true;
    }
  }
  process.exit(stale ? 1 : 0);
}
