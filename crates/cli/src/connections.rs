//! `blocksmith connections …` and `blocksmith config-vars …`: the same workspace and keyring calls the app's
//! forms make. Secret inputs are read only from standard input, never from arguments (which other users of
//! the machine can read in the process list and which shells keep in their history).

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::time::Duration;

use blocksmith_session::presets::{self, ProviderPreset};
use blocksmith_session::types::{connection_kind, Sensitive, TokenStatus};
use blocksmith_session::{
    BrowserConsent, ConnectionDraft, ConnectionView, HostChange, ListenOn, Session,
};
use clap::{Args, Subcommand};
use serde_json::json;

use crate::error::{Error, Result};
use crate::host::{session_in, session_waiting_for_consent, Warm};

#[derive(Debug, Subcommand)]
pub enum ConnectionsCommand {
    /// Add a connection. Non-secret inputs by --set; secret inputs only on standard input, as KEY=VALUE
    /// lines (headers as a JSON object; a PEM key may span lines up to its -----END line).
    #[command(after_help = crate::examples::CONNECTIONS_ADD)]
    Add {
        #[command(flatten)]
        workspace: WorkspaceArg,
        #[arg(long)]
        name: String,
        /// apikey, apikeysecret, basic, authorizationcode, clientcredentials or privatekey; may be left out with
        /// --preset, which names its kind.
        #[arg(long, required_unless_present = "preset")]
        kind: Option<String>,
        /// Start from a provider preset (see `connections presets`): its URLs, scopes and settings, which --set
        /// values replace.
        #[arg(long, value_name = "KEY")]
        preset: Option<String>,
        /// A parameter of the preset, e.g. --param tenant=contoso.onmicrosoft.com (repeatable).
        #[arg(long = "param", value_name = "KEY=VALUE", requires = "preset")]
        parameters: Vec<String>,
        /// A non-secret input, e.g. --set tokenUrl=https://id.example/token (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        settings: Vec<String>,
    },
    /// List the OAuth provider presets for --preset: Blocksmith's, and yours from oauth-presets.toml in the
    /// settings folder.
    #[command(after_help = crate::examples::CONNECTIONS_PRESETS)]
    Presets {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the connections and whether each secret is stored (never the values).
    #[command(after_help = crate::examples::CONNECTIONS_LIST)]
    List {
        #[command(flatten)]
        workspace: WorkspaceArg,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Remove a connection and its keyring entries.
    #[command(after_help = crate::examples::CONNECTIONS_REMOVE)]
    Remove {
        #[command(flatten)]
        workspace: WorkspaceArg,
        #[arg(long)]
        name: String,
    },
    /// OAuth 2.0 authorization code: print the authorization URL, wait for the redirect on the connection's
    /// loopback redirect URI, exchange the code and store the token.
    #[command(after_help = crate::examples::CONNECTIONS_AUTHORIZE)]
    Authorize {
        #[command(flatten)]
        workspace: WorkspaceArg,
        #[arg(long)]
        name: String,
        /// Do not open the browser ($BROWSER when set, else the desktop's opener); only print the URL.
        #[arg(long)]
        no_browser: bool,
        /// How long to wait for the redirect.
        #[arg(long, default_value_t = 300)]
        timeout_s: u64,
        /// The connection's Authorize, Token or Revocation URL moved to another host since its secrets were
        /// stored: drop the stored token (consent is needed again), bind the new hosts, and go on.
        #[arg(long)]
        allow_host_change: bool,
    },
    /// Fetch a token (client credentials) or refresh the stored one (--refresh).
    #[command(after_help = crate::examples::CONNECTIONS_TOKEN)]
    Token {
        #[command(flatten)]
        workspace: WorkspaceArg,
        #[arg(long)]
        name: String,
        #[arg(long)]
        refresh: bool,
        /// The connection's Authorize, Token or Revocation URL moved to another host since its secrets were
        /// stored: drop the stored token (consent is needed again), bind the new hosts, and go on.
        #[arg(long)]
        allow_host_change: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigVarsCommand {
    /// Set a config variable (added when new).
    #[command(after_help = crate::examples::CONFIG_VARS_SET)]
    Set {
        #[command(flatten)]
        workspace: WorkspaceArg,
        name: String,
        value: String,
    },
    /// List the config variables as NAME=VALUE lines (or JSON with --json).
    #[command(after_help = crate::examples::CONFIG_VARS_LIST)]
    List {
        #[command(flatten)]
        workspace: WorkspaceArg,
        #[arg(long)]
        json: bool,
    },
    /// Remove a config variable.
    #[command(after_help = crate::examples::CONFIG_VARS_REMOVE)]
    Remove {
        #[command(flatten)]
        workspace: WorkspaceArg,
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct WorkspaceArg {
    /// The workspace folder; created from the templates when it is missing or empty.
    #[arg(long = "workspace", value_name = "DIR")]
    pub dir: PathBuf,
}

impl WorkspaceArg {
    /// A session with this workspace open (created when missing); management commands need no warm worker.
    pub fn session(&self) -> Result<Session> {
        session_in(&self.dir, true, Warm::None)
    }

    /// `source` as a failure of this workspace, named in the message.
    pub fn error(&self, source: blocksmith_session::Error) -> Error {
        Error::Workspace {
            path: self.dir.clone(),
            source,
        }
    }
}

pub fn connections(command: ConnectionsCommand) -> Result<()> {
    match command {
        ConnectionsCommand::Add {
            workspace,
            name,
            kind,
            preset,
            parameters,
            settings,
        } => {
            let session = workspace.session()?;
            let (kind, mut values) = match preset {
                Some(preset) => from_preset(&preset, kind, &parameters)?,
                None => (
                    kind.expect("clap requires --kind without --preset"),
                    BTreeMap::new(),
                ),
            };
            values.extend(parse_pairs("--set", &settings)?);
            let secrets = if has_secret_inputs(&kind) {
                read_secrets(std::io::stdin().lock())?
            } else {
                BTreeMap::new()
            };
            let too_short = blocksmith_session::short_secret_warnings(&kind, &secrets);
            let mut draft = ConnectionDraft {
                name: name.clone(),
                kind,
                values,
                secrets,
            };
            // `--set issuer=URL` without a Token URL: the provider's metadata gives the endpoints.
            if let Some(discovered) = session.complete_from_issuer(&mut draft)? {
                eprintln!(
                    "Read the provider's endpoints from {}.",
                    discovered.metadata_url
                );
            }
            session.save_connection(None, draft, false)?;
            eprintln!("Added connection \"{name}\".");
            for warning in too_short {
                eprintln!("Warning: {warning}");
            }
        }
        ConnectionsCommand::Presets { json } => {
            let listed = presets::provider_presets(presets::default_user_presets_file().as_deref());
            if let Some(problem) = &listed.user_file_problem {
                eprintln!("Warning: {problem}");
            }
            if json {
                println!(
                    "{}",
                    serde_json::to_string(&listed.presets).expect("presets always serialise")
                );
            } else {
                for preset in &listed.presets {
                    println!("{}", preset_row(preset));
                }
            }
        }
        ConnectionsCommand::List { workspace, json } => {
            let listed = workspace.session()?.connections()?;
            if let Some(notice) = blocksmith_session::no_secrets_here_notice(&listed) {
                eprintln!("{notice}");
            }
            if json {
                println!(
                    "{}",
                    serde_json::to_string(&listed).expect("connections always serialise")
                );
            } else {
                for connection in listed {
                    println!("{}", table_row(&connection));
                }
            }
        }
        ConnectionsCommand::Remove { workspace, name } => {
            workspace.session()?.remove_connection(&name)?;
            eprintln!("Removed connection \"{name}\" and its keyring entries.");
        }
        ConnectionsCommand::Authorize {
            workspace,
            name,
            no_browser,
            timeout_s,
            allow_host_change,
        } => {
            let timeout = Duration::from_secs(timeout_s);
            let session = session_waiting_for_consent(&workspace.dir, timeout)?;
            if allow_host_change {
                accept_host_change(&session, &name)?;
            }
            let status = session.connect_in_browser(
                &name,
                BrowserConsent {
                    open_browser: !no_browser,
                    wait_without_browser: true,
                    timeout,
                    listen_on: ListenOn::ConnectionRedirectUri,
                },
            )?;
            print_status(&status);
        }
        ConnectionsCommand::Token {
            workspace,
            name,
            refresh,
            allow_host_change,
        } => {
            let session = workspace.session()?;
            if allow_host_change {
                accept_host_change(&session, &name)?;
            }
            let status = if refresh {
                session.refresh_token(&name)?
            } else {
                session.fetch_token(&name)?
            };
            print_status(&status);
        }
    }
    Ok(())
}

pub fn config_vars(command: ConfigVarsCommand) -> Result<()> {
    match command {
        ConfigVarsCommand::Set {
            workspace,
            name,
            value,
        } => {
            workspace
                .session()?
                .set_config_var(&name, &value)
                .map_err(|err| workspace.error(err))?;
        }
        ConfigVarsCommand::List { workspace, json } => {
            let session = workspace.session()?;
            if json {
                println!(
                    "{}",
                    serde_json::Value::Object(session.config_vars_object()?)
                );
            } else {
                for var in session.config_vars()? {
                    println!("{}={}", var.name, var.value);
                }
            }
        }
        ConfigVarsCommand::Remove { workspace, name } => {
            workspace.session()?.remove_config_var(&name)?;
        }
    }
    Ok(())
}

/// One connection as a line of `connections list`: name, kind, which secrets are stored, the token's state.
fn table_row(connection: &ConnectionView) -> String {
    let secrets: Vec<String> = connection
        .secrets
        .iter()
        .map(|(key, stored)| format!("{key}: {}", if *stored { "stored" } else { "missing" }))
        .collect();
    let token = match (connection.has_token, connection.needs_consent) {
        (true, true) => "token: needs consent",
        (true, false) => "token: stored",
        (false, _) => "",
    };
    format!(
        "{}\t{}\t{}\t{}",
        connection.name,
        connection.kind,
        secrets.join(", "),
        token
    )
}

/// `--allow-host-change`: when connection `name`'s endpoints moved to other hosts, its stored token is dropped
/// and the new hosts are bound; stderr says so.
fn accept_host_change(session: &Session, name: &str) -> Result<()> {
    let changes = session.accept_host_change(name)?;
    report_host_changes(name, &changes);
    Ok(())
}

/// Tells the person on stderr which hosts of connection `name` were accepted (nothing when none moved).
pub fn report_host_changes(name: &str, changes: &[HostChange]) {
    for change in changes {
        eprintln!(
            "Connection \"{name}\": its {} is now on {}; its stored token was dropped (connect again) and its \
             secrets are bound to the new host.",
            change.setting, change.new_host
        );
    }
}

/// The one JSON line `authorize` and `token` print: no token values, only what a script needs to know.
fn print_status(status: &TokenStatus) {
    let line = json!({
        "ok": true,
        "expiresAt": status.expires_at,
        "scopes": status.scopes,
        "hasRefreshToken": status.has_refresh_token,
    });
    println!("{line}");
}

fn has_secret_inputs(kind: &str) -> bool {
    connection_kind(kind).is_some_and(|kind| kind.inputs.iter().any(|input| input.secret))
}

/// `KEY=VALUE` arguments of the option `flag` (`--set`, `--param`) as a map.
fn parse_pairs(flag: &str, pairs: &[String]) -> Result<BTreeMap<String, String>> {
    pairs
        .iter()
        .map(|pair| {
            pair.split_once('=')
                .map(|(key, value)| (key.trim().to_string(), value.to_string()))
                .ok_or_else(|| {
                    Error::Invocation(format!("{flag} takes KEY=VALUE, but got \"{pair}\"."))
                })
        })
        .collect()
}

/// The kind and values of the provider preset `key` for the `--param` values; `--kind`, when given too, must be
/// the preset's.
fn from_preset(
    key: &str,
    kind: Option<String>,
    parameters: &[String],
) -> Result<(String, BTreeMap<String, String>)> {
    let parameters = parse_pairs("--param", parameters)?;
    let filled = presets::fill_preset(
        presets::default_user_presets_file().as_deref(),
        key,
        &parameters,
    )
    .map_err(blocksmith_session::Error::from)?;
    match kind {
        Some(kind) if kind != filled.kind => Err(Error::Invocation(format!(
            "The preset \"{key}\" is a {} connection, not {kind}; leave out --kind.",
            filled.kind
        ))),
        _ => Ok((filled.kind, filled.values)),
    }
}

/// One preset as a line of `connections presets`: key, label, the parameters it takes, its note.
fn preset_row(preset: &ProviderPreset) -> String {
    let parameters: Vec<String> = preset
        .parameters
        .iter()
        .map(|parameter| format!("--param {}=…", parameter.key))
        .collect();
    format!(
        "{}\t{}{}\t{}\t{}",
        preset.key,
        preset.label,
        if preset.from_user_file {
            " (yours)"
        } else {
            ""
        },
        parameters.join(" "),
        preset.note
    )
}

/// Reads `KEY=VALUE` lines; a value that starts a PEM block (`-----BEGIN …`) continues up to its `-----END`
/// line, so `printf 'privateKey=%s\n' "$(cat key.pem)"` works.
fn read_secrets(input: impl BufRead) -> Result<BTreeMap<String, Sensitive<String>>> {
    if std::io::stdin().is_terminal() {
        eprintln!("Enter the secret inputs as KEY=VALUE lines, then Ctrl-D:");
    }
    let mut secrets = BTreeMap::new();
    let mut lines = input.lines();
    while let Some(line) = lines.next() {
        let line = line
            .map_err(|err| Error::Invocation(format!("Could not read standard input: {err}.")))?;
        if line.trim().is_empty() {
            continue;
        }
        let (key, first) = line.split_once('=').ok_or_else(|| {
            Error::Invocation(
                "Secret inputs on standard input must be KEY=VALUE lines.".to_string(),
            )
        })?;
        let mut value = first.to_string();
        if value.starts_with("-----BEGIN") {
            for more in lines.by_ref() {
                let more = more.map_err(|err| {
                    Error::Invocation(format!("Could not read standard input: {err}."))
                })?;
                value.push('\n');
                value.push_str(&more);
                if more.starts_with("-----END") {
                    break;
                }
            }
        }
        secrets.insert(key.trim().to_string(), Sensitive::new(value));
    }
    Ok(secrets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_key_value_lines_and_pem_blocks_span_lines() {
        let input = "apiKey=abc=def\n\nprivateKey=-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        let secrets = read_secrets(input.as_bytes()).unwrap();
        assert_eq!(secrets["apiKey"].expose(), "abc=def");
        assert_eq!(
            secrets["privateKey"].expose(),
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"
        );
    }

    #[test]
    fn settings_need_an_equals_sign() {
        assert_eq!(parse_pairs("--set", &["a=b=c".into()]).unwrap()["a"], "b=c");
        assert!(parse_pairs("--set", &["nope".into()]).is_err());
    }
}
