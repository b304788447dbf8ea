use std::cell::Cell;

use boa_gc::{Finalize, Trace, custom_trace};
use fixed_decimal::{
    Decimal, FloatPrecision, SignDisplay, SignedRoundingMode, UnsignedRoundingMode,
};
use icu_decimal::{
    CompactDecimalFormatter, DecimalFormatter, DecimalFormatterPreferences, FormattedDecimal,
    options::{DecimalFormatterOptions, GroupingStrategy},
    preferences::NumberingSystem,
    provider::{DecimalDigitsV1, DecimalSymbolsV1},
};

use icu_locale::{Locale, extensions::unicode::Value};
use icu_provider::{DataMarker, DataMarkerAttributes, DynamicDataProvider, buf::BufferMarker};
use num_bigint::BigInt;
use num_traits::Num;
use writeable::Writeable;

use super::{
    Service,
    locale::{canonicalize_locale_list, filter_locales, resolve_locale},
    options::{IntlOptions, coerce_options_to_object},
};
use crate::{
    Context, JsArgs, JsData, JsNativeError, JsObject, JsResult, JsString, JsSymbol, JsValue,
    NativeFunction,
    builtins::{
        BuiltInConstructor, BuiltInObject, IntrinsicObject, builder::BuiltInBuilder,
        options::get_option,
    },
    context::intrinsics::{Intrinsics, StandardConstructor, StandardConstructors},
    js_string,
    object::{
        FunctionObjectBuilder, JsFunction, ObjectInitializer,
        internal_methods::get_prototype_from_constructor,
    },
    property::{Attribute, PropertyDescriptor},
    realm::Realm,
    string::StaticJsStrings,
    value::PreferredType,
};
use crate::{js_error, value::JsVariant};

mod currency_data;
mod options;
mod range;
mod range_data;
mod style;
mod unit;
mod unit_data;
pub(crate) use options::*;
pub(crate) use style::NumberPart;
use style::{Composed, StyleFormatter, currency_digits};

#[cfg(test)]
mod tests;

pub(crate) enum FormattedNumber<'a, T> {
    Decimal(FormattedDecimal<'a>),
    Compact(T),
}

impl<T: Writeable> Writeable for FormattedNumber<'_, T> {
    fn write_to<W: core::fmt::Write + ?Sized>(&self, sink: &mut W) -> core::fmt::Result {
        match self {
            FormattedNumber::Decimal(d) => d.write_to(sink),
            FormattedNumber::Compact(c) => c.write_to(sink),
        }
    }

    fn write_to_parts<S: writeable::PartsWrite + ?Sized>(&self, sink: &mut S) -> core::fmt::Result {
        match self {
            FormattedNumber::Decimal(d) => d.write_to_parts(sink),
            FormattedNumber::Compact(c) => c.write_to_parts(sink),
        }
    }

    fn writeable_length_hint(&self) -> writeable::LengthHint {
        match self {
            FormattedNumber::Decimal(d) => d.writeable_length_hint(),
            FormattedNumber::Compact(c) => c.writeable_length_hint(),
        }
    }

    fn writeable_borrow(&self) -> Option<&str> {
        match self {
            FormattedNumber::Decimal(d) => d.writeable_borrow(),
            FormattedNumber::Compact(c) => c.writeable_borrow(),
        }
    }

    fn write_to_string(&self) -> std::borrow::Cow<'_, str> {
        match self {
            FormattedNumber::Decimal(d) => d.write_to_string(),
            FormattedNumber::Compact(c) => c.write_to_string(),
        }
    }
}

#[derive(Debug)]
enum Formatter {
    Standard(DecimalFormatter),
    Scientific(DecimalFormatter),
    Engineering(DecimalFormatter),
    Compact {
        inner: CompactDecimalFormatter,
        display: CompactDisplay,
        /// The locale's decimal separator: ICU4X's compact formatter writes no parts, so `formatToParts` finds
        /// the digits' parts in its text.
        decimal_separator: String,
    },
}

impl Formatter {
    fn format<'l>(&'l self, decimal: &'l Decimal) -> FormattedNumber<'l, impl Writeable> {
        match self {
            Formatter::Standard(fmt) | Formatter::Scientific(fmt) | Formatter::Engineering(fmt) => {
                FormattedNumber::Decimal(fmt.format(decimal))
            }
            Formatter::Compact { inner, .. } => FormattedNumber::Compact(inner.format(decimal)),
        }
    }
}

#[derive(Debug, Finalize, JsData)]
// Safety: `NumberFormat` only contains non-traceable types.
pub(crate) struct NumberFormat {
    locale: Locale,
    formatter: Formatter,
    numbering_system: NumberingSystem,
    unit_options: UnitFormatOptions,
    style: StyleFormatter,
    digit_options: DigitFormatOptions,
    use_grouping: GroupingStrategy,
    sign_display: SignDisplay,
    bound_format: Option<JsFunction>,
}

// SAFETY: the implementation correctly traces the only field
// that needs tracing.
unsafe impl Trace for NumberFormat {
    custom_trace!(this, mark, {
        if let Some(f) = &this.bound_format {
            mark(f);
        }
    });
}

impl NumberFormat {
    /// [`FormatNumeric ( numberFormat, x )`][full]: the parts of [`Self::partition`], joined.
    ///
    /// [full]: https://tc39.es/ecma402/#sec-formatnumber
    pub(crate) fn format(&self, value: Decimal) -> String {
        self.partition(value)
            .into_iter()
            .map(|part| part.value)
            .collect()
    }

    /// The value rounded as this format's digit options round it: what `Intl.RelativeTimeFormat` selects its
    /// plural pattern by, as ECMA-402's ResolvePlural rounds with the same digit options as the number it prints.
    pub(crate) fn rounded(&self, mut value: Decimal) -> Decimal {
        self.digit_options.format_fixed_decimal(&mut value);
        value
    }

    /// The numbering system the digits are written in (`latn`, `arab`…), as `resolvedOptions()` reports it.
    pub(crate) fn numbering_system(&self) -> &str {
        self.numbering_system.as_str()
    }

