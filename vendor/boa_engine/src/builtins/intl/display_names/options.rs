//! The options of `Intl.DisplayNames`.

use icu_experimental::displaynames::{self, LanguageDisplay};

/// `type`: what kind of code `of` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Language,
    Region,
    Script,
    Currency,
    /// Valid in ECMA-402, but ICU4X has no calendar names; the constructor says so.
    Calendar,
    /// Valid in ECMA-402, but ICU4X has no names of date fields; the constructor says so.
    DateTimeField,
}

impl Kind {
    pub(super) const VALUES: &[(&str, Self)] = &[
        ("language", Self::Language),
        ("region", Self::Region),
        ("script", Self::Script),
        ("currency", Self::Currency),
        ("calendar", Self::Calendar),
        ("dateTimeField", Self::DateTimeField),
    ];

    pub(super) const fn name(self) -> &'static str {
        match self {
            Self::Language => "language",
            Self::Region => "region",
            Self::Script => "script",
            Self::Currency => "currency",
            Self::Calendar => "calendar",
            Self::DateTimeField => "dateTimeField",
        }
    }
}

/// `style`: the name's length (`United States`, `US`).
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

    /// The ICU4X style of the names V8 prints: ICU4C's full names (CLDR's default ones, not the `alt="long"`
    /// variants ICU4X calls long) for `long`, and the short ones, where CLDR has them, for `short` and `narrow`
    /// (V8 asks ICU4C for short names for both).
    pub(super) const fn icu(self) -> Option<displaynames::Style> {
        match self {
            Self::Long => None,
            Self::Short | Self::Narrow => Some(displaynames::Style::Short),
        }
    }
}

/// `fallback`: what `of` answers for a well-formed code that has no name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fallback {
    /// The code itself.
    Code,
    /// `undefined`.
    None,
}

impl Fallback {
    pub(super) const VALUES: &[(&str, Self)] = &[("code", Self::Code), ("none", Self::None)];

    pub(super) const fn name(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::None => "none",
        }
    }
}

/// `languageDisplay`'s values: `dialect` names a locale as one (`British English`), `standard` as a language
/// qualified by its subtags (`English (United Kingdom)`).
pub(super) const LANGUAGE_DISPLAYS: &[(&str, LanguageDisplay)] = &[
    ("dialect", LanguageDisplay::Dialect),
    ("standard", LanguageDisplay::Standard),
];

pub(super) const fn language_display_name(display: LanguageDisplay) -> &'static str {
    match display {
        LanguageDisplay::Standard => "standard",
        _ => "dialect",
    }
}

/// The service name V8 puts in its option errors.
pub(super) const SERVICE: &str = "Intl.DisplayNames";
