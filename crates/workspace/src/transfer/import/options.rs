//! How an import treats names the workspace already uses: refuse it all, or rename the incoming ones.

/// What to do when an incoming flow, config variable or connection has the name of a different one already
/// in the workspace.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum OnClash {
    /// Import nothing and list the clashes.
    #[default]
    Refuse,
    /// Give the incoming ones a free name: "Flow 1 (2)", "Flow 1 (3)", …
    Rename,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    pub on_clash: OnClash,
}
