//! OAuth 2.0 provider presets: the URLs, usual scopes, extra parameters and client authentication of the
//! providers people connect to (Google, Microsoft Entra ID, Salesforce, …), as data. Blocksmith's own list is
//! `providers.toml` beside this file; the person's `oauth-presets.toml` in the settings folder, in the same
//! format, adds presets or replaces Blocksmith's by key. Filling a preset in gives a connection's kind and values,
//! each checked as the connection form checks it, so a preset can only ever produce a connection one could type.

mod template;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use blocksmith_workspace::{
    connection_kind, ConnectionKind, AUTHORIZE_PARAMS_SETTING, CLIENT_AUTHENTICATION_SETTING,
    ISSUER_SETTING, REVOCATION_URL_SETTING, SYSTEM_BROWSER_SETTING, TOKEN_PARAMS_SETTING,
};

pub use template::ParameterFormat;

/// Blocksmith's own presets, compiled in.
const BUILT_IN_PRESETS: &str = include_str!("providers.toml");

/// The name of the person's presets file in Blocksmith's settings folder.
pub const USER_PRESETS_FILE: &str = "oauth-presets.toml";

/// The settings folder's name under the OS's configuration folder: the app's identifier (tauri.conf.json), so
/// the CLI and the app read the same file.
const SETTINGS_FOLDER: &str = "dev.blocksmith.app";

/// The person's presets file: in `$BLOCKSMITH_CONFIG_DIR` when set, else in the OS's settings folder for
/// Blocksmith (`~/.config/dev.blocksmith.app/` on Linux), where the app keeps its settings.
pub fn default_user_presets_file() -> Option<PathBuf> {
    let folder = match std::env::var_os("BLOCKSMITH_CONFIG_DIR") {
        Some(folder) => PathBuf::from(folder),
        None => dirs::config_dir()?.join(SETTINGS_FOLDER),
    };
    Some(folder.join(USER_PRESETS_FILE))
}

/// Why a preset could not be read or filled in.
#[derive(Debug, thiserror::Error)]
pub enum PresetError {
    #[error("The provider presets in {path} could not be read: {reason}. Fix the file or remove it; Blocksmith's own presets are still offered.")]
    Unreadable { path: PathBuf, reason: String },

    #[error("The provider preset \"{preset}\" in {source_name} is invalid: {reason}.")]
    Invalid {
        source_name: String,
        preset: String,
        reason: String,
    },

    #[error("There is no provider preset \"{key}\"; the presets are: {}.", .known.join(", "))]
    UnknownPreset { key: String, known: Vec<String> },

    #[error("{label} is needed for the {preset} preset.")]
    MissingParameter { preset: String, label: String },

    #[error("{label} of the {preset} preset: {reason}.")]
    BadParameter {
        preset: String,
        label: String,
        reason: String,
    },

    #[error("The {preset} preset with these parameters gives a connection that cannot be saved: {reason}")]
    InvalidFill { preset: String, reason: String },

    #[error("The {preset} preset has no parameter \"{name}\"; its parameters are: {}.", if .known.is_empty() { "none".to_owned() } else { .known.join(", ") })]
    UnknownParameter {
        preset: String,
        name: String,
        known: Vec<String>,
    },
}

/// One of a parameter's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PresetChoice {
    pub value: String,
    pub label: String,
}

/// What the person fills in for a preset, e.g. the Okta domain or the Entra ID tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PresetParameter {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub help: String,
    pub format: ParameterFormat,
    /// Used when the person gives nothing.
    #[serde(default)]
    pub default: Option<String>,
    #[serde(default)]
    pub choices: Vec<PresetChoice>,
}

impl PresetParameter {
    /// A text parameter may be left empty (its request parameter is then left out); the others are needed.
    pub fn required(&self) -> bool {
        self.format != ParameterFormat::Text
    }
}

/// One provider preset as written in a presets file.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PresetEntry {
    key: String,
    label: String,
    note: String,
    #[serde(default = "authorization_code")]
    kind: String,
    #[serde(default)]
    parameters: Vec<PresetParameter>,
    #[serde(default)]
    authorize_url: String,
    token_url: String,
    #[serde(default)]
    revocation_url: String,
    #[serde(default)]
    issuer: String,
    #[serde(default)]
    scopes: String,
    #[serde(default)]
    client_authentication: String,
    #[serde(default)]
    consent_in_system_browser: bool,
    #[serde(default)]
    authorize_params: Map<String, Value>,
    #[serde(default)]
    token_params: Map<String, Value>,
}

