//! Keeping secrets out of cassettes: every form of a connection's secret (as is, URL-encoded, base64,
//! inside Basic credentials, …, as the secrets crate's redactor finds them) becomes a placeholder naming the
//! connection input, `{{Acme.apiKey}}`. A replayed response gets today's secret back in place of each
//! placeholder, so a block sees what the API would send it.

use std::fmt;

use blocksmith_engine::{FetchRequest, FetchedResponse};
use blocksmith_secrets::Redactor;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::format::{Body, RecordedRequest, RecordedResponse};

/// One secret value of a run and the placeholder that stands for it in a cassette.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretPlaceholder {
    /// E.g. `{{Acme.apiKey}}`, `{{Acme.headers.X-Api-Key}}`, `{{Acme.token.access_token}}`.
    pub placeholder: String,
    /// The secret itself. It travels to the worker process with the run's `configVars`, which hold it too.
    pub value: String,
}

impl fmt::Debug for SecretPlaceholder {
    /// Never prints the value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretPlaceholder")
            .field("placeholder", &self.placeholder)
            .field("value", &"<redacted>")
            .finish()
    }
}

/// Conceals a run's secrets in what goes into a cassette, and reveals them in what comes out of one.
#[derive(Debug, Clone, Default)]
pub struct Concealer {
    redactor: Redactor,
    /// Longest placeholder first, so that revealing never splits one placeholder inside another.
    placeholders: Vec<SecretPlaceholder>,
}

impl Concealer {
    pub fn new(placeholders: Vec<SecretPlaceholder>) -> Result<Self> {
        let redactor = Redactor::labelled(
            placeholders
                .iter()
                .map(|secret| (secret.value.as_str(), secret.placeholder.clone())),
        )?;
        let mut placeholders = placeholders;
        placeholders.sort_by_key(|secret| std::cmp::Reverse(secret.placeholder.len()));
        Ok(Concealer {
            redactor,
            placeholders,
        })
    }

    /// `text` with each form of each secret replaced by its placeholder.
    pub fn conceal(&self, text: &str) -> String {
        self.redactor.label_str(text).into_owned()
    }

    /// `text` with each placeholder replaced by its secret.
    pub fn reveal(&self, text: &str) -> String {
        let mut revealed = text.to_owned();
        for secret in &self.placeholders {
            if revealed.contains(&secret.placeholder) {
                revealed = revealed.replace(&secret.placeholder, &secret.value);
            }
        }
        revealed
    }

    /// The request as a cassette keeps it.
    pub fn conceal_request(&self, request: &FetchRequest) -> RecordedRequest {
        RecordedRequest {
            method: request.method.to_ascii_uppercase(),
            url: self.conceal(&request.url),
            headers: self.conceal_headers(&request.headers),
            body: request
                .body
                .as_deref()
                .and_then(|bytes| self.conceal_body(bytes)),
        }
    }

    /// The response as a cassette keeps it.
    pub fn conceal_response(
        &self,
        request: &FetchRequest,
        response: &FetchedResponse,
    ) -> RecordedResponse {
        RecordedResponse {
            status: response.status,
            redirected_to: response.redirected.then(|| self.conceal(&response.url)),
            headers: self.conceal_headers(&response.headers),
            body: self.conceal_body(&response.body),
        }
        .with_request_url(&request.url)
    }

    /// A recorded response as the block receives it on replay, with today's secrets in it.
    pub fn reveal_response(
        &self,
        request: &FetchRequest,
        recorded: &RecordedResponse,
    ) -> FetchedResponse {
        let (url, redirected) = match &recorded.redirected_to {
            Some(to) => (self.reveal(to), true),
            None => (request.url.clone(), false),
        };
        let body = recorded
            .body
            .as_ref()
            .map_or_else(Vec::new, |body| match body.text() {
                Some(text) => self.reveal(&text).into_bytes(),
                None => body.bytes(),
            });
        FetchedResponse {
            status: recorded.status,
            status_text: http::StatusCode::from_u16(recorded.status)
                .ok()
                .and_then(|status| status.canonical_reason())
                .unwrap_or_default()
                .to_owned(),
            url,
            redirected,
            headers: recorded
                .headers
                .iter()
                .map(|(name, value)| (name.clone(), self.reveal(value)))
                .collect(),
            body,
        }
    }

    fn conceal_headers(&self, headers: &[(String, String)]) -> Vec<(String, String)> {
        headers
            .iter()
            .map(|(name, value)| (name.to_ascii_lowercase(), self.conceal(value)))
            .collect()
    }

    /// A body with its secrets concealed; a binary body is kept whole only when no secret shows in it.
    pub(crate) fn conceal_body(&self, bytes: &[u8]) -> Option<Body> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Body::from_bytes(self.conceal(text).as_bytes()),
            Err(_) => {
                let lossy = String::from_utf8_lossy(bytes);
                if self.redactor.finds_in(&lossy) {
                    Some(Body::Text(self.conceal(&lossy)))
                } else {
                    Body::from_bytes(bytes)
                }
            }
        }
    }
}

impl RecordedResponse {
    /// Leaves out `redirected_to` when it is the request's own URL (nothing to keep).
    fn with_request_url(mut self, request_url: &str) -> Self {
        if self.redirected_to.as_deref() == Some(request_url) {
            self.redirected_to = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blocksmith_engine::RedirectMode;
    use std::time::Duration;

    const KEY: &str = "key-51b7e2c0d9";

    fn concealer() -> Concealer {
        Concealer::new(vec![SecretPlaceholder {
            placeholder: "{{Acme.apiKey}}".into(),
            value: KEY.into(),
        }])
        .unwrap()
    }

    fn request(url: &str, body: Option<&str>) -> FetchRequest {
        FetchRequest {
            method: "post".into(),
            url: url.into(),
            headers: vec![("Authorization".into(), format!("Bearer {KEY}"))],
            body: body.map(|text| text.as_bytes().to_vec()),
            redirect: RedirectMode::Follow,
            timeout: Duration::from_secs(1),
        }
    }

    #[test]
    fn a_recorded_request_names_the_secret_wherever_it_was() {
        let recorded = concealer().conceal_request(&request(
            &format!("https://api.test/x?key={KEY}"),
            Some(&format!(r#"{{"key":"{KEY}"}}"#)),
        ));
        let written = serde_json::to_string(&recorded).unwrap();
        assert!(!written.contains(KEY), "{written}");
        assert_eq!(recorded.method, "POST");
        assert_eq!(recorded.url, "https://api.test/x?key={{Acme.apiKey}}");
        assert_eq!(
            recorded.headers,
            vec![("authorization".into(), "Bearer {{Acme.apiKey}}".into())]
        );
        assert_eq!(
            recorded.body,
            Some(Body::Json(serde_json::json!({"key": "{{Acme.apiKey}}"})))
        );
    }

    #[test]
    fn a_replayed_response_carries_todays_secret() {
        let concealer = concealer();
        let recorded = RecordedResponse {
            status: 201,
            redirected_to: None,
            headers: vec![("x-echo".into(), "{{Acme.apiKey}}".into())],
            body: Some(Body::Text("echo {{Acme.apiKey}}".into())),
        };
        let response = concealer.reveal_response(&request("https://api.test/", None), &recorded);
        assert_eq!(response.status_text, "Created");
        assert_eq!(response.body, format!("echo {KEY}").into_bytes());
        assert_eq!(response.headers[0].1, KEY);
        assert_eq!(response.url, "https://api.test/");
        assert!(!response.redirected);
    }
}
