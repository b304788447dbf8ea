//! `formatRange` and `formatRangeToParts`: which pattern prints two dates together, chosen as ICU's
//! `DateIntervalFormat` (what V8 uses) chooses it.
//!
//! ICU4X 2 has no interval formatting, so the patterns are CLDR's interval formats (`interval_data.rs`, written by
//! `scripts/cldr-tables.mjs`). From the skeleton of the format's own pattern (`MMM d, y` is `yMMMd`), ICU finds the
//! closest skeleton CLDR has patterns for, widens its fields to the ones asked for (`MMM` to `MMMM`), and keeps one
//! pattern per calendar field the two dates can first differ in: `MMM d – d, y` when the day differs, `MMM d – MMM d,
//! y` when the month does. Where CLDR has none, both dates print in full, joined by the locale's fallback
//! (`{0} – {1}`), or, when both fall on one day and the format has a date and a time, the date once beside the
//! range of times. The caller formats each part of the chosen pattern with the names the format already uses.

use icu_locale::Locale;

use super::interval_data::{LOCALES, TEXT};
use crate::builtins::intl::cldr_tables::{Text, table_for};

/// One locale's interval formats: by skeleton, the pattern for each field letter that can differ first.
#[derive(Debug)]
pub(super) struct LocaleIntervals {
    pub(super) locale: &'static str,
    /// The pattern joining two dates printed in full (`{0} – {1}`).
    pub(super) fallback: &'static str,
    /// The pattern joining a date (`{1}`) and a time (`{0}`), ICU's default one (CLDR's medium).
    pub(super) date_time_glue: &'static str,
    /// By skeleton, the pattern for each field letter (places in the table's `TEXT`).
    pub(super) skeletons: &'static [(Text, &'static [(char, Text)])],
}

impl LocaleIntervals {
    /// The table for `locale`: its own (`en-GB`), its language's, or CLDR's root.
    pub(super) fn for_locale(locale: &Locale) -> &'static Self {
        table_for(LOCALES, locale, |intervals| intervals.locale)
    }

    /// CLDR's pattern for `skeleton` when `field` is the first to differ.
    fn pattern(&self, skeleton: &str, field: RangeField) -> Option<&'static str> {
        let (_, patterns) = self
            .skeletons
            .iter()
            .find(|(key, _)| key.read(TEXT) == skeleton)?;
        patterns
            .iter()
            .find(|(letter, _)| RangeField::from_data_letter(*letter) == Some(field))
            .map(|(_, pattern)| pattern.read(TEXT))
    }

    /// ICU's `DateIntervalInfo::getBestSkeleton`: the skeleton with data nearest to `skeleton`, and how they differ
    /// (0 the same, 1 only in widths, 2 only in a zone or hour-cycle letter, -1 in fields).
    fn best_skeleton(&self, skeleton: &str) -> Option<(&'static str, i8)> {
        // CLDR keys zones as `v` and hours as `h`/`H`; other letters of the same field read the same patterns.
        let alternates = [('z', 'v'), ('k', 'H'), ('K', 'h')];
        let replaced = alternates
            .iter()
            .any(|(from, _)| skeleton.contains(*from));
        let input: String = skeleton
            .chars()
            .map(|c| {
                alternates
                    .iter()
                    .find(|(from, _)| *from == c)
                    .map_or(c, |(_, to)| *to)
            })
            .collect();
        let input_widths = field_widths(&input);
        let mut best: Option<(&'static str, i8)> = None;
        let mut best_distance = u32::MAX;
        for (candidate, _) in self.skeletons {
            let candidate = candidate.read(TEXT);
            let widths = field_widths(candidate);
            let mut distance = 0;
            let mut difference = 1;
            for (index, (&wanted, &has)) in input_widths.iter().zip(&widths).enumerate() {
                if wanted == has {
                    continue;
                }
                if wanted == 0 || has == 0 {
                    difference = -1;
                    distance += 0x1000;
                } else if index == usize::from(b'M' - b'A') && (wanted <= 2) != (has <= 2) {
                    // A month in words against one in digits.
                    distance += 0x100;
                } else {
                    distance += u32::from(wanted.abs_diff(has));
                }
            }
            if distance < best_distance {
                best_distance = distance;
                best = Some((candidate, difference));
            }
            if distance == 0 {
                best = Some((candidate, 0));
                break;
            }
        }
        best.map(|(skeleton, difference)| {
            (
                skeleton,
                if replaced && difference != -1 {
                    2
                } else {
                    difference
                },
            )
        })
    }
}

