//! Someone at a browser, for the CLI's OAuth tests: follows the provider's redirects one by one,
//! keeps its cookies, signs in on the login page, allows on the consent page, and finally opens
//! the redirect to the CLI's loopback listener, as the browser would. The test provider speaks
//! plain HTTP on 127.0.0.1, so an HTTP/1.0 exchange over a TCP stream is all the browser needed.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;

pub struct Person {
    cookies: BTreeMap<String, String>,
}

struct Reply {
    status: u16,
    location: Option<String>,
    body: String,
}

impl Person {
    pub fn new() -> Self {
        Self {
            cookies: BTreeMap::new(),
        }
    }

    /// Goes through the provider's pages from `authorize_url`, signing in and allowing access,
    /// and returns the URL the provider finally redirected to under `redirect_uri`.
    pub fn consent(&mut self, authorize_url: &str, redirect_uri: &str) -> String {
        let mut current = authorize_url.to_owned();
        for _ in 0..12 {
            if current.starts_with(redirect_uri) {
                return current;
            }
            let reply = self.request("GET", &current, None);
            if let Some(next) = reply.location {
                current = join(&current, &next);
                continue;
            }
            assert_eq!(reply.status, 200, "{current} answered: {}", reply.body);
            let action = form_action(&reply.body)
                .unwrap_or_else(|| panic!("no form on the page at {current}: {}", reply.body));
            let fields: &[(&str, &str)] = if reply.body.contains(r#"name="prompt" value="login""#) {
                &[("prompt", "login"), ("login", "alice"), ("password", "any")]
            } else if reply.body.contains(r#"name="prompt" value="consent""#) {
                &[("prompt", "consent")]
            } else {
                panic!(
                    "neither a login nor a consent page at {current}: {}",
                    reply.body
                );
            };
            let action = join(&current, &action);
            let reply = self.request("POST", &action, Some(&form(fields)));
            current = join(
                &action,
                &reply
                    .location
                    .unwrap_or_else(|| panic!("the form at {action} did not redirect")),
            );
        }
        panic!("the provider never redirected to {redirect_uri}");
    }

    /// Opens a URL (the last redirect, which the CLI's loopback listener answers); returns the
    /// status.
    pub fn open(&mut self, url: &str) -> u16 {
        self.request("GET", url, None).status
    }

    fn request(&mut self, method: &str, url: &str, form_body: Option<&str>) -> Reply {
        let (authority, target) = url
            .strip_prefix("http://")
            .map(|rest| rest.split_at(rest.find('/').unwrap_or(rest.len())))
            .unwrap_or_else(|| panic!("the test browser only opens http URLs, not {url}"));
        let target = if target.is_empty() { "/" } else { target };
        let mut head = format!("{method} {target} HTTP/1.0\r\nHost: {authority}\r\n");
        if !self.cookies.is_empty() {
            let pairs: Vec<String> = self
                .cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            head.push_str(&format!("Cookie: {}\r\n", pairs.join("; ")));
        }
        let body = form_body.unwrap_or("");
        if form_body.is_some() {
            head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        let mut stream = TcpStream::connect(authority).unwrap_or_else(|err| panic!("{url}: {err}"));
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.as_bytes()).unwrap();
        // HTTP/1.0: the server closes the connection after its answer.
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer);
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|line| line.split_whitespace().nth(1))
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("{url} gave no HTTP status: {head}"));
        let mut location = None;
        for (name, value) in lines.filter_map(|line| line.split_once(':')) {
            let value = value.trim();
            if name.eq_ignore_ascii_case("location") {
                location = Some(value.to_owned());
            } else if name.eq_ignore_ascii_case("set-cookie") {
                let pair = value.split(';').next().unwrap_or("");
                if let Some((name, value)) = pair.split_once('=') {
                    self.cookies
                        .insert(name.trim().to_owned(), value.trim().to_owned());
                }
            }
        }
        Reply {
            status,
            location,
            body: body.to_owned(),
        }
    }
}

/// Resolves a `Location` or form action against the URL it came from (absolute, or a path).
fn join(base: &str, reference: &str) -> String {
    if reference.starts_with("http://") || reference.starts_with("https://") {
        return reference.to_owned();
    }
    assert!(
        reference.starts_with('/'),
        "unexpected relative reference {reference}"
    );
    let after_scheme = base.find("://").map_or(0, |at| at + 3);
    let origin_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |at| after_scheme + at);
    format!("{}{reference}", &base[..origin_end])
}

fn form_action(page: &str) -> Option<String> {
    let form = &page[page.find("<form")?..];
    let action = &form[form.find("action=\"")? + "action=\"".len()..];
    Some(action[..action.find('"')?].replace("&amp;", "&"))
}

/// `application/x-www-form-urlencoded`; the fields here are plain words, which need no escaping.
fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}
