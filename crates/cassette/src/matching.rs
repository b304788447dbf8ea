//! Which recorded request a replayed one is: the same method, the same URL but for the order of its query
//! parameters, and the same body but for the order of JSON object keys. Headers are not compared (a tracing id
//! or a date in a header would make every replay fail). When nothing matches, [`NoMatch`] names the request and
//! the closest recorded one, and says how they differ.

use serde_json::Value;
use url::Url;

use crate::format::{Body, Cassette, RecordedRequest};

/// How much of a body a message shows.
const SHOWN_BODY_CHARS: usize = 200;

/// A request reduced to what matching compares.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RequestKey {
    method: String,
    /// The URL without its query (and fragment); the whole text when it is not a URL.
    location: String,
    /// The query's parameters, decoded and sorted.
    query: Vec<(String, String)>,
    body: BodyKey,
}

#[derive(Debug, Clone, PartialEq)]
enum BodyKey {
    None,
    /// `serde_json`'s maps compare without regard to key order.
    Json(Value),
    Bytes(Vec<u8>),
}

impl RequestKey {
    pub(crate) fn of(request: &RecordedRequest) -> Self {
        let (location, query) = match Url::parse(&request.url) {
            Ok(mut url) => {
                let mut query: Vec<(String, String)> = url
                    .query_pairs()
                    .map(|(name, value)| (name.into_owned(), value.into_owned()))
                    .collect();
                query.sort();
                url.set_query(None);
                url.set_fragment(None);
                (url.to_string(), query)
            }
            Err(_) => (request.url.clone(), Vec::new()),
        };
        let body = match &request.body {
            None => BodyKey::None,
            Some(Body::Json(value)) => BodyKey::Json(value.clone()),
            Some(body) => match body.text().map(|text| serde_json::from_str::<Value>(&text)) {
                Some(Ok(value)) => BodyKey::Json(value),
                _ => BodyKey::Bytes(body.bytes()),
            },
        };
        RequestKey {
            method: request.method.to_ascii_uppercase(),
            location,
            query,
            body,
        }
    }

    /// How alike two requests are: the location weighs most, then the body and the query, then the method.
    fn likeness(&self, other: &RequestKey) -> u32 {
        let shared_parameters = self
            .query
            .iter()
            .filter(|parameter| other.query.contains(parameter))
            .count();
        let all_parameters = self.query.len().max(other.query.len()).max(1);
        let query_score = u32::try_from(4 * shared_parameters / all_parameters).unwrap_or(4);
        u32::from(self.location == other.location) * 8
            + u32::from(self.body == other.body) * 4
            + query_score
            + u32::from(self.method == other.method) * 2
    }

