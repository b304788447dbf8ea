//! The currency and percent data `Intl.NumberFormat` needs beyond Boa's own (see the vendored Boa's README): taken
//! from ICU4X's baked experimental data and cut to the languages Blocksmith covers, since the full set (every
//! currency's name in every language) would be megabytes the covered locales never read.

use std::collections::BTreeSet;

use icu_experimental::dimension::provider::currency::essentials::CurrencyEssentialsV1;
use icu_experimental::dimension::provider::currency::extended::CurrencyExtendedDataV1;
use icu_experimental::dimension::provider::currency::fractions::CurrencyFractionsV1;
use icu_experimental::dimension::provider::currency::patterns::CurrencyPatternsDataV1;
use icu_experimental::dimension::provider::currency::symbols::CurrencySymbolsV1;
use icu_experimental::dimension::provider::percent::PercentEssentialsV1;
use icu_provider::dynutil::UpcastDataPayload;
use icu_provider::export::{DataExporter, ExportMarker, FlushMetadata};
use icu_provider::prelude::*;
use icu_provider::IterableDataProvider;
use icu_provider_blob::export::BlobExporter;
use icu_provider_blob::BlobDataProvider;

/// The name the engine's table gives this blob.
pub const COMPONENT: &str = "icu_experimental_number_format";

/// Languages whose data is kept: those of the locales COMPAT.md covers (en-US, en-GB, de-DE, fr-FR, es-ES, pt-BR,
/// ja-JP). Another region of one of them prints as its language's default.
const COVERED_LANGUAGES: &[&str] = &["en", "de", "fr", "es", "pt", "ja"];
/// Regions kept for those languages: the covered ones and the macro-regions their fallback passes through
/// (en-GB → en-001 → en).
const COVERED_REGIONS: &[&str] = &[
    "001", "150", "419", "US", "GB", "DE", "FR", "ES", "BR", "JP",
];

/// ICU4X's baked experimental data, with the iteration needed to export it.
struct ExperimentalData;

const _: () = {
    // The generated macros name the crates through an `icu` meta-crate, as ICU4X's own baked providers do.
    use icu_experimental_data::*;
    mod icu {
        pub use icu_experimental as experimental;
    }
    extern crate alloc;
    make_provider!(ExperimentalData);
    impl_currency_essentials_v1!(ExperimentalData, ITER);
    impl_currency_symbols_v1!(ExperimentalData, ITER);
    impl_currency_extended_data_v1!(ExperimentalData, ITER);
    impl_currency_patterns_data_v1!(ExperimentalData, ITER);
    // Not iterable: ICU4X 0.6's generated listing of a singleton marker does not compile (it names `BtreeSet`).
    impl_currency_fractions_v1!(ExperimentalData);
    impl_percent_essentials_v1!(ExperimentalData, ITER);
};

/// Packs the covered part of each marker into one blob; returns it with the markers it holds.
pub fn pack() -> (Vec<u8>, Vec<DataMarkerInfo>) {
    let mut blob = Vec::new();
    let mut kept = Vec::new();
    {
        let mut exporter = BlobExporter::new_with_sink(Box::new(&mut blob));
        kept.push(put::<CurrencyEssentialsV1>(
            &mut exporter,
            covered_ids::<CurrencyEssentialsV1>(),
        ));
        kept.push(put::<CurrencySymbolsV1>(
            &mut exporter,
            covered_ids::<CurrencySymbolsV1>(),
        ));
        kept.push(put::<CurrencyExtendedDataV1>(
            &mut exporter,
            covered_ids::<CurrencyExtendedDataV1>(),
        ));
        kept.push(put::<CurrencyPatternsDataV1>(
            &mut exporter,
            covered_ids::<CurrencyPatternsDataV1>(),
        ));
        kept.push(put::<CurrencyFractionsV1>(&mut exporter, singleton_id()));
        kept.push(put::<PercentEssentialsV1>(
            &mut exporter,
            covered_ids::<PercentEssentialsV1>(),
        ));
        exporter.close().expect("blob export");
    }
    verify(&blob);
    (blob, kept)
}

fn covered(locale: &DataLocale) -> bool {
    if locale.is_unknown() {
        return true;
    }
    COVERED_LANGUAGES.contains(&locale.language.as_str())
        && locale.script.is_none()
        && locale.variant.is_none()
        && locale
            .region
            .is_none_or(|region| COVERED_REGIONS.contains(&region.as_str()))
}

fn covered_ids<M: DataMarker>() -> BTreeSet<DataIdentifierCow<'static>>
where
    ExperimentalData: IterableDataProvider<M>,
{
    ExperimentalData
        .iter_ids()
        .unwrap_or_else(|e| panic!("cannot list ICU4X's {}: {e}", M::INFO.id.name()))
        .into_iter()
        .filter(|id| covered(&id.locale))
        .collect()
}

/// The one identifier of a marker that has no locales (the currencies' digits).
fn singleton_id() -> BTreeSet<DataIdentifierCow<'static>> {
    BTreeSet::from([DataIdentifierCow::default()])
}

/// Exports `ids` of `M` into the blob.
fn put<M: DataMarker>(
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

/// Fails the build unless the blob lists exactly the exported identifiers of each marker and each loads.
fn verify(blob: &[u8]) {
    let packed = BlobDataProvider::try_new_from_blob(blob.to_vec().into_boxed_slice())
        .expect("the number format blob reads back");
    fn check<M: DataMarker>(packed: &BlobDataProvider, ids: BTreeSet<DataIdentifierCow<'static>>) {
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
    }
    check::<CurrencyEssentialsV1>(&packed, covered_ids::<CurrencyEssentialsV1>());
    check::<CurrencySymbolsV1>(&packed, covered_ids::<CurrencySymbolsV1>());
    check::<CurrencyExtendedDataV1>(&packed, covered_ids::<CurrencyExtendedDataV1>());
    check::<CurrencyPatternsDataV1>(&packed, covered_ids::<CurrencyPatternsDataV1>());
    check::<CurrencyFractionsV1>(&packed, singleton_id());
    check::<PercentEssentialsV1>(&packed, covered_ids::<PercentEssentialsV1>());
}