    /// [`PartitionNumberPattern ( numberFormat, x )`][spec]: the value scaled (percent), rounded by the digit
    /// options, signed by `signDisplay`, printed with the locale's digits and separators, then placed in the
    /// style's pattern.
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-partitionnumberpattern
    pub(crate) fn partition(&self, value: Decimal) -> Vec<NumberPart> {
        self.compose(value, None, None).parts
    }

    /// The value as printed: scaled (percent), rounded by the digit options (to its mantissa in scientific and
    /// engineering notation, whose exponent is answered) and signed by `signDisplay`.
    fn printed(&self, mut value: Decimal) -> (Decimal, Option<i16>) {
        if self.style.is_percent() {
            value.multiply_pow10(2);
        }
        let exponent = self.round_with_exponent(&mut value);
        value.apply_sign_display(self.sign_display);
        (value, exponent)
    }

    /// `value` as printed, its exponent restored: what picks the plural form of the style's words.
    fn plural_value(&self, value: Decimal) -> Decimal {
        let (mut value, exponent) = self.printed(value);
        if let Some(exponent) = exponent {
            value.multiply_pow10(exponent);
        }
        value
    }

    /// [`Self::partition`], answering also where the signed digits are among the style's words. A range gives the
    /// value whose plural form the words take ([`Self::plural_value`]) and the `approximately` sign that goes
    /// before the sign (FormatApproximately).
    fn compose(
        &self,
        value: Decimal,
        words_value: Option<&Decimal>,
        approximately: Option<&str>,
    ) -> Composed {
        let (mut value, exponent) = self.printed(value);
        let mut collector = PartsCollector::default();
        // Writing into a `Vec` cannot fail.
        let _ = self.formatter.format(&value).write_to_parts(&mut collector);
        let decimal_separator = match &self.formatter {
            Formatter::Compact {
                decimal_separator, ..
            } => Some(decimal_separator.as_str()),
            _ => None,
        };
        let mut parts = collector.finish(decimal_separator);
        let digits_start = parts
            .iter()
            .position(|part| part.kind != "minusSign" && part.kind != "plusSign")
            .unwrap_or(parts.len());
        let mut number = parts.split_off(digits_start);
        if let Some(sign) = approximately {
            parts.insert(0, NumberPart::new("approximatelySign", sign));
        }
        if let Some(exponent) = exponent {
            // CLDR's exponential symbol is `E` in every language Blocksmith covers; ICU4X's decimal symbols do
            // not carry it.
            number.push(NumberPart::new("exponentSeparator", "E"));
            if exponent < 0 {
                number.push(NumberPart::new("exponentMinusSign", "-"));
            }
            number.push(NumberPart::new(
                "exponentInteger",
                exponent.unsigned_abs().to_string(),
            ));
        }
        // A plural form is the whole value's (`1E3 kilograms`), not its mantissa's.
        if let Some(exponent) = exponent {
            value.multiply_pow10(exponent);
        }
        self.style.compose(parts, number, &value, words_value)
    }

    /// Rounds `value` by the digit options. In scientific or engineering notation (a Blocksmith patch: ICU4X 2
    /// has no such formatter) it first becomes its mantissa, and the exponent is answered, as ICU computes them:
    /// the magnitude of the value's first digit (in engineering notation, the multiple of 3 at or below it),
    /// raised by one step more when rounding carries the mantissa over (9.9996 → 10.000 is 1E1).
    fn round_with_exponent(&self, value: &mut Decimal) -> Option<i16> {
        let step: i16 = match self.formatter {
            Formatter::Scientific(_) => 1,
            Formatter::Engineering(_) => 3,
            Formatter::Standard(_) | Formatter::Compact { .. } => {
                self.digit_options.format_fixed_decimal(value);
                return None;
            }
        };
        let original = value.clone();
        let magnitude = if original.absolute.is_zero() {
            0
        } else {
            original.absolute.nonzero_magnitude_start()
        };
        let mut exponent = magnitude.div_euclid(step) * step;
        loop {
            *value = original.clone();
            value.multiply_pow10(-exponent);
            self.digit_options.format_fixed_decimal(value);
            let carried =
                !value.absolute.is_zero() && value.absolute.nonzero_magnitude_start() >= step;
            if !carried {
                return Some(exponent);
            }
            exponent += step;
        }
    }
}

/// Gathers what a `Writeable` writes as [`NumberPart`]s, named after ICU4X's parts (which use ECMA-402's names).
#[derive(Default)]
struct PartsCollector {
    /// Finished runs: the part's name (`None` for text outside any part) and its text.
    runs: Vec<(Option<&'static str>, String)>,
    current: Option<&'static str>,
}

impl core::fmt::Write for PartsCollector {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        match self.runs.last_mut() {
            Some((kind, run)) if *kind == self.current => run.push_str(text),
            _ => self.runs.push((self.current, text.to_owned())),
        }
        Ok(())
    }
}

impl writeable::PartsWrite for PartsCollector {
    type SubPartsWrite = Self;

    fn with_part(
        &mut self,
        part: writeable::Part,
        mut f: impl FnMut(&mut Self) -> core::fmt::Result,
    ) -> core::fmt::Result {
        let outer = self.current.replace(part.value);
        // Two parts of the same kind in a row (two groups of digits) stay apart.
        self.runs.push((self.current, String::new()));
        let result = f(self);
        self.current = outer;
        result
    }
}

impl PartsCollector {
    /// The parts; text outside any part is a `literal`, except the text of a compact number (which ICU4X writes
    /// without parts), split as V8 splits it: the digits' parts, the `compact` affix and the spaces around it as
    /// `literal`.
    fn finish(self, compact_decimal_separator: Option<&str>) -> Vec<NumberPart> {
        let mut parts = Vec::new();
        for (kind, text) in self.runs {
            if text.is_empty() {
                continue;
            }
            match (kind, compact_decimal_separator) {
                (Some(kind), _) => parts.push(NumberPart::new(kind, text)),
                (None, Some(separator)) => split_compact(&mut parts, &text, separator),
                (None, None) => parts.push(NumberPart::new("literal", text)),
            }
        }
        parts
    }
}

