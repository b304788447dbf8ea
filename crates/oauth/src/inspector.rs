//! The inspector's record of the last token (or revocation) request and its response: method,
//! URL, headers, form fields, status and body, with every secret masked so the record can be
//! shown, logged or sent to the UI as it is.

use oauth2::http::header::{AUTHORIZATION, SET_COOKIE};
use oauth2::http::{HeaderMap, Method};
use serde::Serialize;
use serde_json::Value;

use crate::config::ExtraHeaders;

/// What a masked value reads as.
pub const MASK: &str = "<masked>";

/// Form fields that carry a credential, a grant or a token.
const SECRET_FORM_FIELDS: [&str; 8] = [
    "client_secret",
    "code",
    "code_verifier",
    "refresh_token",
    "access_token",
    "token",
    "client_assertion",
    "password",
];

/// Response body fields that carry a token.
const SECRET_BODY_FIELDS: [&str; 4] = ["access_token", "refresh_token", "id_token", "issued_token"];

/// A non-JSON body longer than this is cut: an error page is read for its first lines.
const BODY_LIMIT: usize = 16 * 1024;

/// One request to the provider and what came back, secrets masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenExchange {
    pub request: RecordedRequest,
    /// `None` when no response arrived; `failure` then says why.
    pub response: Option<RecordedResponse>,
    pub failure: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<NameValue>,
    pub form: Vec<NameValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedResponse {
    pub status: u16,
    pub headers: Vec<NameValue>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameValue {
    pub name: String,
    pub value: String,
}

/// The unmasked exchange, kept only inside the crate to explain a failure and build a token.
pub(crate) struct RawExchange {
    pub request: RawRequest,
    pub outcome: RawOutcome,
}

pub(crate) struct RawRequest {
    pub method: Method,
    pub url: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

pub(crate) enum RawOutcome {
    Response(RawResponse),
    /// No response: the reason, free of secrets.
    Failed(String),
}

pub(crate) struct RawResponse {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn content_type(&self) -> &str {
        self.headers
            .get(oauth2::http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
    }
}

impl TokenExchange {
    /// Masks the client authentication, the user's extra header values (the Headers input is a
    /// secret), secret form fields and token fields of the response body.
    pub(crate) fn masked(raw: &RawExchange, extra_headers: &ExtraHeaders) -> Self {
        let request = &raw.request;
        let request_headers = request
            .headers
            .iter()
            .map(|(name, value)| {
                let value = if name == AUTHORIZATION {
                    masked_authorization(value.to_str().unwrap_or(""))
                } else if extra_headers.contains(name) {
                    MASK.to_owned()
                } else {
                    String::from_utf8_lossy(value.as_bytes()).into_owned()
                };
                NameValue {
                    name: name.to_string(),
                    value,
                }
            })
            .collect();
        let form = url::form_urlencoded::parse(&request.body)
            .map(|(name, value)| NameValue {
                value: if SECRET_FORM_FIELDS.contains(&name.as_ref()) {
                    MASK.to_owned()
                } else {
                    value.into_owned()
                },
                name: name.into_owned(),
            })
            .collect();
        let (response, failure) = match &raw.outcome {
            RawOutcome::Response(response) => (Some(masked_response(response)), None),
            RawOutcome::Failed(reason) => (None, Some(reason.clone())),
        };
        Self {
            request: RecordedRequest {
                method: request.method.to_string(),
                url: request.url.clone(),
                headers: request_headers,
                form,
            },
            response,
            failure,
        }
    }
}

/// Keeps the scheme (`Basic`, `Bearer`), which tells how the client authenticated.
fn masked_authorization(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} {MASK}"),
        None => MASK.to_owned(),
    }
}

fn masked_response(response: &RawResponse) -> RecordedResponse {
    let headers = response
        .headers
        .iter()
        .map(|(name, value)| NameValue {
            name: name.to_string(),
            value: if name == SET_COOKIE {
                MASK.to_owned()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            },
        })
        .collect();
    RecordedResponse {
        status: response.status,
        headers,
        body: masked_body(&response.body),
    }
}

fn masked_body(body: &[u8]) -> String {
    if let Ok(Value::Object(mut fields)) = serde_json::from_slice::<Value>(body) {
        for name in SECRET_BODY_FIELDS {
            if let Some(value) = fields.get_mut(name) {
                *value = Value::String(MASK.to_owned());
            }
        }
        return Value::Object(fields).to_string();
    }
    let text = String::from_utf8_lossy(body);
    if text.len() <= BODY_LIMIT {
        return text.into_owned();
    }
    let mut cut = BODY_LIMIT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}… ({} more bytes)", &text[..cut], text.len() - cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oauth2::http::HeaderValue;

    fn exchange(request_body: &str, response_body: &str) -> RawExchange {
        let mut request_headers = HeaderMap::new();
        request_headers.insert(
            AUTHORIZATION,
            HeaderValue::from_static("Basic YXBwOnNlY3JldA=="),
        );
        request_headers.insert("x-tenant", HeaderValue::from_static("tenant-secret"));
        request_headers.insert("accept", HeaderValue::from_static("application/json"));
        let mut response_headers = HeaderMap::new();
        response_headers.insert("content-type", HeaderValue::from_static("application/json"));
        RawExchange {
            request: RawRequest {
                method: Method::POST,
                url: "https://provider.example/token".into(),
                headers: request_headers,
                body: request_body.as_bytes().to_vec(),
            },
            outcome: RawOutcome::Response(RawResponse {
                status: 200,
                headers: response_headers,
                body: response_body.as_bytes().to_vec(),
            }),
        }
    }

    #[test]
    fn secrets_are_masked_and_the_rest_is_kept() {
        let extra = ExtraHeaders::from_pairs([("X-Tenant", "tenant-secret")]).unwrap();
        let raw = exchange(
            "grant_type=authorization_code&code=the-code&code_verifier=the-verifier&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback",
            r#"{"access_token":"at","token_type":"Bearer","refresh_token":"rt","id_token":"it","expires_in":60}"#,
        );
        let recorded = TokenExchange::masked(&raw, &extra);
        let printed = serde_json::to_string(&recorded).unwrap();
        for secret in [
            "YXBwOnNlY3JldA",
            "tenant-secret",
            "the-code",
            "the-verifier",
            "\"at\"",
            "\"rt\"",
            "\"it\"",
        ] {
            assert!(!printed.contains(secret), "{secret} in {printed}");
        }
        let header = |name: &str| {
            recorded
                .request
                .headers
                .iter()
                .find(|header| header.name == name)
                .map(|header| header.value.as_str())
        };
        assert_eq!(header("authorization"), Some("Basic <masked>"));
        assert_eq!(header("accept"), Some("application/json"));
        let form: Vec<_> = recorded
            .request
            .form
            .iter()
            .map(|field| (field.name.as_str(), field.value.as_str()))
            .collect();
        assert_eq!(
            form,
            [
                ("grant_type", "authorization_code"),
                ("code", MASK),
                ("code_verifier", MASK),
                ("redirect_uri", "http://127.0.0.1/callback"),
            ]
        );
        let response = recorded.response.unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(
            response.body,
            r#"{"access_token":"<masked>","token_type":"Bearer","refresh_token":"<masked>","id_token":"<masked>","expires_in":60}"#
        );
    }

    #[test]
    fn a_long_html_body_is_cut() {
        let page = format!("<html>{}</html>", "x".repeat(BODY_LIMIT));
        let recorded = TokenExchange::masked(&exchange("", &page), &ExtraHeaders::default());
        let body = recorded.response.unwrap().body;
        assert!(body.starts_with("<html>xxx"), "{body}");
        assert!(body.ends_with("(13 more bytes)"), "{body}");
    }
}
