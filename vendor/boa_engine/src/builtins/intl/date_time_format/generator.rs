//! ICU's date-time pattern generator (ICU4C's `DateTimePatternGenerator`), over CLDR's available formats.
//!
//! V8 turns an options bag into a skeleton (`{ month: "short", day: "numeric" }` is `MMMd`) and asks ICU's pattern
//! generator for its best pattern: the CLDR available format whose fields are closest to the skeleton's, each field
//! then set to the requested width, with missing fields appended and a date joined to a time by the locale's
//! glue. ICU4X chooses patterns by field category instead, which writes different characters for many option
//! sets (German `15.01.2024` for `15.1.2024`, a Spanish hour `03:05` for `3:05`, no pattern at all for minutes
//! and seconds alone). This module follows ICU's algorithm step by step, with the same distances, iteration
//! order and tie-breaking, so that the pattern is V8's; ICU4X then writes the names and numbers.

use std::{cell::RefCell, rc::Rc};

use icu_locale::{Locale, extensions::unicode::key};

use super::pattern_data::{LANGUAGE_REGION_HOURS, LOCALES, TEXT, TWELVE_HOUR_REGIONS};
use crate::builtins::intl::cldr_tables::{Text, table_for};

/// One locale's patterns from CLDR (written by `scripts/cldr-tables.mjs`).
#[derive(Debug)]
pub(super) struct LocalePatterns {
    pub(super) locale: &'static str,
    /// The date styles' patterns: full, long, medium, short.
    pub(super) date_styles: [&'static str; 4],
    /// The time styles' patterns: full, long, medium, short.
    pub(super) time_styles: [&'static str; 4],
    /// How a date (`{1}`) and a time (`{0}`) are joined, by the date's style (CLDR's "atTime" glue).
    pub(super) date_time_glue: [&'static str; 4],
    /// How a field the best format lacks is appended, by field (`{0}` the pattern, `{1}` the field, `{2}` its
    /// name).
    pub(super) append_items: [&'static str; FIELD_COUNT],
    /// Each field's display name, for `{2}` of its append item.
    pub(super) field_names: [&'static str; FIELD_COUNT],
    /// CLDR's flexible day periods (`B`): the hours each covers, from and before, and its name's key.
    pub(super) day_periods: &'static [(u8, u8, &'static str)],
    /// The format names of the day periods, noon, AM and PM: abbreviated, wide and narrow.
    pub(super) day_period_names: &'static [(&'static str, [&'static str; 3])],
    /// The minus sign of a zone's offset (`GMT-5`).
    pub(super) offset_minus: &'static str,
    /// The available formats: skeleton and pattern (places in the table's `TEXT`), in code point order of the
    /// skeletons.
    pub(super) skeletons: &'static [(Text, Text)],
}

impl LocalePatterns {
    /// The flexible day period ICU writes for `B` repeated `width` times (`SimpleDateFormat`'s flexible day
    /// period): noon at 12:00 where the language names it, otherwise the period of the hour, or AM/PM where the
    /// language has no period for it. ICU does not write midnight: 00:00 is in its hour's period. The minutes and
    /// seconds count only where the pattern shows them (`has_minute`, `has_second` passed as zero otherwise).
    pub(super) fn day_period(
        &self,
        hour: u8,
        minute: u8,
        second: u8,
        width: usize,
    ) -> &'static str {
        let index = match width {
            1..=3 => 0,
            5 => 2,
            _ => 1,
        };
        let name = |key: &str| {
            self.day_period_names
                .iter()
                .find(|(period, _)| *period == key)
                .map(|(_, names)| names[index])
                .filter(|name| !name.is_empty())
        };
        let noon = (hour, minute, second) == (12, 0, 0);
        let period = self.day_periods.iter().find(|&&(from, before, _)| {
            if from < before {
                (from..before).contains(&hour)
            } else {
                hour >= from || hour < before
            }
        });
        noon.then(|| name("noon"))
            .flatten()
            .or_else(|| period.and_then(|&(_, _, key)| name(key)))
            .or_else(|| name(if hour < 12 { "am" } else { "pm" }))
            .unwrap_or_default()
    }
}

/// The first character of the placeholders that stand for a flexible day period in a pattern given to ICU4X,
/// which cannot write one: `B` repeated n times becomes the quoted character `DAY_PERIOD_PLACEHOLDER + n`, which
/// [`LocalePatterns::day_period`]'s name replaces once formatted.
pub(super) const DAY_PERIOD_PLACEHOLDER: u32 = 0xE000;

/// `pattern` with each flexible day period (`B`, outside quotes) as a quoted placeholder ICU4X writes as it is.
pub(super) fn with_day_period_placeholders(pattern: &str) -> String {
    let mut result = String::with_capacity(pattern.len() + 4);
    for piece in pieces(pattern) {
        match piece {
            Piece::Field('B', width) => {
                let placeholder = char::from_u32(DAY_PERIOD_PLACEHOLDER + width.min(5) as u32)
                    .expect("a private use character");
                result.push('\'');
                result.push(placeholder);
                result.push('\'');
            }
            Piece::Field(letter, width) => result.extend(core::iter::repeat_n(letter, width)),
            Piece::Literal(text) => result.push_str(text),
        }
    }
    result
}

/// The width of the flexible day period a placeholder stands for, if `character` is one.
pub(super) fn day_period_width(character: char) -> Option<usize> {
    let offset = u32::from(character).checked_sub(DAY_PERIOD_PLACEHOLDER)?;
    (1..=5).contains(&offset).then_some(offset as usize)
}

/// A style's place in the tables' style arrays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Full = 0,
    Long = 1,
    Medium = 2,
    Short = 3,
}

// ICU's fields (`UDATPG_*_FIELD`), in its order: a skeleton holds at most one of each.
const ERA: usize = 0;
const YEAR: usize = 1;
const QUARTER: usize = 2;
const MONTH: usize = 3;
const WEEK_OF_YEAR: usize = 4;
const WEEK_OF_MONTH: usize = 5;
const WEEKDAY: usize = 6;
const DAY_OF_YEAR: usize = 7;
const DAY_OF_WEEK_IN_MONTH: usize = 8;
const DAY: usize = 9;
const DAY_PERIOD: usize = 10;
const HOUR: usize = 11;
const MINUTE: usize = 12;
const SECOND: usize = 13;
const FRACTIONAL_SECOND: usize = 14;
const ZONE: usize = 15;
const FIELD_COUNT: usize = 16;

/// The date fields (era to day); the others are the time's, the zone among them.
const DATE_MASK: u32 = (1 << DAY_PERIOD) - 1;
const TIME_MASK: u32 = (1 << FIELD_COUNT) - 1 - DATE_MASK;
const FRACTIONAL_MASK: u32 = 1 << FRACTIONAL_SECOND;
const SECOND_AND_FRACTIONAL_MASK: u32 = (1 << SECOND) | FRACTIONAL_MASK;

// How far apart two forms of a field are: numeric forms are positive, text forms negative, and variants of one
// form (`L` beside `M`, `c` beside `E`) a few deltas away.
const NUMERIC: i32 = 0x100;
const NARROW: i32 = -0x101;
const SHORTER: i32 = -0x102;
const SHORT: i32 = -0x103;
const LONG: i32 = -0x104;
const DELTA: i32 = 0x10;
/// The cost of a field a format has that the skeleton does not, and of one the skeleton has that it lacks.
const EXTRA_FIELD: i32 = 0x10000;
const MISSING_FIELD: i32 = 0x1000;

/// A form of a pattern letter: its field, its kind (see the constants above) and the width it starts at.
struct Form {
    letter: char,
    field: usize,
    kind: i32,
    min_width: u8,
}

const fn form(letter: char, field: usize, kind: i32, min_width: u8) -> Form {
    Form {
        letter,
        field,
        kind,
        min_width,
    }
}

/// ICU's table of pattern letters (`dtTypes`): for each letter, its forms by increasing width.
const FORMS: &[Form] = &[
    form('G', ERA, SHORT, 1),
    form('G', ERA, LONG, 4),
    form('G', ERA, NARROW, 5),
    form('y', YEAR, NUMERIC, 1),
    form('Y', YEAR, NUMERIC + DELTA, 1),
    form('u', YEAR, NUMERIC + 2 * DELTA, 1),
    form('r', YEAR, NUMERIC + 3 * DELTA, 1),
    form('U', YEAR, SHORT, 1),
    form('U', YEAR, LONG, 4),
    form('U', YEAR, NARROW, 5),
    form('Q', QUARTER, NUMERIC, 1),
    form('Q', QUARTER, SHORT, 3),
    form('Q', QUARTER, LONG, 4),
    form('Q', QUARTER, NARROW, 5),
    form('q', QUARTER, NUMERIC + DELTA, 1),
    form('q', QUARTER, SHORT - DELTA, 3),
    form('q', QUARTER, LONG - DELTA, 4),
    form('q', QUARTER, NARROW - DELTA, 5),
    form('M', MONTH, NUMERIC, 1),
    form('M', MONTH, SHORT, 3),
    form('M', MONTH, LONG, 4),
    form('M', MONTH, NARROW, 5),
    form('L', MONTH, NUMERIC + DELTA, 1),
    form('L', MONTH, SHORT - DELTA, 3),
    form('L', MONTH, LONG - DELTA, 4),
    form('L', MONTH, NARROW - DELTA, 5),
    form('l', MONTH, NUMERIC + DELTA, 1),
    form('w', WEEK_OF_YEAR, NUMERIC, 1),
    form('W', WEEK_OF_MONTH, NUMERIC, 1),
    form('E', WEEKDAY, SHORT, 1),
    form('E', WEEKDAY, LONG, 4),
    form('E', WEEKDAY, NARROW, 5),
    form('E', WEEKDAY, SHORTER, 6),
    form('c', WEEKDAY, NUMERIC + 2 * DELTA, 1),
    form('c', WEEKDAY, SHORT - 2 * DELTA, 3),
    form('c', WEEKDAY, LONG - 2 * DELTA, 4),
    form('c', WEEKDAY, NARROW - 2 * DELTA, 5),
    form('c', WEEKDAY, SHORTER - 2 * DELTA, 6),
    form('e', WEEKDAY, NUMERIC + DELTA, 1),
    form('e', WEEKDAY, SHORT - DELTA, 3),
    form('e', WEEKDAY, LONG - DELTA, 4),
    form('e', WEEKDAY, NARROW - DELTA, 5),
    form('e', WEEKDAY, SHORTER - DELTA, 6),
    form('d', DAY, NUMERIC, 1),
    form('g', DAY, NUMERIC + DELTA, 1),
    form('D', DAY_OF_YEAR, NUMERIC, 1),
    form('F', DAY_OF_WEEK_IN_MONTH, NUMERIC, 1),
    form('a', DAY_PERIOD, SHORT, 1),
    form('a', DAY_PERIOD, LONG, 4),
    form('a', DAY_PERIOD, NARROW, 5),
    form('b', DAY_PERIOD, SHORT - DELTA, 1),
    form('b', DAY_PERIOD, LONG - DELTA, 4),
    form('b', DAY_PERIOD, NARROW - DELTA, 5),
    form('B', DAY_PERIOD, SHORT - 3 * DELTA, 1),
    form('B', DAY_PERIOD, LONG - 3 * DELTA, 4),
    form('B', DAY_PERIOD, NARROW - 3 * DELTA, 5),
    form('H', HOUR, NUMERIC + 10 * DELTA, 1),
    form('k', HOUR, NUMERIC + 11 * DELTA, 1),
    form('h', HOUR, NUMERIC, 1),
    form('K', HOUR, NUMERIC + DELTA, 1),
    form('J', HOUR, NUMERIC + 5 * DELTA, 1),
    form('j', HOUR, NUMERIC + 6 * DELTA, 1),
    form('C', HOUR, NUMERIC + 7 * DELTA, 1),
    form('m', MINUTE, NUMERIC, 1),
    form('s', SECOND, NUMERIC, 1),
    form('A', SECOND, NUMERIC + DELTA, 1),
    form('S', FRACTIONAL_SECOND, NUMERIC, 1),
    form('v', ZONE, SHORT - 2 * DELTA, 1),
    form('v', ZONE, LONG - 2 * DELTA, 4),
    form('z', ZONE, SHORT, 1),
    form('z', ZONE, LONG, 4),
    form('Z', ZONE, NARROW - DELTA, 1),
    form('Z', ZONE, LONG - DELTA, 4),
    form('Z', ZONE, SHORT - DELTA, 5),
    form('O', ZONE, SHORT - DELTA, 1),
    form('O', ZONE, LONG - DELTA, 4),
    form('V', ZONE, SHORT - DELTA, 1),
    form('V', ZONE, LONG - DELTA, 2),
    form('V', ZONE, LONG - 1 - DELTA, 3),
    form('V', ZONE, LONG - 2 - DELTA, 4),
    form('X', ZONE, NARROW - DELTA, 1),
    form('X', ZONE, SHORT - DELTA, 2),
    form('X', ZONE, LONG - DELTA, 4),
    form('x', ZONE, NARROW - DELTA, 1),
    form('x', ZONE, SHORT - DELTA, 2),
    form('x', ZONE, LONG - DELTA, 4),
];

/// The single-letter patterns ICU starts every generator with, one per field (`Canonical_Items`).
const CANONICAL_ITEMS: &[&str] = &[
    "G", "y", "Q", "M", "w", "W", "E", "D", "F", "d", "a", "H", "m", "s", "S", "v",
];

/// The form of `letter` written `width` times, or `None` for a letter that is not a field.
fn form_of(letter: char, width: usize) -> Option<&'static Form> {
    let mut index = FORMS.iter().position(|form| form.letter == letter)?;
    while FORMS
        .get(index + 1)
        .is_some_and(|next| next.letter == letter && usize::from(next.min_width) <= width)
    {
        index += 1;
    }
    Some(&FORMS[index])
}

/// A pattern's pieces: a field (a letter repeated) or literal text, quoted text kept with its quotes.
#[derive(Debug, Clone, PartialEq)]
enum Piece<'a> {
    Field(char, usize),
    Literal(&'a str),
}

fn pieces(pattern: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let bytes = pattern.as_bytes();
    let mut start = 0;
    while start < pattern.len() {
        let first = bytes[start];
        let end = if first.is_ascii_alphabetic() {
            let run = bytes[start..].iter().take_while(|&&b| b == first).count();
            pieces.push(Piece::Field(char::from(first), run));
            start += run;
            continue;
        } else if first == b'\'' {
            // To the closing quote; a doubled quote inside is an escaped one.
            let mut end = start + 1;
            loop {
                match bytes.get(end) {
                    None => break end,
                    Some(b'\'') if bytes.get(end + 1) == Some(&b'\'') => end += 2,
                    Some(b'\'') => break end + 1,
                    Some(_) => end += 1,
                }
            }
        } else {
            start + pattern[start..].chars().next().map_or(1, char::len_utf8)
        };
        pieces.push(Piece::Literal(&pattern[start..end]));
        start = end;
    }
    pieces
}

/// A skeleton as ICU's matcher holds it: each field's letter and width as given (`original`), its canonical form
/// (`base`), and its kind plus width, which distances are measured on.
#[derive(Debug, Clone, Default, PartialEq)]
struct Skeleton {
    kinds: [i32; FIELD_COUNT],
    original: [(char, usize); FIELD_COUNT],
    base: [(char, usize); FIELD_COUNT],
    /// ICU gave a 12-hour skeleton the day period it lacked.
    added_day_period: bool,
}

impl Skeleton {
    /// The skeleton of a pattern or of a skeleton string (`DateTimeMatcher::set`).
    fn of(pattern: &str) -> Self {
        let mut skeleton = Self::default();
        for piece in pieces(pattern) {
            let Piece::Field(letter, width) = piece else {
                continue;
            };
            let Some(form) = form_of(letter, width) else {
                continue;
            };
            skeleton.set(form, letter, width);
        }
        // Minutes and fractional seconds without seconds: ICU adds the seconds.
        if skeleton.has(MINUTE) && skeleton.has(FRACTIONAL_SECOND) && !skeleton.has(SECOND) {
            skeleton.set(&FORMS[first_form(SECOND)], 's', 1);
        }
        if skeleton.has(HOUR) {
            if matches!(skeleton.original[HOUR].0, 'h' | 'K') {
                // A 12-hour skeleton without a day period gets the default one, `a`.
                if !skeleton.has(DAY_PERIOD) {
                    skeleton.set(&FORMS[first_form(DAY_PERIOD)], 'a', 1);
                    skeleton.added_day_period = true;
                }
            } else {
                // A 24-hour skeleton ignores any day period.
                skeleton.kinds[DAY_PERIOD] = 0;
                skeleton.original[DAY_PERIOD] = ('\0', 0);
                skeleton.base[DAY_PERIOD] = ('\0', 0);
            }
        }
        skeleton
    }

