//! `Intl.RelativeTimeFormat` ([ECMA-402 §17][spec]): `in 3 days`, `2 hours ago`, `tomorrow`, printed as V8
//! prints them.
//!
//! The patterns are CLDR's relative time patterns from ICU4X's experimental data (`icu_experimental` 0.6's
//! `relativetime` markers, one per unit and style), which the embedder's provider must hold. The number is written
//! by an internal `Intl.NumberFormat` of the resolved locale, as the specification does, so `formatToParts` gives
//! the number's own parts (`integer`, `group`, `decimal`, `fraction`), each carrying the `unit` as V8's do. ICU4X's
//! `RelativeTimeFormatter` is not used: it writes the whole string only, with parts that do not name the number's.
//!
//! [spec]: https://tc39.es/ecma402/#relativetimeformat-objects

use boa_gc::{Finalize, Trace, custom_trace};
use fixed_decimal::{Decimal, FloatPrecision};
use icu_decimal::{
    DecimalFormatterPreferences, preferences::NumberingSystem, provider::DecimalSymbolsV1,
};
use icu_experimental::relativetime::provider::{
    LongDayRelativeV1, LongHourRelativeV1, LongMinuteRelativeV1, LongMonthRelativeV1,
    LongQuarterRelativeV1, LongSecondRelativeV1, LongWeekRelativeV1, LongYearRelativeV1,
    NarrowDayRelativeV1, NarrowHourRelativeV1, NarrowMinuteRelativeV1, NarrowMonthRelativeV1,
    NarrowQuarterRelativeV1, NarrowSecondRelativeV1, NarrowWeekRelativeV1, NarrowYearRelativeV1,
    RelativeTimePatternData, ShortDayRelativeV1, ShortHourRelativeV1, ShortMinuteRelativeV1,
    ShortMonthRelativeV1, ShortQuarterRelativeV1, ShortSecondRelativeV1, ShortWeekRelativeV1,
    ShortYearRelativeV1,
};
use icu_locale::{Locale, extensions::unicode::Value};
use icu_pattern::PatternItem;
use icu_plurals::{PluralRules, PluralRulesPreferences};
use icu_provider::{marker::ErasedMarker, prelude::*};

