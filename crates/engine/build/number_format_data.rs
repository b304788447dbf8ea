//! The currency and percent data `Intl.NumberFormat` needs beyond Boa's own (see the vendored Boa's README): taken
//! from ICU4X's baked experimental data and cut: the currency and percent patterns to the languages Blocksmith formats
//! for, the currencies' names to the covered locales' languages, since the full set (every currency's name in every
//! language) would be megabytes the covered locales never read. The currency symbols are
//! not among them: the engine reads CLDR 48's, Node's, from a table (`currency_data.rs`).

use icu_experimental::dimension::provider::currency::essentials::CurrencyEssentialsV1;
use icu_experimental::dimension::provider::currency::extended::CurrencyExtendedDataV1;
use icu_experimental::dimension::provider::currency::fractions::CurrencyFractionsV1;
use icu_experimental::dimension::provider::currency::patterns::CurrencyPatternsDataV1;
use icu_experimental::dimension::provider::percent::PercentEssentialsV1;
use icu_provider::prelude::*;

use super::experimental_data::{
    check, covered_ids, pack as pack_blob, put, reopen, singleton_id, Coverage,
};

/// The name the engine's table gives this blob.
pub const COMPONENT: &str = "icu_experimental_number_format";

/// Packs the covered part of each marker into one blob; returns it with the markers it holds.
pub fn pack() -> (Vec<u8>, Vec<DataMarkerInfo>) {
    let (blob, kept) = pack_blob(|exporter| {
        vec![
            put::<CurrencyEssentialsV1>(
                exporter,
                covered_ids::<CurrencyEssentialsV1>(Coverage::Formats),
            ),
            put::<CurrencyExtendedDataV1>(
                exporter,
                covered_ids::<CurrencyExtendedDataV1>(Coverage::Names),
            ),
            put::<CurrencyPatternsDataV1>(
                exporter,
                covered_ids::<CurrencyPatternsDataV1>(Coverage::Names),
            ),
            put::<CurrencyFractionsV1>(exporter, singleton_id()),
            put::<PercentEssentialsV1>(
                exporter,
                covered_ids::<PercentEssentialsV1>(Coverage::Formats),
            ),
        ]
    });
    let packed = reopen(&blob);
    check::<CurrencyEssentialsV1>(
        &packed,
        covered_ids::<CurrencyEssentialsV1>(Coverage::Formats),
    );
    check::<CurrencyExtendedDataV1>(
        &packed,
        covered_ids::<CurrencyExtendedDataV1>(Coverage::Names),
    );
    check::<CurrencyPatternsDataV1>(
        &packed,
        covered_ids::<CurrencyPatternsDataV1>(Coverage::Names),
    );
    check::<CurrencyFractionsV1>(&packed, singleton_id());
    check::<PercentEssentialsV1>(
        &packed,
        covered_ids::<PercentEssentialsV1>(Coverage::Formats),
    );
    (blob, kept)
}
