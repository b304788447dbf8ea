//! The inspector's record of the last token (or revocation) request and its response: method,
//! URL, headers, form fields, status and body, with every secret masked so the record can be
//! shown, logged or sent to the UI as it is.
//!
//! Secrets are masked twice over. Fields and headers known to carry one (the client
//! authentication, the Headers input, secret form fields, every field of the token response but
//! its type, lifetime and scope) are replaced by [`MASK`] whole. Then every value so masked is
//! searched for, in every form a provider or a proxy might echo it (as is, JSON-escaped,
//! URL-encoded, base64, …), in everything else shown — the URL, other headers, an error page, the
//! failure — and replaced there too.
//!
//! When the answer gave a token, the record also says what it is: the scopes granted beside the ones
//! requested, the expiry, and the header and claims of a JWT access token or ID token (read before
//! the token is masked; the signature, which makes a JWT usable, is left out).

use base64::Engine as _;
use blocksmith_secrets::Redactor;
use oauth2::http::header::{AUTHORIZATION, SET_COOKIE};
use oauth2::http::{HeaderMap, Method};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::config::ExtraHeaders;
use crate::jwt::DecodedJwt;
use crate::token::Token;

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

/// Response body fields that describe a token without being secret (RFC 6749 section 5.1 and 5.2);
/// every other field of a token response (`access_token`, `refresh_token`, `id_token`, a
/// provider's own) is masked.
const NON_SECRET_BODY_FIELDS: [&str; 8] = [
    "token_type",
    "expires_in",
    "scope",
    "issued_token_type",
    "refresh_token_expires_in",
    "error",
    "error_description",
    "error_uri",
];

/// What stands in for a text that could not be checked for secrets.
const WITHHELD: &str = "<withheld: it could not be checked for secrets>";

/// A non-JSON body longer than this is cut: an error page is read for its first lines.
const BODY_LIMIT: usize = 16 * 1024;

/// One request to the provider and what came back, secrets masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TokenExchange {
    pub request: RecordedRequest,
    /// `None` when no response arrived; `failure` then says why.
    pub response: Option<RecordedResponse>,
    pub failure: Option<String>,
    /// What the answer's token is, when it gave one.
    pub issued: Option<IssuedToken>,
}

/// The token an answer gave, as the inspector shows it: no token value, only what it says of itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IssuedToken {
    /// The scopes the request asked for (a refresh asks for the ones granted before).
    pub requested_scopes: Vec<String>,
    /// The scopes the response names, split on spaces or commas; `None` when it names none, which
    /// means the requested ones (RFC 6749 section 5.1).
    pub granted_scopes: Option<Vec<String>>,
    /// The response's `scope` as the provider wrote it, which is what a block sees.
    pub scope_as_sent: Option<String>,
    /// Unix seconds; `None` when the response gave no `expires_in`.
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub expires_at: Option<u64>,
    /// The access token's header and claims when it is a JWT.
    pub access_token: Option<DecodedJwt>,
    /// The ID token's header and claims, when the response carried one (OpenID Connect).
    pub id_token: Option<DecodedJwt>,
}

