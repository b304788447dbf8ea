//! Checks a connection's input values by their format before anything is saved: URLs are http(s), scopes
//! are space-separated, headers are valid names with values, a private key parses as PEM (and we say which
//! kind was found).

use blocksmith_oauth::{ClientAuthentication, ExtraParameters, ParameterTarget};
use blocksmith_workspace::{
    InputDefinition, InputFormat, AUTHORIZE_PARAMS_SETTING, CLIENT_AUTHENTICATION_SETTING,
    TOKEN_PARAMS_SETTING,
};
use serde_json::Value;

/// Why one input's value was refused, as a sentence naming the input by its label.
pub fn check_input(input: &InputDefinition, value: &str) -> Result<(), String> {
    check_oauth_setting(input.key, value)?;
    let label = input.label;
    match input.format {
        InputFormat::Text => Ok(()),
        InputFormat::Url => {
            check_url(value).map_err(|why| format!("{label} must be an http(s) URL: {why}."))
        }
        InputFormat::SecureUrl => {
            check_url(value).map_err(|why| format!("{label} must be an http(s) URL: {why}."))?;
            check_secure_url(label, value)
        }
        InputFormat::Toggle => match value {
            "true" | "false" => Ok(()),
            other => Err(format!(
                "\"{label}\" ({}) is true or false, not \"{other}\".",
                input.key
            )),
        },
        InputFormat::Scopes => check_scopes(value).map_err(|why| format!("{label}: {why}.")),
        InputFormat::Headers => check_headers(value)
            .map(drop)
            .map_err(|why| format!("{label}: {why}.")),
        InputFormat::PrivateKey => private_key_kind(value)
            .map(drop)
            .map_err(|why| format!("{label}: {why}.")),
    }
}

/// The OAuth settings the client reads (client authentication, extra parameters), checked with the client's own
/// parsers when the connection is saved, so a bad value is refused then, not at the first token request.
fn check_oauth_setting(key: &str, value: &str) -> Result<(), String> {
    let sentence = |error: blocksmith_oauth::SettingError| {
        let text = error.to_string();
        let mut chars = text.chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
        format!("{}{}.", first.unwrap_or_default(), chars.as_str())
    };
    match key {
        CLIENT_AUTHENTICATION_SETTING => ClientAuthentication::from_setting(value)
            .map(drop)
            .map_err(sentence),
        AUTHORIZE_PARAMS_SETTING => ExtraParameters::parse(value, ParameterTarget::Authorization)
            .map(drop)
            .map_err(sentence),
        TOKEN_PARAMS_SETTING => ExtraParameters::parse(value, ParameterTarget::Token)
            .map(drop)
            .map_err(sentence),
        _ => Ok(()),
    }
}

pub fn check_url(value: &str) -> Result<(), String> {
    let url = url::Url::parse(value.trim())
        .map_err(|err| format!("\"{}\" is not a URL ({err})", value.trim()))?;
    match url.scheme() {
        "http" | "https" if url.host().is_some() => Ok(()),
        "http" | "https" => Err("it has no host".into()),
        other => Err(format!("its scheme is \"{other}\"")),
    }
}

/// A URL that receives secrets or whose answers are trusted (a Token URL, an Issuer): https, or plain http
/// only on this machine's loopback address, as the OAuth client will insist when it is used.
pub fn check_secure_url(label: &'static str, value: &str) -> Result<(), String> {
    blocksmith_oauth::check_secure_endpoint(label, value).map_err(|error| error.to_string())
}

fn check_scopes(value: &str) -> Result<(), String> {
    if value.contains([',', ';']) {
        return Err("scopes are separated by spaces, not commas or semicolons".into());
    }
    if value
        .chars()
        .any(|c| c.is_control() || c == '"' || c == '\\')
    {
        return Err("a scope cannot contain quotes, backslashes or control characters".into());
    }
    Ok(())
}

/// Headers are a JSON object of header names to string values: `{"X-Api-Version": "2"}`.
pub fn check_headers(value: &str) -> Result<Vec<(String, String)>, String> {
    if value.trim().is_empty() {
        return Ok(Vec::new());
    }
    let parsed: Value = serde_json::from_str(value).map_err(|_| {
        "headers must be a JSON object of names to values, e.g. {\"X-Api-Version\": \"2\"}"
            .to_string()
    })?;
    let Value::Object(map) = parsed else {
        return Err("headers must be a JSON object of names to values".into());
    };
    map.into_iter()
        .map(|(name, value)| {
            if !is_header_name(&name) {
                return Err(format!("\"{name}\" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)"));
            }
            match value {
                Value::String(text) if !text.contains(['\r', '\n']) => Ok((name, text)),
                Value::String(_) => Err(format!("the value of header \"{name}\" cannot contain a line break")),
                _ => Err(format!("the value of header \"{name}\" must be a string")),
            }
        })
        .collect()
}