fn authorization_code() -> String {
    "authorizationcode".into()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetsFile {
    #[serde(default)]
    provider: Vec<PresetEntry>,
}

/// A preset as the connection form lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProviderPreset {
    pub key: String,
    pub label: String,
    /// One line for the person connecting: what the provider needs that is easy to miss.
    pub note: String,
    /// The connection kind the preset fills in (`authorizationcode` or `clientcredentials`).
    pub kind: String,
    pub parameters: Vec<PresetParameter>,
    /// From the person's own presets file rather than Blocksmith's list.
    pub from_user_file: bool,
}

/// Every preset on offer: Blocksmith's, with the person's file laid over them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProviderPresets {
    pub presets: Vec<ProviderPreset>,
    /// Where the person's own presets are read from (the file need not exist).
    pub user_file: Option<String>,
    /// Why the person's file was not used, when it exists but is broken; Blocksmith's presets are still listed.
    pub user_file_problem: Option<String>,
}

/// A preset filled in: the connection's kind and the values of every input and setting the preset decides
/// (empty where the preset leaves one unset, so a value of another preset chosen before does not linger).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PresetValues {
    pub kind: String,
    pub values: BTreeMap<String, String>,
}

/// The presets, Blocksmith's first, in their files' order; a preset of the person's file replaces Blocksmith's
/// with the same key in place.
struct Catalogue {
    entries: Vec<(PresetEntry, bool)>,
}

impl Catalogue {
    /// Blocksmith's presets with `user_file` laid over them; a broken user file is reported beside the built-in
    /// presets instead of hiding them.
    fn load(user_file: Option<&Path>) -> (Self, Option<PresetError>) {
        let built_in = parse_presets(BUILT_IN_PRESETS, "Blocksmith's presets")
            .expect("Blocksmith's own presets are checked by the tests");
        let mut entries: Vec<(PresetEntry, bool)> =
            built_in.into_iter().map(|entry| (entry, false)).collect();
        let mut problem = None;
        if let Some(path) = user_file {
            match read_user_file(path) {
                Ok(theirs) => {
                    for entry in theirs {
                        match entries.iter_mut().find(|(mine, _)| mine.key == entry.key) {
                            Some(slot) => *slot = (entry, true),
                            None => entries.push((entry, true)),
                        }
                    }
                }
                Err(error) => problem = Some(error),
            }
        }
        (Self { entries }, problem)
    }

    fn find(&self, key: &str) -> Result<&PresetEntry, PresetError> {
        self.entries
            .iter()
            .map(|(entry, _)| entry)
            .find(|entry| entry.key == key)
            .ok_or_else(|| PresetError::UnknownPreset {
                key: key.to_owned(),
                known: self
                    .entries
                    .iter()
                    .map(|(entry, _)| entry.key.clone())
                    .collect(),
            })
    }
}

/// The person's presets, or none when the file does not exist.
fn read_user_file(path: &Path) -> Result<Vec<PresetEntry>, PresetError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => {
            return Err(PresetError::Unreadable {
                path: path.to_owned(),
                reason: error.to_string(),
            })
        }
    };
    parse_presets(&text, &path.display().to_string()).map_err(|error| match error {
        PresetError::Unreadable { reason, .. } => PresetError::Unreadable {
            path: path.to_owned(),
            reason,
        },
        other => other,
    })
}

/// A presets file's presets, each checked (see [`check_entry`]).
fn parse_presets(text: &str, source_name: &str) -> Result<Vec<PresetEntry>, PresetError> {
    let file: PresetsFile = toml::from_str(text).map_err(|error| PresetError::Unreadable {
        path: PathBuf::from(source_name),
        reason: error.message().to_owned() + &line_of(text, error.span()),
    })?;
    let mut seen = Vec::new();
    for entry in &file.provider {
        let invalid = |reason: String| PresetError::Invalid {
            source_name: source_name.to_owned(),
            preset: entry.key.clone(),
            reason,
        };
        if seen.contains(&&entry.key) {
            return Err(invalid(
                "its key is used by another preset in the same file".into(),
            ));
        }
        seen.push(&entry.key);
        check_entry(entry).map_err(invalid)?;
    }
    Ok(file.provider)
}

/// " (line N)" for a parse error's position, when it has one.
fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    span.map(|span| {
        format!(
            " (line {})",
            text[..span.start.min(text.len())].lines().count().max(1)
        )
    })
    .unwrap_or_default()
}

