//! From ICU4X's pattern for a category of fields to the exact widths an options bag asked for, and from a
//! formatted pattern to `formatToParts`' parts.
//!
//! ICU4X's field sets choose the locale's order, separators and words for a *category* of fields (year, month
//! and day at a length), not for each field's width. ECMA-402 asks for widths field by field (a 2-digit month,
//! a narrow weekday, a full year in a short date). ICU4C's pattern generator, which V8 uses, settles this by
//! adjusting the widths of the best pattern it found to the ones requested (`adjustFieldTypes`); this module does
//! the same to the pattern ICU4X picked, so that `{ month: "2-digit", day: "2-digit" }` prints `01/15` and the
//! default en-US date prints `1/15/2024`, as V8 does.

use core::fmt;

use icu_datetime::parts as datetime_parts;
use icu_decimal::parts as decimal_parts;
use writeable::{Part, PartsWrite};

use super::options::{Day, Era, FormatOptions, Hour, Minute, Month, Second, WeekDay, Year};

/// Rewrites `pattern` (UTS 35 syntax) so that each field has the width `options` asks for.
///
/// Numeric fields asked for as `numeric` keep the locale's width (`dd/MM/y` stays so in en-GB, as in ICU4C);
/// `2-digit` widens them; a `numeric` year prints in full. Text fields (month, weekday, era) take exactly the
/// requested width. Quoted literals are copied untouched.
pub(super) fn adjust_field_widths(pattern: &str, options: &FormatOptions) -> String {
    let mut adjusted = String::with_capacity(pattern.len() + 4);
    let mut chars = pattern.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
            adjusted.push(c);
            continue;
        }
        if quoted || !c.is_ascii_alphabetic() {
            adjusted.push(c);
            continue;
        }
        let mut width = 1;
        while chars.peek() == Some(&c) {
            chars.next();
            width += 1;
        }
        let width = requested_width(c, width, options);
        adjusted.extend(core::iter::repeat_n(c, width));
    }
    adjusted
}

/// The width of a field `symbol` that the pattern gives as `width` characters, once `options` are applied.
fn requested_width(symbol: char, width: usize, options: &FormatOptions) -> usize {
    let widen_to_two_digits = |two_digit: bool| if two_digit { 2 } else { width };
    match symbol {
        'y' | 'Y' | 'u' => match options.year {
            Some(Year::TwoDigit) => 2,
            Some(Year::Numeric) => 1,
            None => width,
        },
        // A month the locale writes as a number even in words (Japanese `1月`: the number, then the literal 月)
        // stays a number, as ICU4C keeps a numeric pattern field when text is asked for.
        'M' | 'L' if width <= 2 => match options.month {
            Some(Month::TwoDigit) => 2,
            _ => width,
        },
        'M' | 'L' => match options.month {
            Some(Month::Short) => 3,
            Some(Month::Long) => 4,
            Some(Month::Narrow) => 5,
            _ => width,
        },
        'd' => widen_to_two_digits(matches!(options.day, Some(Day::TwoDigit))),
        'E' | 'c' | 'e' => match options.week_day {
            Some(WeekDay::Short) => 3,
            Some(WeekDay::Long) => 4,
            Some(WeekDay::Narrow) => 5,
            None => width,
        },
        'G' => match options.era {
            Some(Era::Short) => 1,
            Some(Era::Long) => 4,
            Some(Era::Narrow) => 5,
            None => width,
        },
        // V8 asks ICU4C to match the hour's width too: an explicit numeric hour drops the locale's padding.
        'h' | 'H' | 'K' | 'k' => match options.hour {
            Some(Hour::TwoDigit) => 2,
            Some(Hour::Numeric) if !options.time_defaulted => 1,
            _ => width,
        },
        'm' => widen_to_two_digits(matches!(options.minute, Some(Minute::TwoDigit))),
        's' => widen_to_two_digits(matches!(options.second, Some(Second::TwoDigit))),
        _ => width,
    }
}

