//! The style a number is printed in (ECMA-402's `[[Style]]`): the percent, currency and unit patterns placed around
//! the formatted digits, as the parts `formatToParts` returns.
//!
//! ICU4X's experimental `CurrencyFormatter` and `PercentFormatter` round by themselves and write whole strings, so
//! they cannot honour the digit options nor give parts; this module reads the same CLDR data (patterns, symbols,
//! names) and places the parts itself, following the rules those formatters follow (UTS #35, Part 3).

use std::ops::Range;

use fixed_decimal::{Decimal, Sign};
use icu_experimental::dimension::provider::{
    currency::{
        essentials::CurrencyEssentialsV1, extended::CurrencyExtendedDataV1,
        fractions::CurrencyFractionsV1, patterns::CurrencyPatternsDataV1,
    },
    percent::{PercentEssentials, PercentEssentialsV1},
};
use icu_locale::Locale;
use icu_pattern::{DoublePlaceholderKey, DoublePlaceholderPattern, PatternItem};
use icu_plurals::{PluralCategory, PluralOperands, PluralRules, PluralRulesPreferences};
use icu_provider::prelude::*;
use tinystr::TinyAsciiStr;

use super::currency_data::{LOCALES as CURRENCY_LOCALES, TEXT as CURRENCY_TEXT};
use super::options::{Currency, CurrencyDisplay, CurrencySign, UnitDisplay, UnitFormatOptions};
use super::unit::UnitFormatter;
use crate::builtins::intl::cldr_tables::Text;
use crate::{JsResult, context::icu::IntlProvider, js_error};

/// One element of `formatToParts`' result: its `type` and its `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberPart {
    pub(crate) kind: &'static str,
    pub(crate) value: String,
}

impl NumberPart {
    pub(crate) fn new(kind: &'static str, value: impl Into<String>) -> Self {
        Self {
            kind,
            value: value.into(),
        }
    }
}

/// What a style needs beyond the digits, loaded once when the `NumberFormat` is made.
#[derive(Debug)]
pub(crate) enum StyleFormatter {
    /// `decimal`.
    Plain,
    /// `unit`: the unit's pattern placed around the signed number.
    Unit(UnitFormatter),
    /// `unit: "percent"` in the short and narrow widths, which ICU writes with the locale's percent pattern (`1 %`
    /// with a no-break space in German), the value unscaled and its sign a `unit` part.
    UnitPercent(DataPayload<PercentEssentialsV1>),
    Percent(DataPayload<PercentEssentialsV1>),
    /// `currency` with `currencyDisplay` `symbol`, `narrowSymbol` or `code`.
    CurrencySymbol {
        essentials: DataPayload<CurrencyEssentialsV1>,
        symbol: String,
        starts_with_letter: bool,
        ends_with_letter: bool,
        accounting: bool,
    },
    /// `currency` with `currencyDisplay: "name"`: the pattern and the name agree with the number's plural form.
    CurrencyName {
        names: Option<DataPayload<CurrencyExtendedDataV1>>,
        iso_code: TinyAsciiStr<3>,
        patterns: DataPayload<CurrencyPatternsDataV1>,
        plural_rules: PluralRules,
    },
}

