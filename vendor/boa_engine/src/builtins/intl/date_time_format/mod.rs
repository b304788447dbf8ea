//! This module implements the global `Intl.DateTimeFormat` object.
//!
//! `Intl.DateTimeFormat` is a built-in object that has properties and methods for date and time i18n.
//!
//! More information:
//!  - [ECMAScript reference][spec]
//!
//! [spec]: https://tc39.es/ecma402/#datetimeformat-objects

use crate::{
    Context, JsArgs, JsData, JsExpect, JsResult, JsString, JsValue, NativeFunction,
    builtins::{
        BuiltInBuilder, BuiltInConstructor, BuiltInObject, IntrinsicObject,
        date::utils::{
            date_from_time, hour_from_time, min_from_time, month_from_time, ms_from_time,
            sec_from_time, time_clip, year_from_time,
        },
        intl::{
            Service,
            date_time_format::options::{
                DateStyle, FormatMatcher, FormatOptions, Month, SubsecondDigits, TimeStyle, Year,
            },
            locale::{canonicalize_locale_list, filter_locales, resolve_locale},
            options::{IntlOptions, coerce_options_to_object},
        },
        options::get_option,
    },
    context::intrinsics::{Intrinsics, StandardConstructor, StandardConstructors},
    error::JsNativeError,
    js_error, js_string,
    object::{
        FunctionObjectBuilder, JsFunction, JsObject, ObjectInitializer,
        internal_methods::get_prototype_from_constructor,
    },
    property::{Attribute, PropertyDescriptor},
    realm::Realm,
    string::StaticJsStrings,
};

use std::rc::Rc;

use generator::{Generator, Style};

use boa_gc::{Finalize, Trace};
use icu_calendar::{Gregorian, Iso, preferences::CalendarAlgorithm};
use icu_datetime::{
    DateTimeFormatter, DateTimeFormatterPreferences,
    fieldsets::{
        builder::{DateFields, FieldSetBuilder, ZoneStyle},
        enums::CompositeFieldSet,
    },
    input::{Date, DateTime, Time, TimeZone, UtcOffset},
    options::{Length, TimePrecision, YearStyle},
    pattern::{DateTimePattern, FixedCalendarDateTimeNames},
    preferences::HourCycle as IcuHourCycle,
};
use icu_decimal::preferences::NumberingSystem;
use icu_decimal::provider::DecimalSymbolsV1;
use icu_locale::{Locale, extensions::unicode::Value};
use icu_time::{
    TimeZoneInfo, ZonedDateTime,
    zone::{iana::IanaParserExtended, models::AtTime},
};
use timezone_provider::provider::TimeZoneId;
use writeable::TryWriteable;

mod generator;
mod interval;
mod interval_data;
mod names;
mod options;
mod pattern;
mod pattern_data;
mod range;

#[cfg(all(test, feature = "intl_bundled"))]
mod tests;

#[derive(Debug, Clone)]
pub(crate) enum FormatTimeZone {
    UtcOffset(UtcOffset),
    Identifier((TimeZone, TimeZoneId)),
}

/// The pattern a `DateTimeFormat` prints with (the pattern generator's, or ICU4X's for a language without
/// packed CLDR patterns) and the names that pattern needs, loaded once when the format is created.
#[derive(Debug)]
pub(crate) struct PatternFormatter {
    pattern: DateTimePattern,
    /// The pattern in UTS 35 syntax, which `formatRange` finds its interval patterns by.
    source: String,
    names: FixedCalendarDateTimeNames<Gregorian, CompositeFieldSet>,
}

/// JavaScript `Intl.DateTimeFormat` object.
#[derive(Debug, Clone, Trace, Finalize, JsData)]
#[boa_gc(unsafe_empty_trace)] // Safety: No traceable types
#[allow(dead_code)]
pub(crate) struct DateTimeFormat {
    locale: Locale,
    calendar_algorithm: Option<CalendarAlgorithm>, // TODO: Potentially remove ?
    numbering_system: Option<NumberingSystem>,
    hour_cycle: Option<IcuHourCycle>,
    /// The h24 cycle (V8's `hour12: false` in a 12-hour locale), printed as h23 with the hour 0 as 24.
    midnight_as_24: bool,
    /// The locale's CLDR patterns where the format's pattern comes from them: the day period names and the minus
    /// sign of zone offsets (French `UTC−5`, where ICU4X writes a hyphen-minus).
    patterns: Option<&'static generator::LocalePatterns>,
    date_style: Option<DateStyle>,
    time_style: Option<TimeStyle>,
    fractional_second_digits: Option<SubsecondDigits>,
    time_zone: FormatTimeZone,
    /// The zone's IANA name as `resolvedOptions().timeZone` reports it.
    time_zone_name: String,
    /// The `timeZoneName` option, which `resolvedOptions()` reports as given.
    time_zone_name_option: Option<options::TimeZoneName>,
    formatter: Rc<PatternFormatter>,
    bound_format: Option<JsFunction>,
    resolved_options: Option<JsObject>,
}

impl Service for DateTimeFormat {
    type LangMarker = DecimalSymbolsV1;

    type Preferences = DateTimeFormatterPreferences;
}

impl IntrinsicObject for DateTimeFormat {
    fn init(realm: &Realm) {
        use crate::JsSymbol;
        let get_format = BuiltInBuilder::callable(realm, Self::get_format)
            .name(js_string!("get format"))
            .build();

        BuiltInBuilder::from_standard_constructor::<Self>(realm)
            .static_method(
                Self::supported_locales_of,
                js_string!("supportedLocalesOf"),
                1,
            )
            .accessor(
                js_string!("format"),
                Some(get_format),
                None,
                Attribute::CONFIGURABLE,
            )
            .method(Self::resolved_options, js_string!("resolvedOptions"), 0)
            .method(Self::format_to_parts, js_string!("formatToParts"), 1)
            .method(range::format_range, js_string!("formatRange"), 2)
            .method(
                range::format_range_to_parts,
                js_string!("formatRangeToParts"),
                2,
            )
            .property(
                JsSymbol::to_string_tag(),
                js_string!("Intl.DateTimeFormat"),
                Attribute::READONLY | Attribute::NON_ENUMERABLE | Attribute::CONFIGURABLE,
            )
            .build();
    }

    fn get(intrinsics: &Intrinsics) -> JsObject {
        Self::STANDARD_CONSTRUCTOR(intrinsics.constructors()).constructor()
    }
}

impl BuiltInObject for DateTimeFormat {
    const NAME: JsString = StaticJsStrings::DATE_TIME_FORMAT;
}

impl BuiltInConstructor for DateTimeFormat {
    const CONSTRUCTOR_ARGUMENTS: usize = 0;
    const PROTOTYPE_STORAGE_SLOTS: usize = 7;
    const CONSTRUCTOR_STORAGE_SLOTS: usize = 1;

