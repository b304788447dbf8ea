//! The ICU data provider every block's context gets: Boa's data, packed by build.rs (trimmed to what Boa can ask
//! for, the large components compressed). A component's data is unpacked the first time a run in this process asks
//! for one of its markers and kept for the runs after it, so a block that never touches `Intl` unpacks nothing.

use std::sync::{LazyLock, OnceLock};

use boa_engine::context::ContextBuilder;
use icu_locale::LocaleFallbacker;
use icu_provider::prelude::*;
use icu_provider_adapters::fallback::LocaleFallbackProvider;
use icu_provider_adapters::fork::MultiForkByMarkerProvider;
use icu_provider_blob::BlobDataProvider;

/// One ICU component's data as build.rs packed it.
struct PackedBlob {
    component: &'static str,
    bytes: &'static [u8],
    /// The blob's size once unpacked (zstd's one-shot decoder needs it).
    unpacked_len: usize,
    compressed: bool,
    /// Hashes of the markers the blob holds, so a request for another component's marker unpacks nothing.
    markers: &'static [[u8; 4]],
}

include!(concat!(env!("OUT_DIR"), "/intl_data.rs"));

/// A packed component, unpacked on first use.
struct LazyBlob {
    packed: &'static PackedBlob,
    provider: OnceLock<Result<BlobDataProvider, String>>,
}

impl LazyBlob {
    fn holds(&self, marker: DataMarkerInfo) -> bool {
        self.packed.markers.contains(&marker.id.hashed().to_bytes())
    }

    fn provider(&self, marker: DataMarkerInfo) -> Result<&BlobDataProvider, DataError> {
        if !self.holds(marker) {
            return Err(DataErrorKind::MarkerNotFound.with_marker(marker));
        }
        self.provider
            .get_or_init(|| unpack(self.packed))
            .as_ref()
            .map_err(|reason| {
                DataError::custom("Blocksmith's built-in ICU data is damaged")
                    .with_display_context(reason)
            })
    }
}

fn unpack(packed: &PackedBlob) -> Result<BlobDataProvider, String> {
    let provider = if packed.compressed {
        zstd::bulk::decompress(packed.bytes, packed.unpacked_len)
            .map_err(|e| e.to_string())
            .and_then(|blob| {
                BlobDataProvider::try_new_from_blob(blob.into_boxed_slice())
                    .map_err(|e| e.to_string())
            })
    } else {
        BlobDataProvider::try_new_from_static_blob(packed.bytes).map_err(|e| e.to_string())
    };
    provider.map_err(|reason| format!("{}: {reason}", packed.component))
}

impl DynamicDataProvider<BufferMarker> for LazyBlob {
    fn load_data(
        &self,
        marker: DataMarkerInfo,
        req: DataRequest<'_>,
    ) -> Result<DataResponse<BufferMarker>, DataError> {
        self.provider(marker)?.load_data(marker, req)
    }
}

impl DynamicDryDataProvider<BufferMarker> for LazyBlob {
    fn dry_load_data(
        &self,
        marker: DataMarkerInfo,
        req: DataRequest<'_>,
    ) -> Result<DataResponseMetadata, DataError> {
        self.provider(marker)?.dry_load_data(marker, req)
    }
}

type Provider = LocaleFallbackProvider<MultiForkByMarkerProvider<LazyBlob>>;

/// One provider per process: the unpacked data outlives each run's context.
static PROVIDER: LazyLock<Provider> = LazyLock::new(|| {
    let blobs = PACKED_BLOBS
        .iter()
        .map(|packed| LazyBlob {
            packed,
            provider: OnceLock::new(),
        })
        .collect();
    let provider = MultiForkByMarkerProvider::new(blobs);
    let fallbacker = LocaleFallbacker::try_new_with_buffer_provider(&provider)
        .expect("the locale fallback data is packed in by build.rs");
    LocaleFallbackProvider::new(provider, fallbacker)
});

/// A context builder with the ICU data installed; every context the engine makes starts here.
pub(crate) fn context_builder() -> ContextBuilder {
    ContextBuilder::new()
        .icu_buffer_provider(&*PROVIDER)
        .expect("Boa accepts a buffer provider without loading from it")
}

/// A context with the ICU data, for unit tests of the engine's parts.
#[cfg(test)]
pub(crate) fn test_context() -> boa_engine::Context {
    context_builder().build().expect("a context builds")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_packed_component_unpacks_into_a_blob_holding_its_markers() {
        for packed in PACKED_BLOBS {
            let blob = LazyBlob {
                packed,
                provider: OnceLock::new(),
            };
            assert!(
                !packed.markers.is_empty(),
                "{} holds no markers",
                packed.component
            );
            let provider = blob.provider.get_or_init(|| unpack(packed));
            assert!(
                provider.is_ok(),
                "{}: {:?}",
                packed.component,
                provider.as_ref().err()
            );
        }
    }

    #[test]
    fn a_marker_of_another_component_unpacks_nothing() {
        let collator = PACKED_BLOBS
            .iter()
            .find(|p| p.component == "icu_collator")
            .expect("packed");
        let blob = LazyBlob {
            packed: collator,
            provider: OnceLock::new(),
        };
        let error = blob
            .provider(icu_locale::provider::LocaleAliasesV1::INFO)
            .err();
        assert_eq!(error.map(|e| e.kind), Some(DataErrorKind::MarkerNotFound));
        assert!(
            blob.provider.get().is_none(),
            "the collator data was unpacked for a locale marker"
        );
    }
}