    fn set(&mut self, form: &Form, letter: char, width: usize) {
        self.original[form.field] = (letter, width);
        self.base[form.field] = (form.letter, usize::from(form.min_width));
        self.kinds[form.field] = if form.kind > 0 {
            form.kind + width as i32
        } else {
            form.kind
        };
    }

    fn has(&self, field: usize) -> bool {
        self.original[field].1 != 0
    }

    fn field_mask(&self) -> u32 {
        (0..FIELD_COUNT)
            .filter(|&field| self.kinds[field] != 0)
            .fold(0, |mask, field| mask | 1 << field)
    }

    /// The canonical forms in field order (`getBasePattern`): entries with the same one conflict.
    fn base_pattern(&self) -> String {
        write_fields(&self.base)
    }

    /// The fields as given, in field order, without a day period ICU added (`getSkeleton`).
    fn skeleton_string(&self) -> String {
        let mut original = self.original;
        if self.added_day_period {
            original[DAY_PERIOD] = ('\0', 0);
        }
        write_fields(&original)
    }

    /// How far `other` is from this skeleton, counting only the fields of `include` (`getDistance`), with the
    /// fields `other` lacks and those it has in excess.
    fn distance(&self, other: &Self, include: u32) -> Distance {
        let mut distance = Distance::default();
        for field in 0..FIELD_COUNT {
            let mine = if include & (1 << field) == 0 {
                0
            } else {
                self.kinds[field]
            };
            let theirs = other.kinds[field];
            if mine == theirs {
                continue;
            }
            if mine == 0 {
                distance.value += EXTRA_FIELD;
                distance.extra |= 1 << field;
            } else if theirs == 0 {
                distance.value += MISSING_FIELD;
                distance.missing |= 1 << field;
            } else {
                distance.value += (mine - theirs).abs();
            }
        }
        distance
    }
}

fn first_form(field: usize) -> usize {
    FORMS
        .iter()
        .position(|form| form.field == field)
        .expect("every field has a form")
}

fn write_fields(fields: &[(char, usize); FIELD_COUNT]) -> String {
    fields
        .iter()
        .flat_map(|&(letter, width)| core::iter::repeat_n(letter, width))
        .collect()
}

#[derive(Debug, Clone, Copy, Default)]
struct Distance {
    value: i32,
    missing: u32,
    extra: u32,
}

/// One pattern the generator can choose.
#[derive(Debug)]
struct Entry {
    base: String,
    skeleton: Skeleton,
    pattern: String,
    /// Its skeleton came from CLDR's available formats (not derived from the pattern), so the width
    /// adjustment may compare against it.
    specified: bool,
}

/// A locale's pattern generator: its patterns in ICU's order (by the first letter of their canonical form, A to
/// Z then a to z, each in the order added), which decides between equally close patterns.
#[derive(Debug)]
pub(super) struct Generator {
    data: &'static LocalePatterns,
    buckets: Vec<Vec<Entry>>,
    default_hour: char,
}

/// Flags of one request: whether the hour takes the requested width (V8 asks so, ICU's interval formatter does
/// not), and whether fractional seconds are to follow the seconds.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    match_hour_width: bool,
    fix_fractional_seconds: bool,
}