    const STANDARD_CONSTRUCTOR: fn(&StandardConstructors) -> &StandardConstructor =
        StandardConstructors::date_time_format;
    /// The `Intl.DateTimeFormat` constructor is the `%DateTimeFormat%` intrinsic object and a standard built-in property of the `Intl` object.
    ///
    /// More information:
    ///  - [ECMAScript reference][spec]
    ///  - [MDN documentation][mdn]
    ///
    /// [spec]: https://tc39.es/ecma402/#datetimeformat-objects
    /// [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/DateTimeFormat
    fn constructor(
        new_target: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        // NOTE (nekevss): separate calls to `CreateDateTimeFormat` to avoid clone.
        // 1. If NewTarget is undefined, let newTarget be the active function object, else let newTarget be NewTarget.
        let new_target_inner = &if new_target.is_undefined() {
            context
                .active_function_object()
                .unwrap_or_else(|| {
                    context
                        .intrinsics()
                        .constructors()
                        .date_time_format()
                        .constructor()
                })
                .into()
        } else {
            new_target.clone()
        };
        let locales = args.get_or_undefined(0);
        let options = args.get_or_undefined(1);

        // 2. Let dateTimeFormat be ? CreateDateTimeFormat(newTarget, locales, options, any, date).
        let prototype = get_prototype_from_constructor(
            new_target_inner,
            StandardConstructors::date_time_format,
            context,
        )?;
        let dtf = create_date_time_format(
            locales,
            options,
            FormatType::Any,
            FormatDefaults::Date,
            context,
        )?;
        let date_time_format = JsObject::from_proto_and_data(prototype, dtf);

        // 3. If the implementation supports the normative optional constructor mode of 4.3 Note 1, then
        //     a. Let this be the this value.
        //     b. Return ? ChainDateTimeFormat(dateTimeFormat, NewTarget, this).
        // ChainDateTimeFormat ( dateTimeFormat, newTarget, this )
        // <https://tc39.es/ecma402/#sec-chaindatetimeformat>

        let this = context.vm.stack.get_this(context.vm.frame());
        let Some(this_obj) = this.as_object() else {
            return Ok(date_time_format.into());
        };

        let constructor = context
            .intrinsics()
            .constructors()
            .date_time_format()
            .constructor();

        // 1. If newTarget is undefined and ? OrdinaryHasInstance(%Intl.DateTimeFormat%, this) is true, then
        if new_target.is_undefined()
            && JsValue::ordinary_has_instance(&constructor.into(), &this, context)?
        {
            let fallback_symbol = context
                .intrinsics()
                .objects()
                .intl()
                .borrow()
                .data()
                .fallback_symbol();

            // a. Perform ? DefinePropertyOrThrow(this, %Intl%.[[FallbackSymbol]],
            //    PropertyDescriptor{ [[Value]]: dateTimeFormat, [[Writable]]: false,
            //    [[Enumerable]]: false, [[Configurable]]: false }).
            this_obj.define_property_or_throw(
                fallback_symbol,
                PropertyDescriptor::builder()
                    .value(date_time_format)
                    .writable(false)
                    .enumerable(false)
                    .configurable(false),
                context,
            )?;
            // b. Return this.
            Ok(this)
        } else {
            // 4. Return dateTimeFormat.
            Ok(date_time_format.into())
        }
    }
}

impl DateTimeFormat {
    fn get_format(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        // 1. Let dtf be the this value.
        // 2. If the implementation supports the normative optional constructor mode of 4.3 Note 1, then
        //     a. Set dtf to ? UnwrapDateTimeFormat(dtf).
        // 3. Perform ? RequireInternalSlot(dtf, [[InitializedDateTimeFormat]]).
        let dtf_object = unwrap_date_time_format(this, context)?;
        let dtf_clone = dtf_object.clone();
        let mut dtf = dtf_object.borrow_mut();

        // 4. If dtf.[[BoundFormat]] is undefined, then
        // 5. Return dtf.[[BoundFormat]].
        if let Some(bound_format) = &dtf.data_mut().bound_format.clone() {
            Ok(bound_format.clone().into())
        } else {
            // a. Let F be a new built-in function object as defined in DateTime Format Functions (11.5.4).
            let bound_format = FunctionObjectBuilder::new(
                context.realm(),
                NativeFunction::from_copy_closure_with_captures(
                    |_, args, dtf, context| {
                        // 1. Let dtf be F.[[DateTimeFormat]].
                        // 2. Assert: dtf is an Object and dtf has an [[InitializedDateTimeFormat]] internal slot.
                        let date = args.get_or_undefined(0);
                        // 3. If date is not provided or is undefined, then
                        let x = if date.is_undefined() {
                            // NOTE (nekevss) i64 should be sufficient for a millisecond
                            // representation.
                            // a. Let x be ! Call(%Date.now%, undefined).
                            context.clock().system_time_millis() as f64
                        // 4. Else,
                        } else {
                            // NOTE (nekevss) The i64 covers all MAX_SAFE_INTEGER values.
                            // a. Let x be ? ToNumber(date).
                            date.to_number(context)?
                        };

                        // 5. Return ? FormatDateTime(dtf, x).
                        format_timestamp_with_dtf(dtf.borrow().data(), x, context)
                    },
                    dtf_clone,
                ),
            )
            .length(1)
            .build();

            // b. Set F.[[DateTimeFormat]] to dtf.
            // c. Set dtf.[[BoundFormat]] to F.
            dtf.data_mut().bound_format = Some(bound_format.clone());
            Ok(bound_format.into())
        }
    }

    /// [`Intl.DateTimeFormat.prototype.formatToParts ( date )`][spec]
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-Intl.DateTimeFormat.prototype.formatToParts
    fn format_to_parts(
        this: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        // 1. Let dtf be the this value.
        // 2. Perform ? RequireInternalSlot(dtf, [[InitializedDateTimeFormat]]).
        let dtf = this
            .as_object()
            .and_then(|o| o.downcast::<DateTimeFormat>().ok())
            .ok_or_else(|| {
                JsNativeError::typ().with_message(
                    "Method Intl.DateTimeFormat.prototype.formatToParts called on incompatible receiver",
                )
            })?;
        // 3. If date is undefined, let x be ! Call(%Date.now%, undefined).
        // 4. Else, let x be ? ToNumber(date).
        let date = args.get_or_undefined(0);
        let x = if date.is_undefined() {
            context.clock().system_time_millis() as f64
        } else {
            date.to_number(context)?
        };
        // 5. Return ? FormatDateTimeToParts(dtf, x).
        format_timestamp_to_parts(dtf.borrow().data(), x, context)
    }

    /// [`Intl.DateTimeFormat.supportedLocalesOf ( locales [ , options ] )`][spec]
    ///
    /// Returns an array containing those of the provided locales that are
    /// supported in date and time formatting without having to fall back to
    /// the runtime's default locale.
    ///
    /// More information:
    ///  - [MDN documentation][mdn]
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-intl.datetimeformat.supportedlocalesof
    /// [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/DateTimeFormat/supportedLocalesOf
    fn supported_locales_of(
        _: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        let locales = args.get_or_undefined(0);
        let options = args.get_or_undefined(1);

        // 1. Let availableLocales be %DateTimeFormat%.[[AvailableLocales]].
        // 2. Let requestedLocales be ? CanonicalizeLocaleList(locales).
        let requested_locales = canonicalize_locale_list(locales, context)?;

        // 3. Return ? FilterLocales(availableLocales, requestedLocales, options).
        filter_locales::<Self>(requested_locales, options, context).map(JsValue::from)
    }

