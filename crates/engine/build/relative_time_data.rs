//! The patterns `Intl.RelativeTimeFormat` (a patch of the vendored Boa) reads: ICU4X's relative time data, one
//! marker per unit and style, cut to the languages Blocksmith formats for (`Coverage::Formats`).

use icu_experimental::relativetime::provider::*;
use icu_provider::prelude::*;

use super::experimental_data::{check, covered_ids, pack as pack_blob, put, reopen, Coverage};

/// The name the engine's table gives this blob.
pub const COMPONENT: &str = "icu_experimental_relative_time";

/// Runs `$each!(Marker)` for every unit and style's marker.
macro_rules! for_each_marker {
    ($each:ident) => {
        [
            $each!(LongSecondRelativeV1),
            $each!(ShortSecondRelativeV1),
            $each!(NarrowSecondRelativeV1),
            $each!(LongMinuteRelativeV1),
            $each!(ShortMinuteRelativeV1),
            $each!(NarrowMinuteRelativeV1),
            $each!(LongHourRelativeV1),
            $each!(ShortHourRelativeV1),
            $each!(NarrowHourRelativeV1),
            $each!(LongDayRelativeV1),
            $each!(ShortDayRelativeV1),
            $each!(NarrowDayRelativeV1),
            $each!(LongWeekRelativeV1),
            $each!(ShortWeekRelativeV1),
            $each!(NarrowWeekRelativeV1),
            $each!(LongMonthRelativeV1),
            $each!(ShortMonthRelativeV1),
            $each!(NarrowMonthRelativeV1),
            $each!(LongQuarterRelativeV1),
            $each!(ShortQuarterRelativeV1),
            $each!(NarrowQuarterRelativeV1),
            $each!(LongYearRelativeV1),
            $each!(ShortYearRelativeV1),
            $each!(NarrowYearRelativeV1),
        ]
    };
}

/// Packs the covered part of every relative time marker into one blob; returns it with the markers it holds.
pub fn pack() -> (Vec<u8>, Vec<DataMarkerInfo>) {
    let (blob, kept) = pack_blob(|exporter| {
        macro_rules! export {
            ($marker:ty) => {
                put::<$marker>(exporter, covered_ids::<$marker>(Coverage::Formats))
            };
        }
        for_each_marker!(export).to_vec()
    });
    let packed = reopen(&blob);
    macro_rules! verify {
        ($marker:ty) => {
            check::<$marker>(&packed, covered_ids::<$marker>(Coverage::Formats))
        };
    }
    let checked = for_each_marker!(verify);
    assert_eq!(
        checked.as_slice(),
        kept.as_slice(),
        "every marker packed is checked"
    );
    (blob, kept)
}