impl StyleFormatter {
    /// Loads the data `options`' style needs for `locale`.
    pub(crate) fn try_new(
        locale: &Locale,
        options: &UnitFormatOptions,
        provider: &IntlProvider,
    ) -> JsResult<Self> {
        let data_locale = DataLocale::from(locale);
        let for_locale = |attributes: &'static DataMarkerAttributes| DataRequest {
            id: DataIdentifierBorrowed::for_marker_attributes_and_locale(attributes, &data_locale),
            ..Default::default()
        };
        let missing = |what: &str, error: DataError| js_error!(TypeError: "the number format data for {} is missing: {}", what, error);
        let percent_essentials = || {
            DataProvider::<PercentEssentialsV1>::load(
                provider,
                for_locale(DataMarkerAttributes::empty()),
            )
            .map(|response| response.payload)
            .map_err(|e| missing("the percent style", e))
        };
        Ok(match options {
            UnitFormatOptions::Decimal => Self::Plain,
            UnitFormatOptions::Unit { unit, display }
                if unit.identifier() == "percent" && *display != UnitDisplay::Long =>
            {
                Self::UnitPercent(percent_essentials()?)
            }
            UnitFormatOptions::Unit { unit, display } => Self::Unit(UnitFormatter::new(
                locale,
                unit,
                *display,
                plural_rules(locale, provider)?,
            )),
            UnitFormatOptions::Percent => Self::Percent(percent_essentials()?),
            UnitFormatOptions::Currency {
                currency,
                display: CurrencyDisplay::Name,
                ..
            } => {
                let iso_code = currency.code();
                let names = DataProvider::<CurrencyExtendedDataV1>::load(
                    provider,
                    DataRequest {
                        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(
                            DataMarkerAttributes::try_from_str(iso_code.as_str())
                                .map_err(|e| js_error!(RangeError: "invalid currency code {}: {:?}", iso_code, e))?,
                            &data_locale,
                        ),
                        ..Default::default()
                    },
                )
                .allow_identifier_not_found()
                .map_err(|e| missing("currency names", e))?
                .map(|response| response.payload);
                // The locale's own patterns (`{0}{1}` in Japanese): ICU4X's `CurrencyFormatter` 0.6 reads the root's.
                let patterns = DataProvider::<CurrencyPatternsDataV1>::load(
                    provider,
                    for_locale(DataMarkerAttributes::empty()),
                )
                .map_err(|e| missing("currency names", e))?
                .payload;
                Self::CurrencyName {
                    names,
                    iso_code,
                    patterns,
                    plural_rules: plural_rules(locale, provider)?,
                }
            }
            UnitFormatOptions::Currency {
                currency,
                display,
                sign,
            } => {
                let essentials = DataProvider::<CurrencyEssentialsV1>::load(
                    provider,
                    for_locale(DataMarkerAttributes::empty()),
                )
                .map_err(|e| missing("the currency style", e))?
                .payload;
                let (symbol, starts_with_letter, ends_with_letter) =
                    currency_symbol(*currency, *display, locale);
                Self::CurrencySymbol {
                    essentials,
                    symbol,
                    starts_with_letter,
                    ends_with_letter,
                    accounting: *sign == CurrencySign::Accounting,
                }
            }
        })
    }

    /// The plural form `rounded` gives the style's words (a unit's, a currency's name); none for styles without.
    pub(crate) fn words_category(&self, rounded: &Decimal) -> Option<PluralCategory> {
        match self {
            Self::Unit(formatter) => Some(formatter.category(rounded)),
            Self::CurrencyName { plural_rules, .. } => {
                Some(plural_rules.category_for(PluralOperands::from(rounded)))
            }
            _ => None,
        }
    }

    /// Whether the value is scaled by 100 before it is rounded (ECMA-402's PartitionNumberPattern, step 5.c).
    pub(crate) fn is_percent(&self) -> bool {
        matches!(self, Self::Percent(_))
    }

    /// Places `sign` (the locale's minus or plus sign parts, if the value shows one) and `number` (the digits'
    /// parts, unsigned) into the style's pattern; `rounded` is the value they print. The style's words take the
    /// plural form of `words_value` where one is given (a range's words take the form of one of its ends).
    pub(crate) fn compose(
        &self,
        sign: Vec<NumberPart>,
        number: Vec<NumberPart>,
        rounded: &Decimal,
        words_value: Option<&Decimal>,
    ) -> Composed {
        let words_value = words_value.unwrap_or(rounded);
        let everywhere = |parts: Vec<NumberPart>| Composed {
            signed: 0..parts.len(),
            parts,
        };
        match self {
            // The operands of the value as printed, trailing zeros included (`1.00 kilograms`, as in V8).
            Self::Unit(formatter) => {
                let (parts, signed) = formatter.compose(
                    sign.into_iter().chain(number).collect(),
                    formatter.category(words_value),
                );
                Composed { parts, signed }
            }
            Self::CurrencyName {
                names,
                iso_code,
                patterns,
                plural_rules,
            } => {
                // The operands of the value as printed, trailing zeros included (`1.00 euros`, as in V8).
                let operands = PluralOperands::from(words_value);
                let name = names.as_ref().map_or(iso_code.as_str(), |names| {
                    names.get().get(operands, plural_rules)
                });
                let pattern = patterns.get().get(operands, plural_rules);
                let signed_number = sign.into_iter().chain(number).collect();
                let (parts, signed) = interpolate_marking_first(
                    pattern,
                    signed_number,
                    vec![NumberPart::new("currency", name)],
                );
                Composed { parts, signed }
            }
            _ => everywhere(self.compose_affixes(sign, number, rounded)),
        }
    }

    /// [`Self::compose`] for the styles whose pattern holds the sign and the digits together (ICU's middle modifier).
    fn compose_affixes(
        &self,
        sign: Vec<NumberPart>,
        number: Vec<NumberPart>,
        rounded: &Decimal,
    ) -> Vec<NumberPart> {
        let is_negative = rounded.sign() == Sign::Negative;
        match self {
            Self::Plain | Self::Unit(_) | Self::CurrencyName { .. } => {
                sign.into_iter().chain(number).collect()
            }
            Self::Percent(essentials) => percent_parts(essentials.get(), sign, number),
            Self::UnitPercent(essentials) => {
                let mut parts = percent_parts(essentials.get(), sign, number);
                for part in &mut parts {
                    if part.kind == "percentSign" {
                        part.kind = "unit";
                    }
                }
                parts
            }
            Self::CurrencySymbol {
                essentials,
                symbol,
                starts_with_letter,
                ends_with_letter,
                accounting,
            } => {
                let essentials = essentials.get();
                let currency = vec![NumberPart::new("currency", symbol.clone())];
                if is_negative {
                    let negative = if *accounting {
                        essentials.get_negative_accounting(*starts_with_letter, *ends_with_letter)
                    } else {
                        essentials.get_negative(*starts_with_letter, *ends_with_letter)
                    };
                    // An explicit negative pattern places the sign itself (or parentheses instead).
                    if let Some(pattern) = negative {
                        return interpolate(pattern, number, currency);
                    }
                }
                let positive = if *accounting {
                    essentials.get_positive_accounting(*starts_with_letter, *ends_with_letter)
                } else {
                    essentials.get_positive(*starts_with_letter, *ends_with_letter)
                };
                // Without one, the sign goes before the whole pattern (UTS #35, Part 3, 3.2.1).
                sign.into_iter()
                    .chain(interpolate(positive, number, currency))
                    .collect()
            }
        }
    }
}

