//! CLDR's number range patterns, approximately signs and plural ranges for `Intl.NumberFormat`'s formatRange.
//! Written by `scripts/cldr-tables.mjs` from CLDR 48.0.0's JSON release
//! (the `cldr-numbers-full` package); do not edit by hand.

use icu_plurals::PluralCategory::*;

use super::range::LocaleRanges;

pub(super) static LOCALES: &[LocaleRanges] = &[
    LocaleRanges {
        locale: "en",
        approximately_sign: "~",
        range: "{0}–{1}",
        plural_ranges: &[(One, Other, Other), (Other, One, Other), (Other, Other, Other)],
    },
    LocaleRanges {
        locale: "en-GB",
        approximately_sign: "~",
        range: "{0}–{1}",
        plural_ranges: &[(One, Other, Other), (Other, One, Other), (Other, Other, Other)],
    },
    LocaleRanges {
        locale: "de",
        approximately_sign: "≈",
        range: "{0}–{1}",
        plural_ranges: &[(One, Other, Other), (Other, One, One), (Other, Other, Other)],
    },
    LocaleRanges {
        locale: "fr",
        approximately_sign: "≃",
        range: "{0}–{1}",
        plural_ranges: &[(One, One, One), (One, Other, Other), (Other, Other, Other)],
    },
    LocaleRanges {
        locale: "es",
        approximately_sign: "~",
        range: "{0}-{1}",
        plural_ranges: &[(One, Other, Other), (Other, One, Other), (Other, Other, Other)],
    },
    LocaleRanges {
        locale: "pt",
        approximately_sign: "~",
        range: "{0}–{1}",
        plural_ranges: &[(One, One, One), (One, Other, Other), (Other, Other, Other)],
    },
    LocaleRanges {
        locale: "ja",
        approximately_sign: "約",
        range: "{0}～{1}",
        plural_ranges: &[(Other, Other, Other)],
    },
    LocaleRanges {
        locale: "und",
        approximately_sign: "~",
        range: "{0}–{1}",
        plural_ranges: &[],
    },
];