fn bucket_of(letter: char) -> Option<usize> {
    match letter {
        'A'..='Z' => Some(letter as usize - 'A' as usize),
        'a'..='z' => Some(26 + letter as usize - 'a' as usize),
        _ => None,
    }
}

impl Generator {
    /// The generator for `locale`, made once per locale and thread (a format is made for every
    /// `toLocaleString`). `None` where CLDR's patterns are not packed (languages other than the covered ones).
    pub(super) fn for_locale(locale: &Locale) -> Option<Rc<Self>> {
        Self::with_hour(locale, default_hour_letter(locale))
    }

    /// The generator for `locale` with `hour` as its hour letter (the locale's `-u-hc`, as ICU's interval
    /// formatter is given the format's cycle).
    pub(super) fn with_hour(locale: &Locale, default_hour: char) -> Option<Rc<Self>> {
        thread_local! {
            static GENERATORS: RefCell<Vec<Rc<Generator>>> = const { RefCell::new(Vec::new()) };
        }
        let data = table_for(LOCALES, locale, |patterns| patterns.locale);
        if data.locale == "und" {
            return None;
        }
        GENERATORS.with_borrow_mut(|generators| {
            let made = generators.iter().find(|generator| {
                core::ptr::eq(generator.data, data) && generator.default_hour == default_hour
            });
            if let Some(generator) = made {
                return Some(generator.clone());
            }
            let generator = Rc::new(Self::new(data, default_hour));
            generators.push(generator.clone());
            Some(generator)
        })
    }

