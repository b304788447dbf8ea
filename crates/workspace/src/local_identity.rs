//! What this machine alone knows about a workspace folder, kept in `.blocksmith/local.json` (never committed):
//! the id its keyring entries are keyed by, and the token in its local webhook URLs.
//!
//! The manifest is shared and untrusted, so nothing in it may decide which stored secrets a folder reaches: a
//! second folder whose manifest copies a real workspace's `id` must not read that workspace's secrets. The local
//! file is created on the first open on this machine with fresh random values, and remembers the folder it was
//! made for. A folder copied with its `.blocksmith/` beside the original gets identities of its own (it starts
//! with no secrets); a folder that was moved (the original is gone) keeps its identities.
//!
//! A shared folder may arrive with a `.blocksmith/local.json` of someone's choosing (a zip, a careless commit).
//! So the file is sealed with an HMAC under a key that never leaves this machine (`machine.key` in the user's
//! data folder): a file this machine did not write is ignored and replaced, so nobody can choose the webhook
//! token of a folder they hand over, or point it at another folder's secrets.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::atomic::write_atomic;
use crate::error::{Error, Result};

/// The folder of what stays on this machine: history, state, the local identity.
pub const LOCAL_DIR: &str = ".blocksmith";
const LOCAL_FILE: &str = "local.json";
/// Held while a process creates or replaces `local.json`, so that two opening one folder at once agree.
const LOCAL_LOCK_FILE: &str = "local.lock";

/// This machine's identity of one workspace folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalIdentity {
    /// The id that namespaces this folder's keyring entries.
    pub secrets_id: String,
    /// The unguessable part of this folder's local webhook URLs.
    pub webhook_token: String,
    /// The folder (canonical path) these identities were made for.
    folder: PathBuf,
    /// HMAC-SHA256 of the three values above under this machine's key.
    seal: String,
    /// True when the identities were made by this open: no secret was ever stored for this folder here, so a
    /// manifest naming connections means the folder was cloned or copied, and their secrets must be entered.
    #[serde(skip)]
    pub fresh: bool,
}

impl LocalIdentity {
    /// Reads the folder's local identity, making new identities when there is none, when the file is not
    /// valid, or when the folder is a copy of another that still has them.
    pub fn load_or_create(root: &Path) -> Result<LocalIdentity> {
        let key = MachineKey::load_or_create(&machine_key_path())?;
        let folder = fs::canonicalize(root).map_err(|err| Error::io("read", root, err))?;
        let path = folder.join(LOCAL_DIR).join(LOCAL_FILE);
        // The common case, read without waiting on anyone: this machine's file, made for this very folder.
        if let Some(identity) = read(&path, &key).filter(|identity| identity.folder == folder) {
            return Ok(identity);
        }
        // Anything else writes the file, and another Blocksmith may be about to do the same (the app and the CLI
        // opening a new folder at once). Under the folder's lock one of them decides; the others then read what
        // it wrote, so every process keys the folder's secrets by the same id.
        let dir = folder.join(LOCAL_DIR);
        fs::create_dir_all(&dir).map_err(|err| Error::io("create", &dir, err))?;
        let _lock = lock_exclusively(&dir.join(LOCAL_LOCK_FILE))?;
        match read(&path, &key) {
            // Made by another process since the read above: as new to this folder as if this one had made it.
            Some(identity) if identity.folder == folder => Ok(LocalIdentity {
                fresh: true,
                ..identity
            }),
            Some(identity) if !is_still_the_identity_of(&identity.folder, &identity, &key) => {
                // The folder was moved: the original no longer holds these identities, so they stay with it.
                let moved = LocalIdentity { folder, ..identity }.sealed(&key);
                moved.save(&path)?;
                Ok(moved)
            }
            // A copy of a folder that still exists, a file this machine did not write, or none at all.
            _ => create(&folder, &path, &key),
        }
    }

    /// Identities for a folder this machine cannot write to: they last as long as the workspace stays open, so
    /// the folder still opens and runs, and secrets entered meanwhile are asked for again next time.
    pub fn unsaved(root: &Path) -> Result<LocalIdentity> {
        Ok(LocalIdentity {
            secrets_id: random_hex(16)?,
            webhook_token: random_hex(20)?,
            folder: root.to_path_buf(),
            seal: String::new(),
            fresh: true,
        })
    }

    fn save(&self, path: &Path) -> Result<()> {
        write_atomic(path, pretty(self).as_bytes())
    }

    fn sealed(self, key: &MachineKey) -> LocalIdentity {
        let seal = key.seal(&self);
        LocalIdentity { seal, ..self }
    }
}

fn read(path: &Path, key: &MachineKey) -> Option<LocalIdentity> {
    let text = fs::read_to_string(path).ok()?;
    let identity: LocalIdentity = serde_json::from_str(&text).ok()?;
    key.verifies(&identity).then_some(identity)
}