/// The calendar fields in which two dates can first differ, largest first (ICU's interval fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum RangeField {
    Era,
    Year,
    Month,
    Day,
    AmPm,
    Hour,
    Minute,
    Second,
    Millisecond,
}

impl RangeField {
    const ALL: [RangeField; 9] = [
        Self::Era,
        Self::Year,
        Self::Month,
        Self::Day,
        Self::AmPm,
        Self::Hour,
        Self::Minute,
        Self::Second,
        Self::Millisecond,
    ];

    fn from_data_letter(letter: char) -> Option<Self> {
        Some(match letter {
            'G' => Self::Era,
            'y' => Self::Year,
            'M' => Self::Month,
            'd' => Self::Day,
            'a' | 'B' => Self::AmPm,
            'h' | 'H' | 'k' | 'K' => Self::Hour,
            'm' => Self::Minute,
            _ => return None,
        })
    }

    /// The pattern letter a skeleton is extended with to look this field up (`MMMd` → `yMMMd`).
    fn letter(self) -> char {
        match self {
            Self::Era => 'G',
            Self::Year => 'y',
            Self::Month => 'M',
            Self::Day => 'd',
            Self::AmPm => 'a',
            Self::Hour => 'h',
            Self::Minute => 'm',
            Self::Second => 's',
            Self::Millisecond => 'S',
        }
    }

    /// ICU's level of the field: the larger, the smaller the unit.
    fn level(self) -> i8 {
        match self {
            Self::Era => 0,
            Self::Year => 10,
            Self::Month => 20,
            Self::Day => 30,
            Self::AmPm => 40,
            Self::Hour => 50,
            Self::Minute => 60,
            Self::Second => 70,
            Self::Millisecond => 80,
        }
    }

    /// Whether both dates fall on one day when this field is the first to differ.
    fn within_a_day(self) -> bool {
        self >= Self::AmPm
    }
}

/// ICU's level of a pattern letter (`fgPatternCharToLevel`); -1 for letters that are not a unit of time.
fn letter_level(letter: char) -> i8 {
    match letter {
        'G' | 'O' | 'V' | 'X' | 'Z' | 'g' | 'l' | 'v' | 'x' | 'z' => 0,
        'U' | 'Y' | 'r' | 'u' | 'y' => 10,
        'D' | 'L' | 'M' | 'Q' | 'q' | 'w' => 20,
        'E' | 'F' | 'W' | 'c' | 'd' | 'e' => 30,
        'A' | 'a' => 40,
        'H' | 'K' | 'h' | 'k' => 50,
        'm' => 60,
        's' => 70,
        'S' => 80,
        _ => -1,
    }
}

/// The fields of a UTS 35 pattern (or skeleton) in order, as (letter, count), outside quoted literals.
fn pattern_fields(pattern: &str) -> Vec<(char, usize)> {
    let mut fields: Vec<(char, usize)> = Vec::new();
    let mut quoted = false;
    let mut previous_was_field = false;
    for c in pattern.chars() {
        if c == '\'' {
            quoted = !quoted;
            previous_was_field = false;
            continue;
        }
        if !quoted && c.is_ascii_alphabetic() {
            match fields.last_mut() {
                Some((letter, count)) if previous_was_field && *letter == c => *count += 1,
                _ => fields.push((c, 1)),
            }
            previous_was_field = true;
        } else {
            previous_was_field = false;
        }
    }
    fields
}

/// How many of each letter `A`..`z` a skeleton has (ICU's `parseSkeleton`).
fn field_widths(skeleton: &str) -> [u8; 58] {
    let mut widths = [0u8; 58];
    for c in skeleton.chars() {
        if let Some(slot) = (c as usize).checked_sub(usize::from(b'A')).filter(|i| *i < 58) {
            widths[slot] = widths[slot].saturating_add(1);
        }
    }
    widths
}

fn width_of(widths: &[u8; 58], letter: char) -> u8 {
    widths[letter as usize - usize::from(b'A')]
}

