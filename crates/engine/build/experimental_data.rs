//! ICU4X's experimental data (`icu_experimental_data`, baked) as a provider the build can list and export, and the
//! helpers that cut a marker to the languages Blocksmith covers and pack it. Boa's own blobs hold none of these
//! markers; the patched `Intl` services (NumberFormat's styles, RelativeTimeFormat, DisplayNames) read them from the
//! blobs packed here.

use std::collections::BTreeSet;

use icu_provider::dynutil::UpcastDataPayload;
use icu_provider::export::{DataExporter, ExportMarker, FlushMetadata};
use icu_provider::prelude::*;
use icu_provider::IterableDataProvider;
use icu_provider_blob::export::BlobExporter;
use icu_provider_blob::BlobDataProvider;

/// Which languages a marker keeps. Names (languages, regions, currencies' names) are large, so they are kept for the
/// locales COMPAT.md covers; the patterns of the number styles and relative times are small, and printing money or
/// "yesterday" in a customer's language is everyday integration work, so they are kept for many more.
#[derive(Clone, Copy)]
pub enum Coverage {
    /// The languages of the covered locales (en-US, en-GB, de-DE, fr-FR, es-ES, pt-BR, ja-JP). Another region of
    /// one of them prints as its language's default.
    Names,
    /// Those and the languages integrations most often format for.
    Formats,
}

const NAME_LANGUAGES: &[&str] = &["en", "de", "fr", "es", "pt", "ja"];
const MORE_FORMAT_LANGUAGES: &[&str] = &[
    "it", "nl", "sv", "da", "nb", "no", "fi", "pl", "cs", "ru", "uk", "tr", "el", "hu", "ro", "zh",
    "ko", "he", "ar", "hi", "th", "id", "vi",
];
/// Regions kept for names: the covered ones and the macro-regions their fallback passes through (en-GB → en-001 → en).
const COVERED_REGIONS: &[&str] = &[
    "001", "150", "419", "US", "GB", "DE", "FR", "ES", "BR", "JP",
];

/// ICU4X's baked experimental data, with the iteration needed to export it.
pub struct ExperimentalData;

const _: () = {
    // The generated macros name the crates through an `icu` meta-crate, as ICU4X's own baked providers do.
    use icu_experimental_data::*;
    mod icu {
        pub use icu_experimental as experimental;
        pub use icu_plurals as plurals;
    }
    extern crate alloc;
    make_provider!(ExperimentalData);
    // Intl.NumberFormat's currency and percent styles.
    impl_currency_essentials_v1!(ExperimentalData, ITER);
    impl_currency_symbols_v1!(ExperimentalData, ITER);
    impl_currency_extended_data_v1!(ExperimentalData, ITER);
    impl_currency_patterns_data_v1!(ExperimentalData, ITER);
    // Not iterable: ICU4X 0.6's generated listing of a singleton marker does not compile (it names `BtreeSet`).
    impl_currency_fractions_v1!(ExperimentalData);
    impl_percent_essentials_v1!(ExperimentalData, ITER);
    // Intl.RelativeTimeFormat: one marker per unit and style.
    impl_long_second_relative_v1!(ExperimentalData, ITER);
    impl_short_second_relative_v1!(ExperimentalData, ITER);
    impl_narrow_second_relative_v1!(ExperimentalData, ITER);
    impl_long_minute_relative_v1!(ExperimentalData, ITER);
    impl_short_minute_relative_v1!(ExperimentalData, ITER);
    impl_narrow_minute_relative_v1!(ExperimentalData, ITER);
    impl_long_hour_relative_v1!(ExperimentalData, ITER);
    impl_short_hour_relative_v1!(ExperimentalData, ITER);
    impl_narrow_hour_relative_v1!(ExperimentalData, ITER);
    impl_long_day_relative_v1!(ExperimentalData, ITER);
    impl_short_day_relative_v1!(ExperimentalData, ITER);
    impl_narrow_day_relative_v1!(ExperimentalData, ITER);
    impl_long_week_relative_v1!(ExperimentalData, ITER);
    impl_short_week_relative_v1!(ExperimentalData, ITER);
    impl_narrow_week_relative_v1!(ExperimentalData, ITER);
    impl_long_month_relative_v1!(ExperimentalData, ITER);
    impl_short_month_relative_v1!(ExperimentalData, ITER);
    impl_narrow_month_relative_v1!(ExperimentalData, ITER);
    impl_long_quarter_relative_v1!(ExperimentalData, ITER);
    impl_short_quarter_relative_v1!(ExperimentalData, ITER);
    impl_narrow_quarter_relative_v1!(ExperimentalData, ITER);
    impl_long_year_relative_v1!(ExperimentalData, ITER);
    impl_short_year_relative_v1!(ExperimentalData, ITER);
    impl_narrow_year_relative_v1!(ExperimentalData, ITER);
    // Intl.DisplayNames.
    impl_language_display_names_v1!(ExperimentalData, ITER);
    impl_locale_display_names_v1!(ExperimentalData, ITER);
    impl_region_display_names_v1!(ExperimentalData, ITER);
    impl_script_display_names_v1!(ExperimentalData, ITER);
    impl_variant_display_names_v1!(ExperimentalData, ITER);
    impl_currency_displayname_v1!(ExperimentalData, ITER);
};

