//! A test-only, in-memory credential store that refuses chosen operations on chosen entries.
//!
//! A real keyring cannot be made to fail half-way through a rename on demand, so the unit tests of
//! `SecretStore`'s all-or-nothing logic use this store. Storage itself is tested against the
//! real keyrings in `tests/keyring_store.rs`.

use std::any::Any;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use keyring_core::api::{CredentialApi, CredentialStoreApi};
use keyring_core::{Credential, Entry, Error, Result};

/// Which operation to refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Refuse {
    Write,
    Delete,
}

#[derive(Default)]
struct Contents {
    values: HashMap<String, Vec<u8>>,
    refusals: HashSet<(String, Refuse)>,
}

#[derive(Default)]
pub(crate) struct RefusingStore {
    contents: Arc<Mutex<Contents>>,
}

impl RefusingStore {
    /// Makes every later `operation` on the entry `account` fail.
    pub(crate) fn refuse(&self, account: &str, operation: Refuse) {
        let mut contents = self.contents.lock().unwrap();
        contents.refusals.insert((account.to_owned(), operation));
    }

    /// The accounts holding a value, sorted.
    pub(crate) fn accounts(&self) -> Vec<String> {
        let contents = self.contents.lock().unwrap();
        let mut accounts: Vec<String> = contents.values.keys().cloned().collect();
        accounts.sort();
        accounts
    }
}

impl CredentialStoreApi for RefusingStore {
    fn vendor(&self) -> String {
        "Blocksmith test store that refuses chosen operations".to_owned()
    }

    fn id(&self) -> String {
        "refusing-store".to_owned()
    }

    fn build(
        &self,
        _service: &str,
        user: &str,
        _modifiers: Option<&HashMap<&str, &str>>,
    ) -> Result<Entry> {
        Ok(Entry::new_with_credential(Arc::new(RefusingCredential {
            account: user.to_owned(),
            contents: self.contents.clone(),
        }) as Arc<Credential>))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Debug)]
struct RefusingCredential {
    account: String,
    contents: Arc<Mutex<Contents>>,
}

impl std::fmt::Debug for Contents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<test store contents>")
    }
}

impl RefusingCredential {
    fn check(&self, contents: &Contents, operation: Refuse) -> Result<()> {
        if contents
            .refusals
            .contains(&(self.account.clone(), operation))
        {
            return Err(Error::PlatformFailure(
                format!("refused {operation:?} by the test").into(),
            ));
        }
        Ok(())
    }
}

impl CredentialApi for RefusingCredential {
    fn set_secret(&self, secret: &[u8]) -> Result<()> {
        let mut contents = self.contents.lock().unwrap();
        self.check(&contents, Refuse::Write)?;
        contents
            .values
            .insert(self.account.clone(), secret.to_vec());
        Ok(())
    }

    fn get_secret(&self) -> Result<Vec<u8>> {
        let contents = self.contents.lock().unwrap();
        contents
            .values
            .get(&self.account)
            .cloned()
            .ok_or(Error::NoEntry)
    }

    fn delete_credential(&self) -> Result<()> {
        let mut contents = self.contents.lock().unwrap();
        self.check(&contents, Refuse::Delete)?;
        contents
            .values
            .remove(&self.account)
            .map(drop)
            .ok_or(Error::NoEntry)
    }

    fn get_credential(&self) -> Result<Option<Arc<Credential>>> {
        Ok(None)
    }

    fn get_specifiers(&self) -> Option<(String, String)> {
        None
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
