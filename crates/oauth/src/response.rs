//! Reading the token endpoint's answer. The oauth2 crate builds and sends token requests, but
//! Blocksmith reads the answers itself, from the raw exchange, because real providers deviate from
//! RFC 6749 in ways the crate refuses: `expires_in` as a string (Azure AD v1, B2C), scopes separated
//! by commas (GitHub, Slack, Strava), a form-encoded body whatever the `Accept` header asked for. Each
//! deviation is read for what it plainly means. An answer that is no token response is named for
//! the way it goes wrong: an OAuth error (also one sent with status 200), an HTML page, another
//! status, a missing or malformed field.

use serde_json::{Map, Value};

use crate::config::ClientAuthentication;
use crate::error::{provider_text, Error, Result};
use crate::inspector::RawResponse;
use crate::token::TokenParts;

/// Which grant a token request was for: `invalid_grant` means a different thing for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grant {
    AuthorizationCode,
    RefreshToken,
    ClientCredentials,
}

/// What a token request was, as far as reading its answer needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokenRequestKind {
    pub grant: Grant,
    /// How the client secret was sent; `None` for a public client.
    pub client_authentication: Option<ClientAuthentication>,
}

/// A token response as Blocksmith read it: the body's fields (each as sent, a form-encoded body's as
/// texts) and the typed fields taken from them.
pub(crate) struct TokenAnswer {
    pub fields: Map<String, Value>,
    pub parts: TokenParts,
}

/// The token in the endpoint's answer, or why there is none.
pub(crate) fn read_answer(
    response: &RawResponse,
    request: TokenRequestKind,
) -> Result<TokenAnswer> {
    let Some(fields) = answer_fields(response) else {
        return Err(Error::NotJson {
            status: response.status,
            body: describe_body(response),
        });
    };
    if let Some(code) = fields.get("error").and_then(Value::as_str) {
        let description = fields
            .get("error_description")
            .and_then(Value::as_str)
            .map(provider_text);
        return Err(provider_error(code, description, response.status, request));
    }
    if response.status != 200 {
        return Err(Error::UnexpectedStatus {
            status: response.status,
        });
    }
    let parts = TokenParts {
        access_token: required_text(&fields, "access_token")?,
        token_type: required_text(&fields, "token_type")?,
        expires_in: expires_in(&fields)?,
        refresh_token: optional_text(&fields, "refresh_token")?,
        scope: optional_text(&fields, "scope")?,
    };
    Ok(TokenAnswer { fields, parts })
}

/// The scopes of a `scope` value: separated by spaces as RFC 6749 has it, or by commas as some
/// providers send them (`"repo,user"`, `"read, write"`).
pub(crate) fn split_scopes(scope: &str) -> Vec<String> {
    scope
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|scope| !scope.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The answer's fields: a JSON object's, or a form-encoded body's (by its content type, or a
/// `text/plain` body that reads as a token or error form). `None` when it is neither.
fn answer_fields(response: &RawResponse) -> Option<Map<String, Value>> {
    if let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(&response.body) {
        return Some(fields);
    }
    let content_type = response.content_type().to_ascii_lowercase();
    let form: Map<String, Value> = url::form_urlencoded::parse(&response.body)
        .map(|(name, value)| (name.into_owned(), Value::String(value.into_owned())))
        .collect();
    let declared_form = content_type.starts_with("application/x-www-form-urlencoded");
    let plain_text_form = content_type.starts_with("text/plain")
        && (form.contains_key("access_token") || form.contains_key("error"));
    (declared_form || plain_text_form).then_some(form)
}

fn provider_error(
    code: &str,
    description: Option<String>,
    status: u16,
    request: TokenRequestKind,
) -> Error {
    match (code, request.grant) {
        ("invalid_client", _) => Error::InvalidClient {
            description,
            tried: request.client_authentication,
        },
        ("invalid_grant", Grant::AuthorizationCode) => Error::CodeRejected { description },
        ("invalid_grant", Grant::RefreshToken) => Error::NeedsConsent,
        _ => Error::TokenRequestRefused {
            status,
            error: provider_text(code),
            description,
        },
    }
}

/// RFC 6749 section 5.1: `access_token` and `token_type` are required, non-empty texts.
fn required_text(fields: &Map<String, Value>, field: &'static str) -> Result<String> {
    match fields.get(field) {
        None | Some(Value::Null) => Err(Error::MissingTokenField { field }),
        Some(Value::String(text)) if !text.is_empty() => Ok(text.clone()),
        Some(_) => Err(malformed(field, "it must be a non-empty text")),
    }
}

/// `refresh_token` and `scope` are texts when present.
fn optional_text(fields: &Map<String, Value>, field: &'static str) -> Result<Option<String>> {
    match fields.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(malformed(field, "it must be a text")),
    }
}

