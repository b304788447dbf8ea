//! The names of calendars and date-time fields for `Intl.DisplayNames`' `calendar` and `dateTimeField` types, which
//! ICU4X has no data for: CLDR's, from a table `scripts/cldr-tables.mjs` writes (`names_data.rs`), as V8 gives them
//! through ICU's `LocaleDisplayNames` and `DateTimePatternGenerator::getFieldDisplayName`; and the separator of a
//! locale name's qualifiers, which ICU4X writes as ", " in every language; and the short region names that are
//! the region's code, which ICU4X's data leaves out.

use icu_locale::Locale;

use super::names_data::LOCALES;
use crate::builtins::intl::cldr_tables::table_for;

/// One locale's names (written by `scripts/cldr-tables.mjs`).
#[derive(Debug)]
pub(super) struct LocaleNames {
    pub(super) locale: &'static str,
    /// What joins a locale name's qualifiers (`, `; Japanese `、`).
    pub(super) locale_separator: &'static str,
    /// Calendar names by BCP 47 calendar identifier, sorted by identifier.
    pub(super) calendars: &'static [(&'static str, &'static str)],
    /// The date-time fields' names in [`DATE_TIME_FIELDS`]' order: long, short and narrow.
    pub(super) date_time_fields: [[&'static str; 3]; 12],
    /// Regions whose short name is their code (English `US`, `UN`), sorted: ICU4X's data leaves these out.
    pub(super) short_regions_as_codes: &'static [&'static str],
}

/// ECMA-402's date-time field codes (`IsValidDateTimeFieldCode`).
const DATE_TIME_FIELDS: [&str; 12] = [
    "era",
    "year",
    "quarter",
    "month",
    "weekOfYear",
    "weekday",
    "day",
    "dayPeriod",
    "hour",
    "minute",
    "second",
    "timeZoneName",
];

/// Whether `code` is a calendar type as V8 checks it: subtags of three to eight letters and digits joined by
/// hyphens (Unicode's `type` nonterminal). The case is kept: V8 looks the code up as written.
pub(super) fn is_well_formed_calendar(code: &str) -> bool {
    code.split('-').all(|subtag| {
        (3..=8).contains(&subtag.len()) && subtag.bytes().all(|byte| byte.is_ascii_alphanumeric())
    })
}

/// The index of a date-time field code, `None` when it is not one (V8's RangeError).
pub(super) fn date_time_field(code: &str) -> Option<usize> {
    DATE_TIME_FIELDS.iter().position(|&field| field == code)
}

/// The name of the calendar `code` in `locale`, `None` when CLDR has none.
pub(super) fn calendar_name(locale: &Locale, code: &str) -> Option<&'static str> {
    let names = table_for(LOCALES, locale, |names| names.locale);
    names
        .calendars
        .binary_search_by(|&(calendar, _)| calendar.cmp(code))
        .ok()
        .map(|index| names.calendars[index].1)
}

/// The name of the date-time field at `field` ([`date_time_field`]) in `locale`, at `width` (0 long, 1 short,
/// 2 narrow).
pub(super) fn date_time_field_name(locale: &Locale, field: usize, width: usize) -> &'static str {
    table_for(LOCALES, locale, |names| names.locale).date_time_fields[field][width]
}

/// Whether `locale`'s short (and narrow) name of `region` is the region's code itself (English `US`), which
/// ICU4X's data leaves out, so that its short style gives the long name (`United States`).
pub(super) fn short_region_name_is_code(locale: &Locale, region: &str) -> bool {
    table_for(LOCALES, locale, |names| names.locale)
        .short_regions_as_codes
        .binary_search(&region)
        .is_ok()
}

/// `name` (ICU4X's name of a locale, `Serbian (Latin, Serbia)`) with its qualifiers joined as `locale` joins them
/// (Japanese `セルビア語 (ラテン文字、セルビア)`).
pub(super) fn with_locale_separator(locale: &Locale, name: String) -> String {
    let separator = table_for(LOCALES, locale, |names| names.locale).locale_separator;
    match name.find(" (") {
        Some(open) if separator != ", " => {
            let (language, qualifiers) = name.split_at(open);
            format!("{language}{}", qualifiers.replace(", ", separator))
        }
        _ => name,
    }
}
