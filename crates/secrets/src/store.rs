//! `SecretStore`: reading and writing Blocksmith's secrets in the OS keyring, keeping a
//! connection's entries together when it is renamed or removed, the start-up probe, and finding
//! the keyring again after its daemon restarted.

use std::sync::{Arc, RwLock};

use keyring_core::{CredentialStore, Entry};

use crate::backend::{self, Backend, BusEnvironment, FailureContext};
use crate::error::{Error, Operation, Result};
use crate::secret_id::{connection_slots, SecretId, Slot};
use crate::sensitive::Sensitive;

/// The keyring service name every Blocksmith entry is filed under.
pub const SERVICE: &str = "blocksmith";

/// The account name of the probe entry; `#` cannot start an escaped workspace id, so it never
/// collides with a real secret.
const PROBE_ACCOUNT_PREFIX: &str = "#probe";
const PROBE_VALUE: &str = "Blocksmith keyring probe: safe to delete";

/// A handle on one keyring service namespace. Cheap to clone; all clones share one connection.
#[derive(Clone)]
pub struct SecretStore {
    /// The open connection; replaced when the keyring's daemon restarted under it.
    store: Arc<RwLock<Arc<CredentialStore>>>,
    /// Whether a connection that went stale may be opened again (not for unit tests' stores).
    reconnects: bool,
    backend: Backend,
    service: String,
    bus: BusEnvironment,
}

impl std::fmt::Debug for SecretStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretStore")
            .field("backend", &self.backend)
            .field("service", &self.service)
            .finish_non_exhaustive()
    }
}

impl SecretStore {
    /// Connects to the desktop keyring (Secret Service) under `service`, and probes it. This is
    /// what the app and the CLI call at start, with [`SERVICE`].
    pub fn open(service: &str) -> Result<Self> {
        let store = Self::connect(service, Backend::SecretService)?;
        store.probe()?;
        Ok(store)
    }

    /// Connects to `backend` under `service` without probing it. Tests pass their own service
    /// name so that parallel tests never touch each other's entries.
    pub fn connect(service: &str, backend: Backend) -> Result<Self> {
        if service.is_empty() {
            return Err(Error::EmptyName {
                what: "service name",
            });
        }
        // Read once, so every later failure is explained against the bus this store connected to.
        let bus = BusEnvironment::from_process();
        let store = backend::open_store(backend, &bus)?;
        Ok(Self {
            store: Arc::new(RwLock::new(store)),
            reconnects: true,
            backend,
            service: service.to_owned(),
            bus,
        })
    }

