//! Loading the names (months, weekdays, day periods, zones) a pattern writes, with ICU4X 2.3's location names the
//! right way round.
//!
//! ICU4X 2.3's `FixedCalendarDateTimeNames::load_for_pattern` hands its provider of a zone's location names
//! (`LocationsRootV1`, the region names) and of a language's own ones (`LocationsOverrideV1`) to a loader that
//! takes them in the other order, and the same for exemplar cities (its compiled-data `include_for_pattern` passes
//! them in the right order). With a data provider, every zone name written from a location therefore came out
//! empty where the language overrides no location: English `Japan Standard Time`, `Spain Time` and every generic
//! name printed nothing. [`NamesProvider`] swaps the two back until ICU4X's argument order is fixed upstream.

use std::any::TypeId;

use icu_calendar::Gregorian;
use icu_datetime::{
    DateTimeFormatterPreferences,
    fieldsets::enums::CompositeFieldSet,
    pattern::{DateTimePattern, FixedCalendarDateTimeNames},
    provider::time_zones::{
        TimezoneNamesCitiesOverrideV1, TimezoneNamesCitiesRootV1, TimezoneNamesLocationsOverrideV1,
        TimezoneNamesLocationsRootV1,
    },
};
use icu_provider::prelude::*;

use crate::{JsNativeError, JsResult, context::icu::IntlProvider};

/// The names `pattern` writes, in the language of `preferences`.
pub(super) fn names_for(
    pattern: &DateTimePattern,
    preferences: DateTimeFormatterPreferences,
    provider: &IntlProvider,
) -> JsResult<FixedCalendarDateTimeNames<Gregorian, CompositeFieldSet>> {
    let failed = |e: &dyn core::fmt::Display| {
        JsNativeError::range().with_message(format!("failed to load date names: {e}"))
    };
    let mut names = FixedCalendarDateTimeNames::<Gregorian, CompositeFieldSet>::try_new_unstable(
        provider,
        preferences,
    )
    .map_err(|e| failed(&e))?;
    names
        .load_for_pattern(&NamesProvider(provider), pattern)
        .map_err(|e| failed(&e))?;
    Ok(names)
}

/// The engine's provider, answering a request for a zone's root location names with the language's own and the
/// other way round (the same for exemplar cities), which undoes ICU4X 2.3's swap (see the module's docs).
struct NamesProvider<'a>(&'a IntlProvider);

impl<M> DataProvider<M> for NamesProvider<'_>
where
    M: DataMarker + 'static,
    IntlProvider: DataProvider<M>,
{
    fn load(&self, req: DataRequest<'_>) -> Result<DataResponse<M>, DataError> {
        let marker = TypeId::of::<M>();
        if marker == TypeId::of::<TimezoneNamesLocationsRootV1>() {
            swapped::<TimezoneNamesLocationsOverrideV1, TimezoneNamesLocationsRootV1, M>(
                self.0, req,
            )
        } else if marker == TypeId::of::<TimezoneNamesLocationsOverrideV1>() {
            swapped::<TimezoneNamesLocationsRootV1, TimezoneNamesLocationsOverrideV1, M>(
                self.0, req,
            )
        } else if marker == TypeId::of::<TimezoneNamesCitiesRootV1>() {
            swapped::<TimezoneNamesCitiesOverrideV1, TimezoneNamesCitiesRootV1, M>(self.0, req)
        } else if marker == TypeId::of::<TimezoneNamesCitiesOverrideV1>() {
            swapped::<TimezoneNamesCitiesRootV1, TimezoneNamesCitiesOverrideV1, M>(self.0, req)
        } else {
            self.0.load(req)
        }
    }
}

/// `Loaded`'s data answered as `Asked`'s (the same structure), for the caller's `M`, which is `Asked`.
fn swapped<Loaded, Asked, M>(
    provider: &IntlProvider,
    req: DataRequest<'_>,
) -> Result<DataResponse<M>, DataError>
where
    Loaded: DataMarker,
    Asked: DataMarker + DynamicDataMarker<DataStruct = Loaded::DataStruct>,
    M: DataMarker,
    IntlProvider: DataProvider<Loaded>,
{
    DataProvider::<Loaded>::load(provider, req)?
        .cast::<Asked>()
        .dynamic_cast::<M>()
}