/// Why a preset cannot be offered: a malformed key, a kind that is not OAuth, a placeholder without a parameter,
/// a free-text parameter in a URL, or values (filled with sample parameters) that the connection form would
/// refuse.
fn check_entry(entry: &PresetEntry) -> Result<(), String> {
    let key_ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if entry.key.is_empty() || !entry.key.chars().all(key_ok) {
        return Err("its key must be lower-case letters, digits and '-'".into());
    }
    if entry.label.trim().is_empty() {
        return Err("it needs a label".into());
    }
    oauth_kind(&entry.kind)?;
    for parameter in &entry.parameters {
        if parameter.format == ParameterFormat::Choice {
            if parameter.choices.is_empty() {
                return Err(format!(
                    "the choice parameter \"{}\" lists no choices",
                    parameter.key
                ));
            }
        } else if !parameter.choices.is_empty() {
            return Err(format!(
                "only a choice parameter has choices, not \"{}\"",
                parameter.key
            ));
        }
    }
    let declared = |name: &str| {
        entry
            .parameters
            .iter()
            .find(|parameter| parameter.key == name)
    };
    for (field, template, in_url) in entry.templates() {
        for name in template::placeholders(template)? {
            let parameter = declared(name).ok_or_else(|| {
                format!("{field} uses {{{name}}}, which is not one of its parameters")
            })?;
            if in_url && !parameter.format.fits_in_url() {
                return Err(format!(
                    "{field} uses the text parameter {{{name}}}; a URL, the issuer and the scopes may use only host, segment and choice parameters"
                ));
            }
        }
    }
    for (name, value) in entry.authorize_params.iter().chain(&entry.token_params) {
        if !value.is_string() {
            return Err(format!("the request parameter \"{name}\" must be a text"));
        }
    }
    let samples: BTreeMap<String, String> = entry
        .parameters
        .iter()
        .map(|parameter| {
            let sample = match parameter.format {
                ParameterFormat::Choice => parameter.choices[0].value.clone(),
                format => format.sample().to_owned(),
            };
            (parameter.key.clone(), sample)
        })
        .collect();
    entry
        .fill(&samples)
        .map(drop)
        .map_err(|error| error.to_string())
}

/// The OAuth connection kind named `key`.
fn oauth_kind(key: &str) -> Result<ConnectionKind, String> {
    connection_kind(key)
        .filter(|kind| kind.oauth)
        .ok_or_else(|| format!("its kind \"{key}\" is not authorizationcode or clientcredentials"))
}

/// Each value checked as the connection form checks it when the connection is saved.
fn check_values(kind: &ConnectionKind, values: &BTreeMap<String, String>) -> Result<(), String> {
    for input in kind.inputs.iter().chain(&kind.settings) {
        match values.get(input.key) {
            Some(value) if !value.is_empty() => crate::validation::check_input(input, value)?,
            _ => {}
        }
    }
    Ok(())
}

impl PresetEntry {
    /// Each template field with its name and whether a URL (or the issuer or scopes) is made from it.
    fn templates(&self) -> Vec<(String, &str, bool)> {
        let mut fields = vec![
            ("authorizeUrl".to_owned(), self.authorize_url.as_str(), true),
            ("tokenUrl".to_owned(), self.token_url.as_str(), true),
            (
                "revocationUrl".to_owned(),
                self.revocation_url.as_str(),
                true,
            ),
            ("issuer".to_owned(), self.issuer.as_str(), true),
            ("scopes".to_owned(), self.scopes.as_str(), true),
        ];
        for (setting, params) in [
            (AUTHORIZE_PARAMS_SETTING, &self.authorize_params),
            (TOKEN_PARAMS_SETTING, &self.token_params),
        ] {
            for (name, value) in params {
                if let Some(text) = value.as_str() {
                    fields.push((format!("{setting}.{name}"), text, false));
                }
            }
        }
        fields
    }

    /// The public view of this preset.
    fn view(&self, from_user_file: bool) -> ProviderPreset {
        ProviderPreset {
            key: self.key.clone(),
            label: self.label.clone(),
            note: self.note.clone(),
            kind: self.kind.clone(),
            parameters: self.parameters.clone(),
            from_user_file,
        }
    }