/// Splits a compact number's text (`1.2 million`, `-12 Mio.`) into parts. The digits are the run from the first to
/// the last decimal digit; in it, `decimal_separator` starts the fraction and any other separator is a group.
fn split_compact(parts: &mut Vec<NumberPart>, text: &str, decimal_separator: &str) {
    let (Some(first), Some(last)) = (
        text.find(|c: char| c.is_ascii_digit()),
        text.rfind(|c: char| c.is_ascii_digit()),
    ) else {
        return push_affix(parts, text);
    };
    let (prefix, rest) = text.split_at(first);
    let (digits, suffix) = rest.split_at(last + 1 - first);
    push_affix(parts, prefix);
    let mut in_fraction = false;
    let mut remaining = digits;
    while !remaining.is_empty() {
        let run_end = remaining
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(remaining.len());
        if run_end > 0 {
            let kind = if in_fraction { "fraction" } else { "integer" };
            parts.push(NumberPart::new(kind, &remaining[..run_end]));
            remaining = &remaining[run_end..];
            continue;
        }
        if !decimal_separator.is_empty() && remaining.starts_with(decimal_separator) {
            parts.push(NumberPart::new("decimal", decimal_separator));
            remaining = &remaining[decimal_separator.len()..];
            in_fraction = true;
            continue;
        }
        let separator_end = remaining
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(remaining.len());
        parts.push(NumberPart::new("group", &remaining[..separator_end]));
        remaining = &remaining[separator_end..];
    }
    push_affix(parts, suffix);
}

/// A compact affix: a sign, the `compact` word or letter, and the spaces around it as `literal`.
fn push_affix(parts: &mut Vec<NumberPart>, text: &str) {
    let unsigned = text.trim_start_matches(['-', '+', '\u{2212}']);
    let sign = &text[..text.len() - unsigned.len()];
    if !sign.is_empty() {
        let kind = if sign == "+" { "plusSign" } else { "minusSign" };
        parts.push(NumberPart::new(kind, sign));
    }
    let word = unsigned.trim_matches(char::is_whitespace);
    if word.is_empty() {
        if !unsigned.is_empty() {
            parts.push(NumberPart::new("literal", unsigned));
        }
        return;
    }
    let start = unsigned.find(word).unwrap_or(0);
    let (before, after) = (&unsigned[..start], &unsigned[start + word.len()..]);
    for (kind, piece) in [("literal", before), ("compact", word), ("literal", after)] {
        if !piece.is_empty() {
            parts.push(NumberPart::new(kind, piece));
        }
    }
}

/// The locale's decimal separator, as its decimal formatter writes it.
fn decimal_separator(
    provider: &(impl DynamicDataProvider<BufferMarker> + ?Sized),
    locale: &Locale,
    options: DecimalFormatterOptions,
) -> JsResult<String> {
    let formatter =
        DecimalFormatter::try_new_with_buffer_provider(provider, locale.into(), options)
            .map_err(|err| js_error!(TypeError: "{}", err.to_string()))?;
    let mut collector = PartsCollector::default();
    let half = Decimal::try_from_str("0.5").map_err(|err| js_error!(RangeError: "{}", err))?;
    // Writing into a `Vec` cannot fail.
    let _ = formatter.format(&half).write_to_parts(&mut collector);
    Ok(collector
        .runs
        .into_iter()
        .find(|(kind, _)| *kind == Some("decimal"))
        .map(|(_, text)| text)
        .unwrap_or_default())
}

impl Service for NumberFormat {
    type LangMarker = DecimalSymbolsV1;

    type Preferences = DecimalFormatterPreferences;
}

impl IntrinsicObject for NumberFormat {
    fn init(realm: &Realm) {
        let get_format = BuiltInBuilder::callable(realm, Self::get_format)
            .name(js_string!("get format"))
            .build();

        BuiltInBuilder::from_standard_constructor::<Self>(realm)
            .static_method(
                Self::supported_locales_of,
                js_string!("supportedLocalesOf"),
                1,
            )
            .property(
                JsSymbol::to_string_tag(),
                js_string!("Intl.NumberFormat"),
                Attribute::CONFIGURABLE,
            )
            .accessor(
                js_string!("format"),
                Some(get_format),
                None,
                Attribute::CONFIGURABLE,
            )
            .method(Self::format_to_parts, js_string!("formatToParts"), 1)
            .method(range::format_range, js_string!("formatRange"), 2)
            .method(range::format_range_to_parts, js_string!("formatRangeToParts"), 2)
            .method(Self::resolved_options, js_string!("resolvedOptions"), 0)
            .build();
    }

    fn get(intrinsics: &Intrinsics) -> JsObject {
        Self::STANDARD_CONSTRUCTOR(intrinsics.constructors()).constructor()
    }
}

impl BuiltInObject for NumberFormat {
    const NAME: JsString = StaticJsStrings::NUMBER_FORMAT;
}

impl BuiltInConstructor for NumberFormat {
    const CONSTRUCTOR_ARGUMENTS: usize = 0;
    const PROTOTYPE_STORAGE_SLOTS: usize = 7;
    const CONSTRUCTOR_STORAGE_SLOTS: usize = 1;

    const STANDARD_CONSTRUCTOR: fn(&StandardConstructors) -> &StandardConstructor =
        StandardConstructors::number_format;