    /// [`Intl.DateTimeFormat.prototype.resolvedOptions ( )`][spec]
    ///
    /// [spec]: https://tc39.es/ecma402/#sec-intl.datetimeformat.prototype.resolvedoptions
    /// [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/DateTimeFormat/resolvedOptions
    fn resolved_options(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        //This function provides access to the locale and options computed during initialization of the object.

        // 1. Let dtf be the this value.
        // 2. If the implementation supports the normative optional constructor mode of 4.3 Note 1, then
        //       a. Set dtf to ? UnwrapDateTimeFormat(dtf).
        // 3. Perform ? RequireInternalSlot(dtf, [[InitializedDateTimeFormat]]).
        let dtf_object = unwrap_date_time_format(this, context)?;
        if let Some(cached) = dtf_object.borrow().data().resolved_options.clone() {
            return Ok(cached.into());
        }

        // 4. Let options be OrdinaryObjectCreate(%Object.prototype%).
        // 5. For each row of Table 15, except the header row, in table order, do
        //      a. Let p be the Property value of the current row.
        //      b. If there is an Internal Slot value in the current row, then
        //          i. Let v be the value of dtf's internal slot whose name is the Internal Slot value of the current row.
        //      c. Else,
        //          i. Let format be dtf.[[DateTimeFormat]].
        //          ii. If format has a field [[<p>]] and dtf.[[DateStyle]] is undefined and dtf.[[TimeStyle]] is undefined, then
        //              1. Let v be format.[[<p>]].
        //          iii. Else,
        //              1. Let v be undefined.
        //      d. If v is not undefined, then
        //          i. If there is a Conversion value in the current row, then
        //              1. Let conversion be the Conversion value of the current row.
        //              2. If conversion is hour12, then
        //              a. If v is "h11" or "h12", set v to true. Otherwise, set v to false.
        //              3. Else,
        //              a. Assert: conversion is number.
        //              b. Set v to 𝔽(v).
        //          ii. Perform ! CreateDataPropertyOrThrow(options, p, v).
        let result = {
            let dtf = dtf_object.borrow();
            let dtf = dtf.data();

            let mut options = ObjectInitializer::new(context);
            options.property(
                js_string!("locale"),
                js_string!(dtf.locale.to_string()),
                Attribute::all(),
            );

            if let Some(ca) = &dtf.calendar_algorithm {
                options.property(
                    js_string!("calendar"),
                    js_string!(ca.as_str()),
                    Attribute::all(),
                );
            }

            if let Some(nu) = &dtf.numbering_system {
                options.property(
                    js_string!("numberingSystem"),
                    js_string!(nu.as_str()),
                    Attribute::all(),
                );
            }

            options.property(
                js_string!("timeZone"),
                js_string!(dtf.time_zone_name.as_str()),
                Attribute::all(),
            );

            // The hour cycle and the components are those of the pattern that prints, read as V8 reads them, so
            // `hour: "numeric"` with a locale's `HH` reads back as "2-digit".
            let source = &dtf.formatter.source;
            let hour_cycle = generator::hour_letter_of(source).map(|letter| match letter {
                'K' => "h11",
                'h' => "h12",
                _ if dtf.midnight_as_24 => "h24",
                'k' => "h24",
                _ => "h23",
            });
            if let Some(hc) = hour_cycle {
                options.property(js_string!("hourCycle"), js_string!(hc), Attribute::all());
                let hour12 = matches!(hc, "h11" | "h12");
                options.property(js_string!("hour12"), hour12, Attribute::all());
            }
            let styled = dtf.date_style.is_some() || dtf.time_style.is_some();
            for (name, width) in pattern::resolved_components(source)
                .into_iter()
                .filter(|_| !styled)
            {
                options.property(JsString::from(name), js_string!(width), Attribute::all());
            }

            // Per Table 15, fractionalSecondDigits is only reported when neither
            // dateStyle nor timeStyle is set; the constructor already guarantees this by
            // rejecting explicit component options alongside a style, so the value is
            // `None` whenever a style is present.
            if let Some(fsd) = dtf.fractional_second_digits {
                options.property(
                    js_string!("fractionalSecondDigits"),
                    fsd.digits(),
                    Attribute::all(),
                );
            }

            if let Some(name) = dtf.time_zone_name_option.filter(|_| !styled) {
                options.property(
                    js_string!("timeZoneName"),
                    js_string!(name.as_str()),
                    Attribute::all(),
                );
            }

            if let Some(ds) = dtf.date_style {
                let ds_str = match ds {
                    DateStyle::Full => "full",
                    DateStyle::Long => "long",
                    DateStyle::Medium => "medium",
                    DateStyle::Short => "short",
                };
                options.property(
                    js_string!("dateStyle"),
                    js_string!(ds_str),
                    Attribute::all(),
                );
            }

            if let Some(ts) = dtf.time_style {
                let ts_str = match ts {
                    TimeStyle::Full => "full",
                    TimeStyle::Long => "long",
                    TimeStyle::Medium => "medium",
                    TimeStyle::Short => "short",
                };
                options.property(
                    js_string!("timeStyle"),
                    js_string!(ts_str),
                    Attribute::all(),
                );
            }

            options.build()
        };

        // 6. Return options.
        dtf_object.borrow_mut().data_mut().resolved_options = Some(result.clone());
        Ok(result.into())
    }
}

// Represents a ISO8601 ToLocalTime Record
//
// https://tc39.es/ecma402/#sec-datetimeformat-tolocaltime-records
struct ToLocalTime {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    subsecond: u32,
}

impl ToLocalTime {
    // NOTE (nekevss): we may need to adjust the below steps.
    //
    // The core problem is how to adopt the spec steps while also
    // acting as a proper intermediate between built-ins and ICU4X.
    /// The below steps are adapted from 11.5.6 and 11.5.12
    pub(crate) fn from_local_epoch_milliseconds(local_millis: f64) -> JsResult<Self> {
        // 11.5.6, 1. Let x be TimeClip(x).
        let x = time_clip(local_millis);
        // 11.5.6, 2. If x is NaN, throw a RangeError exception.
        if x.is_nan() {
            return Err(js_error!(RangeError: "formattable time value cannot be NaN"));
        }
        // NOTE: The switch to BigInt just for the value to be reverted to float
        // during ToLocalTime calculations
        // 11.5.6, 3. Let epochNanoseconds be ℤ(ℝ(x) × 10**6).
        let epoch_nanoseconds = (x * 1_000_000f64) as i128;

        // We convert back to milliseconds: 𝔽(floor(tz / 10**6))
        let t = epoch_nanoseconds.div_euclid(1_000_000) as f64;

        // 11.5.5, Step 12. Return ToLocalTime record values
        // Also see, 11.5.12
        let year = year_from_time(t);
        let month = month_from_time(t);
        let day = date_from_time(t);
        let hour = hour_from_time(t);
        let minute = min_from_time(t);
        let second = sec_from_time(t);
        let ms = u32::from(ms_from_time(t));

        // 11.5.5, Step 15.f.v. If p is "month", set v to v + 1.
        let month = month + 1; // This month is zero based (0-11)

        Ok(Self {
            year,
            month,
            day,
            hour,
            minute,
            second,
            subsecond: ms * 1_000_000,
        })
    }

    pub(crate) fn to_formattable_datetime(&self) -> JsResult<DateTime<Iso>> {
        Ok(DateTime {
            date: Date::try_new_iso(self.year, self.month, self.day)
                .ok()
                .js_expect("TimeClip ensures valid range.")?,
            time: Time::try_new(self.hour, self.minute, self.second, self.subsecond)
                .ok()
                .js_expect("valid values")?,
        })
    }
}

// ==== Abstract Operations ====

