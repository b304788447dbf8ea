//! Reading the token endpoint's answer. The oauth2 crate decides success (only HTTP 200 with a
//! JSON token response); when it refuses an answer, the raw exchange tells which of the ways a
//! provider goes wrong it was, so the message can name it: an OAuth error (also one sent with
//! status 200), an HTML page, another status, a missing or malformed field, or no answer at all.

use std::time::SystemTime;

use oauth2::basic::{BasicErrorResponse, BasicTokenResponse};
use oauth2::{RequestTokenError, TokenResponse};
use serde_json::{Map, Value};

use crate::error::{provider_text, Error};
use crate::inspector::{RawExchange, RawOutcome, RawResponse};
use crate::token::{Token, TokenParts};
use crate::transport::TransportError;

pub(crate) type TokenRequestError = RequestTokenError<TransportError, BasicErrorResponse>;

/// Which grant a token request was for: `invalid_grant` means a different thing for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grant {
    AuthorizationCode,
    RefreshToken,
    ClientCredentials,
}

/// The token from a response the oauth2 crate accepted. The typed fields come from the crate;
/// the spelling of `token_type` and the extra fields from the raw body. `requested_scopes`
/// stand in for a response without `scope`.
pub(crate) fn read_token(
    response: &BasicTokenResponse,
    exchange: Option<&RawExchange>,
    requested_scopes: &[String],
    now: SystemTime,
) -> Token {
    let body = exchange
        .and_then(|exchange| match &exchange.outcome {
            RawOutcome::Response(response) => json_object(&response.body),
            RawOutcome::Failed(_) => None,
        })
        .unwrap_or_default();
    let token_type = body
        .get("token_type")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| response.token_type().as_ref().to_owned());
    let scopes = match response.scopes() {
        Some(granted) => granted
            .iter()
            .map(|scope| scope.to_string())
            .filter(|scope| !scope.is_empty())
            .collect(),
        None => requested_scopes.to_vec(),
    };
    Token::from_response(
        &body,
        TokenParts {
            access_token: response.access_token().secret().clone(),
            token_type,
            expires_in: response.expires_in(),
            refresh_token: response.refresh_token().map(|token| token.secret().clone()),
            scopes,
        },
        now,
    )
}

/// Why a token request failed, named from what was exchanged.
pub(crate) fn explain_failure(
    exchange: Option<&RawExchange>,
    token_url: &str,
    grant: Grant,
    error: &TokenRequestError,
) -> Error {
    let Some(exchange) = exchange else {
        return Error::TokenRequestNotSent {
            reason: describe_oauth2_error(error),
        };
    };
    match &exchange.outcome {
        RawOutcome::Failed(reason) => Error::Unreachable {
            endpoint: "token endpoint",
            url: token_url.to_owned(),
            reason: reason.clone(),
        },
        RawOutcome::Response(response) => {
            explain_response(response, grant).unwrap_or_else(|| Error::UnreadableTokenResponse {
                status: response.status,
                reason: describe_oauth2_error(error),
            })
        }
    }
}

/// What is wrong with a token endpoint's answer, or `None` when it looks like a token response.
fn explain_response(response: &RawResponse, grant: Grant) -> Option<Error> {
    let body = json_object(&response.body);
    if let Some(body) = &body {
        if let Some(code) = body.get("error").and_then(Value::as_str) {
            let description = body
                .get("error_description")
                .and_then(Value::as_str)
                .map(provider_text);
            return Some(provider_error(code, description, response.status, grant));
        }
    }
    match body {
        None => Some(Error::NotJson {
            status: response.status,
            body: describe_body(response),
        }),
        Some(_) if response.status != 200 => Some(Error::UnexpectedStatus {
            status: response.status,
        }),
        Some(body) => missing_or_malformed_field(&body),
    }
}

fn provider_error(code: &str, description: Option<String>, status: u16, grant: Grant) -> Error {
    match (code, grant) {
        ("invalid_client", _) => Error::InvalidClient { description },
        ("invalid_grant", Grant::AuthorizationCode) => Error::CodeRejected { description },
        ("invalid_grant", Grant::RefreshToken) => Error::NeedsConsent,
        _ => Error::TokenRequestRefused {
            status,
            error: provider_text(code),
            description,
        },
    }
}

/// RFC 6749 section 5.1: `access_token` and `token_type` are required strings, `expires_in` is
/// a number of seconds, `refresh_token` and `scope` are strings.
fn missing_or_malformed_field(body: &Map<String, Value>) -> Option<Error> {
    for field in ["access_token", "token_type"] {
        match body.get(field) {
            None | Some(Value::Null) => return Some(Error::MissingTokenField { field }),
            Some(Value::String(text)) if !text.is_empty() => {}
            Some(_) => return Some(malformed(field, "it must be a non-empty text")),
        }
    }
    match body.get("expires_in") {
        None | Some(Value::Null) => {}
        Some(Value::Number(seconds)) if seconds.as_u64().is_some() => {}
        Some(_) => {
            return Some(malformed(
                "expires_in",
                "it must be a whole number of seconds",
            ))
        }
    }
    for field in ["refresh_token", "scope"] {
        if let Some(value) = body.get(field) {
            if !value.is_string() && !value.is_null() {
                return Some(malformed(field, "it must be a text"));
            }
        }
    }
    None
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

/// The oauth2 crate's reason, without quoting a body (which may hold a token): a parse error is
/// named by its path only.
fn describe_oauth2_error(error: &TokenRequestError) -> String {
    match error {
        RequestTokenError::ServerResponse(response) => response.error().to_string(),
        RequestTokenError::Request(error) => error.to_string(),
        RequestTokenError::Parse(error, _) => {
            format!("the field \"{}\" is malformed", error.path())
        }
        RequestTokenError::Other(reason) => reason.clone(),
    }
}

fn json_object(body: &[u8]) -> Option<Map<String, Value>> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(object)) => Some(object),
        _ => None,
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
        explain_response(&response(status, content_type, body), grant)
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
}