/// A number placed in its style's pattern, and where its signed digits are: inside a unit's or a currency name's
/// words (ICU's outer modifier, which a range writes once), or, for the other styles, everything.
pub(crate) struct Composed {
    pub(crate) parts: Vec<NumberPart>,
    pub(crate) signed: Range<usize>,
}

/// The percent pattern with `number` in it, signed by `sign` where the pattern places a sign.
fn percent_parts(
    essentials: &PercentEssentials<'_>,
    sign: Vec<NumberPart>,
    number: Vec<NumberPart>,
) -> Vec<NumberPart> {
    if !sign.is_empty() {
        return interpolate(&essentials.signed_pattern, number, sign);
    }
    // The unsigned pattern has the one placeholder `{0}`.
    let mut parts = Vec::new();
    for item in essentials.unsigned_pattern.iter() {
        match item {
            PatternItem::Literal(text) => push_literal(&mut parts, text),
            PatternItem::Placeholder(_) => parts.extend(number.iter().cloned()),
        }
    }
    parts
}

/// The cardinal plural rules of `locale`, which pick a currency's name or a unit's pattern by the number.
fn plural_rules(locale: &Locale, provider: &IntlProvider) -> JsResult<PluralRules> {
    PluralRules::try_new_cardinal_with_buffer_provider(
        provider.erased_provider(),
        PluralRulesPreferences::from(locale),
    )
    .map_err(|e| js_error!(TypeError: "cannot load the plural rules: {}", e))
}

/// The currency's default fraction digits (ECMA-402's CurrencyDigits: 2, JPY 0, …), from CLDR's supplemental data.
pub(crate) fn currency_digits(currency: Currency, provider: &IntlProvider) -> JsResult<u8> {
    let fractions = DataProvider::<CurrencyFractionsV1>::load(provider, DataRequest::default())
        .map_err(|e| js_error!(TypeError: "the currency digits data is missing: {}", e))?
        .payload;
    let fractions = fractions.get();
    Ok(fractions
        .fractions
        .get_copied(&currency.code().to_unvalidated())
        .unwrap_or(fractions.default)
        .digits)
}

/// A currency symbol in one locale, and whether it starts and ends with a letter (neither a symbol nor a space),
/// which picks CLDR's pattern with a space between a letter and the digits (`BRL 1,234.50`).
#[derive(Debug)]
pub(super) struct CurrencySymbol {
    pub(super) text: Text,
    pub(super) starts_with_letter: bool,
    pub(super) ends_with_letter: bool,
}

