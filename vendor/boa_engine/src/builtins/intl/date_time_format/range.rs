//! `Intl.DateTimeFormat.prototype.formatRange` and `formatRangeToParts` (ECMA-402's FormatDateTimeRange): two
//! dates printed together in the format's locale, fields and zone, in the pattern `interval.rs` chooses, each
//! part marked as the start's, the end's or shared, as V8 marks them.

use icu_calendar::Gregorian;
use icu_datetime::{DateTimeFormatterPreferences, pattern::DateTimePattern};
use icu_time::{TimeZoneInfo, ZonedDateTime, zone::models::AtTime};

use super::generator::{Generator, hour_letter_of, with_day_period_placeholders, with_hour_letter};
use super::interval::{LocaleIntervals, RangeLayout, RangePlan, first_difference, part_sources};
use super::names::names_for;
use super::options::FormatOptions;
use super::pattern::with_plain_spaces;
use super::{
    DateTimeFormat, ToLocalTime, best_fit_date_time_format, local_date_time,
    partition_date_time_pattern, pattern_for_components, write_parts, zoned_date_time,
};
use crate::builtins::intl::options::describe_receiver;
use crate::{
    Context, JsArgs, JsNativeError, JsResult, JsString, JsValue, builtins::Array, js_error,
    js_string, object::ObjectInitializer, property::Attribute,
};

/// One part of a formatted range: its `type`, `value` and `source`.
type RangePart = (&'static str, String, &'static str);

/// [`Intl.DateTimeFormat.prototype.formatRange ( startDate, endDate )`][spec]
///
/// [spec]: https://tc39.es/ecma402/#sec-intl.datetimeformat.prototype.formatRange
pub(super) fn format_range(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (parts, layout) = range_parts(this, args, "formatRange", context)?;
    let text: String = parts.into_iter().map(|(_, value, _)| value).collect();
    // One date prints as `format` prints it, with V8's plain space for CLDR's U+202F; a range keeps CLDR's.
    let text = if layout == Layout::Single {
        with_plain_spaces(&text)
    } else {
        text
    };
    Ok(JsString::from(text).into())
}

/// [`Intl.DateTimeFormat.prototype.formatRangeToParts ( startDate, endDate )`][spec]
///
/// [spec]: https://tc39.es/ecma402/#sec-Intl.DateTimeFormat.prototype.formatRangeToParts
pub(super) fn format_range_to_parts(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (parts, _) = range_parts(this, args, "formatRangeToParts", context)?;
    let parts = parts
        .into_iter()
        .map(|(kind, value, source)| {
            let mut part = ObjectInitializer::new(context);
            part.property(js_string!("type"), js_string!(kind), Attribute::all());
            part.property(js_string!("value"), JsString::from(value), Attribute::all());
            part.property(js_string!("source"), js_string!(source), Attribute::all());
            part.build().into()
        })
        .collect::<Vec<JsValue>>();
    Ok(Array::create_array_from_list(parts, context).into())
}

/// Steps 1-5 of both methods, then `PartitionDateTimeRangePattern ( dtf, x, y )`.
fn range_parts(
    this: &JsValue,
    args: &[JsValue],
    method: &str,
    context: &mut Context,
) -> JsResult<(Vec<RangePart>, Layout)> {
    // 1. Let dtf be the this value.
    // 2. Perform ? RequireInternalSlot(dtf, [[InitializedDateTimeFormat]]).
    let Some(dtf) = this
        .as_object()
        .and_then(|object| object.downcast::<DateTimeFormat>().ok())
    else {
        let receiver = describe_receiver(this, context);
        return Err(JsNativeError::typ()
            .with_message(format!(
                "Method Intl.DateTimeFormat.prototype.{method} called on incompatible receiver {receiver}"
            ))
            .into());
    };
    // 3. If startDate is undefined or endDate is undefined, throw a TypeError exception.
    let (start, end) = (args.get_or_undefined(0), args.get_or_undefined(1));
    if start.is_undefined() || end.is_undefined() {
        return Err(js_error!(TypeError: "Invalid time value"));
    }
    // 4. Let x be ? ToNumber(startDate).
    // 5. Let y be ? ToNumber(endDate).
    let x = start.to_number(context)?;
    let y = end.to_number(context)?;
    let dtf = dtf.borrow();
    partition_range(dtf.data(), x, y, context)
}

/// Whether a range printed one date (nothing it shows differs) or two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Single,
    Range,
}

