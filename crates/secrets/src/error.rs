//! Everything that can go wrong between Blocksmith and the OS keyring, each as one sentence that
//! says what happened and what to do. No variant ever carries a secret value.

use std::fmt;

/// What Blocksmith was doing with the keyring when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Connect,
    Store,
    Read,
    Delete,
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Operation::Connect => "connect to",
            Operation::Store => "store a secret in",
            Operation::Read => "read a secret from",
            Operation::Delete => "delete a secret from",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "The OS keyring is not reachable: no D-Bus session bus ({reason}). Start Blocksmith inside \
         a desktop session, or run it under `dbus-run-session -- …` with gnome-keyring started and \
         unlocked (scripts/with-keyring.sh does this)."
    )]
    NoDbusSession { reason: String },

    #[error(
        "The OS keyring is not reachable: the D-Bus session bus has no Secret Service \
         (org.freedesktop.secrets; {detail}). Install and start gnome-keyring \
         (`gnome-keyring-daemon --start --components=secrets`) or another Secret Service \
         provider such as KeePassXC, then try again."
    )]
    NoSecretService { detail: String },

    #[error(
        "The OS keyring is locked, so Blocksmith could not {operation} it ({detail}). Unlock your \
         login keyring (log in to the desktop, open Seahorse, or pipe its password to \
         `gnome-keyring-daemon --unlock`) and try again."
    )]
    KeyringLocked {
        operation: Operation,
        detail: String,
    },

    #[error(
        "The OS keyring has no default collection (the login keyring), so Blocksmith could not \
         {operation} it, and the keyring could not ask for a password to create one. Create and \
         unlock a login keyring (Seahorse, or pipe a new password to \
         `gnome-keyring-daemon --unlock`) and try again."
    )]
    NoDefaultCollection { operation: Operation },

    #[error(
        "The kernel keyring is not usable: this process has no session keyring it may write to \
         ({detail}). Run Blocksmith inside a login session, or start it with \
         `keyctl session - <command>`."
    )]
    NoSessionKeyring { detail: String },

    #[error(
        "The OS keyring returned a different value for its probe entry than Blocksmith had just \
         stored, so it cannot be trusted with secrets. Check which Secret Service provider is \
         running (`busctl --user status org.freedesktop.secrets`)."
    )]
    ProbeMismatch,

    #[error(
        "The OS keyring still returns its probe entry after Blocksmith deleted it, so deleting a \
         connection would leave its secrets behind. Check the keyring provider's logs."
    )]
    ProbeNotDeleted,

    #[error("Could not {operation} the OS keyring for the entry \"{account}\": {detail}")]
    Keyring {
        operation: Operation,
        account: String,
        detail: String,
    },

    #[error(
        "The keyring entry \"{account}\" does not hold text (it is not valid UTF-8). Replace the \
         secret in Blocksmith to overwrite it."
    )]
    NotText { account: String },

    #[error(
        "The keyring holds {count} entries for \"{account}\" of service \"{service}\", so \
         Blocksmith cannot tell which is current. Remove them with \
         `secret-tool clear service {service} username {account}` and store the secret again."
    )]
    Ambiguous {
        service: String,
        account: String,
        count: usize,
    },

    #[error("The {what} of a keyring entry must not be empty.")]
    EmptyName { what: &'static str },

    #[error(
        "The OAuth token for connection \"{connection}\" is not valid JSON (line {line}, column \
         {column}), so it was not stored."
    )]
    TokenNotJson {
        connection: String,
        line: usize,
        column: usize,
    },

    #[error(
        "Unknown keyring backend \"{name}\": use \"secret-service\" (the desktop keyring) or \
         \"keyutils\" (the Linux kernel keyring)."
    )]
    UnknownBackend { name: String },
}

pub type Result<T> = std::result::Result<T, Error>;