/// Creates a [`DateTimeFormat`] struct (internal slots only). The constructor wraps this in a
/// `JsObject` with the correct prototype; Date.prototype.toLocaleString (and friends) use it
/// directly with [`format_timestamp_with_dtf`] without allocating a JS object.
pub(crate) fn create_date_time_format(
    locales: &JsValue,
    options: &JsValue,
    date_time_format_type: FormatType,
    defaults: FormatDefaults,
    context: &mut Context,
) -> JsResult<DateTimeFormat> {
    // NOTE: The below step's code was moved out into constructor to prevent unnecessary JsObject allocation when we create dtf internally
    // (e.g. toLocaleString methods of Date and Temporal objects)
    // 1. Let dateTimeFormat be ? OrdinaryCreateFromConstructor(newTarget, "%Intl.DateTimeFormat.prototype%",
    // « [[InitializedDateTimeFormat]], [[Locale]], [[Calendar]], [[NumberingSystem]], [[TimeZone]],
    // [[HourCycle]], [[DateStyle]], [[TimeStyle]], [[DateTimeFormat]], [[BoundFormat]] »).
    // 2. Let hour12 be undefined. <- TODO
    // 3. Let modifyResolutionOptions be a new Abstract Closure with parameters (options) that captures hour12 and performs the following steps when called:
    //        a. Set hour12 to options.[[hour12]].
    //        b. Remove field [[hour12]] from options.
    //        c. If hour12 is not undefined, set options.[[hc]] to null.
    // 4. Let optionsResolution be ? ResolveOptions(%Intl.DateTimeFormat%, %Intl.DateTimeFormat%.[[LocaleData]],
    // locales, options, « coerce-options », modifyResolutionOptions).
    //
    // NOTE: We inline ResolveOptions here. (Could be worked into an abstract operation util function)
    // ResolveOptions 1. Let requestedLocales be ? CanonicalizeLocaleList(locales).
    let requested_locales = canonicalize_locale_list(locales, context)?;
    // NOTE: skip ResolveOptions 2, which is based on `REQUIRE-OPTIONS` vs `COERCE-OPTIONS`
    // ResolveOptions 3. If specialBehaviours is present and contains coerce-options,
    // set options to ? CoerceOptionsToObject(options). Otherwise, set options to ? GetOptionsObject(options).
    let options = coerce_options_to_object(options, context)?;
    // ResolveOptions 4. Let matcher be ? GetOption(options, "localeMatcher", string, « "lookup", "best fit" », "best fit").
    let matcher = get_option(&options, js_string!("localeMatcher"), context)?.unwrap_or_default();

    // NOTE: We unroll the below const loop in step 6 using the
    // ResolutionOptionDescriptors from the internal slots
    // https://tc39.es/ecma402/#sec-intl.datetimeformat-internal-slots
    let mut preferences = DateTimeFormatterPreferences::default();

    // 6. For each Resolution Option Descriptor desc of constructor.[[ResolutionOptionDescriptors]], do
    // a. If desc has a [[Type]] field, let type be desc.[[Type]]. Otherwise, let type be string.
    // b. If desc has a [[Values]] field, let values be desc.[[Values]]. Otherwise, let values be empty.
    // c. Let value be ? GetOption(options, desc.[[Property]], type, values, undefined).
    // d. If value is not undefined, then
    // i. Set value to ! ToString(value).
    // ii. If value cannot be matched by the type Unicode locale nonterminal, throw a RangeError exception.
    // e. Let key be desc.[[Key]].
    // f. Set opt.[[<key>]] to value.

    // Handle { [[Key]]: "ca", [[Property]]: "calendar" }
    preferences.calendar_algorithm =
        get_option::<Value>(&options, js_string!("calendar"), context)?
            .map(|ca| CalendarAlgorithm::try_from(&ca))
            .transpose()
            .map_err(|_icu4x_error| js_error!(RangeError: "unknown calendar algorithm"))?;

    // { [[Key]]: "nu", [[Property]]: "numberingSystem" }
    preferences.numbering_system =
        get_option::<Value>(&options, js_string!("numberingSystem"), context)?
            .map(NumberingSystem::try_from)
            .transpose()
            .map_err(|_icu4x_error| js_error!(RangeError: "unknown numbering system"))?;

    // { [[Key]]: "hour12", [[Property]]: "hour12", [[Type]]: boolean }
    let hour_12 = get_option::<bool>(&options, js_string!("hour12"), context)?;

    // { [[Key]]: "hc", [[Property]]: "hourCycle", [[Values]]: « "h11", "h12", "h23", "h24" » }
    // c. If hour12 is not undefined, set options.[[hc]] to null. ICU4X has no h24: it formats as h23, with the
    // midnight hour written as 24 (`midnight_as_24`).
    let hour_cycle_option =
        get_option::<options::HourCycle>(&options, js_string!("hourCycle"), context)?
            .filter(|_| hour_12.is_none());
    preferences.hour_cycle = hour_cycle_option.map(|hc| match hc {
        options::HourCycle::H11 => IcuHourCycle::H11,
        options::HourCycle::H12 => IcuHourCycle::H12,
        options::HourCycle::H23 | options::HourCycle::H24 => IcuHourCycle::H23,
    });

    let mut intl_options = IntlOptions {
        matcher,
        preferences,
    };

    // ResolveOptions 8. Let resolution be ResolveLocale(constructor.[[AvailableLocales]], requestedLocales,
    // opt, constructor.[[RelevantExtensionKeys]], localeData).
    let resolved_locale = resolve_locale::<DateTimeFormat>(
        requested_locales,
        &mut intl_options,
        context.intl_provider(),
    )?;

    // TODO: The resolved calendar, numbering system, and hour cycle should come from
    // the ICU4X locale resolution result, not hardcoded defaults. However, ICU4X does
    // not yet expose getters for these computed values on DateTimeFormatter.
    // This means e.g. `new Intl.DateTimeFormat("ar").resolvedOptions().numberingSystem`
    // incorrectly returns "latn" instead of "arab".
    // Tracked at: unicode-org/icu4x#5868
    if intl_options.preferences.calendar_algorithm.is_none() {
        intl_options.preferences.calendar_algorithm = CalendarAlgorithm::try_from(
            &Value::try_from_str("gregory").expect("'gregory' is a valid BCP 47 value"),
        )
        .ok();
    }

    if intl_options.preferences.numbering_system.is_none() {
        intl_options.preferences.numbering_system = NumberingSystem::try_from(
            Value::try_from_str("latn").expect("'latn' is a valid BCP 47 value"),
        )
        .ok();
    }

    // 12.-14. `hour12` wins over `hourCycle` and the locale's `-u-hc`; without either, the locale's own cycle
    // (ICU4X's default for the locale) applies.
    let hour_cycle = match hour_12 {
        Some(true) => Some(IcuHourCycle::H12),
        Some(false) => Some(IcuHourCycle::H23),
        None => intl_options.preferences.hour_cycle,
    };
    // 5. Set options to optionsResolution.[[Options]].
    // 6. Let r be optionsResolution.[[ResolvedLocale]].
    // 7. Set (deferred) dateTimeFormat.[[Locale]] to r.[[Locale]].
    // 8. Let (deferred) resolvedCalendar be r.[[ca]].
    // 9. Set (deferred) dateTimeFormat.[[Calendar]] to resolvedCalendar.
    // 10. Set (deferred) dateTimeFormat.[[NumberingSystem]] to r.[[nu]].
    // 11. Let (deferred) resolvedLocaleData be r.[[LocaleData]].

    // TODO: Handle hour12 and hc
    // 12. If hour12 is true, then
    // a. Let hc be resolvedLocaleData.[[hourCycle12]].
    // 13. Else if hour12 is false, then
    // a. Let hc be resolvedLocaleData.[[hourCycle24]].
    // 14. Else,
    // a. Assert: hour12 is undefined.
    // b. Let hc be r.[[hc]].
    // c. If hc is null, set hc to resolvedLocaleData.[[hourCycle]].

    // 15. Let timeZone be ? Get(options, "timeZone").
    let time_zone = options.get(js_string!("timeZone"), context)?;

    // 16. If timeZone is undefined, then
    let time_zone = if time_zone.is_undefined() {
        // TODO (nekevss): Resolve system time zone
        // a. Set timeZone to SystemTimeZoneIdentifier().
        JsString::from("UTC")
    // 17. Else,
    } else {
        // a. Set timeZone to ? ToString(timeZone).
        time_zone.to_string(context)?
    };
    // 18. If IsTimeZoneOffsetString(timeZone) is true, then
    let time_zone_string = time_zone.to_std_string_escaped();
    // Note: Should a timezone enum be part of temporal_rs, icu_time, or an ECMA402 wrapper lib
    let mut resolved_time_zone_name = time_zone_string.clone();
    let time_zone = if let Ok(utc_offset) = UtcOffset::try_from_str(&time_zone_string) {
        //  a. Let parseResult be ParseText(StringToCodePoints(timeZone), UTCOffset).
        //  b. Assert: parseResult is a Parse Node.
        //  c. If parseResult contains more than one MinuteSecond Parse Node, throw a RangeError exception.
        //  d. Let offsetNanoseconds be ParseTimeZoneOffsetString(timeZone).
        //  e. Let offsetMinutes be offsetNanoseconds / (6 × 10**10).
        //  f. Assert: offsetMinutes is an integer.
        //  g. Set timeZone to FormatOffsetTimeZoneIdentifier(offsetMinutes).
        FormatTimeZone::UtcOffset(utc_offset)
    } else {
        // 19. Else,
        //  a. Let timeZoneIdentifierRecord be GetAvailableNamedTimeZoneIdentifier(timeZone).
        //  b. If timeZoneIdentifierRecord is empty, throw a RangeError exception.
        //  c. Set timeZone to timeZoneIdentifierRecord.[[PrimaryIdentifier]].
        let parser =
            IanaParserExtended::try_new_unstable(context.intl_provider()).map_err(|_| {
                JsNativeError::error().with_message("Failed to init time zone data provider")
            })?;
        let parsed = parser.as_borrowed().parse(&time_zone_string);
        let time_zone = parsed.time_zone;
        // ICU reports UTC and its aliases (Etc/UTC, GMT) as "UTC", and any other zone by its canonical name.
        resolved_time_zone_name = if matches!(parsed.canonical, "Etc/UTC" | "Etc/GMT" | "GMT") {
            String::from("UTC")
        } else {
            parsed.canonical.to_owned()
        };
        let time_zone_id = context
            .timezone_provider()
            .get(time_zone_string.as_bytes())
            .map_err(|_| {
                JsNativeError::range()
                    .with_message(format!("{time_zone_string:#?} was not a valid time zone."))
            })?;
        FormatTimeZone::Identifier((time_zone, time_zone_id))
    };
    // 20. (deferred) Set dateTimeFormat.[[TimeZone]] to timeZone.

    // 21. Let formatOptions be a new Record.
    // 22. Set formatOptions.[[hourCycle]] to hc.
    // 23. Let hasExplicitFormatComponents be false.

    // NOTE (nekevss): Step 24 is adopted in the `FormatOptions`
    // 24. For each row of Table 16, except the header row, in table order, do
    //         a. Let prop be the name given in the Property column of the current row.
    //         b. If prop is "fractionalSecondDigits", then
    //                i. Let value be ? GetNumberOption(options, "fractionalSecondDigits", 1, 3, undefined).
    //         c. Else,
    //                i. Let values be a List whose elements are the strings given in the Values column of the current row.
    //                ii. Let value be ? GetOption(options, prop, string, values, undefined).
    //         d. Set formatOptions.[[<prop>]] to value.
    //         e. If value is not undefined, then
    //                i. Set hasExplicitFormatComponents to true.
    let mut format_options = FormatOptions::try_init(&options, preferences.hour_cycle, context)?;

    // TODO: how should formatMatcher be used?
    // 25. Let formatMatcher be ? GetOption(options, "formatMatcher", string, « "basic", "best fit" », "best fit").
    let format_matcher =
        get_option::<FormatMatcher>(&options, js_string!("formatMatcher"), context)?
            .unwrap_or(FormatMatcher::BestFit);
    // 26. Let dateStyle be ? GetOption(options, "dateStyle", string, « "full", "long", "medium", "short" », undefined).
    let date_style = get_option::<DateStyle>(&options, js_string!("dateStyle"), context)?;
    // 27. Set dateTimeFormat.[[DateStyle]] to dateStyle.
    // 28. Let timeStyle be ? GetOption(options, "timeStyle", string, « "full", "long", "medium", "short" », undefined).
    let time_style = get_option::<TimeStyle>(&options, js_string!("timeStyle"), context)?;
    // 29. (deferred) Set dateTimeFormat.[[TimeStyle]] to timeStyle.
    // 30. If dateStyle is not undefined or timeStyle is not undefined, then
    let fieldset = if date_style.is_some() || time_style.is_some() {
        // a. If hasExplicitFormatComponents is true, then
        if format_options.has_explicit_format_components() {
            // i. Throw a TypeError exception.
            return Err(
                js_error!(TypeError: "cannot have explicit format components when timeStyle or dateStyle is defined"),
            );
        }
        // b. If required is date and timeStyle is not undefined, then
        if date_time_format_type == FormatType::Date && time_style.is_some() {
            // i. Throw a TypeError exception.
            return Err(
                js_error!(TypeError: "timeStyle cannot be defined for a date DateTimeFormat"),
            );
        }
        // c. If required is time and dateStyle is not undefined, then
        if date_time_format_type == FormatType::Time && date_style.is_some() {
            // i. Throw a TypeError exception.
            return Err(
                js_error!(TypeError: "dateStyle cannot be defined for a time DateTimeFormat"),
            );
        }
        // TODO (nekevss): implement d-e
        // TODO (nekevss): Do we have access to the styles?
        // d. Let styles be resolvedLocaleData.[[styles]].[[<resolvedCalendar>]].
        // e. Let bestFormat be DateTimeStyleFormat(dateStyle, timeStyle, styles).
        date_time_style_format(date_style, time_style)
    // 31. Else,
    } else {
        // a. Let needDefaults be true.
        // b. If required is date or any, then
        // i. For each property name prop of « "weekday", "year", "month", "day" », do
        // 1. Let value be formatOptions.[[<prop>]].
        // 2. If value is not undefined, set needDefaults to false.
        // c. If required is time or any, then
        // i. For each property name prop of « "dayPeriod", "hour", "minute", "second", "fractionalSecondDigits" », do
        // 1. Let value be formatOptions.[[<prop>]].
        // 2. If value is not undefined, set needDefaults to false.
        let needs_defaults = format_options.check_dtf_type(date_time_format_type);
        // d. If needDefaults is true and defaults is either date or all, then
        if needs_defaults && defaults != FormatDefaults::Time {
            // i. For each property name prop of « "year", "month", "day" », do
            // 1. Set formatOptions.[[<prop>]] to "numeric".
            format_options.set_date_defaults();
        }
        // e. If needDefaults is true and defaults is either time or all, then
        if needs_defaults && defaults != FormatDefaults::Date {
            // i. For each property name prop of « "hour", "minute", "second" », do
            // 1. Set formatOptions.[[<prop>]] to "numeric".
            format_options.set_time_defaults();
        }
        // TODO (nekevss): Do we have access to the localized formats via `icu_datetime`. Is there
        // a specific API by which this is accessed.
        //
        // f. Let formats be resolvedLocaleData.[[formats]].[[<resolvedCalendar>]].
        // g. If formatMatcher is "basic", then
        // i. Let bestFormat be BasicFormatMatcher(formatOptions, formats).
        // h. Else,
        // i. Let bestFormat be BestFitFormatMatcher(formatOptions, formats).
        // ICU4X's field set is needed only where ICU4X chooses the pattern (a language whose CLDR patterns are not
        // packed); it has none for some option sets (a day period alone), which the pattern generator serves.
        match format_matcher {
            FormatMatcher::Basic | FormatMatcher::BestFit => best_fit_date_time_format(&format_options),
        }
    };
    // 32. Set dateTimeFormat.[[DateTimeFormat]] to bestFormat.
    // 33. If bestFormat has a field [[hour]], then
    // a. Set dateTimeFormat.[[HourCycle]] to hc.
    // 34. Return dateTimeFormat.
    let mut preferences = DateTimeFormatterPreferences::from(&resolved_locale);
    preferences.hour_cycle = hour_cycle;
    // V8's pattern: ICU's pattern generator over CLDR's formats, for the languages whose CLDR patterns are packed.
    let generated = Generator::for_locale(&resolved_locale).and_then(|generator| {
        let hour = hour_letter(generator.default_hour(), hour_cycle_option, hour_12);
        let source = generated_pattern(&generator, &format_options, date_style, time_style, hour);
        // ICU4X has no h24: its hours print as h23's, the midnight hour as 24.
        let midnight_as_24 = generator::hour_letter_of(&source) == Some('k');
        let source = if midnight_as_24 {
            generator::with_hour_letter(&source, 'H')
        } else {
            source
        };
        let mut preferences = preferences;
        preferences.hour_cycle = generator::hour_letter_of(&source).map(|letter| match letter {
            'K' => IcuHourCycle::H11,
            'h' => IcuHourCycle::H12,
            _ => IcuHourCycle::H23,
        });
        // ICU4X cannot write flexible day periods: a placeholder stands for them (`write_parts`).
        let pattern =
            DateTimePattern::try_from_pattern_str(&generator::with_day_period_placeholders(&source))
                .ok()?;
        let names = names::names_for(&pattern, preferences, context.intl_provider()).ok()?;
        Some((
            source,
            pattern,
            names,
            preferences,
            midnight_as_24,
            Some(generator.patterns()),
        ))
    });
    let (source, pattern, names, preferences, midnight_as_24, patterns) = match generated {
        Some(generated) => generated,
        None => {
            let (source, preferences, midnight_as_24) = icu4x_pattern(
                &resolved_locale,
                &format_options,
                fieldset?,
                (date_style, time_style),
                (preferences, hour_12),
                &time_zone,
                context,
            )?;
            let pattern = DateTimePattern::try_from_pattern_str(&source)
                .map_err(|e| js_error!(RangeError: "invalid date pattern {}: {}", source, e))?;
            let names = names::names_for(&pattern, preferences, context.intl_provider())?;
            (source, pattern, names, preferences, midnight_as_24, None)
        }
    };
    Ok(DateTimeFormat {
        locale: resolved_locale,
        calendar_algorithm: intl_options.preferences.calendar_algorithm,
        numbering_system: intl_options.preferences.numbering_system,
        hour_cycle: preferences.hour_cycle,
        midnight_as_24,
        patterns,
        date_style,
        time_style,
        fractional_second_digits: format_options.fractional_second_digits(),
        time_zone,
        time_zone_name: resolved_time_zone_name,
        time_zone_name_option: format_options.time_zone_name,
        formatter: Rc::new(PatternFormatter {
            pattern,
            source,
            names,
        }),
        bound_format: None,
        resolved_options: None,
    })
}