/// `PartitionDateTimeRangePattern ( dtf, x, y )`: the parts of the range from `x` to `y` (epoch milliseconds).
fn partition_range(
    dtf: &DateTimeFormat,
    x: f64,
    y: f64,
    context: &mut Context,
) -> JsResult<(Vec<RangePart>, Layout)> {
    let (start_fields, start) = local_date_time(&dtf.time_zone, x, context)?;
    let (end_fields, end) = local_date_time(&dtf.time_zone, y, context)?;
    let plan = range_plan(dtf, context)?;
    let difference = first_difference(&comparable(&start_fields), &comparable(&end_fields));
    let layout = plan.layout(difference);
    let single = if layout == RangeLayout::Single {
        Layout::Single
    } else {
        Layout::Range
    };
    let parts = match layout {
        RangeLayout::Single => partition_date_time_pattern(dtf, x, context)?,
        RangeLayout::Split { first, second } => {
            let mut parts = format_with(dtf, first, &start, context)?;
            if !second.is_empty() {
                parts.extend(format_with(dtf, second, &end, context)?);
            }
            parts
        }
        RangeLayout::Fallback { pattern } => {
            let start = format_with(dtf, pattern, &start, context)?;
            let end = format_with(dtf, pattern, &end, context)?;
            place(plan.fallback, [start, end])
        }
        RangeLayout::DateWithTimes { date, time } => {
            let times = place(
                plan.fallback,
                [
                    format_with(dtf, time, &start, context)?,
                    format_with(dtf, time, &end, context)?,
                ],
            );
            let date = format_with(dtf, date, &start, context)?;
            place(plan.date_time_glue(), [times, date])
        }
    };
    let kinds: Vec<&str> = parts.iter().map(|(kind, _)| *kind).collect();
    let sources = part_sources(&kinds);
    // Text between two fields is one literal where both halves share it (`.–` in `15.–20.01.2024`).
    let mut range: Vec<RangePart> = Vec::with_capacity(parts.len());
    for ((kind, value), source) in parts.into_iter().zip(sources) {
        match range.last_mut() {
            Some((last_kind, last_value, last_source))
                if kind == "literal" && *last_kind == "literal" && *last_source == source =>
            {
                last_value.push_str(&value);
            }
            _ => range.push((kind, value, source)),
        }
    }
    Ok((range, single))
}

/// The fields two dates are compared by, largest first: era, year, month, day, am/pm, hour (of twelve), minute,
/// second and millisecond.
fn comparable(fields: &ToLocalTime) -> [i64; 9] {
    [
        i64::from(fields.year > 0),
        i64::from(fields.year),
        i64::from(fields.month),
        i64::from(fields.day),
        i64::from(fields.hour >= 12),
        i64::from(fields.hour % 12),
        i64::from(fields.minute),
        i64::from(fields.second),
        i64::from(fields.subsecond),
    ]
}

/// The parts of a pattern with placeholders (`{0} – {1}`), `{0}` and `{1}` replaced by `values`.
fn place(pattern: &str, values: [Vec<(&'static str, String)>; 2]) -> Vec<(&'static str, String)> {
    let [first, second] = values;
    let mut values = [Some(first), Some(second)];
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let index = match rest.as_bytes().get(open + 1) {
            Some(b'0') => 0,
            Some(b'1') => 1,
            _ => {
                parts.push(("literal", rest[..=open].to_owned()));
                rest = &rest[open + 1..];
                continue;
            }
        };
        if open > 0 {
            parts.push(("literal", rest[..open].to_owned()));
        }
        parts.extend(values[index].take().unwrap_or_default());
        rest = &rest[(open + 3).min(rest.len())..];
    }
    if !rest.is_empty() {
        parts.push(("literal", rest.to_owned()));
    }
    parts
}

/// `zoned` written with `pattern` (UTS 35 syntax) in the format's locale, with the names that pattern needs.
fn format_with(
    dtf: &DateTimeFormat,
    pattern: &str,
    zoned: &ZonedDateTime<Gregorian, TimeZoneInfo<AtTime>>,
    context: &Context,
) -> JsResult<Vec<(&'static str, String)>> {
    // ICU4X cannot write flexible day periods: a placeholder stands for them (`write_parts`).
    let parsed = DateTimePattern::try_from_pattern_str(&with_day_period_placeholders(pattern))
        .map_err(|e| js_error!(RangeError: "invalid date pattern {}: {}", pattern, e))?;
    let names = names_for(&parsed, preferences(dtf), context.intl_provider())?;
    write_parts(dtf, &names, &parsed, zoned)
}

/// The preferences the format was made with: its locale and hour cycle.
fn preferences(dtf: &DateTimeFormat) -> DateTimeFormatterPreferences {
    let mut preferences = DateTimeFormatterPreferences::from(&dtf.locale);
    preferences.hour_cycle = dtf.hour_cycle;
    preferences
}

/// The range plan of the format's own pattern in its locale.
fn range_plan(dtf: &DateTimeFormat, context: &mut Context) -> JsResult<RangePlan> {
    let intervals = LocaleIntervals::for_locale(&dtf.locale);
    let sample = zoned_date_time(&dtf.time_zone, 0.0, context)?;
    // ICU's interval formatter asks the pattern generator of the format's locale, given the format's hour cycle,
    // for the patterns of its dates and times (without matching the hour's width).
    let hour = hour_letter_of(&dtf.formatter.source)
        .map(|letter| if dtf.midnight_as_24 { 'k' } else { letter });
    let generator = match hour {
        Some(hour) => Generator::with_hour(&dtf.locale, hour),
        None => Generator::for_locale(&dtf.locale),
    };
    RangePlan::new(intervals, &dtf.formatter.source, |skeleton| {
        if let Some(generator) = &generator {
            let pattern = generator.best_pattern(skeleton, false);
            // ICU4X has no h24: the format writes its midnight hour as 24 itself.
            return Ok(if hour_letter_of(&pattern) == Some('k') {
                with_hour_letter(&pattern, 'H')
            } else {
                pattern
            });
        }
        let options = FormatOptions::from_skeleton(skeleton);
        let fieldset = best_fit_date_time_format(&options)?;
        pattern_for_components(&options, fieldset, preferences(dtf), &sample, context)
    })
}
