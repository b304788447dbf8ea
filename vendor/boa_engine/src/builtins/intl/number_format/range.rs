//! `Intl.NumberFormat.prototype.formatRange` and `formatRangeToParts` (ECMA-402's FormatNumericRange): two numbers in
//! the locale's range pattern (`3–5`), or one with its approximately sign when both print the same (`~$3.00`).
//!
//! ECMA-402 leaves the collapsing of what both numbers share to the implementation; this follows ICU's (what V8
//! uses) with its default "auto" heuristic. Each number is three layers: the digits, the pattern around the signed
//! digits (sign, currency or percent sign, compact suffix: ICU's middle modifier) and a unit's or currency name's
//! words (its outer modifier). The words are written once, in the range's plural form (CLDR's plural ranges); the
//! middle layer is written once when both numbers have the same one and it is longer than one character
//! (`3,00–5,00 €` but `$3.00 – $5.00`); and when anything is written twice, the range separator gets spaces.

use fixed_decimal::Decimal;
use icu_locale::Locale;
use icu_plurals::PluralCategory;

use super::range_data::LOCALES;
use super::style::{Composed, NumberPart};
use super::{NumberFormat, to_intl_mathematical_value};
use crate::builtins::intl::{cldr_tables::table_for, options::describe_receiver};
use crate::{
    Context, JsArgs, JsNativeError, JsResult, JsString, JsValue, builtins::Array, js_string,
    object::ObjectInitializer, property::Attribute,
};

/// One locale's range data: the approximately sign, the range pattern and CLDR's plural ranges.
#[derive(Debug)]
pub(super) struct LocaleRanges {
    pub(super) locale: &'static str,
    pub(super) approximately_sign: &'static str,
    /// `{0}–{1}`.
    pub(super) range: &'static str,
    /// (start's form, end's form, the range's form).
    pub(super) plural_ranges: &'static [(PluralCategory, PluralCategory, PluralCategory)],
}

impl LocaleRanges {
    /// The data for `locale`: its own (`en-GB`), its language's, or CLDR's root.
    fn for_locale(locale: &Locale) -> &'static Self {
        table_for(LOCALES, locale, |ranges| ranges.locale)
    }

    /// The plural form of a range from a number of form `start` to one of form `end`; the end's where CLDR says
    /// nothing.
    fn plural(&self, start: PluralCategory, end: PluralCategory) -> PluralCategory {
        self.plural_ranges
            .iter()
            .find(|(from, to, _)| *from == start && *to == end)
            .map_or(end, |(_, _, range)| *range)
    }
}