    /// [`Intl.NumberFormat ( [ locales [ , options ] ] )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-intl.numberformat
    fn constructor(
        new_target: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        let locales = args.get_or_undefined(0);
        let options = args.get_or_undefined(1);

        // 1. If NewTarget is undefined, let newTarget be the active function object, else let newTarget be NewTarget.
        let new_target_inner = &if new_target.is_undefined() {
            context
                .active_function_object()
                .unwrap_or_else(|| {
                    context
                        .intrinsics()
                        .constructors()
                        .number_format()
                        .constructor()
                })
                .into()
        } else {
            new_target.clone()
        };

        // 2. Let numberFormat be ? OrdinaryCreateFromConstructor(newTarget, "%Intl.NumberFormat.prototype%", « [[InitializedNumberFormat]], [[Locale]], [[DataLocale]], [[NumberingSystem]], [[Style]], [[Unit]], [[UnitDisplay]], [[Currency]], [[CurrencyDisplay]], [[CurrencySign]], [[MinimumIntegerDigits]], [[MinimumFractionDigits]], [[MaximumFractionDigits]], [[MinimumSignificantDigits]], [[MaximumSignificantDigits]], [[RoundingType]], [[Notation]], [[CompactDisplay]], [[UseGrouping]], [[SignDisplay]], [[RoundingIncrement]], [[RoundingMode]], [[ComputedRoundingPriority]], [[TrailingZeroDisplay]], [[BoundFormat]] »).
        let prototype = get_prototype_from_constructor(
            new_target_inner,
            StandardConstructors::number_format,
            context,
        )?;

        let number_format = Self::new(locales, options, context)?;

        let number_format = JsObject::from_proto_and_data_with_shared_shape(
            context.root_shape(),
            prototype,
            number_format,
        );

        // 31. Return unused.

        // 4. If the implementation supports the normative optional constructor mode of 4.3 Note 1, then
        //     a. Let this be the this value.
        //     b. Return ? ChainNumberFormat(numberFormat, NewTarget, this).
        // ChainNumberFormat ( numberFormat, newTarget, this )
        // <https://tc39.es/ecma402/#sec-chainnumberformat>

        let this = context.vm.stack.get_this(context.vm.frame());
        let Some(this_obj) = this.as_object() else {
            return Ok(number_format.into());
        };

        let constructor = context
            .intrinsics()
            .constructors()
            .number_format()
            .constructor();

        // 1. If newTarget is undefined and ? OrdinaryHasInstance(%Intl.NumberFormat%, this) is true, then
        if new_target.is_undefined()
            && JsValue::ordinary_has_instance(&constructor.into(), &this, context)?
        {
            let fallback_symbol = context
                .intrinsics()
                .objects()
                .intl()
                .borrow()
                .data()
                .fallback_symbol();

            // a. Perform ? DefinePropertyOrThrow(this, %Intl%.[[FallbackSymbol]], PropertyDescriptor{ [[Value]]: numberFormat, [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }).
            this_obj.define_property_or_throw(
                fallback_symbol,
                PropertyDescriptor::builder()
                    .value(number_format)
                    .writable(false)
                    .enumerable(false)
                    .configurable(false),
                context,
            )?;
            // b. Return this.
            Ok(this)
        } else {
            // 2. Return numberFormat.
            Ok(number_format.into())
        }
    }
}

