//! The app's own settings (which workspace was open last), kept in its config folder. The folder comes from
//! `BLOCKSMITH_CONFIG_DIR` when set (tests use a temporary one), else the platform's app config folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const SETTINGS_FILE: &str = "settings.json";

/// The app's config folder, as the app state commands reach it.
pub struct ConfigDir(pub PathBuf);

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub last_workspace: Option<PathBuf>,
}

impl Settings {
    /// Reads the settings; unreadable or invalid settings are treated as none (they only hold conveniences).
    pub fn load(config_dir: &Path) -> Settings {
        std::fs::read_to_string(config_dir.join(SETTINGS_FILE))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, config_dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(config_dir)?;
        let text = serde_json::to_string_pretty(self).expect("settings always serialise");
        blocksmith_session::types::write_atomic(&config_dir.join(SETTINGS_FILE), text.as_bytes())
            .map_err(std::io::Error::other)
    }
}

/// Where to open when the person has not chosen: `BLOCKSMITH_WORKSPACE`, else the last workspace, else a
/// `Blocksmith` folder in their home.
pub fn default_workspace(settings: &Settings, home: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = std::env::var_os("BLOCKSMITH_WORKSPACE") {
        return PathBuf::from(dir);
    }
    if let Some(last) = &settings.last_workspace {
        return last.clone();
    }
    home.unwrap_or_else(std::env::temp_dir)
        .join("Blocksmith")
        .join("My Workspace")
}