/// The skeleton of a pattern: its fields and their widths, with a format's letters as a skeleton writes them
/// (a stand-alone month `L` is `M`, a local weekday `c` or `e` is `E`).
pub(super) fn skeleton_of(pattern: &str) -> String {
    let mut skeleton = String::new();
    for (letter, count) in pattern_fields(pattern) {
        let letter = match letter {
            'L' => 'M',
            'c' | 'e' => 'E',
            other => other,
        };
        skeleton.extend(std::iter::repeat_n(letter, count));
    }
    skeleton
}

/// ICU's `SimpleDateFormat::isFieldUnitIgnored`: whether every field of `pattern` is a larger unit than `field`,
/// so that dates differing only there print as one.
fn is_field_unit_ignored(pattern: &str, field: RangeField) -> bool {
    pattern_fields(pattern)
        .iter()
        .all(|&(letter, _)| field.level() > letter_level(letter))
}

/// ICU's `getDateTimeSkeleton`: a skeleton's date and time fields apart, each as given and normalised to what CLDR
/// keys its interval formats by (numeric months and days at one width, `a` implied by the hour).
struct SplitSkeleton {
    date: String,
    normalized_date: String,
    time: String,
    normalized_time: String,
}

impl SplitSkeleton {
    fn of(skeleton: &str) -> Self {
        let mut split = SplitSkeleton {
            date: String::new(),
            normalized_date: String::new(),
            time: String::new(),
            normalized_time: String::new(),
        };
        let (mut weekdays, mut days, mut months, mut years) = (0, 0, 0, 0);
        let (mut minutes, mut generic_zones, mut specific_zones) = (0, 0, 0);
        let mut hour = None;
        for c in skeleton.chars() {
            match c {
                'E' => weekdays += 1,
                'd' => days += 1,
                'M' => months += 1,
                'y' => years += 1,
                'G' | 'Y' | 'u' | 'Q' | 'q' | 'L' | 'l' | 'W' | 'w' | 'D' | 'F' | 'g' | 'e' | 'c'
                | 'U' | 'r' => split.normalized_date.push(c),
                'h' | 'H' | 'k' | 'K' | 'j' | 'J' => {
                    hour.get_or_insert(c);
                }
                'm' => minutes += 1,
                'z' => specific_zones += 1,
                'v' => generic_zones += 1,
                'V' | 'Z' | 's' | 'S' | 'A' | 'b' | 'B' => split.normalized_time.push(c),
                // The day period goes with the hour.
                _ => {}
            }
            if matches!(
                c,
                'E' | 'd' | 'M' | 'y' | 'G' | 'Y' | 'u' | 'Q' | 'q' | 'L' | 'l' | 'W' | 'w' | 'D' | 'F'
                    | 'g' | 'e' | 'c' | 'U' | 'r'
            ) {
                split.date.push(c);
            } else if c.is_ascii_alphabetic() {
                split.time.push(c);
            }
        }
        let normalized_date = &mut split.normalized_date;
        normalized_date.extend(std::iter::repeat_n('y', years));
        match months {
            0 => {}
            1 | 2 => normalized_date.push('M'),
            _ => normalized_date.extend(std::iter::repeat_n('M', months.min(5))),
        }
        match weekdays {
            0 => {}
            1..=3 => normalized_date.push('E'),
            _ => normalized_date.extend(std::iter::repeat_n('E', weekdays.min(6))),
        }
        if days > 0 {
            normalized_date.push('d');
        }
        let normalized_time = &mut split.normalized_time;
        if let Some(hour) = hour {
            normalized_time.push(hour);
        }
        if minutes > 0 {
            normalized_time.push('m');
        }
        if specific_zones > 0 {
            normalized_time.push('z');
        }
        if generic_zones > 0 {
            normalized_time.push('v');
        }
        split
    }
}

/// What prints a range whose first difference is one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum IntervalPattern {
    /// One pattern for both dates: `first` prints the start, `second` (possibly empty) the end.
    Split { first: String, second: String },
    /// Each date in full with this pattern, joined by the fallback.
    Fallback(String),
}

/// How to print a range, one plan per format, worked out from its pattern as `DateIntervalFormat` does when made.
#[derive(Debug)]
pub(super) struct RangePlan {
    patterns: [Option<IntervalPattern>; 9],
    /// The locale's pattern for the format's skeleton, which prints both dates of a fallback (ICU's interval format
    /// prints with it, not with the format's own pattern, which V8 has fitted to the options).
    own: String,
    /// The format's date and time fields printed apart (when it has both), for one day's range of times.
    date_pattern: Option<String>,
    time_pattern: Option<String>,
    pub(super) fallback: &'static str,
    date_time_glue: &'static str,
}