    /// ICU's set-up: the canonical single fields, the style patterns (times, then dates), then CLDR's available
    /// formats, which replace a derived pattern of the same skeleton.
    fn new(data: &'static LocalePatterns, default_hour: char) -> Self {
        let mut generator = Self {
            data,
            buckets: (0..52).map(|_| Vec::new()).collect(),
            default_hour,
        };
        for item in CANONICAL_ITEMS {
            generator.add(item, None, false);
        }
        for pattern in data.time_styles.iter().chain(&data.date_styles) {
            generator.add(pattern, None, false);
        }
        for &(skeleton, pattern) in data.skeletons {
            generator.add(pattern.read(TEXT), Some(skeleton.read(TEXT)), true);
        }
        generator
    }

    /// `addPatternWithOptionalSkeleton`.
    fn add(&mut self, pattern: &str, skeleton: Option<&str>, replace: bool) {
        let parsed = Skeleton::of(skeleton.unwrap_or(pattern));
        let base = parsed.base_pattern();
        let Some(bucket) = base.chars().next().and_then(bucket_of) else {
            return;
        };
        let entries = &mut self.buckets[bucket];
        // Without replacing (the canonical items, the style patterns), a pattern is left out where one of the same
        // canonical form is there already, unless that one came from CLDR's available formats.
        if !replace
            && let Some(same_base) = entries.iter().find(|entry| entry.base == base)
            && (!same_base.specified || skeleton.is_some())
        {
            return;
        }
        // Nor is one whose skeleton is there already, unless it replaces a derived one (an available format over a
        // style pattern; never another available format).
        if let Some(same_skeleton) = entries
            .iter()
            .find(|entry| entry.skeleton.original == parsed.original)
            && (!replace || (skeleton.is_some() && same_skeleton.specified))
        {
            return;
        }
        let specified = skeleton.is_some();
        if let Some(duplicate) = entries
            .iter_mut()
            .find(|entry| entry.base == base && entry.skeleton.kinds == parsed.kinds)
        {
            duplicate.pattern = pattern.to_owned();
            duplicate.specified = specified;
        } else {
            entries.push(Entry {
                base,
                skeleton: parsed,
                pattern: pattern.to_owned(),
                specified,
            });
        }
    }