/// The hour letter of the format's cycle, as V8 resolves it from the locale's (`default`), `hourCycle` and
/// `hour12`: `hour12` picks the locale's own 12- or 24-hour kind, counting from 0 where the locale does.
fn hour_letter(
    default: char,
    hour_cycle: Option<options::HourCycle>,
    hour12: Option<bool>,
) -> char {
    let counts_from_zero = matches!(default, 'K' | 'H');
    match (hour12, hour_cycle) {
        (Some(true), _) => {
            if counts_from_zero {
                'K'
            } else {
                'h'
            }
        }
        (Some(false), _) => {
            if counts_from_zero {
                'H'
            } else {
                'k'
            }
        }
        (None, Some(options::HourCycle::H11)) => 'K',
        (None, Some(options::HourCycle::H12)) => 'h',
        (None, Some(options::HourCycle::H23)) => 'H',
        (None, Some(options::HourCycle::H24)) => 'k',
        (None, None) => default,
    }
}

/// V8's pattern for a format, from ICU's pattern generator: a style's CLDR pattern (a time style asked for in
/// another hour cycle regenerated from its skeleton, `DateTimeStylePattern`), or the best pattern for the
/// components' skeleton, whose hours take the format's cycle (also the defaulted hour of `toLocaleTimeString`).
fn generated_pattern(
    generator: &Generator,
    format_options: &FormatOptions,
    date_style: Option<DateStyle>,
    time_style: Option<TimeStyle>,
    hour: char,
) -> String {
    let style = |style: DateStyle| match style {
        DateStyle::Full => Style::Full,
        DateStyle::Long => Style::Long,
        DateStyle::Medium => Style::Medium,
        DateStyle::Short => Style::Short,
    };
    if let Some(time_style) = time_style {
        let time = generator.time_style(match time_style {
            TimeStyle::Full => Style::Full,
            TimeStyle::Long => Style::Long,
            TimeStyle::Medium => Style::Medium,
            TimeStyle::Short => Style::Short,
        });
        let pattern = match date_style {
            Some(date_style) => generator.join(
                style(date_style),
                generator.date_style(style(date_style)),
                time,
            ),
            None => time.to_owned(),
        };
        if generator::hour_letter_of(&pattern) == Some(hour) {
            return pattern;
        }
        let skeleton = generator::skeleton_in_cycle(&pattern, hour);
        return generator::with_hour_letter(&generator.best_pattern(&skeleton, true), hour);
    }
    if let Some(date_style) = date_style {
        return generator.date_style(style(date_style)).to_owned();
    }
    let pattern = generator.best_pattern(&format_options.skeleton(hour), true);
    if format_options.hour.is_some() {
        generator::with_hour_letter(&pattern, hour)
    } else {
        pattern
    }
}

