//! Where the listener takes each flow: `/<token>/<flow-slug>`, and anything after it as the trigger's
//! `pathFragment`, as the platform passes the path a caller appends to a webhook URL (`…/order/created`).
//!
//! The slug is the flow's name lower-cased, every run of other characters one dash: easy to guess. The token
//! before it is the workspace's own (`LocalIdentity::webhook_token`, random, kept out of the manifest), so only
//! someone who was shown the URL can call a flow, as with the platform's own webhook URLs.

use subtle::ConstantTimeEq;

pub use blocksmith_runner::flow_slug;

use super::error::{Error, Result};

/// The fewest characters a token may have: 32 hex digits are 128 random bits.
pub const MIN_TOKEN_CHARS: usize = 32;

/// Refuses a token too short to be unguessable, or one a URL path cannot carry as it is.
pub fn check_token(token: &str) -> Result<()> {
    if token.len() >= MIN_TOKEN_CHARS && token.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err(Error::Token {
            min: MIN_TOKEN_CHARS,
        })
    }
}

/// The path of a flow's URL: `/<token>/<slug>`.
pub fn flow_path(token: &str, slug: &str) -> String {
    format!("/{token}/{slug}")
}

/// The rest of `path` after its first segment when that segment is `token` (`"/flow-1/x"`, `""` for the bare
/// token), else `None`. The comparison takes the same time however much of a guess is right, so the time of
/// an answer does not lead anyone to the token.
pub fn strip_token<'a>(path: &'a str, token: &str) -> Option<&'a str> {
    let rest = path.strip_prefix('/')?;
    let (segment, after) = match rest.find('/') {
        Some(slash) => rest.split_at(slash),
        None => (rest, ""),
    };
    bool::from(segment.as_bytes().ct_eq(token.as_bytes())).then_some(after)
}

/// One served flow and the first path segment that reaches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowRoute {
    pub flow: String,
    pub slug: String,
}

/// A request path matched to a flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteMatch<'a> {
    pub route: &'a FlowRoute,
    /// The path after the flow's own segment, without its leading slash (`order/created`), or `""`.
    pub path_fragment: String,
}

/// The routes of `flows`, in order. Two names with the same slug ("Orders" and "orders!") get `-2`, `-3`, …
/// so every flow stays reachable.
pub fn routes_for<S: AsRef<str>>(flows: &[S]) -> Vec<FlowRoute> {
    let mut routes: Vec<FlowRoute> = Vec::with_capacity(flows.len());
    for flow in flows {
        let base = flow_slug(flow.as_ref());
        let mut slug = base.clone();
        let mut n = 2;
        while routes.iter().any(|route| route.slug == slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        routes.push(FlowRoute {
            flow: flow.as_ref().to_string(),
            slug,
        });
    }
    routes
}

/// The route a request path (without its query) reaches, if any.
pub fn match_route<'a>(routes: &'a [FlowRoute], path: &str) -> Option<RouteMatch<'a>> {
    let path = path.strip_prefix('/').unwrap_or(path);
    let (segment, rest) = match path.split_once('/') {
        Some((segment, rest)) => (segment, rest),
        None => (path, ""),
    };
    routes
        .iter()
        .find(|route| route.slug == segment)
        .map(|route| RouteMatch {
            route,
            path_fragment: rest.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_with_dashes() {
        assert_eq!(flow_slug("Code Block Flow"), "code-block-flow");
        assert_eq!(flow_slug("  Sync Orders (EU)! "), "sync-orders-eu");
        assert_eq!(flow_slug("getDataFromAPI"), "getdatafromapi");
        assert_eq!(flow_slug("Ünïcode Flow"), "n-code-flow");
        assert_eq!(flow_slug("***"), "flow");
    }

    #[test]
    fn flows_with_the_same_slug_stay_reachable() {
        let routes = routes_for(&["Orders", "orders!", "ORDERS"]);
        let slugs: Vec<_> = routes.iter().map(|r| r.slug.as_str()).collect();
        assert_eq!(slugs, ["orders", "orders-2", "orders-3"]);
    }

    #[test]
    fn only_the_token_opens_the_way_to_a_flow() {
        let token = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            strip_token(&format!("/{token}/orders/x"), token),
            Some("/orders/x")
        );
        assert_eq!(strip_token(&format!("/{token}"), token), Some(""));
        assert_eq!(strip_token("/orders", token), None);
        assert_eq!(strip_token(&format!("/{token}0/orders"), token), None);
        assert_eq!(
            strip_token(&format!("/{}/orders", &token[1..]), token),
            None
        );
        assert_eq!(strip_token(&format!("{token}/orders"), token), None);
        assert_eq!(flow_path(token, "orders"), format!("/{token}/orders"));
    }

    #[test]
    fn a_short_or_unsafe_token_is_refused() {
        assert!(check_token(&"a".repeat(32)).is_ok());
        assert!(check_token(&"a".repeat(31)).is_err());
        assert!(check_token(&format!("{}/", "a".repeat(32))).is_err());
        assert!(check_token("").is_err());
    }

    #[test]
    fn the_rest_of_the_path_is_the_path_fragment() {
        let routes = routes_for(&["Orders", "Refunds"]);
        let hit = match_route(&routes, "/orders").unwrap();
        assert_eq!(
            (hit.route.flow.as_str(), hit.path_fragment.as_str()),
            ("Orders", "")
        );
        let hit = match_route(&routes, "/refunds/order/created").unwrap();
        assert_eq!(hit.route.flow, "Refunds");
        assert_eq!(hit.path_fragment, "order/created");
        assert_eq!(match_route(&routes, "/orders/").unwrap().path_fragment, "");
        assert!(match_route(&routes, "/").is_none());
        assert!(match_route(&routes, "/order").is_none());
        assert!(match_route(&routes, "/ORDERS").is_none());
    }
}