    /// What differs between this (the request made) and `recorded`, as a phrase.
    fn differences(&self, recorded: &RequestKey) -> String {
        let mut parts = Vec::new();
        if self.method != recorded.method {
            parts.push("the method");
        }
        if self.location != recorded.location {
            parts.push("the URL");
        }
        if self.query != recorded.query {
            parts.push("the query parameters");
        }
        if self.body != recorded.body {
            parts.push("the body");
        }
        match parts.as_slice() {
            [] => "nothing".to_owned(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// A replayed request that no recorded one matches.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("{}", self.sentence())]
pub struct NoMatch {
    /// The request made, secrets as placeholders: `POST https://… with body …`.
    pub request: String,
    /// The closest recorded request, and what differs from it; `None` when the cassette is empty.
    pub closest: Option<(String, String)>,
}

impl NoMatch {
    fn sentence(&self) -> String {
        let closest = match &self.closest {
            Some((closest, differences)) => {
                format!("The closest recorded request is {closest}; it differs in {differences}.")
            }
            None => "The case recorded no requests at all.".to_owned(),
        };
        format!(
            "No recorded request matches {}. {closest} If the block now makes other requests, record the \
             case again with `blocksmith test --update --live`.",
            self.request
        )
    }
}

/// `METHOD URL`, with a shortened body when there is one.
pub(crate) fn describe(request: &RecordedRequest) -> String {
    let mut described = format!("{} {}", request.method, request.url);
    if let Some(body) = &request.body {
        let text = body.text().unwrap_or_else(|| "(binary data)".to_owned());
        let shown: String = text.chars().take(SHOWN_BODY_CHARS).collect();
        let more = if shown.len() < text.len() { "…" } else { "" };
        described.push_str(&format!(" with body {shown}{more}"));
    }
    described
}

impl Cassette {
    /// The indexes of the exchanges whose request matches `request`, in recorded order.
    pub(crate) fn matching(&self, request: &RequestKey) -> Vec<usize> {
        self.exchanges
            .iter()
            .enumerate()
            .filter(|(_, exchange)| RequestKey::of(&exchange.request) == *request)
            .map(|(index, _)| index)
            .collect()
    }

    /// Why nothing in the cassette matches `request` (concealed as the cassette is).
    pub(crate) fn no_match(&self, request: &RecordedRequest) -> NoMatch {
        let key = RequestKey::of(request);
        let closest = self
            .exchanges
            .iter()
            .map(|exchange| (&exchange.request, RequestKey::of(&exchange.request)))
            .max_by_key(|(_, recorded)| key.likeness(recorded))
            .map(|(recorded, recorded_key)| (describe(recorded), key.differences(&recorded_key)));
        NoMatch {
            request: describe(request),
            closest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Exchange, RecordedResponse};
    use serde_json::json;

    fn request(method: &str, url: &str, body: Option<Body>) -> RecordedRequest {
        RecordedRequest {
            method: method.into(),
            url: url.into(),
            headers: Vec::new(),
            body,
        }
    }

    fn cassette(requests: Vec<RecordedRequest>) -> Cassette {
        Cassette {
            exchanges: requests
                .into_iter()
                .map(|request| Exchange {
                    request,
                    response: RecordedResponse {
                        status: 200,
                        redirected_to: None,
                        headers: Vec::new(),
                        body: None,
                    },
                })
                .collect(),
        }
    }

    #[test]
    fn query_order_and_json_key_order_do_not_matter() {
        let recorded = cassette(vec![request(
            "POST",
            "https://api.test/items?b=2&a=1",
            Some(Body::Json(json!({"x": 1, "y": {"p": true, "q": null}}))),
        )]);
        let made = request(
            "post",
            "https://api.test/items?a=1&b=2",
            Some(Body::Text(
                r#"{"y": {"q": null, "p": true}, "x": 1}"#.into(),
            )),
        );
        assert_eq!(recorded.matching(&RequestKey::of(&made)), vec![0]);
    }

    #[test]
    fn a_different_value_method_or_body_does_not_match() {
        let recorded = cassette(vec![request("GET", "https://api.test/items?page=1", None)]);
        for made in [
            request("GET", "https://api.test/items?page=2", None),
            request("DELETE", "https://api.test/items?page=1", None),
            request(
                "GET",
                "https://api.test/items?page=1",
                Some(Body::Text("x".into())),
            ),
            request("GET", "https://api.test/other?page=1", None),
        ] {
            assert!(
                recorded.matching(&RequestKey::of(&made)).is_empty(),
                "{made:?}"
            );
        }
    }

    #[test]
    fn no_match_names_the_request_and_the_closest_recorded_one() {
        let recorded = cassette(vec![
            request("GET", "https://api.test/users", None),
            request("GET", "https://api.test/items?page=1&size=10", None),
        ]);
        let made = request("GET", "https://api.test/items?page=2&size=10", None);
        let error = recorded.no_match(&made);
        assert_eq!(
            error.to_string(),
            "No recorded request matches GET https://api.test/items?page=2&size=10. The closest recorded \
             request is GET https://api.test/items?page=1&size=10; it differs in the query parameters. If \
             the block now makes other requests, record the case again with `blocksmith test --update --live`."
        );
        let empty = Cassette::default().no_match(&made);
        assert!(empty.to_string().contains("recorded no requests at all"));
    }
}