fn is_still_the_identity_of(folder: &Path, identity: &LocalIdentity, key: &MachineKey) -> bool {
    read(&folder.join(LOCAL_DIR).join(LOCAL_FILE), key)
        .is_some_and(|original| original.secrets_id == identity.secrets_id)
}

/// New identities for `folder`, written whole over whatever `path` held. Called under the folder's lock.
fn create(folder: &Path, path: &Path, key: &MachineKey) -> Result<LocalIdentity> {
    let identity = LocalIdentity {
        secrets_id: random_hex(16)?,
        webhook_token: random_hex(20)?,
        folder: folder.to_path_buf(),
        seal: String::new(),
        fresh: true,
    }
    .sealed(key);
    identity.save(path)?;
    Ok(identity)
}

/// Locks `lock_path` (made if missing) for this process until the returned file is dropped. The lock is the
/// operating system's (`flock`), so it is released even when the process dies holding it.
fn lock_exclusively(lock_path: &Path) -> Result<fs::File> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path)
        .map_err(|err| Error::io("create", lock_path, err))?;
    file.lock()
        .map_err(|err| Error::io("lock", lock_path, err))?;
    Ok(file)
}

/// The key that seals local identities, made once per user on this machine and readable by them alone.
struct MachineKey(Vec<u8>);

