//! Where the listener takes each flow: `/<flow-slug>` (the flow's name lower-cased, every run of other
//! characters one dash), and anything after it as the trigger's `pathFragment`, as the platform passes the
//! path a caller appends to a webhook URL (`…/order/created`).

pub use blocksmith_runner::flow_slug;

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