use super::{
    NumberFormat, Service,
    number_format::NumberPart,
    locale::{canonicalize_locale_list, filter_locales, resolve_locale},
    options::{
        IntlOptions, LOCALE_MATCHERS, coerce_options_to_object, describe_receiver,
        get_string_option,
    },
};
use crate::{
    Context, JsArgs, JsData, JsObject, JsResult, JsString, JsValue,
    builtins::{Array, BuiltInBuilder, BuiltInConstructor, BuiltInObject, IntrinsicObject},
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

mod options;
use options::{Numeric, SERVICE, Style, Unit};

/// One unit's patterns: the words for whole values (`yesterday`), and the past and future patterns by plural
/// category (`{0} days ago`).
type UnitPatterns = DataPayload<ErasedMarker<RelativeTimePatternData<'static>>>;

/// An `Intl.RelativeTimeFormat` object's internal slots.
#[derive(Debug, Finalize, JsData)]
pub(crate) struct RelativeTimeFormat {
    locale: Locale,
    style: Style,
    numeric: Numeric,
    /// `[[NumberFormat]]`: writes the number, in the resolved locale and numbering system.
    number_format: NumberFormat,
    /// `[[PluralRules]]`: picks the pattern of the number's plural category.
    plural_rules: PluralRules,
    /// The patterns of each unit of [`Unit::ALL`], in its order, for `[[Style]]`.
    patterns: Vec<UnitPatterns>,
}

// SAFETY: the internal number format is the only field that may hold a garbage-collected value.
unsafe impl Trace for RelativeTimeFormat {
    custom_trace!(this, mark, {
        mark(&this.number_format);
    });
}

// The available locales are `Intl.NumberFormat`'s (Boa's own data, every CLDR locale), as V8's are ICU's: a
// region without relative time data of its own (`de-AT`) resolves to itself and reads its language's patterns,
// which ICU4X's data leaves out of a region that writes them as its language does.
impl Service for RelativeTimeFormat {
    type LangMarker = DecimalSymbolsV1;

    type Preferences = DecimalFormatterPreferences;
}

impl IntrinsicObject for RelativeTimeFormat {
    fn init(realm: &Realm) {
        BuiltInBuilder::from_standard_constructor::<Self>(realm)
            .static_method(
                Self::supported_locales_of,
                js_string!("supportedLocalesOf"),
                1,
            )
            .property(
                JsSymbol::to_string_tag(),
                js_string!("Intl.RelativeTimeFormat"),
                Attribute::CONFIGURABLE,
            )
            .method(Self::format, js_string!("format"), 2)
            .method(Self::format_to_parts, js_string!("formatToParts"), 2)
            .method(Self::resolved_options, js_string!("resolvedOptions"), 0)
            .build();
    }

    fn get(intrinsics: &Intrinsics) -> JsObject {
        Self::STANDARD_CONSTRUCTOR(intrinsics.constructors()).constructor()
    }
}

impl BuiltInObject for RelativeTimeFormat {
    const NAME: JsString = js_string!("RelativeTimeFormat");
}

impl BuiltInConstructor for RelativeTimeFormat {
    const CONSTRUCTOR_ARGUMENTS: usize = 0;
    const PROTOTYPE_STORAGE_SLOTS: usize = 4;
    const CONSTRUCTOR_STORAGE_SLOTS: usize = 1;

    const STANDARD_CONSTRUCTOR: fn(&StandardConstructors) -> &StandardConstructor =
        StandardConstructors::relative_time_format;

    /// [`Intl.RelativeTimeFormat ( [ locales [ , options ] ] )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.RelativeTimeFormat
    fn constructor(
        new_target: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        // 1. If NewTarget is undefined, throw a TypeError exception.
        if new_target.is_undefined() {
            return Err(js_error!(TypeError: "Constructor Intl.RelativeTimeFormat requires 'new'"));
        }

        // InitializeRelativeTimeFormat ( relativeTimeFormat, locales, options )
        // 1. Let requestedLocales be ? CanonicalizeLocaleList(locales).
        let requested_locales = canonicalize_locale_list(args.get_or_undefined(0), context)?;

        // 2. Set options to ? CoerceOptionsToObject(options).
        let options = args.get_or_undefined(1);
        if options.is_null() {
            return Err(js_error!(TypeError: "Intl.RelativeTimeFormat called on null or undefined"));
        }
        let options = coerce_options_to_object(options, context)?;

        // 4. Let matcher be ? GetOption(options, "localeMatcher", string, « "lookup", "best fit" », "best fit").
        let matcher = get_string_option(
            &options,
            "localeMatcher",
            LOCALE_MATCHERS,
            SERVICE,
            context,
        )?
        .unwrap_or_default();

        // 6. Let numberingSystem be ? GetOption(options, "numberingSystem", string, empty, undefined).
        // 7. If numberingSystem is not undefined, then
        //    a. If numberingSystem cannot be matched by the type Unicode locale nonterminal, throw a RangeError.
        let numbering_system = numbering_system_option(&options, context)?;

        // 9. Let r be ResolveLocale(%RelativeTimeFormat%.[[AvailableLocales]], requestedLocales, opt,
        //    %RelativeTimeFormat%.[[RelevantExtensionKeys]], %RelativeTimeFormat%.[[LocaleData]]).
        let mut intl_options = IntlOptions {
            matcher,
            preferences: {
                let mut preferences = DecimalFormatterPreferences::default();
                preferences.numbering_system =
                    numbering_system.as_ref().map(|(parsed, _)| *parsed);
                preferences
            },
        };
        let locale = resolve_locale::<Self>(
            requested_locales,
            &mut intl_options,
            context.intl_provider(),
        )?;

        // 16. Let style be ? GetOption(options, "style", string, « "long", "short", "narrow" », "long").
        let style = get_string_option(&options, "style", Style::VALUES, SERVICE, context)?
            .unwrap_or(Style::Long);

        // 18. Let numeric be ? GetOption(options, "numeric", string, « "always", "auto" », "always").
        let numeric = get_string_option(&options, "numeric", Numeric::VALUES, SERVICE, context)?
            .unwrap_or(Numeric::Always);

        // 20. Let relativeTimeFormat.[[NumberFormat]] be ! Construct(%NumberFormat%, « locale, nfOptions »),
        //     nfOptions holding the numbering system. V8's number format rounds half to even, ICU's default, where
        //     ECMA-402's would round half away from zero (V8 writes 0.0025 days as `in 0.002 days`).
        let number_format_options = JsObject::with_null_proto();
        number_format_options.create_data_property_or_throw(
            js_string!("roundingMode"),
            js_string!("halfEven"),
            context,
        )?;
        if let Some((_, name)) = numbering_system {
            number_format_options.create_data_property_or_throw(
                js_string!("numberingSystem"),
                JsString::from(name.as_str()),
                context,
            )?;
        }
        let number_format = NumberFormat::new(
            &JsString::from(locale.to_string()).into(),
            &number_format_options.into(),
            context,
        )?;

        // 21. Let relativeTimeFormat.[[PluralRules]] be ! Construct(%PluralRules%, « locale »).
        let plural_rules = PluralRules::try_new_cardinal_with_buffer_provider(
            context.intl_provider().erased_provider(),
            PluralRulesPreferences::from(&locale),
        )
        .map_err(|error| js_error!(TypeError: "cannot load the plural rules: {}", error))?;

        // 17. Set relativeTimeFormat.[[Style]] to style, whose patterns are the locale data's.
        let patterns = Unit::ALL
            .into_iter()
            .map(|unit| load_patterns(context.intl_provider(), &locale, style, unit))
            .collect::<JsResult<Vec<_>>>()?;

        let prototype = get_prototype_from_constructor(
            new_target,
            StandardConstructors::relative_time_format,
            context,
        )?;
        Ok(JsObject::from_proto_and_data_with_shared_shape(
            context.root_shape(),
            prototype,
            Self {
                locale,
                style,
                numeric,
                number_format,
                plural_rules,
                patterns,
            },
        )
        .into())
    }
}

/// The `numberingSystem` option, parsed and as written; V8's RangeError when it is not a Unicode type.
fn numbering_system_option(
    options: &JsObject,
    context: &mut Context,
) -> JsResult<Option<(NumberingSystem, String)>> {
    let value = options.get(js_string!("numberingSystem"), context)?;
    if value.is_undefined() {
        return Ok(None);
    }
    let name = value.to_string(context)?.to_std_string_escaped();
    Value::try_from_str(&name)
        .ok()
        .and_then(|value| NumberingSystem::try_from(value).ok())
        .filter(|parsed| parsed.as_str().len() >= 3)
        .map(|parsed| Some((parsed, name.clone())))
        .ok_or_else(|| js_error!(RangeError: "Invalid numberingSystem : {}", name))
}

/// Loads `unit`'s patterns in `style` for `locale` (or the nearest locale the data has).
fn load_patterns(
    provider: &IntlProvider,
    locale: &Locale,
    style: Style,
    unit: Unit,
) -> JsResult<UnitPatterns> {
    let data_locale = DataLocale::from(locale);
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_locale(&data_locale),
        ..Default::default()
    };
    macro_rules! load {
        ($marker:ty) => {
            DataProvider::<$marker>::load(provider, request).map(|response| response.payload.cast())
        };
    }
    let loaded = match (style, unit) {
        (Style::Long, Unit::Second) => load!(LongSecondRelativeV1),
        (Style::Long, Unit::Minute) => load!(LongMinuteRelativeV1),
        (Style::Long, Unit::Hour) => load!(LongHourRelativeV1),
        (Style::Long, Unit::Day) => load!(LongDayRelativeV1),
        (Style::Long, Unit::Week) => load!(LongWeekRelativeV1),
        (Style::Long, Unit::Month) => load!(LongMonthRelativeV1),
        (Style::Long, Unit::Quarter) => load!(LongQuarterRelativeV1),
        (Style::Long, Unit::Year) => load!(LongYearRelativeV1),
        (Style::Short, Unit::Second) => load!(ShortSecondRelativeV1),
        (Style::Short, Unit::Minute) => load!(ShortMinuteRelativeV1),
        (Style::Short, Unit::Hour) => load!(ShortHourRelativeV1),
        (Style::Short, Unit::Day) => load!(ShortDayRelativeV1),
        (Style::Short, Unit::Week) => load!(ShortWeekRelativeV1),
        (Style::Short, Unit::Month) => load!(ShortMonthRelativeV1),
        (Style::Short, Unit::Quarter) => load!(ShortQuarterRelativeV1),
        (Style::Short, Unit::Year) => load!(ShortYearRelativeV1),
        (Style::Narrow, Unit::Second) => load!(NarrowSecondRelativeV1),
        (Style::Narrow, Unit::Minute) => load!(NarrowMinuteRelativeV1),
        (Style::Narrow, Unit::Hour) => load!(NarrowHourRelativeV1),
        (Style::Narrow, Unit::Day) => load!(NarrowDayRelativeV1),
        (Style::Narrow, Unit::Week) => load!(NarrowWeekRelativeV1),
        (Style::Narrow, Unit::Month) => load!(NarrowMonthRelativeV1),
        (Style::Narrow, Unit::Quarter) => load!(NarrowQuarterRelativeV1),
        (Style::Narrow, Unit::Year) => load!(NarrowYearRelativeV1),
    };
    loaded.map_err(|error| {
        js_error!(
            TypeError: "the relative time data for {} ({}) is missing: {}",
            unit.name(),
            style.name(),
            error
        )
    })
}

