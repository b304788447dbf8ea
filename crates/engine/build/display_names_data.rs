//! The names `Intl.DisplayNames` (a patch of the vendored Boa) reads: ICU4X's language, locale, region, script,
//! variant and currency display names, cut to the languages Blocksmith covers (every language's data names every
//! region and most languages, so the full set is megabytes).

use icu_experimental::dimension::provider::currency::displayname::CurrencyDisplaynameV1;
use icu_experimental::displaynames::provider::{
    LanguageDisplayNamesV1, LocaleDisplayNamesV1, RegionDisplayNamesV1, ScriptDisplayNamesV1,
    VariantDisplayNamesV1,
};
use icu_provider::prelude::*;

use super::experimental_data::{check, covered_ids, pack as pack_blob, put, reopen, Coverage};

/// The name the engine's table gives this blob.
pub const COMPONENT: &str = "icu_experimental_display_names";

/// Runs `$each!(Marker, identifiers)` for every marker this blob holds, with the identifiers packed for it, so
/// that each is stated once for both the export and the check.
macro_rules! for_each_marker {
    ($each:ident) => {
        [
            $each!(
                LanguageDisplayNamesV1,
                covered_ids::<LanguageDisplayNamesV1>(Coverage::Names)
            ),
            $each!(
                LocaleDisplayNamesV1,
                covered_ids::<LocaleDisplayNamesV1>(Coverage::Names)
            ),
            $each!(
                RegionDisplayNamesV1,
                covered_ids::<RegionDisplayNamesV1>(Coverage::Names)
            ),
            $each!(
                ScriptDisplayNamesV1,
                covered_ids::<ScriptDisplayNamesV1>(Coverage::Names)
            ),
            $each!(
                VariantDisplayNamesV1,
                covered_ids::<VariantDisplayNamesV1>(Coverage::Names)
            ),
            $each!(
                CurrencyDisplaynameV1,
                covered_ids::<CurrencyDisplaynameV1>(Coverage::Names)
            ),
        ]
    };
}

/// Packs the covered part of every display names marker into one blob; returns it with the markers it holds.
pub fn pack() -> (Vec<u8>, Vec<DataMarkerInfo>) {
    let (blob, kept) = pack_blob(|exporter| {
        macro_rules! export {
            ($marker:ty, $ids:expr) => {
                put::<$marker>(exporter, $ids)
            };
        }
        for_each_marker!(export).to_vec()
    });
    let packed = reopen(&blob);
    macro_rules! verify {
        ($marker:ty, $ids:expr) => {
            check::<$marker>(&packed, $ids)
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
