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

/// Runs `$each!(Marker, identifiers)` for every marker this blob holds, with the identifiers packed for it, so
/// that each is stated once for both the export and the check.
macro_rules! for_each_marker {
    ($each:ident) => {
        [
            $each!(
                CurrencyEssentialsV1,
                covered_ids::<CurrencyEssentialsV1>(Coverage::Formats)
            ),
            $each!(
                CurrencyExtendedDataV1,
                covered_ids::<CurrencyExtendedDataV1>(Coverage::Names)
            ),
            $each!(
                CurrencyPatternsDataV1,
                covered_ids::<CurrencyPatternsDataV1>(Coverage::Names)
            ),
            $each!(CurrencyFractionsV1, singleton_id()),
            $each!(
                PercentEssentialsV1,
                covered_ids::<PercentEssentialsV1>(Coverage::Formats)
            ),
        ]
    };
}

/// Packs the covered part of each marker into one blob; returns it with the markers it holds.
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