    /// The pattern closest to `requested` over the fields of `include` (`getBestRaw`), with how far it is.
    fn best_raw(&self, requested: &Skeleton, include: u32) -> (&Entry, Distance) {
        let mut best: Option<(&Entry, Distance)> = None;
        for entry in self.buckets.iter().flatten() {
            let distance = requested.distance(&entry.skeleton, include);
            // Between equal distances ICU keeps the pattern with the larger mask of missing fields.
            let better = best.is_none_or(|(_, best)| {
                distance.value < best.value
                    || (distance.value == best.value && best.missing < distance.missing)
            });
            if better {
                best = Some((entry, distance));
                if distance.value == 0 {
                    break;
                }
            }
        }
        best.expect("the canonical items are always there")
    }

    /// The locale's letter for an hour of the requested cycle (`fDefaultHourFormatChar`).
    pub(super) fn default_hour(&self) -> char {
        self.default_hour
    }

    /// The best pattern for `skeleton` (`getBestPattern`), the hour at the requested width when
    /// `match_hour_width` (`UDATPG_MATCH_HOUR_FIELD_LENGTH`, as V8 asks).
    pub(super) fn best_pattern(&self, skeleton: &str, match_hour_width: bool) -> String {
        let requested = Skeleton::of(skeleton);
        let flags = Flags {
            match_hour_width,
            fix_fractional_seconds: false,
        };
        let (best, distance) = self.best_raw(&requested, u32::MAX);
        if distance.missing == 0 && distance.extra == 0 {
            return self.adjust_field_types(&best.pattern, &requested, Some(best), flags);
        }
        let needed = requested.field_mask();
        let date = self.best_appending(&requested, needed & DATE_MASK, flags);
        let time = self.best_appending(&requested, needed & TIME_MASK, flags);
        if date.is_empty() {
            return time;
        }
        if time.is_empty() {
            return date;
        }
        // The glue of the style the date's month suggests.
        let style = match requested.base[MONTH].1 {
            4 if requested.has(WEEKDAY) => Style::Full,
            4 => Style::Long,
            3 => Style::Medium,
            _ => Style::Short,
        };
        self.join(style, &date, &time)
    }