/// A whole number of seconds, as a JSON number or as a text of digits (`"3600"`).
fn expires_in(fields: &Map<String, Value>) -> Result<Option<u64>> {
    let seconds = match fields.get("expires_in") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(number)) => number.as_u64(),
        Some(Value::String(text)) => text.trim().parse::<u64>().ok(),
        Some(_) => None,
    };
    seconds.map(Some).ok_or_else(|| {
        malformed(
            "expires_in",
            "it must be a whole number of seconds (a number, or a text of digits)",
        )
    })
}

fn malformed(field: &str, reason: &str) -> Error {
    Error::InvalidTokenField {
        field: field.to_owned(),
        reason: reason.to_owned(),
    }
}

/// "an HTML page", "an empty body", … for a body that is not a JSON object.
fn describe_body(response: &RawResponse) -> String {
    let content_type = response.content_type().to_ascii_lowercase();
    let text = String::from_utf8_lossy(&response.body);
    let text = text.trim_start();
    if text.is_empty() {
        "an empty body".to_owned()
    } else if content_type.contains("html") || text.starts_with('<') {
        "an HTML page".to_owned()
    } else if serde_json::from_str::<Value>(text).is_ok() {
        "JSON that is not an object".to_owned()
    } else if content_type.is_empty() {
        "a body that is not JSON".to_owned()
    } else {
        format!("a {} body", provider_text(&content_type))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oauth2::http::{HeaderMap, HeaderValue};

    fn response(status: u16, content_type: &str, body: &str) -> RawResponse {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_str(content_type).unwrap());
        RawResponse {
            status,
            headers,
            body: body.as_bytes().to_vec(),
        }
    }

    fn explain(status: u16, content_type: &str, body: &str, grant: Grant) -> Option<Error> {
        read(status, content_type, body, grant).err()
    }

    fn read(status: u16, content_type: &str, body: &str, grant: Grant) -> Result<TokenAnswer> {
        read_answer(
            &response(status, content_type, body),
            TokenRequestKind {
                grant,
                client_authentication: Some(ClientAuthentication::BasicAuth),
            },
        )
    }

    #[test]
    fn invalid_grant_means_a_rejected_code_or_a_needed_consent() {
        let body = r#"{"error":"invalid_grant","error_description":"grant request is invalid"}"#;
        assert!(matches!(
            explain(400, "application/json", body, Grant::AuthorizationCode),
            Some(Error::CodeRejected { .. })
        ));
        assert!(matches!(
            explain(400, "application/json", body, Grant::RefreshToken),
            Some(Error::NeedsConsent)
        ));
        assert!(matches!(
            explain(400, "application/json", body, Grant::ClientCredentials),
            Some(Error::TokenRequestRefused { .. })
        ));
    }

    #[test]
    fn an_error_sent_with_status_200_is_still_an_error() {
        let error = explain(
            200,
            "application/json",
            r#"{"error":"invalid_scope","error_description":"scope x is unknown"}"#,
            Grant::ClientCredentials,
        )
        .unwrap();
        assert_eq!(
            error.to_string(),
            "The token endpoint refused the request with HTTP 200 and error \"invalid_scope\": \
             scope x is unknown."
        );
    }

    #[test]
    fn an_html_page_is_named_as_such() {
        let error = explain(
            502,
            "text/html",
            "<html><body>Bad gateway</body></html>",
            Grant::ClientCredentials,
        )
        .unwrap();
        assert!(
            matches!(error, Error::NotJson { status: 502, ref body } if body == "an HTML page"),
            "{error}"
        );
    }

    #[test]
    fn a_json_answer_with_another_status_is_unexpected() {
        assert!(matches!(
            explain(
                201,
                "application/json",
                r#"{"access_token":"a","token_type":"Bearer"}"#,
                Grant::ClientCredentials
            ),
            Some(Error::UnexpectedStatus { status: 201 })
        ));
    }

    #[test]
    fn required_fields_are_checked_and_named() {
        assert!(matches!(
            explain(
                200,
                "application/json",
                r#"{"access_token":"a"}"#,
                Grant::ClientCredentials
            ),
            Some(Error::MissingTokenField {
                field: "token_type"
            })
        ));
        assert!(matches!(
            explain(
                200,
                "application/json",
                r#"{"token_type":"Bearer"}"#,
                Grant::ClientCredentials
            ),
            Some(Error::MissingTokenField {
                field: "access_token"
            })
        ));
        let error = explain(
            200,
            "application/json",
            r#"{"access_token":"a","token_type":"Bearer","expires_in":"soon"}"#,
            Grant::ClientCredentials,
        )
        .unwrap();
        assert!(
            matches!(error, Error::InvalidTokenField { ref field, .. } if field == "expires_in"),
            "{error}"
        );
    }

    #[test]
    fn a_valid_token_response_has_nothing_to_explain() {
        assert!(explain(
            200,
            "application/json",
            r#"{"access_token":"a","token_type":"Bearer","expires_in":60,"scope":"read"}"#,
            Grant::ClientCredentials
        )
        .is_none());
    }

    #[test]
    fn expires_in_as_a_text_of_digits_is_read_as_seconds() {
        let answer = read(
            200,
            "application/json; charset=utf-8",
            r#"{"access_token":"a","token_type":"Bearer","expires_in":"3600"}"#,
            Grant::AuthorizationCode,
        )
        .unwrap();
        assert_eq!(answer.parts.expires_in, Some(3600));
        // The field is kept as the provider sent it.
        assert_eq!(answer.fields["expires_in"], "3600");
        for wrong in [r#""-5""#, r#""1h""#, "1.5", "true"] {
            let body =
                format!(r#"{{"access_token":"a","token_type":"Bearer","expires_in":{wrong}}}"#);
            let error = explain(200, "application/json", &body, Grant::ClientCredentials);
            assert!(
                matches!(error, Some(Error::InvalidTokenField { ref field, .. }) if field == "expires_in"),
                "{wrong}: {error:?}"
            );
        }
    }

    #[test]
    fn scopes_are_split_on_spaces_and_commas() {
        assert_eq!(split_scopes("repo,user"), ["repo", "user"]);
        assert_eq!(
            split_scopes("read, write  admin"),
            ["read", "write", "admin"]
        );
        assert_eq!(split_scopes(" , "), Vec::<String>::new());
    }

    #[test]
    fn a_form_encoded_answer_is_read_whatever_was_asked_for() {
        let answer = read(
            200,
            "application/x-www-form-urlencoded; charset=utf-8",
            "access_token=gho_16C7e42F292c&scope=repo%2Cgist&token_type=bearer&expires_in=28800",
            Grant::AuthorizationCode,
        )
        .unwrap();
        assert_eq!(answer.parts.access_token, "gho_16C7e42F292c");
        assert_eq!(answer.parts.token_type, "bearer");
        assert_eq!(answer.parts.expires_in, Some(28800));
        assert_eq!(answer.parts.scope.as_deref(), Some("repo,gist"));
        // A form-encoded error (as GitHub sends with status 200) is an error.
        let error = explain(
            200,
            "application/x-www-form-urlencoded",
            "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.",
            Grant::AuthorizationCode,
        )
        .unwrap();
        assert_eq!(
            error.to_string(),
            "The token endpoint refused the request with HTTP 200 and error \"bad_verification_code\": \
             The code passed is incorrect or expired."
        );
        // Plain text is read as a form only when it is a token or an error.
        assert!(read(
            200,
            "text/plain",
            "access_token=a&token_type=bearer",
            Grant::ClientCredentials
        )
        .is_ok());
        assert!(matches!(
            explain(
                200,
                "text/plain",
                "Service unavailable",
                Grant::ClientCredentials
            ),
            Some(Error::NotJson { .. })
        ));
    }

    #[test]
    fn invalid_client_carries_the_method_that_was_tried() {
        let error = explain(
            401,
            "application/json",
            r#"{"error":"invalid_client"}"#,
            Grant::RefreshToken,
        )
        .unwrap();
        assert!(
            matches!(
                error,
                Error::InvalidClient {
                    tried: Some(ClientAuthentication::BasicAuth),
                    ..
                }
            ),
            "{error}"
        );
    }
}
