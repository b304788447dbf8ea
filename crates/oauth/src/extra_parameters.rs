//! The `authorizeParams` and `tokenParams` settings: parameters a provider needs beyond RFC 6749's
//! (`audience`, `resource`, `prompt`, `access_type`, `login_hint`, …), added to the authorization
//! request and to every token request. They live in the manifest and show in the inspector, so they are
//! for non-secret values only; the parameters Blocksmith sets itself (the grant, the client's
//! credentials, PKCE, state, scope) cannot be replaced through them.

use std::fmt;

use serde_json::Value;

use crate::error::SettingError;

/// Which request a set of extra parameters is for; each has its own parameters Blocksmith builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterTarget {
    /// The authorize URL the person opens.
    Authorization,
    /// The token endpoint's form: the code exchange, refresh and client credentials.
    Token,
}

impl ParameterTarget {
    /// The setting's label, for messages.
    fn setting(self) -> &'static str {
        match self {
            Self::Authorization => "Authorize parameters",
            Self::Token => "Token parameters",
        }
    }

    /// Parameters Blocksmith sets on this request: replacing one would break the flow or its checks, and
    /// the secret ones must not be written into the manifest.
    fn reserved(self) -> &'static [&'static str] {
        match self {
            Self::Authorization => &[
                "response_type",
                "client_id",
                "redirect_uri",
                "scope",
                "state",
                "code_challenge",
                "code_challenge_method",
                "client_secret",
            ],
            Self::Token => &[
                "grant_type",
                "client_id",
                "client_secret",
                "client_assertion",
                "client_assertion_type",
                "code",
                "code_verifier",
                "redirect_uri",
                "refresh_token",
                "scope",
                "password",
            ],
        }
    }
}

/// Name/value parameters, in the order the setting gave them.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ExtraParameters(Vec<(String, String)>);

impl ExtraParameters {
    /// Reads a setting's JSON object, e.g. `{"audience": "https://api.acme.com", "max_age": 0}`.
    /// Texts, numbers and true/false are sent as their text; blank input means no parameters.
    pub fn parse(text: &str, target: ParameterTarget) -> Result<Self, SettingError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Self::default());
        }
        let invalid = |reason: String| SettingError::InvalidParameters {
            setting: target.setting(),
            reason,
        };
        let Ok(Value::Object(fields)) = serde_json::from_str::<Value>(text) else {
            return Err(invalid(
                "it must be a JSON object such as {\"audience\": \"https://api.example.com\"}"
                    .into(),
            ));
        };
        let mut parameters = Vec::with_capacity(fields.len());
        for (name, value) in fields {
            let value = match value {
                Value::String(text) => text,
                Value::Number(number) => number.to_string(),
                Value::Bool(flag) => flag.to_string(),
                Value::Null | Value::Array(_) | Value::Object(_) => {
                    return Err(invalid(format!(
                        "the value of \"{name}\" must be a text, a number or true/false"
                    )))
                }
            };
            if name.trim().is_empty() {
                return Err(invalid("a parameter has an empty name".into()));
            }
            if target.reserved().contains(&name.as_str()) {
                return Err(SettingError::ReservedParameter {
                    setting: target.setting(),
                    name,
                });
            }
            parameters.push((name, value));
        }
        Ok(Self(parameters))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }
}

impl fmt::Debug for ExtraParameters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_numbers_and_flags_are_sent_as_text_in_the_given_order() {
        let parameters = ExtraParameters::parse(
            r#"{"prompt": "consent", "max_age": 0, "include_granted_scopes": true}"#,
            ParameterTarget::Authorization,
        )
        .unwrap();
        assert_eq!(
            parameters.iter().collect::<Vec<_>>(),
            [
                ("prompt", "consent"),
                ("max_age", "0"),
                ("include_granted_scopes", "true")
            ]
        );
        assert!(ExtraParameters::parse("  ", ParameterTarget::Token)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_parameter_blocksmith_sets_itself_is_refused_by_name() {
        for (target, name) in [
            (ParameterTarget::Authorization, "state"),
            (ParameterTarget::Authorization, "redirect_uri"),
            (ParameterTarget::Token, "client_secret"),
            (ParameterTarget::Token, "code_verifier"),
        ] {
            let error =
                ExtraParameters::parse(&format!(r#"{{"{name}": "x"}}"#), target).unwrap_err();
            assert!(
                matches!(error, SettingError::ReservedParameter { name: ref refused, .. } if refused == name),
                "{name}: {error}"
            );
            assert!(error.to_string().contains(name), "{error}");
        }
    }

    #[test]
    fn anything_but_an_object_of_plain_values_is_refused_with_the_setting_named() {
        for text in [
            "audience=https://api.acme.com",
            r#"["audience"]"#,
            r#"{"audience": ["a", "b"]}"#,
            r#"{"audience": null}"#,
        ] {
            let error = ExtraParameters::parse(text, ParameterTarget::Token).unwrap_err();
            assert!(
                error
                    .to_string()
                    .starts_with("the Token parameters setting"),
                "{text}: {error}"
            );
        }
    }
}