/// One part of a formatted range, with its `source`.
type RangePart = (NumberPart, &'static str);

/// [`Intl.NumberFormat.prototype.formatRange ( start, end )`][spec]
///
/// [spec]: https://tc39.es/ecma402/#sec-intl.numberformat.prototype.formatrange
pub(super) fn format_range(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let text: String = range_parts(this, args, "formatRange", context)?
        .into_iter()
        .map(|(part, _)| part.value)
        .collect();
    Ok(JsString::from(text).into())
}

/// [`Intl.NumberFormat.prototype.formatRangeToParts ( start, end )`][spec]
///
/// [spec]: https://tc39.es/ecma402/#sec-intl.numberformat.prototype.formatrangetoparts
pub(super) fn format_range_to_parts(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let parts = range_parts(this, args, "formatRangeToParts", context)?
        .into_iter()
        .map(|(part, source)| {
            let mut object = ObjectInitializer::new(context);
            object.property(js_string!("type"), js_string!(part.kind), Attribute::all());
            object.property(
                js_string!("value"),
                JsString::from(part.value.as_str()),
                Attribute::all(),
            );
            object.property(js_string!("source"), js_string!(source), Attribute::all());
            object.build().into()
        })
        .collect::<Vec<JsValue>>();
    Ok(Array::create_array_from_list(parts, context).into())
}

/// Steps 1-4 of both methods, then `PartitionNumberRangePattern ( nf, x, y )`.
fn range_parts(
    this: &JsValue,
    args: &[JsValue],
    method: &str,
    context: &mut Context,
) -> JsResult<Vec<RangePart>> {
    // 1. Let nf be the this value.
    // 2. Perform ? RequireInternalSlot(nf, [[InitializedNumberFormat]]).
    let Some(nf) = this
        .as_object()
        .and_then(|object| object.downcast::<NumberFormat>().ok())
    else {
        let receiver = describe_receiver(this, context);
        return Err(JsNativeError::typ()
            .with_message(format!(
                "Method Intl.NumberFormat.prototype.{method} called on incompatible receiver {receiver}"
            ))
            .into());
    };
    // 3. If start is undefined or end is undefined, throw a TypeError exception.
    let (start, end) = (args.get_or_undefined(0), args.get_or_undefined(1));
    for (value, name) in [(start, "start"), (end, "end")] {
        if value.is_undefined() {
            return Err(JsNativeError::typ()
                .with_message(format!("Invalid {name} : undefined"))
                .into());
        }
    }
    // 4. Let x be ? ToIntlMathematicalValue(start).
    // 5. Let y be ? ToIntlMathematicalValue(end).
    let x = range_value(start, "start", context)?;
    let y = range_value(end, "end", context)?;
    let nf = nf.borrow();
    Ok(nf.data().partition_range(x, y))
}

/// ToIntlMathematicalValue, with V8's RangeError for NaN (PartitionNumberRangePattern, step 1).
fn range_value(value: &JsValue, name: &str, context: &mut Context) -> JsResult<Decimal> {
    if value.as_number().is_some_and(f64::is_nan) {
        return Err(JsNativeError::range()
            .with_message(format!("Invalid {name} : NaN"))
            .into());
    }
    to_intl_mathematical_value(value, context)
}

/// A formatted number taken apart into ICU's layers.
struct Layers {
    /// A unit's or currency name's words before and after the signed number.
    outer: (Vec<NumberPart>, Vec<NumberPart>),
    /// The pattern's parts around the digits: sign, currency, percent sign, compact suffix.
    middle: (Vec<NumberPart>, Vec<NumberPart>),
    /// The digits, with a scientific exponent.
    digits: Vec<NumberPart>,
}

/// The parts of the digits themselves, which ranges never share.
fn is_digits(kind: &str) -> bool {
    matches!(
        kind,
        "integer"
            | "group"
            | "decimal"
            | "fraction"
            | "exponentSeparator"
            | "exponentMinusSign"
            | "exponentInteger"
            | "nan"
            | "infinity"
    )
}

fn code_points(parts: &[NumberPart]) -> usize {
    parts.iter().map(|part| part.value.chars().count()).sum()
}

impl Layers {
    fn of(composed: Composed) -> Self {
        let Composed { mut parts, signed } = composed;
        let outer_suffix = parts.split_off(signed.end);
        let mut inner = parts.split_off(signed.start);
        let outer_prefix = parts;
        let first = inner.iter().position(|part| is_digits(part.kind));
        let last = inner.iter().rposition(|part| is_digits(part.kind));
        let (middle_suffix, digits, middle_prefix) = match (first, last) {
            (Some(first), Some(last)) => {
                let suffix = inner.split_off(last + 1);
                let digits = inner.split_off(first);
                (suffix, digits, inner)
            }
            _ => (Vec::new(), Vec::new(), inner),
        };
        Layers {
            outer: (outer_prefix, outer_suffix),
            middle: (middle_prefix, middle_suffix),
            digits,
        }
    }

    fn middle_code_points(&self) -> usize {
        code_points(&self.middle.0) + code_points(&self.middle.1)
    }

    fn exponent_code_points(&self) -> usize {
        code_points(
            &self
                .digits
                .iter()
                .filter(|part| part.kind.starts_with("exponent"))
                .cloned()
                .collect::<Vec<_>>(),
        )
    }
}

impl NumberFormat {
    /// `PartitionNumberRangePattern ( nf, x, y )` with ICU's collapsing (see the module's notes).
    fn partition_range(&self, x: Decimal, y: Decimal) -> Vec<RangePart> {
        let data = LocaleRanges::for_locale(&self.locale);
        let start = self.compose(x.clone(), None, None);
        let end = self.compose(y.clone(), None, None);
        let text = |composed: &Composed| -> String {
            composed.parts.iter().map(|part| part.value.as_str()).collect()
        };
        // FormatApproximately: both print the same.
        if text(&start) == text(&end) {
            return self
                .compose(x, None, Some(data.approximately_sign))
                .parts
                .into_iter()
                .map(|part| (part, "shared"))
                .collect();
        }
        // The words are the same unit's or currency's for both numbers: ICU writes them once, in the range's plural
        // form, which CLDR gives as one of the two ends' forms.
        let (from, to) = (self.plural_value(x), self.plural_value(y.clone()));
        let start_decides = matches!(
            (self.style.words_category(&from), self.style.words_category(&to)),
            (Some(start), Some(end)) if data.plural(start, end) != end
        );
        let words_value = if start_decides { from } else { to };
        let words = Layers::of(self.compose(y, Some(&words_value), None)).outer;
        let start = Layers::of(start);
        let end = Layers::of(end);
        let collapse_middle =
            start.middle == end.middle && start.middle_code_points() > 1;
        let repeats = start.exponent_code_points() > 0
            || (!collapse_middle && start.middle_code_points() > 0);

        let (before, rest) = data.range.split_once("{0}").unwrap_or(("", data.range));
        let (between, after) = rest.split_once("{1}").unwrap_or((rest, ""));
        let mut separator = between.to_owned();
        if repeats {
            if !separator.starts_with(char::is_whitespace) {
                separator.insert(0, ' ');
            }
            if !separator.ends_with(char::is_whitespace) {
                separator.push(' ');
            }
        }

        let shared = |parts: Vec<NumberPart>| parts.into_iter().map(|part| (part, "shared"));
        let own = |layers: Layers, source: &'static str| {
            let (prefix, suffix) = if collapse_middle {
                (Vec::new(), Vec::new())
            } else {
                layers.middle
            };
            prefix
                .into_iter()
                .chain(layers.digits)
                .chain(suffix)
                .map(move |part| (part, source))
        };
        let (middle_prefix, middle_suffix) = if collapse_middle {
            start.middle.clone()
        } else {
            (Vec::new(), Vec::new())
        };
        let literal = |text: &str| {
            (!text.is_empty())
                .then(|| (NumberPart::new("literal", text), "shared"))
                .into_iter()
        };
        let parts: Vec<RangePart> = literal(before)
            .chain(shared(words.0))
            .chain(shared(middle_prefix))
            .chain(own(start, "startRange"))
            .chain(literal(&separator))
            .chain(own(end, "endRange"))
            .chain(shared(middle_suffix))
            .chain(shared(words.1))
            .chain(literal(after))
            .collect();
        merge_literals(parts)
    }
}

/// Adjacent literal parts of one source as one (`" – "`), as V8 reports them.
fn merge_literals(parts: Vec<RangePart>) -> Vec<RangePart> {
    let mut merged: Vec<RangePart> = Vec::with_capacity(parts.len());
    for (part, source) in parts {
        match merged.last_mut() {
            Some((last, last_source))
                if part.kind == "literal" && last.kind == "literal" && *last_source == source =>
            {
                last.value.push_str(&part.value);
            }
            _ => merged.push((part, source)),
        }
    }
    merged
}
