//! What the app remembers for the person between starts (see `crate::settings`): the recent workspaces, the block
//! last selected in each, the side panes' widths and the colour theme. The window's size and place are kept by
//! `crate::window_geometry`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;
use tauri::State;

use crate::error::AppResult;
use crate::settings::{ConfigDir, PaneWidths, Settings, Theme};

#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    pub theme: Theme,
    /// None until the person first drags a splitter.
    pub pane_widths: Option<PaneWidths>,
    /// Most recent first.
    pub recent_workspaces: Vec<RecentWorkspace>,
    /// The block last selected in each workspace, by the workspace's path.
    pub last_blocks: BTreeMap<String, String>,
}

#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecentWorkspace {
    pub path: String,
    /// The folder's name, as the list shows it.
    pub name: String,
    /// Whether the folder is still there (a moved or deleted one is shown, greyed, and opening it says so).
    pub exists: bool,
}

impl From<Settings> for Preferences {
    fn from(settings: Settings) -> Self {
        let text = |path: &PathBuf| path.to_string_lossy().into_owned();
        Preferences {
            theme: settings.theme,
            pane_widths: settings.pane_widths,
            recent_workspaces: settings
                .recent_workspaces
                .iter()
                .map(|path| RecentWorkspace {
                    path: text(path),
                    name: path
                        .file_name()
                        .map_or_else(|| text(path), |name| name.to_string_lossy().into_owned()),
                    exists: path.is_dir(),
                })
                .collect(),
            last_blocks: settings
                .last_blocks
                .iter()
                .map(|(workspace, block)| (text(workspace), block.clone()))
                .collect(),
        }
    }
}

#[tauri::command]
#[specta::specta]
pub async fn preferences_read(config_dir: State<'_, ConfigDir>) -> AppResult<Preferences> {
    Ok(Settings::load(&config_dir.0).into())
}

#[tauri::command]
#[specta::specta]
pub async fn theme_set(config_dir: State<'_, ConfigDir>, theme: Theme) -> AppResult<Preferences> {
    Ok(Settings::update(&config_dir.0, |settings| settings.theme = theme).into())
}

/// Remembers `block_id` as the block selected in the workspace at `workspace_path`.
#[tauri::command]
#[specta::specta]
pub async fn last_block_remember(
    config_dir: State<'_, ConfigDir>,
    workspace_path: String,
    block_id: String,
) -> AppResult<()> {
    Settings::update(&config_dir.0, |settings| {
        settings
            .last_blocks
            .insert(PathBuf::from(workspace_path), block_id);
    });
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn pane_widths_remember(
    config_dir: State<'_, ConfigDir>,
    widths: PaneWidths,
) -> AppResult<()> {
    Settings::update(&config_dir.0, |settings| {
        settings.pane_widths = Some(widths)
    });
    Ok(())
}
