//! What a cassette holds, as it is written inside a test case file: readable JSON (a JSON body stays a JSON
//! value, a text body a string, only a binary body is base64), and every secret already a placeholder.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Every `fetch` one run made, in the order the requests were sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cassette {
    pub exchanges: Vec<Exchange>,
}

/// One request and the response it got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exchange {
    pub request: RecordedRequest,
    pub response: RecordedResponse,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedRequest {
    /// Upper case, as sent (`GET`, `POST`).
    pub method: String,
    pub url: String,
    /// The headers the block set, each as `[name, value]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Body>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordedResponse {
    pub status: u16,
    /// Where redirects ended, when the request was redirected (`response.url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirected_to: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Body>,
}

/// A request's or response's body, kept as readable as it can be without changing a byte of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Body {
    /// Compact JSON text, kept as the value (it prints back to exactly the same text).
    Json(Value),
    /// Any other UTF-8 text.
    Text(String),
    /// Bytes that are not UTF-8, in base64.
    Base64(String),
}

impl Body {
    /// The body of `text`: JSON when it reads back to the same text, else text.
    pub fn from_text(text: String) -> Body {
        match serde_json::from_str::<Value>(&text) {
            Ok(value) if serde_json::to_string(&value).is_ok_and(|again| again == text) => {
                Body::Json(value)
            }
            _ => Body::Text(text),
        }
    }

    /// `None` for an empty body; text when the bytes are UTF-8, else base64.
    pub fn from_bytes(bytes: &[u8]) -> Option<Body> {
        if bytes.is_empty() {
            return None;
        }
        Some(match std::str::from_utf8(bytes) {
            Ok(text) => Body::from_text(text.to_owned()),
            Err(_) => Body::Base64(STANDARD.encode(bytes)),
        })
    }

    /// The body as text, when it is text (JSON printed compactly, as it was received).
    pub fn text(&self) -> Option<String> {
        match self {
            Body::Json(value) => Some(value.to_string()),
            Body::Text(text) => Some(text.clone()),
            Body::Base64(_) => None,
        }
    }

    /// The body's bytes (a base64 text that does not decode gives none).
    pub fn bytes(&self) -> Vec<u8> {
        match self {
            Body::Json(value) => value.to_string().into_bytes(),
            Body::Text(text) => text.clone().into_bytes(),
            Body::Base64(encoded) => STANDARD.decode(encoded).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn compact_json_is_kept_as_a_value_and_other_text_as_it_is() {
        assert_eq!(
            Body::from_bytes(br#"{"b":1,"a":[true]}"#),
            Some(Body::Json(json!({"b": 1, "a": [true]})))
        );
        // Printed back, spaced JSON would change: it stays text.
        assert_eq!(
            Body::from_bytes(b"{ \"a\": 1 }"),
            Some(Body::Text("{ \"a\": 1 }".into()))
        );
        assert_eq!(Body::from_bytes(b""), None);
        assert_eq!(
            Body::from_bytes(&[0xff, 0x00]),
            Some(Body::Base64("/wA=".into()))
        );
    }

    #[test]
    fn every_body_gives_back_its_bytes() {
        for bytes in [
            &br#"{"b":1,"a":"x"}"#[..],
            b"plain text",
            &[0xff, 0xfe, 0x01],
        ] {
            assert_eq!(Body::from_bytes(bytes).unwrap().bytes(), bytes);
        }
    }

    #[test]
    fn a_cassette_reads_as_plain_json() {
        let cassette = Cassette {
            exchanges: vec![Exchange {
                request: RecordedRequest {
                    method: "GET".into(),
                    url: "http://127.0.0.1:9/items?key={{Acme.apiKey}}".into(),
                    headers: vec![("x-trace".into(), "1".into())],
                    body: None,
                },
                response: RecordedResponse {
                    status: 200,
                    redirected_to: None,
                    headers: vec![("content-type".into(), "application/json".into())],
                    body: Some(Body::Json(json!({"items": []}))),
                },
            }],
        };
        let written = serde_json::to_value(&cassette).unwrap();
        assert_eq!(
            written,
            json!({"exchanges": [{
                "request": {"method": "GET", "url": "http://127.0.0.1:9/items?key={{Acme.apiKey}}",
                            "headers": [["x-trace", "1"]]},
                "response": {"status": 200, "headers": [["content-type", "application/json"]],
                             "body": {"json": {"items": []}}}
            }]})
        );
        assert_eq!(
            serde_json::from_value::<Cassette>(written).unwrap(),
            cassette
        );
    }
}
