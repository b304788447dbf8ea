//! WHATWG URL parsing and the URL setters, with the `url` crate (which implements that standard), for the
//! prelude's `URL` class.

use url::{quirks, Url};

/// The parts of a parsed URL, named as the `URL` class's properties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    pub href: String,
    pub origin: String,
    pub protocol: String,
    pub username: String,
    pub password: String,
    pub host: String,
    pub hostname: String,
    pub port: String,
    pub pathname: String,
    pub search: String,
    pub hash: String,
}

impl UrlParts {
    fn of(url: &Url) -> Self {
        Self {
            href: quirks::href(url).to_owned(),
            origin: quirks::origin(url),
            protocol: quirks::protocol(url).to_owned(),
            username: quirks::username(url).to_owned(),
            password: quirks::password(url).to_owned(),
            host: quirks::host(url).to_owned(),
            hostname: quirks::hostname(url).to_owned(),
            port: quirks::port(url).to_owned(),
            pathname: quirks::pathname(url).to_owned(),
            search: quirks::search(url).to_owned(),
            hash: quirks::hash(url).to_owned(),
        }
    }

    /// The fields as (property name, value) pairs, in the order the `URL` class lists them.
    pub fn fields(&self) -> [(&'static str, &str); 11] {
        [
            ("href", &self.href),
            ("origin", &self.origin),
            ("protocol", &self.protocol),
            ("username", &self.username),
            ("password", &self.password),
            ("host", &self.host),
            ("hostname", &self.hostname),
            ("port", &self.port),
            ("pathname", &self.pathname),
            ("search", &self.search),
            ("hash", &self.hash),
        ]
    }
}

/// Parses `input`, relative to `base` when given; `None` when either is not a valid URL.
pub fn parse(input: &str, base: Option<&str>) -> Option<UrlParts> {
    let base = match base {
        Some(base) => Some(Url::parse(base).ok()?),
        None => None,
    };
    let url = Url::options().base_url(base.as_ref()).parse(input).ok()?;
    Some(UrlParts::of(&url))
}

/// Applies one `URL` setter (`pathname`, `search`, …) to `href`. As in the standard, a value the setter
/// cannot use leaves the URL unchanged; `None` only when `href` itself is invalid or the setter is unknown.
pub fn set(href: &str, setter: &str, value: &str) -> Option<UrlParts> {
    let mut url = Url::parse(href).ok()?;
    // Each quirks setter reports whether it applied; an ignored value is the standard's behaviour.
    let _ = match setter {
        "href" => {
            url = Url::parse(value).ok()?;
            Ok(())
        }
        "protocol" => quirks::set_protocol(&mut url, value),
        "username" => quirks::set_username(&mut url, value),
        "password" => quirks::set_password(&mut url, value),
        "host" => quirks::set_host(&mut url, value),
        "hostname" => quirks::set_hostname(&mut url, value),
        "port" => quirks::set_port(&mut url, value),
        "pathname" => {
            quirks::set_pathname(&mut url, value);
            Ok(())
        }
        "search" => {
            quirks::set_search(&mut url, value);
            Ok(())
        }
        "hash" => {
            quirks::set_hash(&mut url, value);
            Ok(())
        }
        _ => return None,
    };
    Some(UrlParts::of(&url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_relative_to_a_base() {
        let parts = parse("../b?x=1#top", Some("https://example.com:8443/a/c")).unwrap();
        assert_eq!(parts.href, "https://example.com:8443/b?x=1#top");
        assert_eq!(parts.host, "example.com:8443");
        assert_eq!(parts.port, "8443");
        assert_eq!(parts.search, "?x=1");
        assert_eq!(parts.origin, "https://example.com:8443");
    }

    #[test]
    fn refuses_invalid_urls() {
        assert!(parse("not a url", None).is_none());
    }

    #[test]
    fn setters_follow_the_standard() {
        let parts = set("https://example.com/a", "pathname", "b c").unwrap();
        assert_eq!(parts.href, "https://example.com/b%20c");
        let parts = set("https://example.com/a", "port", "nope").unwrap();
        assert_eq!(parts.port, "");
    }
}