/// ICU4X's pattern, for the languages whose CLDR patterns are not packed: a style's as the locale has it, or
/// the pattern of the components' field set at each field's width; with the hour cycle it prints in and whether
/// midnight prints as 24.
fn icu4x_pattern(
    locale: &Locale,
    format_options: &FormatOptions,
    fieldset: CompositeFieldSet,
    (date_style, time_style): (Option<DateStyle>, Option<TimeStyle>),
    (mut preferences, hour_12): (DateTimeFormatterPreferences, Option<bool>),
    time_zone: &FormatTimeZone,
    context: &mut Context,
) -> JsResult<(String, DateTimeFormatterPreferences, bool)> {
    let sample = zoned_date_time(time_zone, 0.0, context)?;
    // `hour12` picks the locale's own 12- or 24-hour cycle as V8 does: `true` is h12 where the locale counts
    // 1-12 and h11 elsewhere, `false` is h24 (`24:05`) where the locale counts 1-12 and h23 elsewhere.
    let mut midnight_as_24 = false;
    if let Some(hour12) = hour_12 {
        let locale_pattern = pattern_for(
            fieldset,
            DateTimeFormatterPreferences::from(locale),
            &sample,
            context,
        )?;
        let locale_counts_to_12 = pattern::fields(&locale_pattern)
            .iter()
            .any(|&(symbol, _)| matches!(symbol, 'h' | 'K'));
        preferences.hour_cycle = Some(match (hour12, locale_counts_to_12) {
            (true, true) => IcuHourCycle::H12,
            (true, false) => IcuHourCycle::H11,
            (false, _) => IcuHourCycle::H23,
        });
        midnight_as_24 = !hour12 && locale_counts_to_12;
    }
    let source = if date_style.is_some() || time_style.is_some() {
        pattern_for(fieldset, preferences, &sample, context)?
    } else {
        pattern_for_components(format_options, fieldset, preferences, &sample, context)?
    };
    Ok((source, preferences, midnight_as_24))
}

