//! Moving work in and out of a workspace. Export gets finished blocks out: a block as its `.js` source, a
//! flow or the workspace as the platform's integration YAML, or the whole workspace as a Blocksmith bundle
//! (one JSON file). Import brings a colleague's bundle or the platform's integration YAML in.
//!
//! Calls go one way: `export` and `import` use the two file formats (`bundle`, `yaml`), which write a
//! workspace out (taking what `scope` allows) and read a file into the neutral shape of `incoming`; nothing
//! here depends on `export` or `import`.
//!
//! Exports read only the workspace (its manifest, block files and samples). A workspace holds no secret:
//! secret connection inputs and OAuth tokens live in the OS keyring, which nothing here can reach, so no
//! export can contain one. FORMAT.md beside this file says what each format covers.

mod bundle;
mod connection_use;
mod error;
mod export;
mod import;
mod incoming;
mod scope;
mod yaml;

pub use bundle::{export_bundle, export_bundle_with_tests, BUNDLE_VERSION};
pub use error::{Clash, ClashKind, ExportError, ExportResult};
pub use export::{export, export_block_source, find_block, ExportFormat, ExportRequest, Exported};
pub use import::{
    import_file, import_file_into_folder, import_str, ConnectionSecretsNeeded, ImportOptions,
    ImportReport, OnClash, Renamed,
};
pub use incoming::ImportFormat;
pub use yaml::{export_integration_yaml, DEFINITION_VERSION};
