//! The only door to the OS keyring, and the `Sensitive<T>` wrapper for secret values.
//!
//! Every secret Blocksmith holds (a connection's secret inputs and its OAuth token) lives only in
//! the OS keyring, read and written through [`SecretStore`]. Nothing here falls back to any other
//! storage: when the keyring is unusable, [`SecretStore::open`] and [`SecretStore::probe`] say why
//! and what to do, and the caller shows that to the user.
//!
//! Every call blocks on the keyring (a D-Bus round trip for the Secret Service). From async code,
//! call it through `tokio::task::spawn_blocking`: the D-Bus client may run its own runtime and
//! must not be entered from inside another one.
//!
//! ```no_run
//! use blocksmith_secrets::{SecretId, SecretStore, Sensitive, SERVICE};
//!
//! let store = SecretStore::open(SERVICE)?;
//! let api_key = SecretId::input("workspace-id", "Stripe", "apiKey");
//! store.set(&api_key, &Sensitive::new("sk_live_…".to_owned()))?;
//! assert!(store.has(&api_key)?);
//! # Ok::<(), blocksmith_secrets::Error>(())
//! ```

mod backend;
mod error;
mod redaction;
#[cfg(test)]
mod refusing_store;
mod secret_id;
mod sensitive;
mod store;

pub use backend::Backend;
pub use error::{Error, Operation, Result};
pub use redaction::{
    too_short_to_redact, Redactor, RedactorError, MIN_REDACTED_CHARS, REDACTION_MARKER,
};
pub use secret_id::{SecretId, Slot};
pub use sensitive::{Sensitive, REDACTED};
pub use store::{SecretStore, SERVICE};