/// One element of `formatToParts`' result; the number's parts carry the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RelativeTimePart {
    kind: &'static str,
    value: String,
    unit: Option<Unit>,
}

impl RelativeTimeFormat {
    /// [`PartitionRelativeTimePattern ( relativeTimeFormat, value, unit )`][spec]. `method` names the caller in
    /// V8's RangeErrors.
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-PartitionRelativeTimePattern
    fn partition(&self, value: f64, unit: &str, method: &str) -> JsResult<Vec<RelativeTimePart>> {
        // 3. If value is NaN, +∞𝔽, or -∞𝔽, throw a RangeError exception.
        if !value.is_finite() {
            return Err(js_error!(
                RangeError: "Value need to be finite number for Intl.RelativeTimeFormat.prototype.{}()",
                method
            ));
        }
        // 4. Let unit be ? SingularRelativeTimeUnit(unit).
        let unit = Unit::from_name(unit).ok_or_else(|| {
            js_error!(
                RangeError: "Invalid unit argument for Intl.RelativeTimeFormat.prototype.{}() '{}'",
                method,
                unit
            )
        })?;
        let patterns = self.patterns[unit as usize].get();

        // 8. If relativeTimeFormat.[[Numeric]] is "auto", then
        //    a. Let valueString be ToString(value).
        //    b. If patterns has a field [[<valueString>]], return its literal.
        // A whole value is the only one whose string can name a field (`-1`, `0`, `2`); -0's string is `0`.
        if self.numeric == Numeric::Auto
            && value.fract() == 0.0
            && let Ok(whole) = i8::try_from(value as i64)
            && let Some(word) = patterns.relatives.get(&whole)
        {
            return Ok(vec![RelativeTimePart {
                kind: "literal",
                value: word.to_owned(),
                unit: None,
            }]);
        }

        // 9. If value is -0𝔽 or if value is less than 0, let tl be "past" and set value to -value;
        //    else let tl be "future".
        let past = value.is_sign_negative();
        let magnitude = Decimal::try_from_f64(value.abs(), FloatPrecision::RoundTrip)
            .map_err(|error| js_error!(RangeError: "{}", error))?;

        // 12. Let fv be ! PartitionNumberPattern(relativeTimeFormat.[[NumberFormat]], value).
        // 13. Let pr be ! ResolvePlural(relativeTimeFormat.[[PluralRules]], value).[[PluralCategory]].
        // 14. Let pattern be po.[[<pr>]].
        let rounded = self.number_format.rounded(magnitude.clone());
        let number = self.number_format.partition(magnitude);
        let by_plural = if past {
            &patterns.past
        } else {
            &patterns.future
        };
        let pattern = by_plural.get((&rounded).into(), &self.plural_rules);

        // 15. Return MakePartsList(pattern, unit, fv).
        let mut parts = Vec::new();
        for item in pattern.iter() {
            match item {
                PatternItem::Literal(text) => parts.push(RelativeTimePart {
                    kind: "literal",
                    value: text.to_owned(),
                    unit: None,
                }),
                PatternItem::Placeholder(_) => {
                    parts.extend(number.iter().map(|part: &NumberPart| RelativeTimePart {
                        kind: part.kind,
                        value: part.value.clone(),
                        unit: Some(unit),
                    }));
                }
            }
        }
        Ok(parts)
    }