impl MachineKey {
    /// The key at `path`, made on first use. Processes starting at once on a new machine must all seal with one
    /// key: had two written theirs, the folder sealed under the loser's would look forged, get new identities, and
    /// lose the secrets just stored for it. So the key is made under a lock, and read again once it is held.
    fn load_or_create(path: &Path) -> Result<MachineKey> {
        if let Some(key) = Self::read(path) {
            return Ok(key);
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(|err| Error::io("create", dir, err))?;
        let _lock = lock_exclusively(&path.with_extension("key.lock"))?;
        // A file half written when read above is whole now; one still short was left by a crash.
        if let Some(key) = Self::read(path) {
            return Ok(key);
        }
        let _ = fs::remove_file(path);
        let key = random_bytes(MACHINE_KEY_BYTES)?;
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(path)
            .map_err(|err| Error::io("write", path, err))?;
        file.write_all(&key)
            .and_then(|()| file.sync_all())
            .map_err(|err| Error::io("write", path, err))?;
        Ok(MachineKey(key))
    }

    fn read(path: &Path) -> Option<MachineKey> {
        fs::read(path)
            .ok()
            .filter(|key| key.len() == MACHINE_KEY_BYTES)
            .map(MachineKey)
    }

    fn seal(&self, identity: &LocalIdentity) -> String {
        hex(&self.mac(identity).finalize().into_bytes())
    }

    fn verifies(&self, identity: &LocalIdentity) -> bool {
        let Some(seal) = unhex(&identity.seal) else {
            return false;
        };
        self.mac(identity).verify_slice(&seal).is_ok()
    }

    fn mac(&self, identity: &LocalIdentity) -> Hmac<Sha256> {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        for part in [
            identity.secrets_id.as_bytes(),
            identity.webhook_token.as_bytes(),
            identity.folder.as_os_str().as_encoded_bytes(),
        ] {
            // Length-prefixed, so moving bytes from one part to the next changes the seal.
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        mac
    }
}

const MACHINE_KEY_BYTES: usize = 32;

/// `machine.key` in Blocksmith's folder of the user's local data (`$XDG_DATA_HOME`, else `~/.local/share`).
fn machine_key_path() -> PathBuf {
    dirs::data_local_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("blocksmith")
        .join("machine.key")
}

fn random_bytes(count: usize) -> Result<Vec<u8>> {
    let mut buffer = vec![0u8; count];
    getrandom::fill(&mut buffer).map_err(|err| {
        Error::io(
            "make random identities for",
            LOCAL_FILE,
            std::io::Error::other(err.to_string()),
        )
    })?;
    Ok(buffer)
}

fn random_hex(bytes: usize) -> Result<String> {
    Ok(hex(&random_bytes(bytes)?))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn pretty(identity: &LocalIdentity) -> String {
    let mut text = serde_json::to_string_pretty(identity).expect("an identity always serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_open_makes_random_identities_and_later_opens_keep_them() {
        let dir = tempfile::tempdir().unwrap();
        let first = LocalIdentity::load_or_create(dir.path()).unwrap();
        assert!(first.fresh);
        assert_eq!(first.secrets_id.len(), 32);
        assert_eq!(first.webhook_token.len(), 40);
        let again = LocalIdentity::load_or_create(dir.path()).unwrap();
        assert!(!again.fresh);
        assert_eq!(again.secrets_id, first.secrets_id);
        assert_eq!(again.webhook_token, first.webhook_token);

        let other = tempfile::tempdir().unwrap();
        let elsewhere = LocalIdentity::load_or_create(other.path()).unwrap();
        assert_ne!(elsewhere.secrets_id, first.secrets_id);
        assert_ne!(elsewhere.webhook_token, first.webhook_token);
    }

    /// Runs `open` on `count` threads released at the same instant, and answers what each returned.
    fn all_at_once<T: Send + 'static>(
        count: usize,
        open: impl Fn() -> T + Send + Sync + 'static,
    ) -> Vec<T> {
        let start = std::sync::Arc::new(std::sync::Barrier::new(count));
        let open = std::sync::Arc::new(open);
        let threads: Vec<_> = (0..count)
            .map(|_| {
                let (start, open) = (start.clone(), open.clone());
                std::thread::spawn(move || {
                    start.wait();
                    open()
                })
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    }

    #[test]
    fn blocksmiths_opening_a_new_folder_at_once_agree_on_its_identity() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().to_path_buf();
            let opened = all_at_once(6, move || LocalIdentity::load_or_create(&root).unwrap());
            let kept = LocalIdentity::load_or_create(dir.path()).unwrap();
            for identity in opened {
                assert_eq!(identity.secrets_id, kept.secrets_id);
                assert_eq!(identity.webhook_token, kept.webhook_token);
            }
        }
    }

    #[test]
    fn blocksmiths_starting_at_once_on_a_new_machine_seal_with_one_key() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("blocksmith").join("machine.key");
            let key_path = path.clone();
            let keys = all_at_once(6, move || MachineKey::load_or_create(&key_path).unwrap().0);
            let stored = fs::read(&path).unwrap();
            assert_eq!(stored.len(), MACHINE_KEY_BYTES);
            assert!(keys.iter().all(|key| *key == stored));
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = fs::metadata(&path).unwrap().permissions().mode();
                assert_eq!(mode & 0o777, 0o600);
            }
        }
    }

    #[test]
    fn a_copy_beside_the_original_gets_identities_of_its_own() {
        let parent = tempfile::tempdir().unwrap();
        let original = parent.path().join("original");
        let copy = parent.path().join("copy");
        fs::create_dir_all(&original).unwrap();
        let identity = LocalIdentity::load_or_create(&original).unwrap();
        fs::create_dir_all(copy.join(LOCAL_DIR)).unwrap();
        fs::copy(
            original.join(LOCAL_DIR).join(LOCAL_FILE),
            copy.join(LOCAL_DIR).join(LOCAL_FILE),
        )
        .unwrap();

        let copied = LocalIdentity::load_or_create(&copy).unwrap();
        assert!(copied.fresh);
        assert_ne!(copied.secrets_id, identity.secrets_id);
        assert_ne!(copied.webhook_token, identity.webhook_token);
        let original_again = LocalIdentity::load_or_create(&original).unwrap();
        assert_eq!(original_again.secrets_id, identity.secrets_id);
    }

    #[test]
    fn a_moved_folder_keeps_its_identities() {
        let parent = tempfile::tempdir().unwrap();
        let before = parent.path().join("before");
        let after = parent.path().join("after");
        fs::create_dir_all(&before).unwrap();
        let identity = LocalIdentity::load_or_create(&before).unwrap();
        fs::rename(&before, &after).unwrap();

        let moved = LocalIdentity::load_or_create(&after).unwrap();
        assert!(!moved.fresh);
        assert_eq!(moved.secrets_id, identity.secrets_id);
        assert_eq!(
            LocalIdentity::load_or_create(&after).unwrap().folder,
            fs::canonicalize(&after).unwrap()
        );
    }

    #[test]
    fn a_planted_file_this_machine_did_not_seal_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let folder = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir_all(folder.join(LOCAL_DIR)).unwrap();
        let planted = serde_json::json!({
            "secretsId": "0123456789abcdef0123456789abcdef",
            "webhookToken": "0123456789abcdef0123456789abcdef01234567",
            "folder": folder,
            "seal": "00".repeat(32),
        });
        fs::write(folder.join(LOCAL_DIR).join(LOCAL_FILE), planted.to_string()).unwrap();

        let identity = LocalIdentity::load_or_create(dir.path()).unwrap();
        assert!(identity.fresh);
        assert_ne!(identity.secrets_id, "0123456789abcdef0123456789abcdef");
        assert_ne!(
            identity.webhook_token,
            "0123456789abcdef0123456789abcdef01234567"
        );
        assert_eq!(
            LocalIdentity::load_or_create(dir.path())
                .unwrap()
                .secrets_id,
            identity.secrets_id
        );
    }

    #[test]
    fn editing_any_sealed_value_breaks_the_seal() {
        let dir = tempfile::tempdir().unwrap();
        let identity = LocalIdentity::load_or_create(dir.path()).unwrap();
        let path = fs::canonicalize(dir.path())
            .unwrap()
            .join(LOCAL_DIR)
            .join(LOCAL_FILE);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            &path,
            text.replace(&identity.webhook_token, &"a".repeat(40)),
        )
        .unwrap();
        let reopened = LocalIdentity::load_or_create(dir.path()).unwrap();
        assert!(reopened.fresh);
        assert_ne!(reopened.secrets_id, identity.secrets_id);
    }
}
