//! The options of `Intl.RelativeTimeFormat` and the units `format` accepts.

/// `style`: how long the unit's words are (`in 3 days`, `in 3 days`, `in 3d` in English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Long,
    Short,
    Narrow,
}

impl Style {
    pub(super) const VALUES: &[(&str, Self)] = &[
        ("long", Self::Long),
        ("short", Self::Short),
        ("narrow", Self::Narrow),
    ];

    pub(super) const fn name(self) -> &'static str {
        match self {
            Self::Long => "long",
            Self::Short => "short",
            Self::Narrow => "narrow",
        }
    }
}

/// `numeric`: `always` writes a number (`in 1 day`); `auto` uses the locale's word where it has one
/// (`tomorrow`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numeric {
    Always,
    Auto,
}

impl Numeric {
    pub(super) const VALUES: &[(&str, Self)] = &[("always", Self::Always), ("auto", Self::Auto)];

    pub(super) const fn name(self) -> &'static str {
        match self {
            Self::Always => "always",
            Self::Auto => "auto",
        }
    }
}

/// A unit `format` accepts, in ECMA-402's order; both spellings (`day`, `days`) name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Unit {
    pub(super) const ALL: [Self; 8] = [
        Self::Second,
        Self::Minute,
        Self::Hour,
        Self::Day,
        Self::Week,
        Self::Month,
        Self::Quarter,
        Self::Year,
    ];

    /// [`SingularRelativeTimeUnit ( unit )`][spec]: the unit a singular or plural name stands for.
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-singularrelativetimeunit
    pub(super) fn from_name(name: &str) -> Option<Self> {
        let singular = name.strip_suffix('s').unwrap_or(name);
        Self::ALL.into_iter().find(|unit| unit.name() == singular)
    }

    /// The singular name, which `formatToParts` puts on each number part.
    pub(super) const fn name(self) -> &'static str {
        match self {
            Self::Second => "second",
            Self::Minute => "minute",
            Self::Hour => "hour",
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }
}

/// The service name V8 puts in its option errors.
pub(super) const SERVICE: &str = "Intl.RelativeTimeFormat";