/// The components `resolvedOptions()` reports for `pattern` and their widths, read as V8 reads them: the first of
/// each component's letter runs (longest first) found anywhere in the pattern, quoted text included (so Spanish
/// `MMMM 'de' y` reports a numeric day, as in Node).
pub(super) fn resolved_components(pattern: &str) -> Vec<(&'static str, &'static str)> {
    const COMPONENTS: &[(&str, &[(&str, &str)])] = &[
        (
            "weekday",
            &[
                ("EEEEE", "narrow"),
                ("EEEE", "long"),
                ("EEE", "short"),
                ("ccccc", "narrow"),
                ("cccc", "long"),
                ("ccc", "short"),
            ],
        ),
        (
            "era",
            &[("GGGGG", "narrow"), ("GGGG", "long"), ("GGG", "short")],
        ),
        ("year", &[("yy", "2-digit"), ("y", "numeric")]),
        (
            "month",
            &[
                ("MMMMM", "narrow"),
                ("MMMM", "long"),
                ("MMM", "short"),
                ("MM", "2-digit"),
                ("M", "numeric"),
                ("LLLLL", "narrow"),
                ("LLLL", "long"),
                ("LLL", "short"),
                ("LL", "2-digit"),
                ("L", "numeric"),
            ],
        ),
        ("day", &[("dd", "2-digit"), ("d", "numeric")]),
        (
            "dayPeriod",
            &[
                ("BBBBB", "narrow"),
                ("bbbbb", "narrow"),
                ("BBBB", "long"),
                ("bbbb", "long"),
                ("B", "short"),
                ("b", "short"),
            ],
        ),
        (
            "hour",
            &[
                ("HH", "2-digit"),
                ("H", "numeric"),
                ("hh", "2-digit"),
                ("h", "numeric"),
                ("kk", "2-digit"),
                ("k", "numeric"),
                ("KK", "2-digit"),
                ("K", "numeric"),
            ],
        ),
        ("minute", &[("mm", "2-digit"), ("m", "numeric")]),
        ("second", &[("ss", "2-digit"), ("s", "numeric")]),
    ];
    COMPONENTS
        .iter()
        .filter_map(|&(name, forms)| {
            forms
                .iter()
                .find(|(letters, _)| pattern.contains(letters))
                .map(|&(_, width)| (name, width))
        })
        .collect()
}

/// Whether `pattern` writes the month as a number (`M`, `MM`), where words were asked for.
pub(super) fn has_numeric_month(pattern: &str) -> bool {
    fields(pattern)
        .iter()
        .any(|&(symbol, width)| matches!(symbol, 'M' | 'L') && width <= 2)
}

/// The fields of `pattern` (outside quotes), each as its symbol and width, in pattern order.
pub(super) fn fields(pattern: &str) -> Vec<(char, usize)> {
    let mut fields = Vec::new();
    let mut chars = pattern.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        } else if !quoted && c.is_ascii_alphabetic() {
            let mut width = 1;
            while chars.peek() == Some(&c) {
                chars.next();
                width += 1;
            }
            fields.push((c, width));
        }
    }
    fields
}

/// V8 prints a plain space where CLDR has U+202F NARROW NO-BREAK SPACE (before AM/PM in English, for one), and
/// scripts compare against that output; Node follows V8.
pub(super) fn with_plain_spaces(text: &str) -> String {
    text.replace('\u{202F}', " ")
}

/// Collects a formatted datetime as `formatToParts` parts: `(type, value)`, adjacent text of one type merged.
/// The text is kept as ICU writes it: V8 swaps U+202F for a plain space in `format` only, not in the parts.
#[derive(Debug, Default)]
pub(super) struct DateTimeParts {
    parts: Vec<(&'static str, String)>,
    /// The part being written, if a datetime field is open.
    field: Option<&'static str>,
}

impl DateTimeParts {
    pub(super) fn into_parts(self) -> Vec<(&'static str, String)> {
        self.parts
    }

    fn push(&mut self, kind: &'static str, text: &str) {
        match self.parts.last_mut() {
            Some((last, value)) if *last == kind => value.push_str(text),
            _ => self.parts.push((kind, text.to_owned())),
        }
    }
}

impl fmt::Write for DateTimeParts {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.push(self.field.unwrap_or("literal"), text);
        Ok(())
    }
}

impl PartsWrite for DateTimeParts {
    type SubPartsWrite = Self;

    fn with_part(
        &mut self,
        part: Part,
        mut write: impl FnMut(&mut Self::SubPartsWrite) -> fmt::Result,
    ) -> fmt::Result {
        let outer = self.field;
        self.field = match (outer, part) {
            (None, part) => part_type(part),
            // Seconds with a fraction are one field to ICU4X, a decimal number inside it; Node splits them.
            (Some("second" | "fractionalSecond"), part) if part == decimal_parts::DECIMAL => {
                Some("literal")
            }
            (Some("second"), part) if part == decimal_parts::FRACTION => Some("fractionalSecond"),
            (outer, _) => outer,
        };
        let result = write(self);
        self.field = outer;
        result
    }
}

/// The `formatToParts` type of an ICU4X datetime part, `None` for a part that is not a field.
fn part_type(part: Part) -> Option<&'static str> {
    [
        (datetime_parts::ERA, "era"),
        (datetime_parts::YEAR, "year"),
        (datetime_parts::RELATED_YEAR, "relatedYear"),
        (datetime_parts::YEAR_NAME, "yearName"),
        (datetime_parts::MONTH, "month"),
        (datetime_parts::DAY, "day"),
        (datetime_parts::WEEKDAY, "weekday"),
        (datetime_parts::DAY_PERIOD, "dayPeriod"),
        (datetime_parts::HOUR, "hour"),
        (datetime_parts::MINUTE, "minute"),
        (datetime_parts::SECOND, "second"),
        (datetime_parts::TIME_ZONE_NAME, "timeZoneName"),
    ]
    .into_iter()
    .find_map(|(known, kind)| (known == part).then_some(kind))
}
