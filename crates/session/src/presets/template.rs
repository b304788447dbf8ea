//! The `{name}` placeholders of a provider preset and the values the person gives for them: which names a
//! template uses, each parameter's value checked by its format (so a value can never bend a URL elsewhere), and
//! the template with the values put in.

use serde::{Deserialize, Serialize};

/// What a parameter's value may be, which decides where the preset may use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ParameterFormat {
    /// A domain name, optionally with `:port`, e.g. `dev-123456.okta.com`.
    Host,
    /// One URL path segment: letters, digits, `.`, `_` and `-`, e.g. a tenant ID.
    Segment,
    /// One of the parameter's `choices`.
    Choice,
    /// Any one-line text; used only as an extra request parameter, never in a URL.
    Text,
}

impl ParameterFormat {
    /// Whether a value of this format may stand in a URL, the issuer or the scopes.
    pub fn fits_in_url(self) -> bool {
        self != Self::Text
    }

    /// A value of this format that passes its check, for testing a preset's templates before anyone fills it in.
    /// The host is this machine's, so a URL's own scheme decides there (plain http is allowed only on loopback
    /// hosts); the host a person gives is checked again when the preset is filled in.
    pub fn sample(self) -> &'static str {
        match self {
            Self::Host => "localhost",
            Self::Segment => "example",
            Self::Choice => "",
            Self::Text => "example",
        }
    }

    /// The value as it goes into the templates, or why it cannot. A host may be typed as a URL
    /// (`https://acme.okta.com/`): its scheme and trailing slash are dropped.
    pub fn normalise(self, typed: &str) -> Result<String, String> {
        let value = typed.trim();
        if value.chars().any(char::is_control) {
            return Err("it must be one line of text".into());
        }
        match self {
            Self::Host => {
                let host = value
                    .strip_prefix("https://")
                    .or_else(|| value.strip_prefix("http://"))
                    .unwrap_or(value)
                    .trim_end_matches('/');
                check_host(host).map(|()| host.to_ascii_lowercase())
            }
            Self::Segment => {
                let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
                if value.is_empty() || value == "." || value == ".." || !value.chars().all(allowed)
                {
                    Err("it may hold only letters, digits, '.', '_' and '-'".into())
                } else {
                    Ok(value.to_owned())
                }
            }
            Self::Choice | Self::Text => Ok(value.to_owned()),
        }
    }
}

/// A domain name of letters, digits and inner hyphens per label, optionally followed by `:port`.
fn check_host(host: &str) -> Result<(), String> {
    let wrong = || format!("\"{host}\" is not a domain name such as login.example.com");
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    };
    if let Some(port) = port {
        if port.parse::<u16>().map_or(true, |port| port == 0) {
            return Err(format!("\"{port}\" is not a port number"));
        }
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if name.is_empty() || name.len() > 253 || !name.split('.').all(label_ok) {
        return Err(wrong());
    }
    Ok(())
}

/// The parameter names a template uses, in order, or why the template is malformed.
pub fn placeholders(template: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("\"{template}\" opens a {{ that no }} closes"))?;
        let name = &after[..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!(
                "\"{{{name}}}\" in \"{template}\" is not a parameter name"
            ));
        }
        names.push(name);
        rest = &after[close + 1..];
    }
    Ok(names)
}

/// The template with each `{name}` replaced by `value_of(name)`. The template was checked when the presets were
/// read, so every placeholder is well formed.
pub fn fill<'v>(template: &str, value_of: impl Fn(&str) -> &'v str) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        filled.push_str(value_of(&after[..close]));
        rest = &after[close + 1..];
    }
    filled.push_str(rest);
    filled
}

/// The one parameter a template consists of, as in `"{audience}"`: such a request parameter is left out while
/// the value is empty.
pub fn only_placeholder(template: &str) -> Option<&str> {
    let name = template.strip_prefix('{')?.strip_suffix('}')?;
    (!name.contains(['{', '}'])).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_is_a_domain_name_with_an_optional_port_and_may_be_typed_as_a_url() {
        let host = |typed| ParameterFormat::Host.normalise(typed);
        assert_eq!(host("dev-123.okta.com").unwrap(), "dev-123.okta.com");
        assert_eq!(
            host(" https://Acme.us.auth0.com/ ").unwrap(),
            "acme.us.auth0.com"
        );
        assert_eq!(host("127.0.0.1:8443").unwrap(), "127.0.0.1:8443");
        for bent in [
            "evil.com/steal?x=",
            "evil.com#",
            "user@evil.com",
            "acme.okta.com/oauth2",
            "-acme.com",
            "acme..com",
            "",
            "acme.com:0",
            "acme.com:99999",
            "acme.com\nx",
        ] {
            assert!(host(bent).is_err(), "{bent:?} is refused");
        }
    }

    #[test]
    fn a_segment_cannot_leave_its_place_in_the_path() {
        let segment = |typed| ParameterFormat::Segment.normalise(typed);
        assert_eq!(
            segment("contoso.onmicrosoft.com").unwrap(),
            "contoso.onmicrosoft.com"
        );
        assert_eq!(
            segment("8eaef023-2b34-4da1-9baa-8bc8c9d6a490").unwrap(),
            "8eaef023-2b34-4da1-9baa-8bc8c9d6a490"
        );
        for bent in ["..", "a/b", "common?x=1", "a b", "%2e%2e", ""] {
            assert!(segment(bent).is_err(), "{bent:?} is refused");
        }
    }

    #[test]
    fn placeholders_are_named_and_filled_in_order() {
        let template = "https://{domain}/oauth2/{server}/v1/authorize";
        assert_eq!(placeholders(template).unwrap(), ["domain", "server"]);
        let filled = fill(template, |name| {
            if name == "domain" {
                "acme.okta.com"
            } else {
                "default"
            }
        });
        assert_eq!(filled, "https://acme.okta.com/oauth2/default/v1/authorize");
        assert_eq!(placeholders("no parameters").unwrap(), Vec::<&str>::new());
        assert!(placeholders("https://{domain/x").is_err());
        assert!(placeholders("https://{}/x").is_err());
        assert!(placeholders("https://{a b}/x").is_err());
        assert_eq!(only_placeholder("{audience}"), Some("audience"));
        assert_eq!(only_placeholder("api://{audience}"), None);
    }
}