    /// A date and a time joined with the glue of `style`.
    pub(super) fn join(&self, style: Style, date: &str, time: &str) -> String {
        self.data.date_time_glue[style as usize]
            .replace("{1}", date)
            .replace("{0}", time)
    }

    /// The pattern of a date style.
    pub(super) fn date_style(&self, style: Style) -> &'static str {
        self.data.date_styles[style as usize]
    }

    /// The locale's CLDR patterns.
    pub(super) fn patterns(&self) -> &'static LocalePatterns {
        self.data
    }

    /// The pattern of a time style.
    pub(super) fn time_style(&self, style: Style) -> &'static str {
        self.data.time_styles[style as usize]
    }

    /// The fields of `missing`, from the closest pattern plus each field it lacks appended (`getBestAppending`).
    fn best_appending(&self, requested: &Skeleton, missing: u32, flags: Flags) -> String {
        if missing == 0 {
            return String::new();
        }
        let (entry, mut distance) = self.best_raw(requested, missing);
        let mut specified = Some(entry);
        let mut result = self.adjust_field_types(&entry.pattern, requested, specified, flags);
        let mut last_missing = 0;
        while distance.missing != 0 {
            if last_missing == distance.missing {
                break;
            }
            if distance.missing & SECOND_AND_FRACTIONAL_MASK == FRACTIONAL_MASK
                && missing & SECOND_AND_FRACTIONAL_MASK == SECOND_AND_FRACTIONAL_MASK
            {
                let fixing = Flags {
                    fix_fractional_seconds: true,
                    ..flags
                };
                result = self.adjust_field_types(&result, requested, specified, fixing);
                distance.missing &= !FRACTIONAL_MASK;
                continue;
            }
            let starting = distance.missing;
            let (entry, next) = self.best_raw(requested, distance.missing);
            distance = next;
            specified = Some(entry);
            let appended = self.adjust_field_types(&entry.pattern, requested, specified, flags);
            let found = starting & !distance.missing;
            let field = top_field(found);
            let item = self.data.append_items[field];
            if !item.is_empty() {
                let name = format!("'{}'", self.data.field_names[field]);
                result = item
                    .replace("{0}", &result)
                    .replace("{1}", &appended)
                    .replace("{2}", &name);
            }
            last_missing = distance.missing;
        }
        result
    }

    /// `pattern` with each requested field at the requested width and letter (`adjustFieldTypes`); `entry` is
    /// the format the pattern came from, whose own skeleton keeps a width the locale chose.
    fn adjust_field_types(
        &self,
        pattern: &str,
        requested: &Skeleton,
        entry: Option<&Entry>,
        flags: Flags,
    ) -> String {
        let specified = entry
            .filter(|entry| entry.specified)
            .map(|entry| &entry.skeleton);
        let mut adjusted = String::with_capacity(pattern.len() + 4);
        for piece in pieces(pattern) {
            let (letter, width) = match piece {
                Piece::Literal(text) => {
                    adjusted.push_str(text);
                    continue;
                }
                Piece::Field(letter, width) => (letter, width),
            };
            let Some(form) = form_of(letter, width) else {
                adjusted.extend(core::iter::repeat_n(letter, width));
                continue;
            };
            let field = form.field;
            if flags.fix_fractional_seconds && field == SECOND {
                // ICU writes the locale's decimal separator here; ICU4X's patterns always join fractional
                // seconds with `.` and print the locale's separator themselves.
                adjusted.extend(core::iter::repeat_n(letter, width));
                adjusted.push('.');
                let (fraction, digits) = requested.original[FRACTIONAL_SECOND];
                adjusted.extend(core::iter::repeat_n(fraction, digits));
                continue;
            }
            if requested.kinds[field] == 0 {
                adjusted.extend(core::iter::repeat_n(letter, width));
                continue;
            }
            let (requested_letter, mut requested_width) = requested.original[field];
            if requested_letter == 'E' && requested_width < 3 {
                requested_width = 3;
            }
            let mut new_width = requested_width;
            // The minutes' and seconds' widths stay as the locale writes them, and the hour's unless asked.
            if matches!(field, MINUTE | SECOND) || (field == HOUR && !flags.match_hour_width) {
                new_width = width;
            } else if let Some(specified) = specified
                && !matches!(requested_letter, 'c' | 'e')
            {
                let skeleton_width = specified.original[field].1;
                let pattern_numeric = form.kind > 0;
                let requested_numeric = requested.kinds[field] > 0;
                if skeleton_width == requested_width || pattern_numeric != requested_numeric {
                    new_width = width;
                }
            }
            let keeps_letter = matches!(field, HOUR | MONTH | WEEKDAY)
                || (field == YEAR && requested_letter != 'Y');
            let mut new_letter = if keeps_letter {
                letter
            } else {
                requested_letter
            };
            if new_letter == 'E' && new_width < 3 {
                new_letter = 'e';
            }
            if field == HOUR {
                new_letter = match (requested_letter, self.default_hour) {
                    (requested, default) if requested == default => default,
                    ('h', 'K') => 'K',
                    ('H', 'k') => 'k',
                    ('k', 'H') => 'H',
                    ('K', 'h') => 'h',
                    _ => new_letter,
                };
            }
            adjusted.extend(core::iter::repeat_n(new_letter, new_width));
        }
        adjusted
    }
}

