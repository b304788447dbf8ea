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

/// Packs the covered part of every display names marker into one blob; returns it with the markers it holds.
pub fn pack() -> (Vec<u8>, Vec<DataMarkerInfo>) {
    let (blob, kept) = pack_blob(|exporter| {
        vec![
            put::<LanguageDisplayNamesV1>(
                exporter,
                covered_ids::<LanguageDisplayNamesV1>(Coverage::Names),
            ),
            put::<LocaleDisplayNamesV1>(
                exporter,
                covered_ids::<LocaleDisplayNamesV1>(Coverage::Names),
            ),
            put::<RegionDisplayNamesV1>(
                exporter,
                covered_ids::<RegionDisplayNamesV1>(Coverage::Names),
            ),
            put::<ScriptDisplayNamesV1>(
                exporter,
                covered_ids::<ScriptDisplayNamesV1>(Coverage::Names),
            ),
            put::<VariantDisplayNamesV1>(
                exporter,
                covered_ids::<VariantDisplayNamesV1>(Coverage::Names),
            ),
            put::<CurrencyDisplaynameV1>(
                exporter,
                covered_ids::<CurrencyDisplaynameV1>(Coverage::Names),
            ),
        ]
    });
    let packed = reopen(&blob);
    check::<LanguageDisplayNamesV1>(
        &packed,
        covered_ids::<LanguageDisplayNamesV1>(Coverage::Names),
    );
    check::<LocaleDisplayNamesV1>(
        &packed,
        covered_ids::<LocaleDisplayNamesV1>(Coverage::Names),
    );
    check::<RegionDisplayNamesV1>(
        &packed,
        covered_ids::<RegionDisplayNamesV1>(Coverage::Names),
    );
    check::<ScriptDisplayNamesV1>(
        &packed,
        covered_ids::<ScriptDisplayNamesV1>(Coverage::Names),
    );
    check::<VariantDisplayNamesV1>(
        &packed,
        covered_ids::<VariantDisplayNamesV1>(Coverage::Names),
    );
    check::<CurrencyDisplaynameV1>(
        &packed,
        covered_ids::<CurrencyDisplaynameV1>(Coverage::Names),
    );
    (blob, kept)
}
