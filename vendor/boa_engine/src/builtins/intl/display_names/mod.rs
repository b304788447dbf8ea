//! `Intl.DisplayNames` ([ECMA-402 §12][spec]): the names of languages, regions, scripts and currencies in a
//! locale (`new Intl.DisplayNames("de", { type: "region" }).of("US")` is `Vereinigte Staaten`), as V8 gives them.
//!
//! The names are CLDR's, from ICU4X's experimental data (`icu_experimental` 0.6's `displaynames` markers and its
//! currency display names), which the embedder's provider must hold. ICU4X has no names for calendars or date
//! fields: the `calendar` and `dateTimeField` types read CLDR's from a table (`calendar_field_names.rs`).
//!
//! [spec]: https://tc39.es/ecma402/#intl-displaynames-objects

use boa_gc::{Finalize, Trace};
use icu_experimental::{
    dimension::provider::currency::displayname::CurrencyDisplaynameV1,
    displaynames::{
        DisplayNamesOptions, DisplayNamesPreferences, LanguageDisplay,
        multi::{
            LanguageDisplayNames, LocaleDisplayNamesFormatter, RegionDisplayNames,
            ScriptDisplayNames,
        },
    },
};
use icu_decimal::provider::DecimalSymbolsV1;
use icu_locale::{
    LanguageIdentifier, Locale,
    subtags::{Region, Script},
};
use icu_provider::prelude::*;

use super::{
    Service,
    locale::{canonicalize_locale_list, filter_locales, resolve_locale},
    options::{
        EmptyPreferences, IntlOptions, LOCALE_MATCHERS, describe_receiver, get_string_option,
    },
};
use crate::{
    Context, JsArgs, JsData, JsObject, JsResult, JsString, JsValue,
    builtins::{BuiltInBuilder, BuiltInConstructor, BuiltInObject, IntrinsicObject},
    context::{
        icu::IntlProvider,
        intrinsics::{Intrinsics, StandardConstructor, StandardConstructors},
    },
    js_error, js_string,
    object::{ObjectInitializer, internal_methods::get_prototype_from_constructor},
    property::Attribute,
    realm::Realm,
    symbol::JsSymbol,
};

mod calendar_field_names;
mod names_data;
mod options;
use options::{
    Fallback, Kind, LANGUAGE_DISPLAYS, SERVICE, Style, language_display_name,
};

/// The names one `type` looks up, loaded for the resolved locale and style.
#[derive(Debug)]
enum Names {
    Language {
        /// Whole locales (`British English`, `English (United Kingdom)`).
        locales: Box<LocaleDisplayNamesFormatter>,
        /// Languages alone, to tell a language that has a name from one that does not.
        languages: LanguageDisplayNames,
    },
    Region(RegionDisplayNames),
    Script(ScriptDisplayNames),
    /// Currency names are stored one per currency, and loaded when asked.
    Currency,
    /// Calendar and date-time field names come from CLDR's table (`calendar_field_names.rs`).
    CalendarsAndFields,
    /// The data has no names for the locale's language (the embedder may pack only some languages): `of` checks
    /// the code and answers with the fallback, as ICU does for a locale without names.
    Unavailable,
}

/// An `Intl.DisplayNames` object's internal slots.
#[derive(Debug, Trace, Finalize, JsData)]
// Safety: `DisplayNames` holds no garbage-collected values.
#[boa_gc(unsafe_empty_trace)]
pub(crate) struct DisplayNames {
    locale: Locale,
    style: Style,
    kind: Kind,
    fallback: Fallback,
    /// `[[LanguageDisplay]]`, set for the `language` type only.
    language_display: Option<LanguageDisplay>,
    names: Names,
}

// The available locales are `Intl.NumberFormat`'s (Boa's own data, every CLDR locale), as V8's are ICU's: a
// region without names of its own (`de-AT`) resolves to itself and reads its language's names.
impl Service for DisplayNames {
    type LangMarker = DecimalSymbolsV1;