/// What to print for two dates whose first difference is a field.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum RangeLayout<'a> {
    /// One date, with the format's own pattern: nothing it shows differs.
    Single,
    /// The start with `first`, then the end with `second`.
    Split { first: &'a str, second: &'a str },
    /// Both dates with `pattern`, in the fallback pattern.
    Fallback { pattern: &'a str },
    /// The date once with `date`, and the two times with `time` in the fallback pattern, placed by the glue.
    DateWithTimes { date: &'a str, time: &'a str },
}

impl RangePlan {
    /// The plan for a format printing with `own` in `intervals`' locale; `best_pattern` gives the locale's pattern
    /// for a skeleton, as the format's own was chosen (ICU's `DateFormat::getBestPattern`).
    pub(super) fn new<E>(
        intervals: &'static LocaleIntervals,
        own: &str,
        mut best_pattern: impl FnMut(&str) -> Result<String, E>,
    ) -> Result<Self, E> {
        let skeleton = skeleton_of(own);
        let mut plan = RangePlan {
            patterns: Default::default(),
            own: best_pattern(&skeleton)?,
            date_pattern: None,
            time_pattern: None,
            fallback: intervals.fallback,
            date_time_glue: intervals.date_time_glue,
        };
        let split = SplitSkeleton::of(&skeleton);
        let found = plan.set_separate_date_time(intervals, &split, &mut best_pattern)?;
        let date_fields = [
            RangeField::Day,
            RangeField::Month,
            RangeField::Year,
            RangeField::Era,
        ];
        if !found {
            // No skeleton near enough (seconds, say): only a time-only format learns how to show its dates.
            if !split.time.is_empty() && split.date.is_empty() {
                plan.set_time_only_fallbacks(&split.time, &mut best_pattern)?;
            }
            return Ok(plan);
        }
        if split.time.is_empty() {
            return Ok(plan);
        }
        if split.date.is_empty() {
            plan.set_time_only_fallbacks(&split.time, &mut best_pattern)?;
            return Ok(plan);
        }
        // A date and a time: dates differing in a field the format does not show print in full, with that field;
        // on one day, the date prints once beside the range of times.
        let mut extended = skeleton.clone();
        for field in date_fields {
            if !split.date.contains(field.letter()) {
                extended.insert(0, field.letter());
                plan.patterns[field as usize] =
                    Some(IntervalPattern::Fallback(best_pattern(&extended)?));
            }
        }
        let date = best_pattern(&split.date)?;
        for field in [RangeField::AmPm, RangeField::Hour, RangeField::Minute] {
            if let Some(IntervalPattern::Split { first, second }) = &plan.patterns[field as usize] {
                let time = format!("{first}{second}");
                let joined = glue(intervals.date_time_glue, &date, &time);
                plan.patterns[field as usize] = Some(split_in_two(&joined));
            }
        }
        Ok(plan)
    }

    /// A format with a time and no date prints dates differing in a day or more with `yMd` added.
    fn set_time_only_fallbacks<E>(
        &mut self,
        time: &str,
        best_pattern: &mut impl FnMut(&str) -> Result<String, E>,
    ) -> Result<(), E> {
        let with_date = best_pattern(&format!("yMd{time}"))?;
        for field in [RangeField::Day, RangeField::Month, RangeField::Year] {
            self.patterns[field as usize] = Some(IntervalPattern::Fallback(with_date.clone()));
        }
        let with_era = best_pattern(&format!("GyMd{time}"))?;
        self.patterns[RangeField::Era as usize] = Some(IntervalPattern::Fallback(with_era));
        Ok(())
    }

