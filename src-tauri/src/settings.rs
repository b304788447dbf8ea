//! The app's own settings, kept in its config folder: the workspaces opened lately, the block last selected in
//! each, the window's size and place, and the colour theme. The folder comes from `BLOCKSMITH_CONFIG_DIR` when set
//! (tests use a temporary one), else the platform's app config folder. Everything here is a convenience: an
//! unreadable file is treated as empty, and failing to save never fails what the person did.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const SETTINGS_FILE: &str = "settings.json";

/// How many workspaces the Recent list keeps.
pub const MAX_RECENT_WORKSPACES: usize = 10;

/// The app's config folder, as the app state commands reach it.
pub struct ConfigDir(pub PathBuf);

/// The colour theme: the system's, or one chosen in the app.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The main window's outer size and position in physical pixels, and whether it was maximised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowGeometry {
    pub width: u32,
    pub height: u32,
    pub x: i32,
    pub y: i32,
    #[serde(default)]
    pub maximized: bool,
}

/// The widths the person dragged the side panes to, in CSS pixels (the editor takes the rest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PaneWidths {
    pub sidebar: u32,
    pub run_panel: u32,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    pub last_workspace: Option<PathBuf>,
    /// Most recent first, each once.
    pub recent_workspaces: Vec<PathBuf>,
    /// The block last selected in each workspace, by the workspace's path.
    pub last_blocks: BTreeMap<PathBuf, String>,
    pub window: Option<WindowGeometry>,
    pub pane_widths: Option<PaneWidths>,
    pub theme: Theme,
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

    /// Loads the settings, applies `change` and saves them; a failed save is ignored (see the module's note).
    pub fn update(config_dir: &Path, change: impl FnOnce(&mut Settings)) -> Settings {
        let mut settings = Settings::load(config_dir);
        change(&mut settings);
        let _ = settings.save(config_dir);
        settings
    }

    /// Records `workspace` as the last one opened and the first of the recent ones.
    pub fn opened(&mut self, workspace: PathBuf) {
        self.recent_workspaces.retain(|known| known != &workspace);
        self.recent_workspaces.insert(0, workspace.clone());
        self.recent_workspaces.truncate(MAX_RECENT_WORKSPACES);
        self.last_workspace = Some(workspace);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_moves_a_workspace_to_the_front_of_the_recent_list_once() {
        let mut settings = Settings::default();
        for name in ["a", "b", "a", "c"] {
            settings.opened(PathBuf::from(name));
        }
        assert_eq!(
            settings.recent_workspaces,
            vec![PathBuf::from("c"), PathBuf::from("a"), PathBuf::from("b")]
        );
        assert_eq!(settings.last_workspace, Some(PathBuf::from("c")));
        for index in 0..20 {
            settings.opened(PathBuf::from(format!("w{index}")));
        }
        assert_eq!(settings.recent_workspaces.len(), MAX_RECENT_WORKSPACES);
        assert_eq!(settings.recent_workspaces[0], PathBuf::from("w19"));
    }

    #[test]
    fn settings_written_before_these_fields_existed_still_load() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(SETTINGS_FILE),
            r#"{ "lastWorkspace": "/home/me/ws" }"#,
        )
        .unwrap();
        let settings = Settings::load(dir.path());
        assert_eq!(settings.last_workspace, Some(PathBuf::from("/home/me/ws")));
        assert_eq!(settings.theme, Theme::System);
        assert!(settings.recent_workspaces.is_empty());

        std::fs::write(dir.path().join(SETTINGS_FILE), "{ not json").unwrap();
        assert!(Settings::load(dir.path()).last_workspace.is_none());
    }
}
