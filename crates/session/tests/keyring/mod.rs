//! A real OS keyring collection for one test (run inside `scripts/with-keyring.sh`), named for the test and the
//! process so parallel tests never see each other's secrets.

use blocksmith_secrets::{Backend, SecretStore};

pub fn test_store(test: &str) -> SecretStore {
    let store = SecretStore::connect(
        &format!("blocksmith-test-{test}-{}", std::process::id()),
        Backend::SecretService,
    )
    .expect("a keyring session (run under scripts/with-keyring.sh)");
    store.probe().expect("the keyring works");
    store
}