    /// ICU's `setSeparateDateTimePtn`: the interval patterns of the skeleton nearest to the format's (its time
    /// part when it has one), and the date and time patterns apart. False when no skeleton is near enough.
    fn set_separate_date_time<E>(
        &mut self,
        intervals: &'static LocaleIntervals,
        split: &SplitSkeleton,
        best_pattern: &mut impl FnMut(&str) -> Result<String, E>,
    ) -> Result<bool, E> {
        let skeleton = if split.time.is_empty() {
            &split.normalized_date
        } else {
            &split.normalized_time
        };
        let Some((best, difference)) = intervals.best_skeleton(skeleton) else {
            return Ok(false);
        };
        if !split.date.is_empty() {
            self.date_pattern = Some(best_pattern(&split.date)?);
        }
        if !split.time.is_empty() {
            self.time_pattern = Some(best_pattern(&split.time)?);
        }
        if difference == -1 {
            return Ok(false);
        }
        if split.time.is_empty() {
            let mut skeleton = skeleton.clone();
            let mut best = best.to_owned();
            for field in [
                RangeField::Day,
                RangeField::Month,
                RangeField::Year,
                RangeField::Era,
            ] {
                if let Some((extended, extended_best)) =
                    self.set_interval_pattern(intervals, field, &skeleton, &best, difference, true)
                {
                    // Once a field is looked up in an extended skeleton, the larger ones are too.
                    if field == RangeField::Month {
                        skeleton = extended;
                        best = extended_best;
                    }
                }
            }
        } else {
            for field in [RangeField::Minute, RangeField::Hour, RangeField::AmPm] {
                self.set_interval_pattern(intervals, field, skeleton, best, difference, false);
            }
        }
        Ok(true)
    }

    /// ICU's `setIntervalPattern` for one field. With `extend`, a field the best skeleton lacks is looked up in it
    /// with the field's letter added (`MMMd` → `yMMMd`); the extended skeletons are answered.
    fn set_interval_pattern(
        &mut self,
        intervals: &'static LocaleIntervals,
        field: RangeField,
        skeleton: &str,
        best: &str,
        difference: i8,
        extend: bool,
    ) -> Option<(String, String)> {
        let mut best = best.to_owned();
        let mut difference = difference;
        let mut pattern = intervals.pattern(&best, field);
        let mut extended = None;
        if pattern.is_none() {
            if is_field_unit_ignored(&best, field) {
                return None;
            }
            if field == RangeField::AmPm {
                // 24-hour data has no pattern for an am/pm difference: it is an hour difference.
                if let Some(hour) = intervals.pattern(&best, RangeField::Hour) {
                    let adjusted = adjust_field_widths(skeleton, &best, hour, difference);
                    self.patterns[field as usize] = Some(split_in_two(&adjusted));
                }
                return None;
            }
            if extend {
                let letter = field.letter();
                let extended_skeleton = format!("{letter}{skeleton}");
                let extended_best = format!("{letter}{best}");
                pattern = intervals.pattern(&extended_best, field);
                if pattern.is_none() && difference == 0 {
                    if let Some((nearest, nearest_difference)) =
                        intervals.best_skeleton(&extended_best)
                    {
                        difference = nearest_difference;
                        if nearest_difference != -1 {
                            pattern = intervals.pattern(nearest, field);
                            best = nearest.to_owned();
                        }
                    }
                }
                extended = Some((extended_skeleton, extended_best));
            }
        }
        if let Some(pattern) = pattern {
            let pattern = if difference == 0 {
                pattern.to_owned()
            } else {
                adjust_field_widths(skeleton, &best, pattern, difference)
            };
            self.patterns[field as usize] = Some(split_in_two(&pattern));
        }
        extended
    }

    /// What to print for a range whose first difference is `field` (`None` when nothing differs).
    pub(super) fn layout(&self, field: Option<RangeField>) -> RangeLayout<'_> {
        let Some(field) = field else {
            return RangeLayout::Single;
        };
        let own_fallback = || {
            if field.within_a_day() {
                if let (Some(date), Some(time)) = (&self.date_pattern, &self.time_pattern) {
                    return RangeLayout::DateWithTimes { date, time };
                }
            }
            RangeLayout::Fallback { pattern: &self.own }
        };
        match &self.patterns[field as usize] {
            None if is_field_unit_ignored(&self.own, field) => RangeLayout::Single,
            None => own_fallback(),
            Some(IntervalPattern::Fallback(pattern)) => RangeLayout::Fallback { pattern },
            Some(IntervalPattern::Split { first, second }) => RangeLayout::Split { first, second },
        }
    }

    /// The glue pattern (`{1}, {0}`), whose `{1}` is the date and `{0}` the range of times.
    pub(super) fn date_time_glue(&self) -> &'static str {
        self.date_time_glue
    }
}

/// The first field in which two dates' local fields differ, from the largest.
pub(super) fn first_difference(start: &[i64; 9], end: &[i64; 9]) -> Option<RangeField> {
    RangeField::ALL
        .into_iter()
        .find(|field| start[*field as usize] != end[*field as usize])
}

