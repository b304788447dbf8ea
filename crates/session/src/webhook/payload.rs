//! An HTTP request as a trigger's `payload`, with the request fields the platform fills:
//!
//! - `headers`: every header by its lower-cased name, as Node and the platform give them; a header sent
//!   twice is joined with `", "` (as Node joins most headers).
//! - `queryParameters`: the query string decoded (`+` is a space); a name given twice keeps its last value,
//!   since the platform's type is `Record<string, string>`.
//! - `rawBody { data, contentType }`: the body as text when it is UTF-8 (so a block can check an HMAC
//!   signature over the exact bytes it received), otherwise base64. The platform hands a `Buffer` here, which
//!   a block turns into text (`util.types.toString`); blocks receive JSON, so text is the closest faithful
//!   form. An empty body is `""`.
//! - `body { data, contentType }`: parsed JSON when the content type is JSON (`application/json`,
//!   `…+json`) and the body parses; otherwise the same as `rawBody.data`; `null` for an empty body.
//! - `contentType`: the request's `Content-Type`, else `application/json` for an empty body (as the
//!   platform's default payload says) and `application/octet-stream` for a body without one.
//! - `pathFragment`: the path after the flow's own segment, without its leading slash.
//!
//! The platform's own fields (`webhookUrls`, `executionId`, `customer`, …) are added when the flow run is
//! prepared (`prepare_webhook_flow_run`).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{json, Map, Value};

/// What the listener read of one HTTP request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingRequest {
    pub method: String,
    /// The request target as sent: path and query (`/orders/created?id=7`).
    pub url: String,
    /// Header names and values as sent, in order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl IncomingRequest {
    /// The path without the query string.
    pub fn path(&self) -> &str {
        self.url.split_once('?').map_or(&self.url, |(path, _)| path)
    }

    /// The query string without its `?`, or `""`.
    pub fn query(&self) -> &str {
        self.url.split_once('?').map_or("", |(_, query)| query)
    }
}

/// A request as the payload editor describes it: what a webhook caller controls. It becomes the trigger's payload
/// through the same [`request_payload`] the listener uses, so a block sees in the editor exactly what it sees
/// when it is called (lower-cased header names, JSON parsed only for JSON content types, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TypedRequest {
    /// Header names and values, in order; a `Content-Type` here wins over `content_type`.
    pub headers: Vec<(String, String)>,
    pub query_parameters: Vec<(String, String)>,
    /// Sent as the `Content-Type` header unless the headers give one; none when empty.
    pub content_type: String,
    pub body: String,
    pub path_fragment: String,
}

impl TypedRequest {
    /// The HTTP request a caller would send for it.
    pub fn to_incoming(&self) -> IncomingRequest {
        let mut headers: Vec<(String, String)> = self
            .headers
            .iter()
            .filter(|(name, _)| !name.trim().is_empty())
            .map(|(name, value)| (name.trim().to_string(), value.clone()))
            .collect();
        let has_content_type = headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
        if !self.content_type.is_empty() && !has_content_type {
            headers.push(("Content-Type".into(), self.content_type.clone()));
        }
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(
                self.query_parameters
                    .iter()
                    .filter(|(name, _)| !name.trim().is_empty())
                    .map(|(name, value)| (name.trim(), value.as_str())),
            )
            .finish();
        let path = format!("/{}", self.path_fragment.trim_start_matches('/'));
        IncomingRequest {
            method: "POST".into(),
            url: if query.is_empty() {
                path
            } else {
                format!("{path}?{query}")
            },
            headers,
            body: self.body.clone().into_bytes(),
        }
    }

    /// The trigger's `payload` request fields for this request, as the listener would give them.
    pub fn payload(&self) -> Value {
        request_payload(
            &self.to_incoming(),
            self.path_fragment.trim_start_matches('/'),
        )
    }
}

/// The request fields of the trigger's `payload` for `request`, with `path_fragment` from the route.
pub fn request_payload(request: &IncomingRequest, path_fragment: &str) -> Value {
    let headers = header_map(&request.headers);
    let content_type = match headers.get("content-type").and_then(Value::as_str) {
        Some(given) => given.to_string(),
        None if request.body.is_empty() => "application/json".to_string(),
        None => "application/octet-stream".to_string(),
    };
    let raw = raw_data(&request.body);
    let data = body_data(&request.body, &raw, &content_type);
    json!({
        "headers": headers,
        "queryParameters": query_map(request.query()),
        "rawBody": { "data": raw, "contentType": content_type },
        "body": { "data": data, "contentType": content_type },
        "pathFragment": path_fragment,
    })
}

fn header_map(headers: &[(String, String)]) -> Map<String, Value> {
    let mut map = Map::new();
    for (name, value) in headers {
        let name = name.to_ascii_lowercase();
        let joined = match map.get(&name).and_then(Value::as_str) {
            Some(earlier) => format!("{earlier}, {value}"),
            None => value.clone(),
        };
        map.insert(name, Value::String(joined));
    }
    map
}

fn query_map(query: &str) -> Map<String, Value> {
    url::form_urlencoded::parse(query.as_bytes())
        .map(|(name, value)| (name.into_owned(), Value::String(value.into_owned())))
        .collect()
}