/// The pattern ICU4X formats `fieldset` with for `preferences`, in UTS 35 syntax.
fn pattern_for(
    fieldset: CompositeFieldSet,
    preferences: DateTimeFormatterPreferences,
    sample: &ZonedDateTime<Gregorian, TimeZoneInfo<AtTime>>,
    context: &Context,
) -> JsResult<String> {
    let formatter = DateTimeFormatter::try_new_with_buffer_provider(
        context.intl_provider().erased_provider(),
        preferences,
        fieldset,
    )
    .map_err(|e| JsNativeError::range().with_message(format!("failed to load formatter: {e}")))?;
    Ok(formatter.format(sample).pattern().to_string())
}

/// The pattern for component options: ICU4X's for their `fieldset`, then each field at the width asked for.
fn pattern_for_components(
    format_options: &FormatOptions,
    fieldset: CompositeFieldSet,
    preferences: DateTimeFormatterPreferences,
    sample: &ZonedDateTime<Gregorian, TimeZoneInfo<AtTime>>,
    context: &Context,
) -> JsResult<String> {
    // ICU4X chooses the pattern for the field set; it is the same for every date of the Gregorian calendar, so
    // one sample gives it.
    let mut chosen = pattern_for(fieldset, preferences, sample, context)?;
    // Some locales' medium dates are all numbers (German `15.01.2024`); a month asked for in words then takes
    // the long pattern, whose month the widths step can shorten (`15. Jan. 2024`).
    if matches!(format_options.month, Some(Month::Short | Month::Narrow))
        && pattern::has_numeric_month(&chosen)
    {
        let mut long = best_fit_builder(format_options);
        long.length = Some(Length::Long);
        let long = long
            .build_composite()
            .map_err(|e| JsNativeError::range().with_message(e.to_string()))?;
        chosen = pattern_for(long, preferences, sample, context)?;
    }
    Ok(pattern::adjust_field_widths(&chosen, format_options))
}

/// The local date, time and zone of the instant `timestamp` (epoch milliseconds) in `time_zone`: the steps of
/// [`PartitionDateTimePattern`][11.5.6] and [`ToLocalTime`][11.5.12] up to formatting.
///
/// [11.5.6]: https://tc39.es/ecma402/#sec-partitiondatetimepattern
/// [11.5.12]: https://tc39.es/ecma402/#sec-tolocaltime
///
/// 1. Let x be TimeClip(x).
/// 2. If x is `NaN`, throw a `RangeError` exception.
/// 3. Let epochNanoseconds be ℤ(ℝ(x) × 10^6).
/// 4. Let timeZone be dtf.[[`TimeZone`]].
/// 5. Let offsetNs be GetOffsetNanosecondsFor(timeZone, epochNanoseconds).
/// 6. Let tz be 𝔽(ℝ(x) + ℝ(offsetNs) / 10^6).
fn zoned_date_time(
    time_zone: &FormatTimeZone,
    timestamp: f64,
    context: &mut Context,
) -> JsResult<ZonedDateTime<Gregorian, TimeZoneInfo<AtTime>>> {
    let (_, zoned) = local_date_time(time_zone, timestamp, context)?;
    Ok(zoned)
}

/// [`zoned_date_time`], with the local fields it was made from.
fn local_date_time(
    time_zone: &FormatTimeZone,
    timestamp: f64,
    context: &mut Context,
) -> JsResult<(ToLocalTime, ZonedDateTime<Gregorian, TimeZoneInfo<AtTime>>)> {
    let x = time_clip(timestamp);
    if x.is_nan() {
        return Err(js_error!(RangeError: "Invalid time value"));
    }
    let epoch_ns = x as i128 * 1_000_000;
    let (zone, offset_seconds) = match time_zone {
        FormatTimeZone::UtcOffset(offset) => (TimeZone::UNKNOWN, offset.to_seconds()),
        FormatTimeZone::Identifier((zone, time_zone_id)) => {
            let offset_seconds = context
                .timezone_provider()
                .transition_nanoseconds_for_utc_epoch_nanoseconds(*time_zone_id, epoch_ns)
                .map_err(
                    |_e| js_error!(RangeError: "unable to determine transition nanoseconds"),
                )?;
            (*zone, offset_seconds.0 as i32)
        }
    };
    let local = x + f64::from(offset_seconds * 1_000);
    let fields = ToLocalTime::from_local_epoch_milliseconds(local)?;
    let date_time = fields.to_formattable_datetime()?;
    // The offset in effect at that instant, so that a zone's name can tell standard time from summer time.
    let zone = zone
        .with_offset(Some(UtcOffset::from_seconds_unchecked(offset_seconds)))
        .at_date_time(date_time);
    let zoned = ZonedDateTime {
        date: date_time.date.to_calendar(Gregorian),
        time: date_time.time,
        zone,
    };
    Ok((fields, zoned))
}

/// Formats a timestamp (epoch milliseconds) with a [`DateTimeFormat`]: `FormatDateTime ( dtf, x )`, the parts
/// joined, with a plain space where CLDR has U+202F (as V8's `format` prints it).
pub(crate) fn format_timestamp_with_dtf(
    dtf: &DateTimeFormat,
    timestamp: f64,
    context: &mut Context,
) -> JsResult<JsValue> {
    let text: String = partition_date_time_pattern(dtf, timestamp, context)?
        .into_iter()
        .map(|(_, value)| value)
        .collect();
    Ok(JsString::from(pattern::with_plain_spaces(&text)).into())
}

/// `FormatDateTimeToParts ( dtf, x )`: the formatted date as an array of `{ type, value }` objects.
fn format_timestamp_to_parts(
    dtf: &DateTimeFormat,
    timestamp: f64,
    context: &mut Context,
) -> JsResult<JsValue> {
    let parts = partition_date_time_pattern(dtf, timestamp, context)?
        .into_iter()
        .map(|(kind, value)| {
            let mut part = ObjectInitializer::new(context);
            part.property(js_string!("type"), js_string!(kind), Attribute::all());
            part.property(js_string!("value"), JsString::from(value), Attribute::all());
            part.build().into()
        })
        .collect::<Vec<JsValue>>();
    Ok(crate::builtins::Array::create_array_from_list(parts, context).into())
}

/// `PartitionDateTimePattern ( dtf, x )`: the formatted date as `(type, value)` parts.
fn partition_date_time_pattern(
    dtf: &DateTimeFormat,
    timestamp: f64,
    context: &mut Context,
) -> JsResult<Vec<(&'static str, String)>> {
    let zoned = zoned_date_time(&dtf.time_zone, timestamp, context)?;
    let PatternFormatter { pattern, names, .. } = &*dtf.formatter;
    write_parts(dtf, names, pattern, &zoned)
}