/// Writes `glue` with `{1}` as `date` and `{0}` as `time`.
fn glue(glue: &str, date: &str, time: &str) -> String {
    glue.replace("{1}", "\u{0}").replace("{0}", time).replace('\u{0}', date)
}

/// ICU's `splitPatternInto2Part`: the pattern up to the first field letter seen a second time prints the start,
/// the rest the end.
fn split_in_two(pattern: &str) -> IntervalPattern {
    let mut seen = [false; 58];
    let mut quoted = false;
    let mut previous: Option<(char, usize)> = None;
    let chars: Vec<(usize, char)> = pattern.char_indices().collect();
    let mut index = 0;
    let mut split_at = pattern.len();
    while index < chars.len() {
        let (offset, c) = chars[index];
        if let Some((letter, start)) = previous {
            if c != letter {
                let slot = letter as usize - usize::from(b'A');
                if seen[slot] {
                    split_at = start;
                    break;
                }
                seen[slot] = true;
                previous = None;
            }
        }
        if c == '\'' {
            if chars.get(index + 1).is_some_and(|(_, next)| *next == '\'') {
                index += 1;
            } else {
                quoted = !quoted;
            }
        } else if !quoted && c.is_ascii_alphabetic() && previous.is_none() {
            previous = Some((c, offset));
        }
        index += 1;
    }
    if split_at == pattern.len() {
        if let Some((letter, start)) = previous {
            if seen[letter as usize - usize::from(b'A')] {
                split_at = start;
            }
        }
    }
    let (first, second) = pattern.split_at(split_at);
    IntervalPattern::Split {
        first: first.to_owned(),
        second: second.to_owned(),
    }
}

/// ICU's `adjustFieldWidth`: a field of `pattern` as wide as in the best skeleton is widened to the requested
/// skeleton's width (`MMM` to `MMMM`); with `difference` 2, the zone and hour letters asked for replace CLDR's.
fn adjust_field_widths(skeleton: &str, best: &str, pattern: &str, difference: i8) -> String {
    let wanted = field_widths(skeleton);
    let has = field_widths(best);
    let mut pattern = pattern.to_owned();
    if difference == 2 {
        for (asked, in_data) in [('z', 'v'), ('K', 'h'), ('k', 'H')] {
            if skeleton.contains(asked) {
                pattern = pattern.replace(in_data, &asked.to_string());
            }
        }
    }
    let mut adjusted = String::with_capacity(pattern.len() + 4);
    let mut quoted = false;
    let mut chars = pattern.chars().peekable();
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
        let mut count = 1;
        while chars.peek() == Some(&c) {
            chars.next();
            count += 1;
        }
        let skeleton_letter = if c == 'L' { 'M' } else { c };
        let in_best = usize::from(width_of(&has, skeleton_letter));
        let asked = usize::from(width_of(&wanted, skeleton_letter));
        let width = if in_best == count && asked > in_best {
            asked
        } else {
            count
        };
        adjusted.extend(std::iter::repeat_n(c, width));
    }
    adjusted
}

/// ECMA-402's `source` of each part of a range, as V8 takes it from ICU's spans: the fields from the first one
/// printed for both dates to the last, in the start (`startRange`) and in the end (`endRange`); the rest `shared`.
pub(super) fn part_sources(kinds: &[&str]) -> Vec<&'static str> {
    let fields: Vec<usize> = (0..kinds.len())
        .filter(|&index| kinds[index] != "literal")
        .collect();
    let mut start_span: Option<(usize, usize)> = None;
    let mut end_span: Option<(usize, usize)> = None;
    for (position, &first) in fields.iter().enumerate() {
        if let Some(&second) = fields[position + 1..]
            .iter()
            .find(|&&later| kinds[later] == kinds[first])
        {
            let widen = |span: Option<(usize, usize)>, index: usize| {
                Some(span.map_or((index, index), |(from, to)| (from.min(index), to.max(index))))
            };
            start_span = widen(start_span, first);
            end_span = widen(end_span, second);
        }
    }
    (0..kinds.len())
        .map(|index| {
            let within = |span: Option<(usize, usize)>| {
                span.is_some_and(|(from, to)| (from..=to).contains(&index))
            };
            if within(start_span) {
                "startRange"
            } else if within(end_span) {
                "endRange"
            } else {
                "shared"
            }
        })
        .collect()
}