impl NumberFormat {
    /// Creates a new instance of `NumberFormat`.
    pub(crate) fn new(
        locales: &JsValue,
        options: &JsValue,
        context: &mut Context,
    ) -> JsResult<Self> {
        // 3. Perform ? InitializeNumberFormat(numberFormat, locales, options).

        // `InitializeNumberFormat ( numberFormat, locales, options )`
        // https://tc39.es/ecma402/#sec-initializenumberformat

        // 1. Let requestedLocales be ? CanonicalizeLocaleList(locales).
        let requested_locales = canonicalize_locale_list(locales, context)?;
        // 2. Set options to ? CoerceOptionsToObject(options).
        let options = coerce_options_to_object(options, context)?;

        // 3. Let opt be a new Record.

        // 4. Let matcher be ? GetOption(options, "localeMatcher", string, « "lookup", "best fit" », "best fit").
        // 5. Set opt.[[localeMatcher]] to matcher.
        let matcher =
            get_option(&options, js_string!("localeMatcher"), context)?.unwrap_or_default();

        // 6. Let numberingSystem be ? GetOption(options, "numberingSystem", string, empty, undefined).
        // 7. If numberingSystem is not undefined, then
        //     a. If numberingSystem cannot be matched by the type Unicode locale nonterminal, throw a RangeError exception.
        // 8. Set opt.[[nu]] to numberingSystem.
        let numbering_system =
            get_option::<NumberingSystem>(&options, js_string!("numberingSystem"), context)?;

        let mut intl_options = IntlOptions {
            matcher,
            preferences: {
                let mut prefs = DecimalFormatterPreferences::default();
                prefs.numbering_system = numbering_system;
                prefs
            },
        };

        // 9. Let localeData be %Intl.NumberFormat%.[[LocaleData]].
        // 10. Let r be ResolveLocale(%Intl.NumberFormat%.[[AvailableLocales]], requestedLocales, opt, %Intl.NumberFormat%.[[RelevantExtensionKeys]], localeData).
        let locale = resolve_locale::<Self>(
            requested_locales,
            &mut intl_options,
            context.intl_provider(),
        )?;

        // 11. Set numberFormat.[[Locale]] to r.[[locale]].
        // 12. Set numberFormat.[[DataLocale]] to r.[[dataLocale]].
        // 13. Set numberFormat.[[NumberingSystem]] to r.[[nu]].

        // 14. Perform ? SetNumberFormatUnitOptions(numberFormat, options).
        let unit_options = UnitFormatOptions::from_options(&options, context)?;

        // 15. Let style be numberFormat.[[Style]].
        // 16. If style is "currency", then
        let (min_fractional, max_fractional) =
            if let UnitFormatOptions::Currency { currency, .. } = unit_options {
                // a. Let currency be numberFormat.[[Currency]].
                // b. Let cDigits be CurrencyDigits(currency).
                let digits = currency_digits(currency, context.intl_provider())?;
                // c. Let mnfdDefault be cDigits.
                // d. Let mxfdDefault be cDigits.
                (digits, digits)
            } else {
                // 17. Else,
                (
                    // a. Let mnfdDefault be 0.
                    0,
                    // b. If style is "percent", then
                    if unit_options.style() == Style::Percent {
                        // i. Let mxfdDefault be 0.
                        0
                    } else {
                        // c. Else,
                        //    i. Let mxfdDefault be 3.
                        3
                    },
                )
            };

        // 18. Let notation be ? GetOption(options, "notation", string, « "standard", "scientific", "engineering", "compact" », "standard").
        // 19. Set numberFormat.[[Notation]] to notation.
        let notation = get_option(&options, js_string!("notation"), context)?.unwrap_or_default();

        // 20. Perform ? SetNumberFormatDigitOptions(numberFormat, options, mnfdDefault, mxfdDefault, notation).
        let digit_options = DigitFormatOptions::from_options(
            &options,
            min_fractional,
            max_fractional,
            notation,
            context,
        )?;

        // 21. Let compactDisplay be ? GetOption(options, "compactDisplay", string, « "short", "long" », "short").
        let compact_display =
            get_option(&options, js_string!("compactDisplay"), context)?.unwrap_or_default();

        // 22. Let defaultUseGrouping be "auto".
        // 23. If notation is "compact", then
        //     b. Set defaultUseGrouping to "min2".
        //     a. Set numberFormat.[[CompactDisplay]] to compactDisplay.
        let default_use_grouping = if notation == NotationKind::Compact {
            GroupingStrategy::Min2
        } else {
            GroupingStrategy::Auto
        };

        // 24. NOTE: For historical reasons, the strings "true" and "false" are accepted and replaced with the default value.
        // 25. Let useGrouping be ? GetBooleanOrStringNumberFormatOption(options, "useGrouping",
        //     « "min2", "auto", "always", "true", "false" », defaultUseGrouping).
        // 26. If useGrouping is "true" or useGrouping is "false", set useGrouping to defaultUseGrouping.
        // 27. If useGrouping is true, set useGrouping to "always".
        // 28. Set numberFormat.[[UseGrouping]] to useGrouping.
        // useGrouping requires special handling because of the "true" and "false" exceptions.
        // We could also modify the `OptionType` interface but it complicates it a lot just for
        // a single exception.
        let use_grouping = 'block: {
            // GetBooleanOrStringNumberFormatOption ( options, property, stringValues, fallback )
            // <https://tc39.es/ecma402/#sec-getbooleanorstringnumberformatoption>

            // 1. Let value be ? Get(options, property).
            let value = options.get(js_string!("useGrouping"), context)?;

            // 2. If value is undefined, return fallback.
            if value.is_undefined() {
                break 'block default_use_grouping;
            }
            // 3. If value is true, return true.
            if let Some(true) = value.as_boolean() {
                break 'block GroupingStrategy::Always;
            }

            // 4. If ToBoolean(value) is false, return false.
            if !value.to_boolean() {
                break 'block GroupingStrategy::Never;
            }

            // 5. Set value to ? ToString(value).
            // 6. If stringValues does not contain value, throw a RangeError exception.
            // 7. Return value.
            match value.to_string(context)?.to_std_string_escaped().as_str() {
                "min2" => GroupingStrategy::Min2,
                "auto" => GroupingStrategy::Auto,
                "always" => GroupingStrategy::Always,
                // special handling for historical reasons
                "true" | "false" => default_use_grouping,
                _ => {
                    return Err(JsNativeError::range()
                        .with_message(
                            "expected one of `min2`, `auto`, `always`, `true`, or `false`",
                        )
                        .into());
                }
            }
        };

        // 29. Let signDisplay be ? GetOption(options, "signDisplay", string, « "auto", "never", "always", "exceptZero", "negative" », "auto").
        // 30. Set numberFormat.[[SignDisplay]] to signDisplay.
        let sign_display =
            get_option(&options, js_string!("signDisplay"), context)?.unwrap_or(SignDisplay::Auto);

        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(use_grouping);