    /// The `Intl.RelativeTimeFormat` behind `this`, or V8's TypeError naming `method` and the receiver.
    fn unwrap(this: &JsValue, method: &str, context: &mut Context) -> JsResult<JsObject<Self>> {
        if let Some(format) = this.as_object().and_then(|o| o.downcast::<Self>().ok()) {
            return Ok(format);
        }
        let receiver = describe_receiver(this, context);
        Err(js_error!(
            TypeError: "Method Intl.RelativeTimeFormat.prototype.{} called on incompatible receiver {}",
            method,
            receiver
        ))
    }

    /// The parts of `format(value, unit)`: the arguments converted as ECMA-402 converts them.
    fn parts_of(
        this: &JsValue,
        args: &[JsValue],
        method: &str,
        context: &mut Context,
    ) -> JsResult<Vec<RelativeTimePart>> {
        // 1. Let relativeTimeFormat be the this value.
        // 2. Perform ? RequireInternalSlot(relativeTimeFormat, [[InitializedRelativeTimeFormat]]).
        let format = Self::unwrap(this, method, context)?;
        // 3. Let value be ? ToNumber(value).
        let value = args.get_or_undefined(0);
        if value.is_bigint() {
            return Err(js_error!(TypeError: "Cannot convert a BigInt value to a number"));
        }
        let value = value.to_number(context)?;
        // 4. Let unit be ? ToString(unit).
        let unit = args.get_or_undefined(1).to_string(context)?;
        format
            .borrow()
            .data()
            .partition(value, &unit.to_std_string_escaped(), method)
    }