    type Preferences = EmptyPreferences;
}

impl IntrinsicObject for DisplayNames {
    fn init(realm: &Realm) {
        BuiltInBuilder::from_standard_constructor::<Self>(realm)
            .static_method(
                Self::supported_locales_of,
                js_string!("supportedLocalesOf"),
                1,
            )
            .property(
                JsSymbol::to_string_tag(),
                js_string!("Intl.DisplayNames"),
                Attribute::CONFIGURABLE,
            )
            .method(Self::of, js_string!("of"), 1)
            .method(Self::resolved_options, js_string!("resolvedOptions"), 0)
            .build();
    }

    fn get(intrinsics: &Intrinsics) -> JsObject {
        Self::STANDARD_CONSTRUCTOR(intrinsics.constructors()).constructor()
    }
}

impl BuiltInObject for DisplayNames {
    const NAME: JsString = js_string!("DisplayNames");
}

impl BuiltInConstructor for DisplayNames {
    const CONSTRUCTOR_ARGUMENTS: usize = 2;
    const PROTOTYPE_STORAGE_SLOTS: usize = 3;
    const CONSTRUCTOR_STORAGE_SLOTS: usize = 1;

    const STANDARD_CONSTRUCTOR: fn(&StandardConstructors) -> &StandardConstructor =
        StandardConstructors::display_names;

    /// [`Intl.DisplayNames ( locales, options )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.DisplayNames
    fn constructor(
        new_target: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        // 1. If NewTarget is undefined, throw a TypeError exception.
        if new_target.is_undefined() {
            return Err(js_error!(TypeError: "Constructor Intl.DisplayNames requires 'new'"));
        }

        // 3. Let requestedLocales be ? CanonicalizeLocaleList(locales).
        let requested_locales = canonicalize_locale_list(args.get_or_undefined(0), context)?;

        // 4. If options is undefined, throw a TypeError exception.
        // 5. Set options to ? GetOptionsObject(options).
        // V8 words both as `invalid_argument`.
        let options = args
            .get_or_undefined(1)
            .as_object()
            .ok_or_else(|| js_error!(TypeError: "invalid_argument"))?;

        // 7. Let matcher be ? GetOption(options, "localeMatcher", string, « "lookup", "best fit" », "best fit").
        let matcher = get_string_option(
            &options,
            "localeMatcher",
            LOCALE_MATCHERS,
            SERVICE,
            context,
        )?
        .unwrap_or_default();

        // 10. Let r be ResolveLocale(%DisplayNames%.[[AvailableLocales]], requestedLocales, opt,
        //     %DisplayNames%.[[RelevantExtensionKeys]]).
        let locale = resolve_locale::<Self>(
            requested_locales,
            &mut IntlOptions {
                matcher,
                ..Default::default()
            },
            context.intl_provider(),
        )?;

        // 11. Let style be ? GetOption(options, "style", string, « "narrow", "short", "long" », "long").
        let style = get_string_option(&options, "style", Style::VALUES, SERVICE, context)?
            .unwrap_or(Style::Long);

        // 13. Let type be ? GetOption(options, "type", string, « "language", "region", "script", "currency",
        //     "calendar", "dateTimeField" », undefined).
        // 14. If type is undefined, throw a TypeError exception.
        let kind = get_string_option(&options, "type", Kind::VALUES, SERVICE, context)?
            .ok_or_else(|| js_error!(TypeError: "invalid_argument"))?;

        // 16. Let fallback be ? GetOption(options, "fallback", string, « "code", "none" », "code").
        let fallback = get_string_option(&options, "fallback", Fallback::VALUES, SERVICE, context)?
            .unwrap_or(Fallback::Code);

        // 18. Let languageDisplay be ? GetOption(options, "languageDisplay", string, « "dialect", "standard" »,
        //     "dialect").
        let language_display =
            get_string_option(&options, "languageDisplay", LANGUAGE_DISPLAYS, SERVICE, context)?
                .unwrap_or(LanguageDisplay::Dialect);

        let names = load_names(context.intl_provider(), &locale, kind, style, language_display)?;

        let prototype =
            get_prototype_from_constructor(new_target, StandardConstructors::display_names, context)?;
        Ok(JsObject::from_proto_and_data_with_shared_shape(
            context.root_shape(),
            prototype,
            Self {
                locale,
                style,
                kind,
                fallback,
                // 21. If type is "language", set displayNames.[[LanguageDisplay]] to languageDisplay.
                language_display: (kind == Kind::Language).then_some(language_display),
                names,
            },
        )
        .into())
    }
}