        let (formatter, numbering_system) = {
            struct RequestInspector<'a> {
                inner: &'a dyn DynamicDataProvider<BufferMarker>,
                nu: Cell<Option<Box<DataMarkerAttributes>>>,
            }
            impl DynamicDataProvider<BufferMarker> for RequestInspector<'_> {
                fn load_data(
                    &self,
                    marker: icu_provider::DataMarkerInfo,
                    req: icu_provider::DataRequest<'_>,
                ) -> Result<icu_provider::DataResponse<BufferMarker>, icu_provider::DataError>
                {
                    if marker.id == DecimalDigitsV1::INFO.id {
                        self.nu.set(Some(req.id.marker_attributes.to_owned()));
                    }
                    self.inner.load_data(marker, req)
                }
            }

            let inspector = RequestInspector {
                inner: context.intl_provider().erased_provider(),
                nu: Cell::new(None),
            };

            let formatter = match (notation, compact_display) {
                // TODO: change when scientific/engineering have their own formatters.
                (NotationKind::Standard, _) => Formatter::Standard(
                    DecimalFormatter::try_new_with_buffer_provider(
                        &inspector,
                        (&locale).into(),
                        options,
                    )
                    .map_err(|err| js_error!(TypeError: "{}", err.to_string()))?,
                ),
                (NotationKind::Scientific, _) => Formatter::Scientific(
                    DecimalFormatter::try_new_with_buffer_provider(
                        &inspector,
                        (&locale).into(),
                        options,
                    )
                    .map_err(|err| js_error!(TypeError: "{}", err.to_string()))?,
                ),
                (NotationKind::Engineering, _) => Formatter::Engineering(
                    DecimalFormatter::try_new_with_buffer_provider(
                        &inspector,
                        (&locale).into(),
                        options,
                    )
                    .map_err(|err| js_error!(TypeError: "{}", err.to_string()))?,
                ),
                (NotationKind::Compact, CompactDisplay::Long) => Formatter::Compact {
                    inner: CompactDecimalFormatter::try_new_long_with_buffer_provider(
                        &inspector,
                        (&locale).into(),
                        options.into(),
                    )
                    .map_err(|err| js_error!(TypeError: "{}", err.to_string()))?,
                    display: CompactDisplay::Long,
                    decimal_separator: decimal_separator(&inspector, &locale, options)?,
                },
                (NotationKind::Compact, CompactDisplay::Short) => Formatter::Compact {
                    inner: CompactDecimalFormatter::try_new_short_with_buffer_provider(
                        &inspector,
                        (&locale).into(),
                        options.into(),
                    )
                    .map_err(|err| js_error!(TypeError: "{}", err.to_string()))?,
                    display: CompactDisplay::Short,
                    decimal_separator: decimal_separator(&inspector, &locale, options)?,
                },
            };

            let nu = (|| {
                let nu = inspector.nu.into_inner()?;
                let nu = Value::try_from_str(&nu).ok()?;
                NumberingSystem::try_from(nu).ok()
            })()
            .ok_or_else(|| {
                js_error!(
                    TypeError: "could not obtain resolved numbering system from Intl provider"
                )
            })?;

            (formatter, nu)
        };

        let style = StyleFormatter::try_new(&locale, &unit_options, context.intl_provider())?;

        Ok(NumberFormat {
            locale,
            numbering_system,
            formatter,
            style,
            unit_options,
            digit_options,
            use_grouping,
            sign_display,
            bound_format: None,
        })
    }

    /// [`Intl.NumberFormat.supportedLocalesOf ( locales [ , options ] )`][spec].
    ///
    /// Returns an array containing those of the provided locales that are supported in number format
    /// without having to fall back to the runtime's default locale.
    ///
    /// More information:
    ///  - [MDN documentation][mdn]
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-intl.numberformat.supportedlocalesof
    /// [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/supportedLocalesOf
    fn supported_locales_of(
        _: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        let locales = args.get_or_undefined(0);
        let options = args.get_or_undefined(1);

        // 1. Let availableLocales be %Intl.NumberFormat%.[[AvailableLocales]].
        // 2. Let requestedLocales be ? CanonicalizeLocaleList(locales).
        let requested_locales = canonicalize_locale_list(locales, context)?;

        // 3. Return ? FilterLocales(availableLocales, requestedLocales, options).
        filter_locales::<Self>(requested_locales, options, context).map(JsValue::from)
    }

    /// [`get Intl.NumberFormat.prototype.format`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-intl.numberformat.prototype.format
    fn get_format(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        // 1. Let nf be the this value.
        // 2. If the implementation supports the normative optional constructor mode of 4.3 Note 1, then
        //     a. Set nf to ? UnwrapNumberFormat(nf).
        // 3. Perform ? RequireInternalSlot(nf, [[InitializedNumberFormat]]).
        let nf = unwrap_number_format(this, context)?;
        let nf_clone = nf.clone();
        let mut nf = nf.borrow_mut();

        let bound_format = if let Some(f) = nf.data_mut().bound_format.clone() {
            f
        } else {
            // 4. If nf.[[BoundFormat]] is undefined, then
            //     a. Let F be a new built-in function object as defined in Number Format Functions (15.5.2).
            //     b. Set F.[[NumberFormat]] to nf.
            //     c. Set nf.[[BoundFormat]] to F.
            let bound_format = FunctionObjectBuilder::new(
                context.realm(),
                // Number Format Functions
                // <https://tc39.es/ecma402/#sec-number-format-functions>
                NativeFunction::from_copy_closure_with_captures(
                    |_, args, nf, context| {
                        // 1. Let nf be F.[[NumberFormat]].
                        // 2. Assert: Type(nf) is Object and nf has an [[InitializedNumberFormat]] internal slot.

                        // 3. If value is not provided, let value be undefined.
                        let value = args.get_or_undefined(0);

                        // 4. Let x be ? ToIntlMathematicalValue(value).
                        let x = to_intl_mathematical_value(value, context)?;

                        // 5. Return FormatNumeric(nf, x).
                        Ok(js_string!(nf.borrow().data().format(x)).into())
                    },
                    nf_clone,
                ),
            )
            .length(2)
            .build();

            nf.data_mut().bound_format = Some(bound_format.clone());
            bound_format
        };

        // 5. Return nf.[[BoundFormat]].
        Ok(bound_format.into())
    }

    /// [`Intl.NumberFormat.prototype.formatToParts ( value )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-intl.numberformat.prototype.formattoparts
    fn format_to_parts(
        this: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        // 1. Let nf be the this value.
        // 2. Perform ? RequireInternalSlot(nf, [[InitializedNumberFormat]]).
        let nf = this
            .as_object()
            .and_then(|o| o.downcast::<NumberFormat>().ok())
            .ok_or_else(|| {
                JsNativeError::typ().with_message(
                    "Method Intl.NumberFormat.prototype.formatToParts called on incompatible receiver",
                )
            })?;
        // 3. Let x be ? ToIntlMathematicalValue(value).
        let x = to_intl_mathematical_value(args.get_or_undefined(0), context)?;
        // 4. Return FormatNumericToParts(nf, x).
        let parts = nf.borrow().data().partition(x);
        let parts = parts
            .into_iter()
            .map(|part| {
                let mut object = ObjectInitializer::new(context);
                object.property(js_string!("type"), js_string!(part.kind), Attribute::all());
                object.property(
                    js_string!("value"),
                    JsString::from(part.value.as_str()),
                    Attribute::all(),
                );
                object.build().into()
            })
            .collect::<Vec<JsValue>>();
        Ok(crate::builtins::Array::create_array_from_list(parts, context).into())
    }

    /// [`Intl.NumberFormat.prototype.resolvedOptions ( )`][spec].
    ///
    /// Returns a new object with properties reflecting the locale and options computed during the
    /// construction of the current `Intl.NumberFormat` object.
    ///
    /// More information:
    ///  - [MDN documentation][mdn]
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-intl.numberformat.prototype.resolvedoptions
    /// [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat/resolvedOptions
    fn resolved_options(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        // This function provides access to the locale and options computed during initialization of the object.

        // 1. Let nf be the this value.
        // 2. If the implementation supports the normative optional constructor mode of 4.3 Note 1, then
        //     a. Set nf to ? UnwrapNumberFormat(nf).
        // 3. Perform ? RequireInternalSlot(nf, [[InitializedNumberFormat]]).
        let nf = unwrap_number_format(this, context)?;
        let nf = nf.borrow();
        let nf = nf.data();

        // 4. Let options be OrdinaryObjectCreate(%Object.prototype%).
        // 5. For each row of Table 12, except the header row, in table order, do
        //     a. Let p be the Property value of the current row.
        //     b. Let v be the value of nf's internal slot whose name is the Internal Slot value of the current row.
        //     c. If v is not undefined, then
        //         i. If there is a Conversion value in the current row, then
        //             1. Assert: The Conversion value of the current row is number.
        //             2. Set v to 𝔽(v).
        //         ii. Perform ! CreateDataPropertyOrThrow(options, p, v).
        let mut options = ObjectInitializer::new(context);
        options.property(
            js_string!("locale"),
            js_string!(nf.locale.to_string()),
            Attribute::all(),
        );
        options.property(
            js_string!("numberingSystem"),
            js_string!(nf.numbering_system.as_str()),
            Attribute::all(),
        );

        options.property(
            js_string!("style"),
            nf.unit_options.style().to_js_string(),
            Attribute::all(),
        );

        match &nf.unit_options {
            UnitFormatOptions::Currency {
                currency,
                display,
                sign,
            } => {
                options.property(
                    js_string!("currency"),
                    currency.to_js_string(),
                    Attribute::all(),
                );
                options.property(
                    js_string!("currencyDisplay"),
                    display.to_js_string(),
                    Attribute::all(),
                );
                options.property(
                    js_string!("currencySign"),
                    sign.to_js_string(),
                    Attribute::all(),
                );
            }
            UnitFormatOptions::Unit { unit, display } => {
                options.property(js_string!("unit"), unit.to_js_string(), Attribute::all());
                options.property(
                    js_string!("unitDisplay"),
                    display.to_js_string(),
                    Attribute::all(),
                );
            }
            UnitFormatOptions::Decimal | UnitFormatOptions::Percent => {}
        }

        options.property(
            js_string!("minimumIntegerDigits"),
            nf.digit_options.minimum_integer_digits,
            Attribute::all(),
        );

        if let Some(Extrema { minimum, maximum }) = nf.digit_options.rounding_type.fraction_digits()
        {
            options
                .property(
                    js_string!("minimumFractionDigits"),
                    minimum,
                    Attribute::all(),
                )
                .property(
                    js_string!("maximumFractionDigits"),
                    maximum,
                    Attribute::all(),
                );
        }

        if let Some(Extrema { minimum, maximum }) =
            nf.digit_options.rounding_type.significant_digits()
        {
            options
                .property(
                    js_string!("minimumSignificantDigits"),
                    minimum,
                    Attribute::all(),
                )
                .property(
                    js_string!("maximumSignificantDigits"),
                    maximum,
                    Attribute::all(),
                );
        }

        let use_grouping = match nf.use_grouping {
            GroupingStrategy::Auto => js_string!("auto").into(),
            GroupingStrategy::Never => JsValue::from(false),
            GroupingStrategy::Always => js_string!("always").into(),
            GroupingStrategy::Min2 => js_string!("min2").into(),
            _ => {
                return Err(JsNativeError::typ()
                    .with_message("unsupported useGrouping value")
                    .into());
            }
        };

        options.property(js_string!("useGrouping"), use_grouping, Attribute::all());

        let (notation, compact_display) = match &nf.formatter {
            Formatter::Standard(_) => (NotationKind::Standard, None),
            Formatter::Scientific(_) => (NotationKind::Scientific, None),
            Formatter::Engineering(_) => (NotationKind::Engineering, None),
            Formatter::Compact { display, .. } => (NotationKind::Compact, Some(*display)),
        };

        options.property(
            js_string!("notation"),
            notation.to_js_string(),
            Attribute::all(),
        );

        if let Some(display) = compact_display {
            options.property(
                js_string!("compactDisplay"),
                display.to_js_string(),
                Attribute::all(),
            );
        }

        let sign_display = match nf.sign_display {
            SignDisplay::Auto => js_string!("auto"),
            SignDisplay::Never => js_string!("never"),
            SignDisplay::Always => js_string!("always"),
            SignDisplay::ExceptZero => js_string!("exceptZero"),
            SignDisplay::Negative => js_string!("negative"),
            _ => {
                return Err(JsNativeError::typ()
                    .with_message("unsupported signDisplay value")
                    .into());
            }
        };

        // In ECMA-402's order (Table 15), which V8 follows.
        options
            .property(js_string!("signDisplay"), sign_display, Attribute::all())
            .property(
                js_string!("roundingMode"),
                rounding_mode_name(nf.digit_options.rounding_mode),
                Attribute::all(),
            )
            .property(
                js_string!("roundingIncrement"),
                nf.digit_options.rounding_increment.to_u16(),
                Attribute::all(),
            )
            .property(
                js_string!("trailingZeroDisplay"),
                nf.digit_options.trailing_zero_display.to_js_string(),
                Attribute::all(),
            )
            .property(
                js_string!("roundingPriority"),
                nf.digit_options.rounding_priority.to_js_string(),
                Attribute::all(),
            );

        // 6. Return options.
        Ok(options.build().into())
    }
}