/// `zoned` written with `pattern` and the `names` loaded for it, as `(type, value)` parts.
fn write_parts(
    dtf: &DateTimeFormat,
    names: &FixedCalendarDateTimeNames<Gregorian, CompositeFieldSet>,
    pattern: &DateTimePattern,
    zoned: &ZonedDateTime<Gregorian, TimeZoneInfo<AtTime>>,
) -> JsResult<Vec<(&'static str, String)>> {
    let mut parts = pattern::DateTimeParts::default();
    let formatter = names.with_pattern_unchecked(pattern);
    formatter
        .format(zoned)
        .try_write_to_parts(&mut parts)
        .map_err(|_| js_error!(RangeError: "cannot format the date"))?
        .map_err(|e| js_error!(RangeError: "cannot format the date: {}", e))?;
    let mut parts = parts.into_parts();
    if let Some(patterns) = dtf.patterns {
        if patterns.offset_minus != "-" {
            for (kind, value) in &mut parts {
                // The offset's sign only: a minus before its hours (`UTC-5`), not a zone name's hyphen.
                if *kind == "timeZoneName"
                    && let Some(at) = value.find('-').filter(|&at| {
                        value[at + 1..].starts_with(|c: char| c.is_ascii_digit())
                    })
                {
                    value.replace_range(at..=at, patterns.offset_minus);
                }
            }
        }
        parts = with_day_periods(parts, patterns, &dtf.formatter.source, zoned);
    }
    if dtf.midnight_as_24 {
        for (kind, value) in &mut parts {
            if *kind == "hour" && value.bytes().all(|b| b == b'0') {
                *value = String::from("24");
            }
        }
    }
    Ok(parts)
}

/// `parts` with each day period placeholder (`generator::with_day_period_placeholders`) replaced by the day
/// period of `zoned`'s time, as a `dayPeriod` part; the minutes and seconds count where `source` shows them.
fn with_day_periods(
    parts: Vec<(&'static str, String)>,
    patterns: &generator::LocalePatterns,
    source: &str,
    zoned: &ZonedDateTime<Gregorian, TimeZoneInfo<AtTime>>,
) -> Vec<(&'static str, String)> {
    if !parts
        .iter()
        .any(|(_, value)| value.chars().any(|c| generator::day_period_width(c).is_some()))
    {
        return parts;
    }
    let fields = pattern::fields(source);
    let shows = |letter: char| fields.iter().any(|&(field, _)| field == letter);
    let hour = zoned.time.hour.number();
    let minute = if shows('m') { zoned.time.minute.number() } else { 0 };
    let second = if shows('s') { zoned.time.second.number() } else { 0 };
    let mut written = Vec::with_capacity(parts.len() + 2);
    for (kind, value) in parts {
        let mut literal = String::new();
        for character in value.chars() {
            match generator::day_period_width(character) {
                Some(width) => {
                    if !literal.is_empty() {
                        written.push((kind, core::mem::take(&mut literal)));
                    }
                    let period = patterns.day_period(hour, minute, second, width);
                    written.push(("dayPeriod", period.to_owned()));
                }
                None => literal.push(character),
            }
        }
        if !literal.is_empty() {
            written.push((kind, literal));
        }
    }
    written
}

fn date_time_style_format(
    date_style: Option<DateStyle>,
    time_style: Option<TimeStyle>,
) -> JsResult<CompositeFieldSet> {
    let mut builder = FieldSetBuilder::default();
    builder.length = match date_style {
        Some(DateStyle::Full | DateStyle::Long) => Some(Length::Long),
        Some(DateStyle::Medium) => Some(Length::Medium),
        Some(DateStyle::Short) => Some(Length::Short),
        None => match time_style {
            Some(TimeStyle::Full | TimeStyle::Long) => Some(Length::Long),
            Some(TimeStyle::Medium) => Some(Length::Medium),
            Some(TimeStyle::Short) => Some(Length::Short),
            None => return Err(js_error!(TypeError: "dateStyle or timeStyle must be defined")),
        },
    };
    builder.date_fields = match date_style {
        Some(DateStyle::Full) => Some(DateFields::YMDE),
        Some(DateStyle::Long | DateStyle::Medium | DateStyle::Short) => Some(DateFields::YMD),
        None => None, // NOTE: timeStyle being undefined is checked when setting length
    };
    builder.time_precision = match time_style {
        Some(TimeStyle::Full | TimeStyle::Long | TimeStyle::Medium) => Some(TimePrecision::Second),
        Some(TimeStyle::Short) => Some(TimePrecision::Minute),
        None => None, // NOTE: dateStyle being undefined is checked when setting length
    };
    // CLDR's long and full time formats end with the zone: its short name (`z`), or its long one (`zzzz`).
    builder.zone_style = match time_style {
        Some(TimeStyle::Full) => Some(ZoneStyle::SpecificLong),
        Some(TimeStyle::Long) => Some(ZoneStyle::SpecificShort),
        _ => None,
    };
    builder
        .build_composite()
        .map_err(|e| JsNativeError::range().with_message(e.to_string()).into())
}

fn best_fit_date_time_format(format_options: &FormatOptions) -> JsResult<CompositeFieldSet> {
    best_fit_builder(format_options)
        .build_composite()
        .map_err(|e| JsNativeError::range().with_message(e.to_string()).into())
}

/// The ICU4X field set builder closest to the requested components.
fn best_fit_builder(format_options: &FormatOptions) -> FieldSetBuilder {
    let mut builder = FieldSetBuilder::default();
    builder.length = format_options.to_length();
    builder.date_fields = format_options.to_date_fields();
    builder.time_precision = format_options.to_time_fields();
    builder.zone_style = format_options.to_zone_style();
    builder.year_style = match (format_options.era, format_options.year) {
        // An era is a year style in ICU4X: asked for, every year prints with it (`2024 AD`).
        (Some(_), Some(_)) => Some(YearStyle::WithEra),
        // A numeric year is the full year, and ICU4X's full-year patterns are CLDR's for the fields
        // (German `d.M.y`), where its short ones are the locale's short date (`dd.MM.yy`).
        (None, Some(Year::Numeric)) => Some(YearStyle::Full),
        _ => None,
    };
    builder
}

/// Identifies a specific category of date-time components.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FormatType {
    Date,
    Time,
    Any,
}

/// Identifies which default values to use when none are specified.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FormatDefaults {
    Date,
    Time,
    All,
}

/// Abstract operation [`UnwrapDateTimeFormat ( dtf )`][spec].
///
/// This also checks that the returned object is a `DateTimeFormat`, which skips the
/// call to `RequireInternalSlot`.
///
/// [spec]: https://tc39.es/ecma402/#sec-unwrapdatetimeformat
fn unwrap_date_time_format(
    dtf: &JsValue,
    context: &mut Context,
) -> JsResult<JsObject<DateTimeFormat>> {
    // 1. If Type(dtf) is not Object, throw a TypeError exception.
    let dtf_o = dtf.as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message("value was not an initialized `Intl.DateTimeFormat` object")
    })?;

    if let Ok(dtf) = dtf_o.clone().downcast::<DateTimeFormat>() {
        // 3. Return dtf.
        return Ok(dtf);
    }

    // 2. If dtf does not have an [[InitializedDateTimeFormat]] internal slot and
    //    ? OrdinaryHasInstance(%Intl.DateTimeFormat%, dtf) is true, then
    let constructor = context
        .intrinsics()
        .constructors()
        .date_time_format()
        .constructor();
    if JsValue::ordinary_has_instance(&constructor.into(), dtf, context)? {
        let fallback_symbol = context
            .intrinsics()
            .objects()
            .intl()
            .borrow()
            .data()
            .fallback_symbol();

        //    a. Return ? Get(dtf, %Intl%.[[FallbackSymbol]]).
        if let Some(dtf) = dtf_o
            .get(fallback_symbol, context)?
            .as_object()
            .and_then(|o| o.downcast::<DateTimeFormat>().ok())
        {
            return Ok(dtf);
        }
    }

    Err(JsNativeError::typ()
        .with_message("object was not an initialized `Intl.DateTimeFormat` object")
        .into())
}