/// Loads the names `kind` looks up in `locale` (or the nearest locale the data has).
fn load_names(
    provider: &IntlProvider,
    locale: &Locale,
    kind: Kind,
    style: Style,
    language_display: LanguageDisplay,
) -> JsResult<Names> {
    let preferences = DisplayNamesPreferences::from(locale);
    let mut options = DisplayNamesOptions::default();
    options.style = style.icu();
    options.language_display = language_display;
    let provider = provider.erased_provider();
    let names = (|| -> Result<Names, DataError> {
        Ok(match kind {
            Kind::Language => Names::Language {
                locales: Box::new(LocaleDisplayNamesFormatter::try_new_with_buffer_provider(
                    provider,
                    preferences,
                    options,
                )?),
                languages: LanguageDisplayNames::try_new_with_buffer_provider(
                    provider,
                    preferences,
                    options,
                )?,
            },
            Kind::Region => Names::Region(RegionDisplayNames::try_new_with_buffer_provider(
                provider,
                preferences,
                options,
            )?),
            Kind::Script => Names::Script(ScriptDisplayNames::try_new_with_buffer_provider(
                provider,
                preferences,
                options,
            )?),
            Kind::Currency => Names::Currency,
            Kind::Calendar | Kind::DateTimeField => Names::CalendarsAndFields,
        })
    })();
    match (kind, names) {
        (_, Ok(names)) => Ok(names),
        (_, Err(error)) if error.kind == DataErrorKind::IdentifierNotFound => Ok(Names::Unavailable),
        (_, Err(error)) => Err(js_error!(
            TypeError: "the display names of {}s are missing: {}",
            kind.name(),
            error
        )),
    }
}

/// V8's RangeError for a code that is not well-formed for the type.
fn invalid_code() -> crate::JsError {
    js_error!(RangeError: "invalid_argument")
}

/// A code checked and canonicalized for its type ([`CanonicalCodeForDisplayNames`][spec]). Regions and scripts
/// carry whether they were written in their canonical case: V8 looks them up as written, so `us` has no name where
/// `US` has one.
///
/// [spec]: https://tc39.es/ecma402/#sec-canonicalcodefordisplaynames
enum CanonicalCode {
    Language(Locale),
    Region(Region, bool),
    Script(Script, bool),
    Currency(String),
    /// A calendar as written (V8 looks it up so: `GREGORY` has no name).
    Calendar(String),
    /// A date-time field, by its place in ECMA-402's list.
    DateTimeField(usize),
}