/// The identifiers of `M` to pack: those of the languages `coverage` keeps (each with all its attributes).
pub fn covered_ids<M: DataMarker>(coverage: Coverage) -> BTreeSet<DataIdentifierCow<'static>>
where
    ExperimentalData: IterableDataProvider<M>,
{
    ExperimentalData
        .iter_ids()
        .unwrap_or_else(|e| panic!("cannot list ICU4X's {}: {e}", M::INFO.id.name()))
        .into_iter()
        .filter(|id| covered(&id.locale, coverage))
        .collect()
}

fn covered(locale: &DataLocale, coverage: Coverage) -> bool {
    if locale.is_unknown() {
        return true;
    }
    let language = locale.language.as_str();
    let kept = match coverage {
        Coverage::Names => NAME_LANGUAGES.contains(&language),
        Coverage::Formats => {
            NAME_LANGUAGES.contains(&language) || MORE_FORMAT_LANGUAGES.contains(&language)
        }
    };
    // Scripts only where a language is written in two (Chinese: zh-TW reads zh-Hant's data).
    let script_kept = locale.script.is_none() || language == "zh";
    // Every region of a format language: pt-PT, de-CH or en-IN place the symbol or group digits their own way, and
    // a region's payload that equals its language's is stored once.
    let region_kept = match coverage {
        Coverage::Names => locale
            .region
            .is_none_or(|region| COVERED_REGIONS.contains(&region.as_str())),
        Coverage::Formats => true,
    };
    kept && script_kept && locale.variant.is_none() && region_kept
}

/// The one identifier of a marker that has no locales (the currencies' digits).
pub fn singleton_id() -> BTreeSet<DataIdentifierCow<'static>> {
    BTreeSet::from([DataIdentifierCow::default()])
}

/// Exports `ids` of `M` into the blob; returns the marker, for the engine's table.
pub fn put<M: DataMarker>(
    exporter: &mut BlobExporter,
    ids: BTreeSet<DataIdentifierCow<'static>>,
) -> DataMarkerInfo
where
    ExperimentalData: DataProvider<M>,
    ExportMarker: UpcastDataPayload<M>,
{
    for id in ids {
        let request = DataRequest {
            id: id.as_borrowed(),
            ..Default::default()
        };
        let response = DataProvider::<M>::load(&ExperimentalData, request)
            .unwrap_or_else(|e| panic!("cannot load {} for {id:?}: {e}", M::INFO.id.name()));
        exporter
            .put_payload(
                M::INFO,
                id.as_borrowed(),
                &ExportMarker::upcast(response.payload),
            )
            .expect("blob export");
    }
    exporter
        .flush(M::INFO, FlushMetadata::default())
        .expect("blob export");
    M::INFO
}

/// Writes a blob with what `export` puts in it; returns it with the markers `export` reports.
pub fn pack(
    export: impl FnOnce(&mut BlobExporter) -> Vec<DataMarkerInfo>,
) -> (Vec<u8>, Vec<DataMarkerInfo>) {
    let mut blob = Vec::new();
    let kept;
    {
        let mut exporter = BlobExporter::new_with_sink(Box::new(&mut blob));
        kept = export(&mut exporter);
        exporter.close().expect("blob export");
    }
    (blob, kept)
}

/// Opens a packed blob again, for the checks below.
pub fn reopen(blob: &[u8]) -> BlobDataProvider {
    BlobDataProvider::try_new_from_blob(blob.to_vec().into_boxed_slice())
        .expect("a packed blob reads back")
}

/// Fails the build unless `packed` lists exactly `ids` for `M` and each of them loads; returns the marker checked.
pub fn check<M: DataMarker>(
    packed: &BlobDataProvider,
    ids: BTreeSet<DataIdentifierCow<'static>>,
) -> DataMarkerInfo {
    assert!(!ids.is_empty(), "no covered data for {}", M::INFO.id.name());
    assert_eq!(
        ids,
        packed.iter_ids_for_marker(M::INFO).expect("packed"),
        "ids of {}",
        M::INFO.id.name()
    );
    for id in &ids {
        let request = DataRequest {
            id: id.as_borrowed(),
            ..Default::default()
        };
        packed
            .load_data(M::INFO, request)
            .unwrap_or_else(|e| panic!("{} {id:?} does not read back: {e}", M::INFO.id.name()));
    }
    M::INFO
}
