//! The `unit` style's text (`50.5 km/h`, `1 Kilogramm`, `3 megabytes per second`): CLDR's unit patterns, chosen
//! by the locale, `unitDisplay` and the number's plural form, as ICU's long-name handler chooses them.
//!
//! ICU4X 2.x's baked data names a few unit categories only (no bytes, temperatures, speeds nor per-unit patterns),
//! so the patterns come from `unit_data.rs`, a table written from CLDR's JSON release by `scripts/cldr-tables.mjs`.

use std::ops::Range;

use fixed_decimal::Decimal;
use icu_locale::Locale;
use icu_plurals::{PluralCategory, PluralOperands, PluralRules};

use super::options::{Unit, UnitDisplay};
use super::style::NumberPart;
use super::unit_data::LOCALES;
use super::unit_data::TEXT;
use crate::builtins::intl::cldr_tables::{Text, table_for};

/// A text of the unit table.
fn read(text: Text) -> &'static str {
    text.read(TEXT)
}

/// One unit's patterns in one width: `{0}` is the number.
#[derive(Debug)]
pub(super) struct UnitPatterns {
    pub(super) unit: Text,
    pub(super) one: Option<Text>,
    pub(super) other: Text,
    /// How the unit reads as a denominator (`{0}/h`, `{0} per hour`), where CLDR has a pattern for it.
    pub(super) per: Option<Text>,
}

/// A locale's units in each width, sorted by name, with the pattern that joins a numerator to a denominator
/// (`{0}/{1}`, `{0} pro {1}`) when the denominator has no `per` pattern.
#[derive(Debug)]
pub(super) struct LocaleUnits {
    pub(super) locale: &'static str,
    pub(super) long_compound: &'static str,
    pub(super) long: &'static [UnitPatterns],
    pub(super) short_compound: &'static str,
    pub(super) short: &'static [UnitPatterns],
    pub(super) narrow_compound: &'static str,
    pub(super) narrow: &'static [UnitPatterns],
}

impl LocaleUnits {
    /// The table for `locale`: its own (`en-GB`), its language's (`de-AT` reads `de`), or CLDR's root.
    fn for_locale(locale: &Locale) -> &'static Self {
        table_for(LOCALES, locale, |units| units.locale)
    }

    fn width(&self, display: UnitDisplay) -> (&'static [UnitPatterns], &'static str) {
        match display {
            UnitDisplay::Long => (self.long, self.long_compound),
            UnitDisplay::Short => (self.short, self.short_compound),
            UnitDisplay::Narrow => (self.narrow, self.narrow_compound),
        }
    }
}

/// The patterns of the unit a `NumberFormat` prints, by plural form.
#[derive(Debug)]
pub(crate) struct UnitFormatter {
    one: Option<String>,
    other: String,
    plural_rules: PluralRules,
}

impl UnitFormatter {
    /// The patterns of `unit` for `locale` in `display`'s width. A unit CLDR names (`kilometer-per-hour`) reads its
    /// own; any other X-per-Y reads X's patterns placed in Y's `per` pattern (`{0} g` in `{0}/MB`), or, where Y has
    /// none, in the locale's compound pattern with Y's singular name (`{0} Gramm` `pro` `Megabyte`).
    pub(crate) fn new(
        locale: &Locale,
        unit: &Unit,
        display: UnitDisplay,
        plural_rules: PluralRules,
    ) -> Self {
        let (units, compound) = LocaleUnits::for_locale(locale).width(display);
        let find = |name: &str| {
            units
                .binary_search_by(|patterns| read(patterns.unit).cmp(name))
                .ok()
                .map(|index| &units[index])
        };
        // Every sanctioned unit is in every width of every locale (`scripts/cldr-tables.mjs` checks it).
        let missing = "the unit table has every sanctioned unit";
        if let Some(patterns) = find(unit.identifier().as_str()) {
            return Self {
                one: patterns.one.map(|one| read(one).to_owned()),
                other: read(patterns.other).to_owned(),
                plural_rules,
            };
        }
        let numerator = find(unit.numerator()).expect(missing);
        let denominator = find(unit.denominator()).expect(missing);
        let place = |pattern: Text| match denominator.per {
            Some(per) => read(per).replacen("{0}", read(pattern), 1),
            None => {
                let name = denominator
                    .one
                    .map_or(read(denominator.other), read)
                    .replace("{0}", "");
                compound
                    .replacen("{1}", name.trim(), 1)
                    .replacen("{0}", read(pattern), 1)
            }
        };
        Self {
            one: numerator.one.map(&place),
            other: place(numerator.other),
            plural_rules,
        }
    }

    /// The plural form of `rounded` as printed, trailing zeros included (`1.00 kilograms`, as in V8).
    pub(crate) fn category(&self, rounded: &Decimal) -> PluralCategory {
        self.plural_rules
            .category_for(PluralOperands::from(rounded))
    }

    /// Places `number` (its sign included) in the pattern of the plural form `category`; the unit's words are a
    /// `unit` part and the spaces beside them `literal`, as in V8. Answers where `number` went.
    pub(crate) fn compose(
        &self,
        number: Vec<NumberPart>,
        category: PluralCategory,
    ) -> (Vec<NumberPart>, Range<usize>) {
        let pattern = match (category, &self.one) {
            (PluralCategory::One, Some(one)) => one,
            _ => &self.other,
        };
        let (before, after) = pattern.split_once("{0}").unwrap_or(("", pattern.as_str()));
        let mut parts = Vec::new();
        push_unit_text(&mut parts, before);
        let start = parts.len();
        parts.extend(number);
        let signed = start..parts.len();
        push_unit_text(&mut parts, after);
        (parts, signed)
    }
}

/// The text on one side of the number: the unit's words, with the spaces around them as `literal` parts.
fn push_unit_text(parts: &mut Vec<NumberPart>, text: &str) {
    let words = text.trim_matches(char::is_whitespace);
    if words.is_empty() {
        if !text.is_empty() {
            parts.push(NumberPart::new("literal", text));
        }
        return;
    }
    let start = text.len() - text.trim_start_matches(char::is_whitespace).len();
    let (leading, rest) = text.split_at(start);
    let trailing = &rest[words.len()..];
    for (kind, piece) in [("literal", leading), ("unit", words), ("literal", trailing)] {
        if !piece.is_empty() {
            parts.push(NumberPart::new(kind, piece));
        }
    }
}