/// The highest field of `mask` (the zone at most).
fn top_field(mask: u32) -> usize {
    if mask == 0 {
        return 0;
    }
    ((u32::BITS - 1 - mask.leading_zeros()) as usize).min(ZONE)
}

/// The hour letter of the locale's cycle: its `-u-hc`, or its region's preferred cycle (the language's likely
/// region where it names none).
fn default_hour_letter(locale: &Locale) -> char {
    if let Some(cycle) = locale.extensions.unicode.keywords.get(&key!("hc")) {
        match cycle.to_string().as_str() {
            "h11" => return 'K',
            "h12" => return 'h',
            "h23" => return 'H',
            "h24" => return 'k',
            _ => {}
        }
    }
    let language = locale.id.language.as_str();
    let region = locale
        .id
        .region
        .map(|region| region.as_str().to_owned())
        .unwrap_or_else(|| {
            match language {
                "en" => "US",
                "de" => "DE",
                "fr" => "FR",
                "es" => "ES",
                "pt" => "BR",
                "ja" => "JP",
                _ => "001",
            }
            .to_owned()
        });
    let language_region = format!("{language}-{region}");
    if let Some(&(_, letter)) = LANGUAGE_REGION_HOURS
        .iter()
        .find(|(pair, _)| *pair == language_region)
    {
        return letter;
    }
    if TWELVE_HOUR_REGIONS
        .split(' ')
        .any(|twelve_hour| twelve_hour == region)
    {
        'h'
    } else {
        'H'
    }
}

