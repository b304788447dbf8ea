//! The OS keyring stores Blocksmith can use, how to open one, and how their failures become one
//! clear [`Error`].
//!
//! The Secret Service (gnome-keyring, KWallet, KeePassXC over D-Bus) is the desktop keyring and
//! the default. The Linux kernel keyring (keyutils) is offered for headless machines, but only
//! when chosen explicitly: its entries vanish with the login session, so silently switching to it
//! would lose a user's secrets.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use keyring_core::CredentialStore;
use zeroize::Zeroize;

use crate::error::{Error, Operation, Result};

/// Which OS keyring holds the secrets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Backend {
    /// The freedesktop Secret Service over the D-Bus session bus (gnome-keyring and friends).
    #[default]
    SecretService,
    /// The Linux kernel's session keyring (keyutils); lives only as long as the login session.
    KernelKeyutils,
}

impl Backend {
    /// The name used in settings and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Backend::SecretService => "secret-service",
            Backend::KernelKeyutils => "keyutils",
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Backend {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self> {
        match name {
            "secret-service" => Ok(Backend::SecretService),
            "keyutils" => Ok(Backend::KernelKeyutils),
            other => Err(Error::UnknownBackend {
                name: other.to_owned(),
            }),
        }
    }
}

/// What the process environment said about the D-Bus session bus when the store was opened;
/// failures are explained against it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct BusEnvironment {
    /// The value of `DBUS_SESSION_BUS_ADDRESS`, if set.
    pub session_bus_address: Option<String>,
}

impl BusEnvironment {
    /// Reads the environment of this process.
    pub(crate) fn from_process() -> Self {
        Self {
            session_bus_address: std::env::var("DBUS_SESSION_BUS_ADDRESS")
                .ok()
                .filter(|address| !address.is_empty()),
        }
    }

    /// Why there is no bus, given the address the connection tried when the error says so.
    fn missing_bus_reason(&self, tried: Option<String>) -> String {
        match (&self.session_bus_address, tried) {
            (Some(address), _) => format!("nothing answers at DBUS_SESSION_BUS_ADDRESS={address}"),
            (None, Some(tried)) => {
                format!("DBUS_SESSION_BUS_ADDRESS is unset and nothing answers at {tried}")
            }
            (None, None) => "DBUS_SESSION_BUS_ADDRESS is unset".to_owned(),
        }
    }
}

/// Where a failure happened, so it can be reported against the right entry.
pub(crate) struct FailureContext<'a> {
    pub backend: Backend,
    pub operation: Operation,
    pub service: &'a str,
    pub account: &'a str,
    pub bus: &'a BusEnvironment,
}

/// Opens a handle on the chosen store. Opening the Secret Service connects to the session bus
/// and opens an encrypted session with the provider; opening keyutils checks nothing yet.
///
/// A Secret Service daemon that stops while opening the session (gnome-keyring aborts on an upstream race
/// when many clients open sessions at once) is started again by D-Bus: the session is opened once more.
pub(crate) fn open_store(backend: Backend, bus: &BusEnvironment) -> Result<Arc<CredentialStore>> {
    let open = || -> keyring_core::Result<Arc<CredentialStore>> {
        match backend {
            Backend::SecretService => zbus_secret_service_keyring_store::Store::new()
                .map(|store| store as Arc<CredentialStore>),
            Backend::KernelKeyutils => linux_keyutils_keyring_store::Store::new()
                .map(|store| store as Arc<CredentialStore>),
        }
    };
    let opened = match open() {
        Err(error) if connection_went_stale(&error) => open(),
        opened => opened,
    };
    opened.map_err(|error| {
        classify(
            error,
            &FailureContext {
                backend,
                operation: Operation::Connect,
                service: "",
                account: "",
                bus,
            },
        )
    })
}

/// Turns a keyring-core error into Blocksmith's error. Raw bytes some variants carry (which may
/// be a secret) are wiped, never copied into the result.
pub(crate) fn classify(error: keyring_core::Error, context: &FailureContext<'_>) -> Error {
    use keyring_core::Error as Core;
    match error {
        Core::PlatformFailure(platform) | Core::NoStorageAccess(platform)
            if context.backend == Backend::SecretService =>
        {
            classify_secret_service(platform.as_ref(), context)
        }
        Core::NoStorageAccess(platform) => Error::NoSessionKeyring {
            detail: platform.to_string(),
        },
        Core::BadEncoding(mut bytes) => {
            bytes.zeroize();
            Error::NotText {
                account: context.account.to_owned(),
            }
        }
        Core::BadDataFormat(mut bytes, _) => {
            bytes.zeroize();
            keyring_failure(context, "the stored data is malformed".to_owned())
        }
        Core::Ambiguous(entries) => Error::Ambiguous {
            service: context.service.to_owned(),
            account: context.account.to_owned(),
            count: entries.len(),
        },
        other => keyring_failure(context, other.to_string()),
    }
}