/// The body as text when it is UTF-8, else base64.
fn raw_data(body: &[u8]) -> String {
    match std::str::from_utf8(body) {
        Ok(text) => text.to_string(),
        Err(_) => BASE64.encode(body),
    }
}

fn body_data(body: &[u8], raw: &str, content_type: &str) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    if is_json(content_type) {
        if let Ok(parsed) = serde_json::from_slice(body) {
            return parsed;
        }
    }
    Value::String(raw.to_string())
}

/// `application/json`, `application/json; charset=utf-8`, `application/vnd.api+json`, …
pub(crate) fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence.ends_with("+json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(url: &str, headers: &[(&str, &str)], body: &[u8]) -> IncomingRequest {
        IncomingRequest {
            method: "POST".into(),
            url: url.into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.to_vec(),
        }
    }

    #[test]
    fn a_typed_request_is_the_payload_of_the_same_call() {
        let typed = TypedRequest {
            headers: vec![
                ("X-Shop".into(), "acme".into()),
                ("  ".into(), "ignored".into()),
            ],
            query_parameters: vec![("id".into(), "7 8".into()), ("lang".into(), "fr".into())],
            content_type: "application/json".into(),
            body: "{\"order\": 7}".into(),
            path_fragment: "orders/created".into(),
        };
        let sent = request(
            "/orders/created?id=7+8&lang=fr",
            &[("x-shop", "acme"), ("Content-Type", "application/json")],
            b"{\"order\": 7}",
        );
        assert_eq!(typed.payload(), request_payload(&sent, "orders/created"));
        assert_eq!(typed.payload()["headers"]["x-shop"], "acme");
        assert_eq!(typed.payload()["body"]["data"]["order"], 7);

        let own_header = TypedRequest {
            headers: vec![("content-type".into(), "text/csv".into())],
            content_type: "application/json".into(),
            body: "a,b".into(),
            ..TypedRequest::default()
        };
        assert_eq!(own_header.payload()["body"]["data"], "a,b");
        assert_eq!(own_header.payload()["rawBody"]["contentType"], "text/csv");
    }

    #[test]
    fn a_json_request_becomes_the_platform_payload() {
        let payload = request_payload(
            &request(
                "/orders/created?id=7&note=a+b%21",
                &[("Content-Type", "application/json"), ("X-Signature", "abc")],
                br#"{"order": 7}"#,
            ),
            "created",
        );
        assert_eq!(
            payload,
            json!({
                "headers": { "content-type": "application/json", "x-signature": "abc" },
                "queryParameters": { "id": "7", "note": "a b!" },
                "rawBody": { "data": "{\"order\": 7}", "contentType": "application/json" },
                "body": { "data": { "order": 7 }, "contentType": "application/json" },
                "pathFragment": "created",
            })
        );
    }

    #[test]
    fn text_bodies_stay_text_and_bad_json_stays_text() {
        let csv = request_payload(
            &request("/f", &[("content-type", "text/csv")], b"a,b\n1,2"),
            "",
        );
        assert_eq!(csv["body"]["data"], "a,b\n1,2");
        assert_eq!(csv["rawBody"]["data"], "a,b\n1,2");
        assert_eq!(csv["body"]["contentType"], "text/csv");

        let broken = request_payload(
            &request(
                "/f",
                &[("content-type", "application/json; charset=utf-8")],
                b"{oops",
            ),
            "",
        );
        assert_eq!(broken["body"]["data"], "{oops");

        let vendor = request_payload(
            &request(
                "/f",
                &[("content-type", "application/vnd.api+json")],
                b"[1]",
            ),
            "",
        );
        assert_eq!(vendor["body"]["data"], json!([1]));
    }

    #[test]
    fn binary_bodies_are_base64_and_empty_bodies_null() {
        let binary = request_payload(&request("/f", &[], &[0xff, 0x00, 0x10, 0x80]), "");
        assert_eq!(binary["rawBody"]["data"], "/wAQgA==");
        assert_eq!(binary["body"]["data"], "/wAQgA==");
        assert_eq!(binary["rawBody"]["contentType"], "application/octet-stream");

        let empty = request_payload(&request("/f", &[], b""), "");
        assert_eq!(
            empty["body"],
            json!({ "data": null, "contentType": "application/json" })
        );
        assert_eq!(empty["rawBody"]["data"], "");
        assert_eq!(empty["queryParameters"], json!({}));
    }

    #[test]
    fn headers_are_lower_cased_and_repeats_joined() {
        let payload = request_payload(
            &request(
                "/f?a=1&a=2",
                &[("Accept", "text/csv"), ("ACCEPT", "text/plain")],
                b"",
            ),
            "",
        );
        assert_eq!(payload["headers"]["accept"], "text/csv, text/plain");
        assert_eq!(payload["queryParameters"]["a"], "2");
    }

    #[test]
    fn the_path_and_query_split_at_the_question_mark() {
        let r = request("/a/b?x=1?y", &[], b"");
        assert_eq!((r.path(), r.query()), ("/a/b", "x=1?y"));
        let r = request("/a", &[], b"");
        assert_eq!((r.path(), r.query()), ("/a", ""));
    }
}