impl CanonicalCode {
    /// `code` as `kind` reads it; V8's RangeError when it is not well-formed for `kind`.
    fn of(kind: Kind, code: &str, provider: &IntlProvider) -> JsResult<Self> {
        Ok(match kind {
            // a. If code cannot be matched by the unicode_language_id nonterminal, throw a RangeError.
            // c. Set code to CanonicalizeUnicodeLocaleId(code).
            Kind::Language => {
                let id = LanguageIdentifier::try_from_str(code).map_err(|_| invalid_code())?;
                let mut locale = Locale::from(id);
                provider.locale_canonicalizer()?.canonicalize(&mut locale);
                Self::Language(locale)
            }
            // b. If code cannot be matched by the unicode_region_subtag nonterminal, throw a RangeError.
            Kind::Region => {
                let region = Region::try_from_str(code).map_err(|_| invalid_code())?;
                Self::Region(region, region.as_str() == code)
            }
            // c. If code cannot be matched by the unicode_script_subtag nonterminal, throw a RangeError.
            Kind::Script => {
                let script = Script::try_from_str(code).map_err(|_| invalid_code())?;
                Self::Script(script, script.as_str() == code)
            }
            // e. If IsWellFormedCurrencyCode(code) is false, throw a RangeError. f. Return its ASCII-uppercase.
            Kind::Currency => {
                if code.len() != 3 || !code.bytes().all(|byte| byte.is_ascii_alphabetic()) {
                    return Err(invalid_code());
                }
                Self::Currency(code.to_ascii_uppercase())
            }
            // g. If code cannot be matched by the type Unicode locale nonterminal, throw a RangeError.
            Kind::Calendar => {
                if !calendar_field_names::is_well_formed_calendar(code) {
                    return Err(invalid_code());
                }
                Self::Calendar(code.to_owned())
            }
            // h. If IsValidDateTimeFieldCode(code) is false, throw a RangeError.
            Kind::DateTimeField => Self::DateTimeField(
                calendar_field_names::date_time_field(code).ok_or_else(invalid_code)?,
            ),
        })
    }
}

/// The name of `currency` (an upper-case ISO 4217 code) in `locale`, `None` when the data has none.
fn currency_name(
    currency: &str,
    locale: &Locale,
    provider: &IntlProvider,
) -> JsResult<Option<String>> {
    let attributes = DataMarkerAttributes::try_from_str(currency).map_err(|_| invalid_code())?;
    let data_locale = DataLocale::from(locale);
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(attributes, &data_locale),
        ..Default::default()
    };
    match DataProvider::<CurrencyDisplaynameV1>::load(provider, request) {
        Ok(response) => Ok(Some(String::from(&**response.payload.get()))),
        Err(error) if error.kind == DataErrorKind::IdentifierNotFound => Ok(None),
        Err(error) => Err(js_error!(
            TypeError: "the display names of currencies are missing: {}",
            error
        )),
    }
}

impl DisplayNames {
    /// The name of `code`, `None` when the data has none; a RangeError when `code` is not well-formed for the type
    /// ([`CanonicalCodeForDisplayNames`][spec]). Regions and scripts are looked up as written, as V8 does
    /// (`us` has no name, `US` has), and currencies upper-cased, as ECMA-402 asks.
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-canonicalcodefordisplaynames
    fn name_of(&self, code: &str, provider: &IntlProvider) -> JsResult<Option<String>> {
        let code = CanonicalCode::of(self.kind, code, provider)?;
        Ok(match (&self.names, code) {
            (Names::Language { locales, languages }, CanonicalCode::Language(locale)) => {
                languages.of(locale.id.language).map(|_| {
                    let name = locales.of(&locale).into_owned();
                    calendar_field_names::with_locale_separator(&self.locale, name)
                })
            }
            (Names::Region(regions), CanonicalCode::Region(region, as_written)) => {
                if as_written
                    && self.style != Style::Long
                    && calendar_field_names::short_region_name_is_code(&self.locale, region.as_str())
                {
                    Some(region.as_str().to_owned())
                } else {
                    as_written
                        .then(|| regions.of(region))
                        .flatten()
                        .map(str::to_owned)
                }
            }
            (Names::Script(scripts), CanonicalCode::Script(script, as_written)) => as_written
                .then(|| scripts.of(script))
                .flatten()
                .map(str::to_owned),
            (Names::Currency, CanonicalCode::Currency(currency)) => {
                currency_name(&currency, &self.locale, provider)?
            }
            (Names::CalendarsAndFields, CanonicalCode::Calendar(calendar)) => {
                calendar_field_names::calendar_name(&self.locale, &calendar).map(str::to_owned)
            }
            (Names::CalendarsAndFields, CanonicalCode::DateTimeField(field)) => {
                let width = match self.style {
                    Style::Long => 0,
                    Style::Short => 1,
                    Style::Narrow => 2,
                };
                let name = calendar_field_names::date_time_field_name(&self.locale, field, width);
                Some(name.to_owned())
            }
            _ => None,
        })
    }