fn classify_secret_service(
    platform: &(dyn std::error::Error + 'static),
    context: &FailureContext<'_>,
) -> Error {
    let detail = platform.to_string();
    let Some(service_error) = platform.downcast_ref::<secret_service::Error>() else {
        return keyring_failure(context, detail);
    };
    match service_error {
        secret_service::Error::Unavailable => Error::NoDbusSession {
            reason: context.bus.missing_bus_reason(None),
        },
        // The store asks for the collection aliased "default"; no result means there is none.
        secret_service::Error::NoResult => Error::NoDefaultCollection {
            operation: context.operation,
        },
        secret_service::Error::Locked
        | secret_service::Error::Prompt
        | secret_service::Error::PromptDisconnected => Error::KeyringLocked {
            operation: context.operation,
            detail,
        },
        secret_service::Error::Zbus(zbus_error) => match bus_failure(zbus_error) {
            Some(BusFailure::NoBus { tried }) => Error::NoDbusSession {
                reason: context.bus.missing_bus_reason(tried),
            },
            Some(BusFailure::NoSecretService) => Error::NoSecretService { detail },
            Some(BusFailure::Locked) => Error::KeyringLocked {
                operation: context.operation,
                detail,
            },
            None => keyring_failure(context, detail),
        },
        secret_service::Error::ZbusFdo(fdo_error) if names_missing_service(fdo_error) => {
            Error::NoSecretService { detail }
        }
        _ => keyring_failure(context, detail),
    }
}

/// Whether a failure means the Secret Service this connection opened its session with is gone:
/// its daemon stopped while answering (`NoReply`), or a new one does not know the old session.
/// Connecting again reaches the daemon that runs now.
pub(crate) fn connection_went_stale(error: &keyring_core::Error) -> bool {
    use keyring_core::Error as Core;
    let (Core::PlatformFailure(platform) | Core::NoStorageAccess(platform)) = error else {
        return false;
    };
    match platform.downcast_ref::<secret_service::Error>() {
        Some(secret_service::Error::Zbus(zbus::Error::MethodError(name, _, _))) => matches!(
            name.as_str(),
            "org.freedesktop.Secret.Error.NoSession" | "org.freedesktop.DBus.Error.NoReply"
        ),
        Some(secret_service::Error::Zbus(zbus::Error::FDO(fdo_error))) => {
            matches!(**fdo_error, zbus::fdo::Error::NoReply(_))
        }
        Some(secret_service::Error::ZbusFdo(zbus::fdo::Error::NoReply(_))) => true,
        _ => false,
    }
}

enum BusFailure {
    NoBus { tried: Option<String> },
    NoSecretService,
    Locked,
}

fn bus_failure(error: &zbus::Error) -> Option<BusFailure> {
    match error {
        zbus::Error::Address(_) => Some(BusFailure::NoBus { tried: None }),
        zbus::Error::Connection(_, address) => Some(BusFailure::NoBus {
            tried: Some(address.to_string()),
        }),
        zbus::Error::InputOutput(io) => matches!(
            io.kind(),
            std::io::ErrorKind::NotFound
                | std::io::ErrorKind::ConnectionRefused
                | std::io::ErrorKind::PermissionDenied
        )
        .then_some(BusFailure::NoBus { tried: None }),
        zbus::Error::FDO(fdo_error) if names_missing_service(fdo_error) => {
            Some(BusFailure::NoSecretService)
        }
        zbus::Error::MethodError(name, _, _) => match name.as_str() {
            "org.freedesktop.DBus.Error.ServiceUnknown"
            | "org.freedesktop.DBus.Error.NameHasNoOwner" => Some(BusFailure::NoSecretService),
            "org.freedesktop.Secret.Error.IsLocked" => Some(BusFailure::Locked),
            _ => None,
        },
        _ => None,
    }
}

fn names_missing_service(error: &zbus::fdo::Error) -> bool {
    matches!(
        error,
        zbus::fdo::Error::ServiceUnknown(_) | zbus::fdo::Error::NameHasNoOwner(_)
    )
}

fn keyring_failure(context: &FailureContext<'_>, detail: String) -> Error {
    Error::Keyring {
        operation: context.operation,
        account: context.account.to_owned(),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(backend: Backend, bus: &BusEnvironment) -> FailureContext<'_> {
        FailureContext {
            backend,
            operation: Operation::Store,
            service: "blocksmith",
            account: "ws/conn/apiKey",
            bus,
        }
    }

    fn platform(error: secret_service::Error) -> keyring_core::Error {
        keyring_core::Error::PlatformFailure(Box::new(error))
    }

    #[test]
    fn a_vanished_session_or_daemon_is_a_stale_connection_and_a_locked_keyring_is_not() {
        assert!(connection_went_stale(&platform(
            secret_service::Error::ZbusFdo(zbus::fdo::Error::NoReply(
                "recipient disconnected".into()
            ))
        )));
        assert!(!connection_went_stale(&platform(
            secret_service::Error::Locked
        )));
        assert!(!connection_went_stale(&keyring_core::Error::NoEntry));
    }

    #[test]
    fn backend_names_round_trip() {
        for backend in [Backend::SecretService, Backend::KernelKeyutils] {
            assert_eq!(backend.name().parse::<Backend>().unwrap(), backend);
        }
        let error = "kwallet".parse::<Backend>().unwrap_err();
        assert!(error.to_string().contains("\"kwallet\""), "{error}");
    }

    #[test]
    fn unavailable_service_without_bus_address_says_it_is_unset() {
        let bus = BusEnvironment::default();
        let error = classify(
            platform(secret_service::Error::Unavailable),
            &context(Backend::SecretService, &bus),
        );
        assert!(matches!(error, Error::NoDbusSession { .. }));
        let message = error.to_string();
        assert!(
            message.contains("DBUS_SESSION_BUS_ADDRESS is unset"),
            "{message}"
        );
        assert!(message.contains("dbus-run-session"), "{message}");
    }

    #[test]
    fn unavailable_service_with_bus_address_names_the_address() {
        let bus = BusEnvironment {
            session_bus_address: Some("unix:path=/nonexistent".into()),
        };
        let error = classify(
            platform(secret_service::Error::Unavailable),
            &context(Backend::SecretService, &bus),
        );
        assert!(error.to_string().contains("unix:path=/nonexistent"));
    }

    #[test]
    fn locked_and_dismissed_prompts_are_a_locked_keyring() {
        let bus = BusEnvironment::default();
        for cause in [secret_service::Error::Locked, secret_service::Error::Prompt] {
            let error = classify(platform(cause), &context(Backend::SecretService, &bus));
            assert!(matches!(
                error,
                Error::KeyringLocked {
                    operation: Operation::Store,
                    ..
                }
            ));
            assert!(error.to_string().contains("Unlock your login keyring"));
        }
    }

    #[test]
    fn no_result_from_the_service_is_a_missing_default_collection() {
        let bus = BusEnvironment::default();
        let error = classify(
            platform(secret_service::Error::NoResult),
            &context(Backend::SecretService, &bus),
        );
        assert!(matches!(
            error,
            Error::NoDefaultCollection {
                operation: Operation::Store
            }
        ));
        assert!(error.to_string().contains("no default collection"));
    }

    #[test]
    fn a_refused_bus_connection_names_the_address_tried() {
        let bus = BusEnvironment::default();
        let address: zbus::Address = "unix:path=/run/user/4242/bus".parse().unwrap();
        let refused = std::io::Error::from(std::io::ErrorKind::NotFound);
        let error = classify(
            platform(secret_service::Error::Zbus(zbus::Error::Connection(
                std::sync::Arc::new(refused),
                address,
            ))),
            &context(Backend::SecretService, &bus),
        );
        assert!(matches!(error, Error::NoDbusSession { .. }));
        assert!(
            error.to_string().contains(
                "DBUS_SESSION_BUS_ADDRESS is unset and nothing answers at unix:path=/run/user/4242/bus"
            ),
            "{error}"
        );
    }

    #[test]
    fn unknown_secrets_service_on_the_bus_is_no_secret_service() {
        let bus = BusEnvironment::default();
        let fdo = zbus::fdo::Error::ServiceUnknown(
            "The name org.freedesktop.secrets was not provided".into(),
        );
        let error = classify(
            platform(secret_service::Error::ZbusFdo(fdo)),
            &context(Backend::SecretService, &bus),
        );
        assert!(matches!(error, Error::NoSecretService { .. }));
        assert!(error.to_string().contains("gnome-keyring"));
    }

    #[test]
    fn keyutils_access_failure_is_no_session_keyring() {
        let bus = BusEnvironment::default();
        let denied: keyring_core::error::PlatformError = "Access denied".into();
        let error = classify(
            keyring_core::Error::NoStorageAccess(denied),
            &context(Backend::KernelKeyutils, &bus),
        );
        assert!(matches!(error, Error::NoSessionKeyring { .. }));
        assert!(error.to_string().contains("keyctl session"));
    }

    #[test]
    fn undecodable_secret_bytes_never_reach_the_error() {
        let bus = BusEnvironment::default();
        let mut bytes = b"top-secret".to_vec();
        bytes.push(0xff);
        let error = classify(
            keyring_core::Error::BadEncoding(bytes),
            &context(Backend::SecretService, &bus),
        );
        let printed = format!("{error} {error:?}");
        assert!(!printed.contains("top-secret"), "{printed}");
        assert!(printed.contains("ws/conn/apiKey"));
    }

    #[test]
    fn other_failures_name_the_operation_and_entry() {
        let bus = BusEnvironment::default();
        let error = classify(
            keyring_core::Error::TooLong("password".into(), 32767),
            &context(Backend::KernelKeyutils, &bus),
        );
        let message = error.to_string();
        assert!(message.contains("store a secret in"), "{message}");
        assert!(message.contains("ws/conn/apiKey"), "{message}");
        assert!(message.contains("32767"), "{message}");
    }
}