    /// The connection's values for `given` parameter values (by parameter key; defaults fill the gaps).
    fn fill(&self, given: &BTreeMap<String, String>) -> Result<PresetValues, PresetError> {
        if let Some(name) = given
            .keys()
            .find(|name| !self.parameters.iter().any(|p| &p.key == *name))
        {
            return Err(PresetError::UnknownParameter {
                preset: self.label.clone(),
                name: name.clone(),
                known: self.parameters.iter().map(|p| p.key.clone()).collect(),
            });
        }
        let mut parameter_values = BTreeMap::new();
        for parameter in &self.parameters {
            let typed = given
                .get(&parameter.key)
                .map(|value| value.trim())
                .unwrap_or("");
            let typed = match (typed, &parameter.default) {
                ("", Some(default)) => default.as_str(),
                (typed, _) => typed,
            };
            let bad = |reason: String| PresetError::BadParameter {
                preset: self.label.clone(),
                label: parameter.label.clone(),
                reason,
            };
            if typed.is_empty() {
                if parameter.required() {
                    return Err(PresetError::MissingParameter {
                        preset: self.label.clone(),
                        label: parameter.label.clone(),
                    });
                }
                parameter_values.insert(parameter.key.as_str(), String::new());
                continue;
            }
            let value = parameter.format.normalise(typed).map_err(bad)?;
            if parameter.format == ParameterFormat::Choice
                && !parameter.choices.iter().any(|choice| choice.value == value)
            {
                let choices: Vec<&str> =
                    parameter.choices.iter().map(|c| c.value.as_str()).collect();
                return Err(bad(format!(
                    "\"{value}\" is not one of {}",
                    choices.join(", ")
                )));
            }
            parameter_values.insert(parameter.key.as_str(), value);
        }
        let value_of = |name: &str| parameter_values.get(name).map_or("", String::as_str);
        let put = |template: &str| template::fill(template, value_of);
        let params_text = |params: &Map<String, Value>| {
            let filled: Map<String, Value> = params
                .iter()
                .filter_map(|(name, value)| {
                    let template = value.as_str().unwrap_or_default();
                    let left_out = template::only_placeholder(template)
                        .is_some_and(|only| value_of(only).is_empty());
                    (!left_out).then(|| (name.clone(), Value::String(put(template))))
                })
                .collect();
            if filled.is_empty() {
                String::new()
            } else {
                Value::Object(filled).to_string()
            }
        };

        let kind =
            connection_kind(&self.kind).expect("the kind was checked when the preset was read");
        let mut values = BTreeMap::from([
            ("authorizeUrl".to_owned(), put(&self.authorize_url)),
            ("tokenUrl".to_owned(), put(&self.token_url)),
            ("scopes".to_owned(), put(&self.scopes)),
            (REVOCATION_URL_SETTING.to_owned(), put(&self.revocation_url)),
            (ISSUER_SETTING.to_owned(), put(&self.issuer)),
            (
                CLIENT_AUTHENTICATION_SETTING.to_owned(),
                self.client_authentication.clone(),
            ),
            (
                AUTHORIZE_PARAMS_SETTING.to_owned(),
                params_text(&self.authorize_params),
            ),
            (
                TOKEN_PARAMS_SETTING.to_owned(),
                params_text(&self.token_params),
            ),
            (
                SYSTEM_BROWSER_SETTING.to_owned(),
                self.consent_in_system_browser.to_string(),
            ),
        ]);
        // Only what the kind has: a client credentials connection has no authorize URL, issuer or window.
        values.retain(|key, _| {
            kind.inputs
                .iter()
                .chain(&kind.settings)
                .any(|input| input.key == key)
        });
        check_values(&kind, &values).map_err(|reason| PresetError::InvalidFill {
            preset: self.label.clone(),
            reason,
        })?;
        Ok(PresetValues {
            kind: self.kind.clone(),
            values,
        })
    }
}

/// Every preset on offer, with the person's `user_file` laid over Blocksmith's.
pub fn provider_presets(user_file: Option<&Path>) -> ProviderPresets {
    let (catalogue, problem) = Catalogue::load(user_file);
    ProviderPresets {
        presets: catalogue
            .entries
            .iter()
            .map(|(entry, from_user_file)| entry.view(*from_user_file))
            .collect(),
        user_file: user_file.map(|path| path.display().to_string()),
        user_file_problem: problem.map(|problem| problem.to_string()),
    }
}

/// The connection kind and values of the preset `key` for the `parameters` the person gave.
pub fn fill_preset(
    user_file: Option<&Path>,
    key: &str,
    parameters: &BTreeMap<String, String>,
) -> Result<PresetValues, PresetError> {
    let (catalogue, problem) = Catalogue::load(user_file);
    match (catalogue.find(key), problem) {
        (Ok(entry), _) => entry.fill(parameters),
        // The preset may be one of the person's, in the file that could not be read: that is the news.
        (Err(_), Some(problem)) => Err(problem),
        (Err(unknown), None) => Err(unknown),
    }
}

#[cfg(test)]
mod tests;