/// The skeleton of a pattern, without any day period and with every hour written `hour` (V8's
/// `ReplaceSkeleton` of ICU's `staticGetSkeleton`), for a style printed in another hour cycle.
pub(super) fn skeleton_in_cycle(pattern: &str, hour: char) -> String {
    Skeleton::of(pattern)
        .skeleton_string()
        .chars()
        .filter(|letter| !matches!(letter, 'a' | 'b' | 'B'))
        .map(|letter| {
            if matches!(letter, 'h' | 'H' | 'K' | 'k') {
                hour
            } else {
                letter
            }
        })
        .collect()
}

/// Every hour of `pattern` written `hour` outside quotes, with a space after a day that an hour follows (V8's
/// `ReplaceHourCycleInPattern`).
pub(super) fn with_hour_letter(pattern: &str, hour: char) -> String {
    let mut result = String::with_capacity(pattern.len() + 1);
    let mut quoted = false;
    let mut last = '\0';
    for letter in pattern.chars() {
        match letter {
            '\'' => {
                quoted = !quoted;
                result.push(letter);
            }
            'H' | 'h' | 'K' | 'k' if !quoted => {
                if last == 'd' {
                    result.push(' ');
                }
                result.push(hour);
            }
            _ => result.push(letter),
        }
        last = letter;
    }
    result
}

/// The hour letter of a pattern (`HourCycleFromPattern`).
pub(super) fn hour_letter_of(pattern: &str) -> Option<char> {
    pieces(pattern).into_iter().find_map(|piece| match piece {
        Piece::Field(letter @ ('H' | 'h' | 'K' | 'k'), _) => Some(letter),
        _ => None,
    })
}