/// The `roundingMode` option's name for `mode`, as `resolvedOptions()` reports it.
fn rounding_mode_name(mode: SignedRoundingMode) -> JsString {
    match mode {
        SignedRoundingMode::Ceil => js_string!("ceil"),
        SignedRoundingMode::Floor => js_string!("floor"),
        SignedRoundingMode::HalfCeil => js_string!("halfCeil"),
        SignedRoundingMode::HalfFloor => js_string!("halfFloor"),
        SignedRoundingMode::Unsigned(UnsignedRoundingMode::Expand) => js_string!("expand"),
        SignedRoundingMode::Unsigned(UnsignedRoundingMode::Trunc) => js_string!("trunc"),
        SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfTrunc) => js_string!("halfTrunc"),
        SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfEven) => js_string!("halfEven"),
        SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand) => js_string!("halfExpand"),
        // A mode a later `fixed_decimal` adds (the enums are non-exhaustive) cannot be asked for by name.
        _ => js_string!("halfExpand"),
    }
}

/// Abstract operation [`UnwrapNumberFormat ( nf )`][spec].
///
/// This also checks that the returned object is a `NumberFormat`, which skips the
/// call to `RequireInternalSlot`.
///
/// [spec]: https://tc39.es/ecma402/#sec-unwrapnumberformat
fn unwrap_number_format(nf: &JsValue, context: &mut Context) -> JsResult<JsObject<NumberFormat>> {
    // 1. If Type(nf) is not Object, throw a TypeError exception.
    let nf_o = nf.as_object().ok_or_else(|| {
        JsNativeError::typ().with_message("value was not an `Intl.NumberFormat` object")
    })?;

    if let Ok(nf) = nf_o.clone().downcast::<NumberFormat>() {
        // 3. Return nf.
        return Ok(nf);
    }

    // 2. If nf does not have an [[InitializedNumberFormat]] internal slot and ? OrdinaryHasInstance(%Intl.NumberFormat%, nf)
    //    is true, then
    let constructor = context
        .intrinsics()
        .constructors()
        .number_format()
        .constructor();
    if JsValue::ordinary_has_instance(&constructor.into(), nf, context)? {
        let fallback_symbol = context
            .intrinsics()
            .objects()
            .intl()
            .borrow()
            .data()
            .fallback_symbol();

        //    a. Return ? Get(nf, %Intl%.[[FallbackSymbol]]).
        if let Some(nf) = nf_o
            .get(fallback_symbol, context)?
            .as_object()
            .and_then(|o| o.downcast::<NumberFormat>().ok())
        {
            return Ok(nf);
        }
    }

    Err(JsNativeError::typ()
        .with_message("object was not an `Intl.NumberFormat` object")
        .into())
}

