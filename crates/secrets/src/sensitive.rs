//! `Sensitive<T>`: the wrapper every secret value travels in, so that it cannot be printed,
//! logged or serialised by accident.
//!
//! Formatting prints `<redacted>`; there is deliberately no `Serialize`, so a secret cannot end up
//! in a workspace file, an IPC reply or a log line without someone calling [`Sensitive::expose`]
//! or [`Sensitive::into_inner`] on purpose. The value is wiped from memory when dropped.

use std::fmt;

use serde::{Deserialize, Deserializer};
use zeroize::Zeroize;

/// What `Debug` and `Display` print in place of a secret.
pub const REDACTED: &str = "<redacted>";

/// A secret value. See the module documentation for what it guarantees.
#[derive(Clone, Default)]
pub struct Sensitive<T: Zeroize>(T);

impl<T: Zeroize> Sensitive<T> {
    /// Wraps a secret value.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// Borrows the secret. Every call site is a place where the value leaves the wrapper: keep it
    /// out of logs, errors and replies.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Takes the secret out of the wrapper; the caller becomes responsible for it.
    pub fn into_inner(mut self) -> T
    where
        T: Default,
    {
        std::mem::take(&mut self.0)
    }
}

impl<T: Zeroize> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Self(value)
    }
}

impl<T: Zeroize> Drop for Sensitive<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T: Zeroize> fmt::Display for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// Secrets arrive from the UI and the CLI as JSON, so reading one is allowed; writing one is not.
impl<'de, T: Zeroize + Deserialize<'de>> Deserialize<'de> for Sensitive<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let secret = Sensitive::new(String::from("hunter2"));
        assert_eq!(format!("{secret:?}"), "<redacted>");
        assert_eq!(format!("{secret}"), "<redacted>");
        assert_eq!(format!("{secret:#?}"), "<redacted>");
    }

    #[test]
    fn debug_of_a_containing_struct_hides_the_value() {
        #[derive(Debug)]
        #[allow(dead_code)] // read only through Debug
        struct Login {
            user: &'static str,
            password: Sensitive<String>,
        }
        let login = Login {
            user: "ada",
            password: Sensitive::new("s3cr3t-value".into()),
        };
        let printed = format!("{login:?}");
        assert!(printed.contains("ada"));
        assert!(!printed.contains("s3cr3t-value"), "{printed}");
        assert!(printed.contains("<redacted>"));
    }

    #[test]
    fn expose_and_into_inner_give_the_value_back() {
        let secret = Sensitive::from(String::from("tok-123"));
        assert_eq!(secret.expose(), "tok-123");
        assert_eq!(secret.into_inner(), "tok-123");
    }

    #[test]
    fn deserializes_transparently_from_json() {
        let secret: Sensitive<String> = serde_json::from_str("\"p\\u00e4ss\\nword\"").unwrap();
        assert_eq!(secret.expose(), "päss\nword");

        #[derive(Deserialize)]
        struct Form {
            api_key: Sensitive<String>,
        }
        let form: Form = serde_json::from_str(r#"{"api_key":"abc"}"#).unwrap();
        assert_eq!(form.api_key.expose(), "abc");
    }

    #[test]
    fn clones_are_independent_copies() {
        let original = Sensitive::new(vec![1u8, 2, 3]);
        let copy = original.clone();
        drop(original);
        assert_eq!(copy.expose(), &[1, 2, 3]);
    }
}
