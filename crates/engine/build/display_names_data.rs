//! The names `Intl.DisplayNames` (a patch of the vendored Boa) reads: ICU4X's language, locale, region, script,
//! variant and currency display names, cut to the languages Blocksmith covers (every language's data names every
//! region and most languages, so the full set is megabytes).

use icu_experimental::dimension::provider::currency::displayname::CurrencyDisplaynameV1;
use icu_experimental::displaynames::provider::{
    LanguageDisplayNamesV1, LocaleDisplayNamesV1, RegionDisplayNamesV1, ScriptDisplayNamesV1,
    VariantDisplayNamesV1,
};
use icu_provider::prelude::*;

use super::experimental_data::{check, covered_ids, pack as pack_blob, put, reopen};

/// The name the engine's table gives this blob.
pub const COMPONENT: &str = "icu_experimental_display_names";

/// Packs the covered part of every display names marker into one blob; returns it with the markers it holds.
pub fn pack() -> (Vec<u8>, Vec<DataMarkerInfo>) {
    let (blob, kept) = pack_blob(|exporter| {
        vec![
            put::<LanguageDisplayNamesV1>(exporter, covered_ids::<LanguageDisplayNamesV1>()),
            put::<LocaleDisplayNamesV1>(exporter, covered_ids::<LocaleDisplayNamesV1>()),
            put::<RegionDisplayNamesV1>(exporter, covered_ids::<RegionDisplayNamesV1>()),
            put::<ScriptDisplayNamesV1>(exporter, covered_ids::<ScriptDisplayNamesV1>()),
            put::<VariantDisplayNamesV1>(exporter, covered_ids::<VariantDisplayNamesV1>()),
            put::<CurrencyDisplaynameV1>(exporter, covered_ids::<CurrencyDisplaynameV1>()),
        ]
    });
    let packed = reopen(&blob);
    check::<LanguageDisplayNamesV1>(&packed, covered_ids::<LanguageDisplayNamesV1>());
    check::<LocaleDisplayNamesV1>(&packed, covered_ids::<LocaleDisplayNamesV1>());
    check::<RegionDisplayNamesV1>(&packed, covered_ids::<RegionDisplayNamesV1>());
    check::<ScriptDisplayNamesV1>(&packed, covered_ids::<ScriptDisplayNamesV1>());
    check::<VariantDisplayNamesV1>(&packed, covered_ids::<VariantDisplayNamesV1>());
    check::<CurrencyDisplaynameV1>(&packed, covered_ids::<CurrencyDisplaynameV1>());
    (blob, kept)
}