impl IssuedToken {
    pub(crate) fn of(token: &Token, requested_scopes: &[String]) -> Self {
        Self {
            requested_scopes: requested_scopes.to_vec(),
            granted_scopes: token.scope_as_sent().map(|_| token.scopes().to_vec()),
            scope_as_sent: token.scope_as_sent().map(str::to_owned),
            expires_at: token.expires_at(),
            access_token: token.decoded_access_token(),
            id_token: token.decoded_id_token(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RecordedRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<NameValue>,
    pub form: Vec<NameValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RecordedResponse {
    pub status: u16,
    pub headers: Vec<NameValue>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
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
    /// secret), secret form fields and the token response's secret fields; then redacts each
    /// masked value wherever else it shows.
    pub(crate) fn masked(
        raw: &RawExchange,
        extra_headers: &ExtraHeaders,
        issued: Option<IssuedToken>,
    ) -> Self {
        let request = &raw.request;
        let mut secrets: Vec<String> = Vec::new();
        let mut request_headers: Vec<NameValue> = Vec::new();
        for (name, value) in &request.headers {
            let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
            let value = if name == AUTHORIZATION {
                secrets.extend(authorization_secrets(&text));
                masked_authorization(&text)
            } else if extra_headers.contains(name) {
                secrets.push(text);
                MASK.to_owned()
            } else {
                text
            };
            request_headers.push(NameValue {
                name: name.to_string(),
                value,
            });
        }
        let form: Vec<NameValue> = url::form_urlencoded::parse(&request.body)
            .map(|(name, value)| NameValue {
                value: if SECRET_FORM_FIELDS.contains(&name.as_ref()) {
                    secrets.push(value.into_owned());
                    MASK.to_owned()
                } else {
                    value.into_owned()
                },
                name: name.into_owned(),
            })
            .collect();
        let (response, failure) = match &raw.outcome {
            RawOutcome::Response(response) => (Some(masked_response(response, &mut secrets)), None),
            RawOutcome::Failed(reason) => (None, Some(reason.clone())),
        };
        let mut exchange = Self {
            request: RecordedRequest {
                method: request.method.to_string(),
                url: request.url.clone(),
                headers: request_headers,
                form,
            },
            response,
            failure,
            issued,
        };
        exchange.redact_everywhere(Redactor::new(&secrets).ok());
        exchange
    }

    /// Redacts every text of the record with `redactor`; with none (it could not be built), every
    /// text that is not already masked is withheld.
    fn redact_everywhere(&mut self, redactor: Option<Redactor>) {
        let redact = |text: &mut String| match &redactor {
            Some(redactor) => redactor.redact_string(text),
            None if text != MASK => *text = WITHHELD.to_owned(),
            None => {}
        };
        redact(&mut self.request.url);
        let mut pairs: Vec<&mut NameValue> = self.request.headers.iter_mut().collect();
        pairs.extend(self.request.form.iter_mut());
        if let Some(response) = &mut self.response {
            pairs.extend(response.headers.iter_mut());
            redact(&mut response.body);
        }
        for pair in pairs {
            redact(&mut pair.value);
        }
        if let Some(failure) = &mut self.failure {
            redact(failure);
        }
        if let Some(issued) = &mut self.issued {
            let decoded = [&mut issued.access_token, &mut issued.id_token];
            for jwt in decoded.into_iter().flatten() {
                for part in [&mut jwt.header, &mut jwt.claims] {
                    for value in part.values_mut() {
                        redact_json_texts(value, &redact);
                    }
                }
            }
        }
    }
}

/// Applies `redact` to every text inside a JSON value: a claim could quote a secret (a provider's own
/// claim echoing a header, say), and the claims are shown as they are.
fn redact_json_texts(value: &mut Value, redact: &impl Fn(&mut String)) {
    match value {
        Value::String(text) => redact(text),
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| redact_json_texts(item, redact)),
        Value::Object(members) => members
            .values_mut()
            .for_each(|member| redact_json_texts(member, redact)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Keeps the scheme (`Basic`, `Bearer`), which tells how the client authenticated.
fn masked_authorization(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} {MASK}"),
        None => MASK.to_owned(),
    }
}

/// The credentials of an `Authorization` value: the whole credential, and for `Basic` the decoded
/// `id:secret` and its secret.
fn authorization_secrets(value: &str) -> Vec<String> {
    let credential = value
        .split_once(' ')
        .map_or(value, |(_, credential)| credential)
        .trim();
    let mut secrets = vec![credential.to_owned()];
    if value
        .get(..6)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("basic "))
    {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(credential)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        if let Some(decoded) = decoded {
            if let Some((_, secret)) = decoded.split_once(':') {
                secrets.push(secret.to_owned());
            }
            secrets.push(decoded);
        }
    }
    secrets
}

fn masked_response(response: &RawResponse, secrets: &mut Vec<String>) -> RecordedResponse {
    let headers = response
        .headers
        .iter()
        .map(|(name, value)| NameValue {
            name: name.to_string(),
            value: if name == SET_COOKIE {
                secrets.push(String::from_utf8_lossy(value.as_bytes()).into_owned());
                MASK.to_owned()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            },
        })
        .collect();
    RecordedResponse {
        status: response.status,
        headers,
        body: masked_body(response, secrets),
    }
}

/// The body with every secret field masked: a JSON object's, or a form-encoded answer's
/// (`access_token=…&scope=…`, as some providers send); any other body as text, cut when long.
fn masked_body(response: &RawResponse, secrets: &mut Vec<String>) -> String {
    let body = &response.body;
    if let Ok(Value::Object(mut fields)) = serde_json::from_slice::<Value>(body) {
        mask_secret_fields(&mut fields, secrets);
        return Value::Object(fields).to_string();
    }
    if response
        .content_type()
        .to_ascii_lowercase()
        .contains("application/x-www-form-urlencoded")
    {
        let mut masked = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in url::form_urlencoded::parse(body) {
            if NON_SECRET_BODY_FIELDS.contains(&name.as_ref()) {
                masked.append_pair(&name, &value);
            } else {
                secrets.push(value.into_owned());
                masked.append_pair(&name, MASK);
            }
        }
        return masked.finish();
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

/// Masks each field but the [non-secret ones](NON_SECRET_BODY_FIELDS) that holds a text, and
/// keeps every text so masked to redact elsewhere.
fn mask_secret_fields(fields: &mut Map<String, Value>, secrets: &mut Vec<String>) {
    for (name, value) in fields.iter_mut() {
        if NON_SECRET_BODY_FIELDS.contains(&name.as_str()) {
            continue;
        }
        let before = secrets.len();
        let mut pending = vec![&*value];
        while let Some(inner) = pending.pop() {
            match inner {
                Value::String(text) => secrets.push(text.clone()),
                Value::Array(items) => pending.extend(items),
                Value::Object(members) => pending.extend(members.values()),
                Value::Null | Value::Bool(_) | Value::Number(_) => {}
            }
        }
        if secrets.len() > before {
            *value = Value::String(MASK.to_owned());
        }
    }
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
        let recorded = TokenExchange::masked(&raw, &extra, None);
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
    fn every_token_field_is_masked_and_echoed_secrets_are_redacted_everywhere() {
        let client_secret = "cl1ent+s3cret/value";
        let basic =
            base64::engine::general_purpose::STANDARD.encode(format!("app:{client_secret}"));
        let extra = ExtraHeaders::from_pairs([("X-Tenant", "tenant-secret")]).unwrap();
        let mut raw = exchange(
            "grant_type=refresh_token&refresh_token=old-refresh-token",
            &format!(
                r#"{{"access_token":"new-access-token","token_type":"Bearer","expires_in":60,"scope":"read","custom_token":"custom-provider-token","error_description":"seen old-refresh-token and {client_secret} for tenant-secret"}}"#
            ),
        );
        raw.request.headers.insert(
            AUTHORIZATION,
            HeaderValue::from_str(&format!("Basic {basic}")).unwrap(),
        );
        raw.request.url =
            "https://provider.example/token?client_secret=cl1ent%2Bs3cret%2Fvalue&tenant=tenant-secret".into();
        let recorded = TokenExchange::masked(&raw, &extra, None);
        let printed = serde_json::to_string(&recorded).unwrap();
        for secret in [
            client_secret,
            "tenant-secret",
            "cl1ent%2Bs3cret%2Fvalue",
            "old-refresh-token",
            "new-access-token",
            "custom-provider-token",
            basic.as_str(),
        ] {
            assert!(!printed.contains(secret), "{secret} in {printed}");
        }
        let body: Value = serde_json::from_str(&recorded.response.unwrap().body).unwrap();
        assert_eq!(body["custom_token"], MASK);
        assert_eq!(body["token_type"], "Bearer");
        assert_eq!(body["scope"], "read");
        assert_eq!(
            body["error_description"],
            "seen «redacted» and «redacted» for «redacted»"
        );
        assert_eq!(
            recorded.request.url,
            "https://provider.example/token?client_secret=«redacted»&tenant=«redacted»"
        );
    }

    #[test]
    fn a_form_encoded_token_answer_is_masked() {
        let mut raw = exchange("grant_type=authorization_code&code=the-code", "");
        if let RawOutcome::Response(response) = &mut raw.outcome {
            response.headers.insert(
                "content-type",
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
            response.body =
                b"access_token=gho_form_token_123&scope=repo&token_type=bearer".to_vec();
        }
        let recorded = TokenExchange::masked(&raw, &ExtraHeaders::default(), None);
        assert_eq!(
            recorded.response.unwrap().body,
            "access_token=%3Cmasked%3E&scope=repo&token_type=bearer"
        );
    }

    #[test]
    fn a_long_html_body_is_cut() {
        let page = format!("<html>{}</html>", "x".repeat(BODY_LIMIT));
        let recorded = TokenExchange::masked(&exchange("", &page), &ExtraHeaders::default(), None);
        let body = recorded.response.unwrap().body;
        assert!(body.starts_with("<html>xxx"), "{body}");
        assert!(body.ends_with("(13 more bytes)"), "{body}");
    }
}