/// An HTTP token (RFC 9110 §5.1), as the `http` crate every request goes through reads it.
fn is_header_name(name: &str) -> bool {
    http::HeaderName::from_bytes(name.as_bytes()).is_ok()
}

/// The kind of a PEM private key: "PKCS#1 RSA", "PKCS#8", "encrypted PKCS#8", "SEC1 EC" or "OpenSSH".
pub fn private_key_kind(value: &str) -> Result<&'static str, String> {
    let pem = pem::parse(value.trim()).map_err(|_| {
        "this is not a PEM key (it should start with a line like -----BEGIN PRIVATE KEY-----)"
            .to_string()
    })?;
    let contents = pem.contents();
    let kind = match pem.tag() {
        "RSA PRIVATE KEY" => "PKCS#1 RSA",
        "PRIVATE KEY" => "PKCS#8",
        "ENCRYPTED PRIVATE KEY" => "encrypted PKCS#8",
        "EC PRIVATE KEY" => "SEC1 EC",
        "OPENSSH PRIVATE KEY" => {
            return if contents.starts_with(b"openssh-key-v1\0") {
                Ok("OpenSSH")
            } else {
                Err("the OpenSSH key's contents are damaged (no openssh-key-v1 header)".into())
            };
        }
        other => return Err(format!("a PEM \"{other}\" block is not a private key")),
    };
    // PKCS#1, PKCS#8 and SEC1 keys are DER: a SEQUENCE whose length covers the rest.
    if !is_der_sequence(contents) {
        return Err(format!(
            "the {kind} key's contents are damaged (not a DER sequence)"
        ));
    }
    Ok(kind)
}

fn is_der_sequence(der: &[u8]) -> bool {
    let [0x30, first_length, rest @ ..] = der else {
        return false;
    };
    let length = if first_length & 0x80 == 0 {
        Some((*first_length as usize, rest))
    } else {
        let count = (first_length & 0x7f) as usize;
        (count <= 4 && rest.len() >= count).then(|| {
            let length = rest[..count]
                .iter()
                .fold(0usize, |acc, b| (acc << 8) | *b as usize);
            (length, &rest[count..])
        })
    };
    matches!(length, Some((length, body)) if length == body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_http_with_a_host() {
        assert!(check_url("https://example.com/oauth/token").is_ok());
        assert!(check_url("ftp://example.com").unwrap_err().contains("ftp"));
        assert!(check_url("example.com").is_err());
    }

    #[test]
    fn a_secret_receiving_url_must_be_https_unless_it_is_on_this_machine() {
        assert!(check_secure_url("Token URL", "https://id.example/token").is_ok());
        assert!(check_secure_url("Token URL", "http://127.0.0.1:4010/token").is_ok());
        let refused = check_secure_url("Token URL", "http://id.example/token").unwrap_err();
        assert!(
            refused.contains("Token URL http://id.example/token"),
            "{refused}"
        );
        assert!(refused.contains("use https://"), "{refused}");
    }

    #[test]
    fn scopes_are_space_separated() {
        assert!(check_scopes("openid email offline_access").is_ok());
        assert!(check_scopes("openid,email").is_err());
    }

    #[test]
    fn headers_need_valid_names_and_string_values() {
        assert_eq!(
            check_headers(r#"{"X-Api-Version":"2"}"#).unwrap(),
            vec![("X-Api-Version".to_string(), "2".to_string())]
        );
        assert!(check_headers(r#"{"Bad Name":"x"}"#)
            .unwrap_err()
            .contains("Bad Name"));
        assert!(check_headers(r#"{"X":1}"#).is_err());
        assert!(check_headers("X: 1").is_err());
        assert!(check_headers("").unwrap().is_empty());
    }

    #[test]
    fn der_lengths_must_cover_the_contents() {
        assert!(is_der_sequence(&[0x30, 0x02, 0x05, 0x00]));
        assert!(!is_der_sequence(&[0x30, 0x05, 0x05, 0x00]));
        assert!(!is_der_sequence(&[0x02, 0x01, 0x00]));
    }
}