    /// [`Intl.RelativeTimeFormat.prototype.format ( value, unit )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.RelativeTimeFormat.prototype.format
    fn format(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let parts = Self::parts_of(this, args, "format", context)?;
        let text: String = parts.into_iter().map(|part| part.value).collect();
        Ok(JsString::from(text).into())
    }

    /// [`Intl.RelativeTimeFormat.prototype.formatToParts ( value, unit )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.RelativeTimeFormat.prototype.formatToParts
    fn format_to_parts(
        this: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        let parts = Self::parts_of(this, args, "formatToParts", context)?;
        let parts = parts
            .into_iter()
            .map(|part| {
                let mut object = ObjectInitializer::new(context);
                object
                    .property(js_string!("type"), js_string!(part.kind), Attribute::all())
                    .property(
                        js_string!("value"),
                        JsString::from(part.value),
                        Attribute::all(),
                    );
                if let Some(unit) = part.unit {
                    object.property(js_string!("unit"), js_string!(unit.name()), Attribute::all());
                }
                object.build().into()
            })
            .collect::<Vec<JsValue>>();
        Ok(Array::create_array_from_list(parts, context).into())
    }

    /// [`Intl.RelativeTimeFormat.prototype.resolvedOptions ( )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-intl.relativetimeformat.prototype.resolvedoptions
    fn resolved_options(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let format = Self::unwrap(this, "resolvedOptions", context)?;
        let format = format.borrow();
        let format = format.data();
        let mut options = ObjectInitializer::new(context);
        options
            .property(
                js_string!("locale"),
                JsString::from(format.locale.to_string()),
                Attribute::all(),
            )
            .property(
                js_string!("style"),
                js_string!(format.style.name()),
                Attribute::all(),
            )
            .property(
                js_string!("numeric"),
                js_string!(format.numeric.name()),
                Attribute::all(),
            )
            .property(
                js_string!("numberingSystem"),
                JsString::from(format.number_format.numbering_system()),
                Attribute::all(),
            );
        Ok(options.build().into())
    }

    /// [`Intl.RelativeTimeFormat.supportedLocalesOf ( locales [ , options ] )`][spec].
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.RelativeTimeFormat.supportedLocalesOf
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