    /// A store over any credential store, for unit tests that need failures on demand.
    #[cfg(test)]
    pub(crate) fn over(store: Arc<CredentialStore>, service: &str) -> Self {
        Self {
            store: Arc::new(RwLock::new(store)),
            reconnects: false,
            backend: Backend::SecretService,
            service: service.to_owned(),
            bus: BusEnvironment::default(),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    /// Checks that the keyring really works: stores, reads back and deletes a probe entry. A store
    /// can be opened and still refuse every write (a locked collection, no session keyring).
    pub fn probe(&self) -> Result<()> {
        // One entry per probe, not per process: two threads probing at once must not delete each other's.
        static PROBES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let probe = PROBES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let account = format!("{PROBE_ACCOUNT_PREFIX}/{}-{probe}", std::process::id());
        let expected = Sensitive::new(PROBE_VALUE.to_owned());
        self.write(&account, &expected)?;
        let read = self.read(&account);
        let deleted = self.remove(&account);
        match read? {
            Some(value) if value.expose() == expected.expose() => {}
            _ => return Err(Error::ProbeMismatch),
        }
        deleted?;
        match self.read(&account)? {
            None => Ok(()),
            Some(_) => Err(Error::ProbeNotDeleted),
        }
    }

    /// Stores a secret, replacing any previous value. A token must be a JSON document.
    pub fn set(&self, id: &SecretId<'_>, value: &Sensitive<String>) -> Result<()> {
        if id.slot == Slot::Token {
            check_token_json(id.connection, value)?;
        }
        self.write(&id.account()?, value)
    }

    /// Reads a secret; `None` means it has not been stored yet.
    pub fn get(&self, id: &SecretId<'_>) -> Result<Option<Sensitive<String>>> {
        self.read(&id.account()?)
    }

    /// Whether a secret is stored, without handing its value to the caller.
    pub fn has(&self, id: &SecretId<'_>) -> Result<bool> {
        Ok(self.get(id)?.is_some())
    }

    /// Deletes a secret; deleting one that is not stored is not an error.
    pub fn delete(&self, id: &SecretId<'_>) -> Result<()> {
        self.remove(&id.account()?)
    }

    /// Moves every secret of a connection (the given secret inputs, its token and its bound hosts) to its new
    /// name. Afterwards the new name holds exactly what the old one held and the old name holds
    /// nothing. If any step fails, every entry is put back as it was and the error is returned.
    pub fn rename_connection(
        &self,
        workspace: &str,
        old_name: &str,
        new_name: &str,
        input_keys: &[&str],
    ) -> Result<()> {
        if old_name == new_name {
            return Ok(());
        }
        let mut plan = Vec::new();
        let mut clear_old = Vec::new();
        for slot in connection_slots(input_keys) {
            let old = SecretId {
                workspace,
                connection: old_name,
                slot,
            };
            let value = self.get(&old)?;
            plan.push((old.with_connection(new_name).account()?, value));
            clear_old.push((old.account()?, None));
        }
        // Copy before clearing, so that a failure part-way never leaves a secret in neither place.
        plan.extend(clear_old);
        self.apply_all_or_nothing(plan)
    }

    /// Deletes every secret of a connection (the given secret inputs, its token and its bound hosts). If a deletion
    /// fails, the secrets already deleted are put back and the error is returned.
    pub fn delete_connection(
        &self,
        workspace: &str,
        connection: &str,
        input_keys: &[&str],
    ) -> Result<()> {
        let plan = connection_slots(input_keys)
            .into_iter()
            .map(|slot| {
                let id = SecretId {
                    workspace,
                    connection,
                    slot,
                };
                Ok((id.account()?, None))
            })
            .collect::<Result<Vec<_>>>()?;
        self.apply_all_or_nothing(plan)
    }

    /// Sets each account to its planned value (`None` deletes it), remembering what it held.
    /// On the first failure the changes already made are undone in reverse order.
    fn apply_all_or_nothing(&self, plan: Vec<(String, Option<Sensitive<String>>)>) -> Result<()> {
        let mut undo: Vec<(String, Option<Sensitive<String>>)> = Vec::with_capacity(plan.len());
        for (account, wanted) in plan {
            let step = self.read(&account).and_then(|previous| {
                self.put(&account, wanted.as_ref())?;
                Ok(previous)
            });
            match step {
                Ok(previous) => undo.push((account, previous)),
                Err(error) => {
                    for (account, previous) in undo.into_iter().rev() {
                        // Best effort: the original failure is what the caller must see.
                        let _ = self.put(&account, previous.as_ref());
                    }
                    return Err(error);
                }
            }
        }
        Ok(())
    }

    fn put(&self, account: &str, value: Option<&Sensitive<String>>) -> Result<()> {
        match value {
            Some(value) => self.write(account, value),
            None => self.remove(account),
        }
    }

    fn write(&self, account: &str, value: &Sensitive<String>) -> Result<()> {
        self.on_entry(account, Operation::Store, |entry| {
            entry.set_password(value.expose())
        })
    }

    fn read(&self, account: &str) -> Result<Option<Sensitive<String>>> {
        self.on_entry(account, Operation::Read, |entry| {
            match entry.get_password() {
                Ok(value) => Ok(Some(Sensitive::new(value))),
                Err(keyring_core::Error::NoEntry) => Ok(None),
                Err(error) => Err(error),
            }
        })
    }

    fn remove(&self, account: &str) -> Result<()> {
        self.on_entry(account, Operation::Delete, |entry| {
            match entry.delete_credential() {
                Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
                Err(error) => Err(error),
            }
        })
    }

    /// Does `act` on the entry for `account`. When the keyring's daemon restarted since the
    /// connection was opened (the desktop restarts gnome-keyring after it aborts), the old session
    /// is gone: the store connects again and does `act` once more, so a running app keeps working.
    /// Every operation is idempotent, so doing it again after a call the daemon never answered is safe.
    fn on_entry<T>(
        &self,
        account: &str,
        operation: Operation,
        act: impl Fn(&Entry) -> keyring_core::Result<T>,
    ) -> Result<T> {
        let current = Arc::clone(
            &self
                .store
                .read()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        );
        let attempt = |store: &Arc<CredentialStore>| {
            Entry::new_in_store(store, &self.service, account).and_then(|entry| act(&entry))
        };
        match attempt(&current) {
            Err(error) if self.reconnects && backend::connection_went_stale(&error) => {
                let fresh = backend::open_store(self.backend, &self.bus)?;
                *self
                    .store
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::clone(&fresh);
                attempt(&fresh).map_err(|error| self.failure(error, operation, account))
            }
            outcome => outcome.map_err(|error| self.failure(error, operation, account)),
        }
    }

    fn failure(&self, error: keyring_core::Error, operation: Operation, account: &str) -> Error {
        backend::classify(
            error,
            &FailureContext {
                backend: self.backend,
                operation,
                service: &self.service,
                account,
                bus: &self.bus,
            },
        )
    }
}

/// Refuses a token that is not JSON, reporting only where parsing stopped (never the text).
fn check_token_json(connection: &str, token: &Sensitive<String>) -> Result<()> {
    match serde_json::from_str::<serde::de::IgnoredAny>(token.expose()) {
        Ok(_) => Ok(()),
        Err(error) => Err(Error::TokenNotJson {
            connection: connection.to_owned(),
            line: error.line(),
            column: error.column(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refusing_store::{Refuse, RefusingStore};

    fn store_with(refusals: &[(&str, Refuse)]) -> (Arc<RefusingStore>, SecretStore) {
        let backing = Arc::new(RefusingStore::default());
        let store = SecretStore::over(backing.clone(), "blocksmith-unit");
        let secret = |value: &str| Sensitive::new(value.to_owned());
        store
            .set(&SecretId::input("ws", "old", "a"), &secret("A"))
            .unwrap();
        store
            .set(&SecretId::input("ws", "old", "b"), &secret("B"))
            .unwrap();
        store
            .set(&SecretId::token("ws", "old"), &secret("{}"))
            .unwrap();
        for (account, operation) in refusals {
            backing.refuse(account, *operation);
        }
        (backing, store)
    }

    fn value(store: &SecretStore, id: SecretId<'_>) -> Option<String> {
        store.get(&id).unwrap().map(|v| v.expose().clone())
    }

    #[test]
    fn a_rename_that_fails_while_copying_leaves_everything_as_it_was() {
        let (backing, store) = store_with(&[("ws/new/b", Refuse::Write)]);
        let before = backing.accounts();

        let error = store
            .rename_connection("ws", "old", "new", &["a", "b"])
            .unwrap_err();

        assert!(error.to_string().contains("ws/new/b"), "{error}");
        assert_eq!(backing.accounts(), before, "the copy of a was taken back");
        assert_eq!(
            value(&store, SecretId::input("ws", "old", "a")).as_deref(),
            Some("A")
        );
        assert_eq!(
            value(&store, SecretId::input("ws", "old", "b")).as_deref(),
            Some("B")
        );
    }

    #[test]
    fn a_rename_that_fails_while_clearing_puts_the_old_entries_back() {
        let (backing, store) = store_with(&[("ws/old/#token", Refuse::Delete)]);
        let before = backing.accounts();

        store
            .rename_connection("ws", "old", "new", &["a", "b"])
            .unwrap_err();

        assert_eq!(backing.accounts(), before);
        assert_eq!(
            value(&store, SecretId::input("ws", "old", "a")).as_deref(),
            Some("A")
        );
        assert_eq!(
            value(&store, SecretId::token("ws", "old")).as_deref(),
            Some("{}")
        );
        assert_eq!(value(&store, SecretId::input("ws", "new", "a")), None);
    }

    #[test]
    fn a_delete_that_fails_half_way_restores_what_it_deleted() {
        let (backing, store) = store_with(&[("ws/old/b", Refuse::Delete)]);
        let before = backing.accounts();

        store
            .delete_connection("ws", "old", &["a", "b"])
            .unwrap_err();

        assert_eq!(backing.accounts(), before);
        assert_eq!(
            value(&store, SecretId::input("ws", "old", "a")).as_deref(),
            Some("A")
        );
    }

    #[test]
    fn a_store_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync + Clone>() {}
        shareable::<SecretStore>();
    }

    #[test]
    fn a_json_token_passes_the_check() {
        let token = Sensitive::new(r#"{"access_token":"abc","expires_in":3600}"#.to_owned());
        assert!(check_token_json("Drive", &token).is_ok());
    }

    #[test]
    fn a_non_json_token_is_refused_without_echoing_it() {
        let token = Sensitive::new("{\"access_token\": leaked-value".to_owned());
        let error = check_token_json("Drive", &token).unwrap_err();
        let printed = format!("{error} {error:?}");
        assert!(matches!(error, Error::TokenNotJson { line: 1, .. }));
        assert!(printed.contains("\"Drive\""), "{printed}");
        assert!(!printed.contains("leaked-value"), "{printed}");
    }
}