/// Abstract operation [`ToIntlMathematicalValue ( value )`][spec].
///
/// [spec]: https://tc39.es/ecma402/#sec-tointlmathematicalvalue
pub(crate) fn to_intl_mathematical_value(
    value: &JsValue,
    context: &mut Context,
) -> JsResult<Decimal> {
    // 1. Let primValue be ? ToPrimitive(value, number).
    let prim_value = value.to_primitive(context, PreferredType::Number)?;

    // TODO: Add support in `Decimal` for infinity and NaN, which
    // should remove the returned errors.
    match prim_value.variant() {
        // 2. If Type(primValue) is BigInt, return ℝ(primValue).
        JsVariant::BigInt(bi) => Decimal::try_from_str(&bi.to_string())
            .map_err(|err| JsNativeError::range().with_message(err.to_string()).into()),
        // 3. If Type(primValue) is String, then
        //     a. Let str be primValue.
        JsVariant::String(s) => {
            // 5. Let text be StringToCodePoints(str).
            // 6. Let literal be ParseText(text, StringNumericLiteral).
            // 7. If literal is a List of errors, return not-a-number.
            // 8. Let intlMV be the StringIntlMV of literal.
            // 9. If intlMV is a mathematical value, then
            //     a. Let rounded be RoundMVResult(abs(intlMV)).
            //     b. If rounded is +∞𝔽 and intlMV < 0, return negative-infinity.
            //     c. If rounded is +∞𝔽, return positive-infinity.
            //     d. If rounded is +0𝔽 and intlMV < 0, return negative-zero.
            //     e. If rounded is +0𝔽, return 0.
            js_string_to_fixed_decimal(&s).ok_or_else(|| {
                JsNativeError::syntax()
                    .with_message("could not parse the provided string")
                    .into()
            })
        }
        // 4. Else,
        _ => {
            // a. Let x be ? ToNumber(primValue).
            // b. If x is -0𝔽, return negative-zero.
            // c. Let str be Number::toString(x, 10).
            let x = prim_value.to_number(context)?;

            Decimal::try_from_f64(x, FloatPrecision::RoundTrip)
                .map_err(|err| JsNativeError::range().with_message(err.to_string()).into())
        }
    }
}

/// Abstract operation [`StringToNumber ( str )`][spec], but specialized for the conversion
/// to a `FixedDecimal`.
///
/// [spec]: https://tc39.es/ecma262/#sec-stringtonumber
// TODO: Introduce `Infinity` and `NaN` to `Decimal` to make this operation
// infallible.
pub(crate) fn js_string_to_fixed_decimal(string: &JsString) -> Option<Decimal> {
    // 1. Let text be ! StringToCodePoints(str).
    // 2. Let literal be ParseText(text, StringNumericLiteral).
    let Ok(string) = string.trim().to_std_string() else {
        // 3. If literal is a List of errors, return NaN.
        return None;
    };
    // 4. Return StringNumericValue of literal.
    match string.as_str() {
        "" => return Some(Decimal::from(0)),
        "-Infinity" | "Infinity" | "+Infinity" => return None,
        _ => {}
    }

    let mut s = string.bytes();
    let base = match (s.next(), s.next()) {
        (Some(b'0'), Some(b'b' | b'B')) => Some(2),
        (Some(b'0'), Some(b'o' | b'O')) => Some(8),
        (Some(b'0'), Some(b'x' | b'X')) => Some(16),
        // Make sure that no further variants of "infinity" are parsed.
        (Some(b'i' | b'I'), _) => {
            return None;
        }
        _ => None,
    };

    // Parse numbers that begin with `0b`, `0o` and `0x`.
    let s = if let Some(base) = base {
        let string = &string[2..];
        if string.is_empty() {
            return None;
        }
        let int = BigInt::from_str_radix(string, base).ok()?;

        int.to_string()
    } else {
        string
    };

    Decimal::try_from_str(&s).ok()
}