    /// The code `of` answers when there is no name and the fallback is `code`: the canonical form of a language
    /// or currency, a region or script as written (as V8 answers).
    fn fallback_code(&self, code: &str, provider: &IntlProvider) -> JsResult<String> {
        Ok(match CanonicalCode::of(self.kind, code, provider)? {
            CanonicalCode::Language(locale) => locale.to_string(),
            CanonicalCode::Currency(currency) => currency,
            CanonicalCode::Region(..)
            | CanonicalCode::Script(..)
            | CanonicalCode::Calendar(..)
            | CanonicalCode::DateTimeField(..) => code.to_owned(),
        })
    }

    /// The `Intl.DisplayNames` behind `this`, or V8's TypeError naming `method` and the receiver.
    fn unwrap(this: &JsValue, method: &str, context: &mut Context) -> JsResult<JsObject<Self>> {
        if let Some(names) = this.as_object().and_then(|o| o.downcast::<Self>().ok()) {
            return Ok(names);
        }
        let receiver = describe_receiver(this, context);
        Err(js_error!(
            TypeError: "Method Intl.DisplayNames.prototype.{} called on incompatible receiver {}",
            method,
            receiver
        ))
    }

    /// [`Intl.DisplayNames.prototype.of ( code )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.DisplayNames.prototype.of
    fn of(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        // 1. Let displayNames be this value.
        // 2. Perform ? RequireInternalSlot(displayNames, [[InitializedDisplayNames]]).
        let names = Self::unwrap(this, "of", context)?;
        // 3. Let code be ? ToString(code).
        let code = args
            .get_or_undefined(0)
            .to_string(context)?
            .to_std_string_escaped();
        let names = names.borrow();
        let names = names.data();
        let provider = context.intl_provider();
        // 4. Set code to ? CanonicalCodeForDisplayNames(displayNames.[[Type]], code).
        // 5-6. Let result be the name of code in the locale, style and type; if it exists, return it.
        if let Some(name) = names.name_of(&code, provider)? {
            return Ok(JsString::from(name).into());
        }
        // 7. If displayNames.[[Fallback]] is "code", return code.
        // 8. Return undefined.
        match names.fallback {
            Fallback::Code => Ok(JsString::from(names.fallback_code(&code, provider)?).into()),
            Fallback::None => Ok(JsValue::undefined()),
        }
    }

    /// [`Intl.DisplayNames.prototype.resolvedOptions ( )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.DisplayNames.prototype.resolvedOptions
    fn resolved_options(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let names = Self::unwrap(this, "resolvedOptions", context)?;
        let names = names.borrow();
        let names = names.data();
        let mut options = ObjectInitializer::new(context);
        options
            .property(
                js_string!("locale"),
                JsString::from(names.locale.to_string()),
                Attribute::all(),
            )
            .property(
                js_string!("style"),
                js_string!(names.style.name()),
                Attribute::all(),
            )
            .property(
                js_string!("type"),
                js_string!(names.kind.name()),
                Attribute::all(),
            )
            .property(
                js_string!("fallback"),
                js_string!(names.fallback.name()),
                Attribute::all(),
            );
        if let Some(display) = names.language_display {
            options.property(
                js_string!("languageDisplay"),
                js_string!(language_display_name(display)),
                Attribute::all(),
            );
        }
        Ok(options.build().into())
    }

    /// [`Intl.DisplayNames.supportedLocalesOf ( locales [ , options ] )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.DisplayNames.supportedLocalesOf
    fn supported_locales_of(
        _: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        let requested_locales = canonicalize_locale_list(args.get_or_undefined(0), context)?;
        filter_locales::<Self>(requested_locales, args.get_or_undefined(1), context)
            .map(JsValue::from)
    }
}