/// A locale's currency symbols, by ISO code (sorted). The root's entry lists each currency whose symbol is not its
/// code; a language's, what it says differently from the root; a region's, what it says differently from its
/// language. Each entry has the narrow symbol where that is another.
#[derive(Debug)]
pub(super) struct LocaleCurrencies {
    pub(super) locale: &'static str,
    pub(super) symbols: &'static [([u8; 3], CurrencySymbol, Option<CurrencySymbol>)],
}

/// The symbol and narrow symbol of `code` in `locale`: from its region's entry, else its language's, else the
/// root's; none when the currency has no symbol there (it shows its code).
fn symbols_of(
    code: &str,
    locale: &Locale,
) -> Option<(&'static CurrencySymbol, &'static Option<CurrencySymbol>)> {
    let language = locale.id.language.as_str();
    let with_region = locale
        .id
        .region
        .map(|region| format!("{language}-{}", region.as_str()));
    let in_table = |tag: &str| {
        let table = CURRENCY_LOCALES.iter().find(|table| table.locale == tag)?;
        let index = table
            .symbols
            .binary_search_by(|(iso, _, _)| iso.as_slice().cmp(code.as_bytes()))
            .ok()?;
        let (_, symbol, narrow) = &table.symbols[index];
        Some((symbol, narrow))
    };
    with_region
        .as_deref()
        .and_then(in_table)
        .or_else(|| in_table(language))
        .or_else(|| in_table("und"))
}

/// The text `currencyDisplay` asks for, and whether it starts and ends with a letter. The symbols are CLDR 48's
/// (`currency_data.rs`, Node's version; ICU4X's data is older: Spanish `£` where Node writes `GBP`); a currency the
/// locale has no symbol for shows its code, as in V8.
fn currency_symbol(
    currency: Currency,
    display: CurrencyDisplay,
    locale: &Locale,
) -> (String, bool, bool) {
    let code = currency.code();
    let symbol = match (display, symbols_of(code.as_str(), locale)) {
        (CurrencyDisplay::Symbol, Some((symbol, _))) => symbol,
        // CLDR's narrow symbol falls back to the symbol.
        (CurrencyDisplay::NarrowSymbol, Some((symbol, narrow))) => {
            narrow.as_ref().unwrap_or(symbol)
        }
        _ => return (code.as_str().to_owned(), true, true),
    };
    (
        symbol.text.read(CURRENCY_TEXT).to_owned(),
        symbol.starts_with_letter,
        symbol.ends_with_letter,
    )
}

/// Writes `pattern` with `{0}` as `first` and `{1}` as `second`; its literals become `literal` parts, except the
/// signs, percent signs and the like, which `formatToParts` names.
fn interpolate(
    pattern: &DoublePlaceholderPattern,
    first: Vec<NumberPart>,
    second: Vec<NumberPart>,
) -> Vec<NumberPart> {
    interpolate_marking_first(pattern, first, second).0
}

/// [`interpolate`], answering also where `first` went.
fn interpolate_marking_first(
    pattern: &DoublePlaceholderPattern,
    first: Vec<NumberPart>,
    second: Vec<NumberPart>,
) -> (Vec<NumberPart>, Range<usize>) {
    let mut parts = Vec::new();
    let mut first_at = 0..0;
    for item in pattern.iter() {
        match item {
            PatternItem::Literal(text) => push_literal(&mut parts, text),
            PatternItem::Placeholder(DoublePlaceholderKey::Place0) => {
                let start = parts.len();
                parts.extend(first.iter().cloned());
                first_at = start..parts.len();
            }
            PatternItem::Placeholder(DoublePlaceholderKey::Place1) => {
                parts.extend(second.iter().cloned());
            }
        }
    }
    (parts, first_at)
}

/// Splits a pattern's literal text into the parts V8 reports: a sign or a percent sign on its own, the rest as
/// `literal`.
fn push_literal(parts: &mut Vec<NumberPart>, text: &str) {
    let mut literal = String::new();
    for character in text.chars() {
        let kind = match character {
            '-' | '\u{2212}' => "minusSign",
            '+' => "plusSign",
            '%' | '\u{066A}' => "percentSign",
            _ => {
                literal.push(character);
                continue;
            }
        };
        if !literal.is_empty() {
            parts.push(NumberPart::new("literal", std::mem::take(&mut literal)));
        }
        parts.push(NumberPart::new(kind, character));
    }
    if !literal.is_empty() {
        parts.push(NumberPart::new("literal", literal));
    }
}
