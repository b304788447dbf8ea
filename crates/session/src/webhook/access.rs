//! Who may call the listener. It listens on 127.0.0.1, which every process of the machine can reach, and so can
//! every web page the user visits: a page's `fetch`, form or `<img>` goes to 127.0.0.1 as readily as to its own
//! site. So before a request reaches a flow it must show that it was meant for this listener and that no browser
//! sent it on another site's behalf:
//!
//! - Its `Host` is the listener's own loopback address and port (`127.0.0.1:PORT`, `localhost:PORT`,
//!   `[::1]:PORT`), else 421. A page that points its own name at 127.0.0.1 (DNS rebinding) sends its own name.
//! - Its target is a path (`/…`), not a full URL, whose authority would stand in for the Host.
//! - A browser's marks of another site (`Sec-Fetch-Site: cross-site` or `same-site`, an `Origin` that is not the
//!   listener's own) answer 403. Platform webhooks come from servers, which send neither.
//! - `OPTIONS`, a CORS preflight, answers 405: the listener never allows a cross-origin call, and sends no CORS
//!   header in any answer (see `wire::write_answer`).
//!
//! The unguessable token in the path (`routes`) is checked after these, so none of them depends on it.

use super::wire::{Head, Refusal};

/// The methods a flow's URL answers, named in a 405's `Allow`.
const ALLOWED_METHODS: &str = "GET, HEAD, POST, PUT, PATCH, DELETE";

/// Refuses a request that is not plainly meant for the listener on `port`, or that a browser sent for another
/// site.
pub(super) fn check_caller(head: &Head, port: u16) -> Result<(), Refusal> {
    check_host(head, port)?;
    if !head.target.starts_with('/') {
        return Err(Refusal::new(
            400,
            "The request's target must be a path on this listener (/…), not a full URL.",
        ));
    }
    check_site(head, port)?;
    if head.method.eq_ignore_ascii_case("OPTIONS") {
        return Err(Refusal::new(
            405,
            format!("The webhook listener does not answer OPTIONS; call a flow's URL with {ALLOWED_METHODS}."),
        )
        .with_header("Allow", ALLOWED_METHODS));
    }
    Ok(())
}

fn check_host(head: &Head, port: u16) -> Result<(), Refusal> {
    let mut hosts = head.values("host");
    let Some(host) = hosts.next() else {
        return Err(Refusal::new(
            421,
            "The request has no Host header; call the listener at 127.0.0.1 by the URL it printed.",
        ));
    };
    if hosts.next().is_some() {
        return Err(Refusal::new(
            400,
            "The request has more than one Host header.",
        ));
    }
    if own_hosts(port)
        .iter()
        .any(|own| own.eq_ignore_ascii_case(host.trim()))
    {
        Ok(())
    } else {
        Err(Refusal::new(
            421,
            format!(
                "This listener answers only at 127.0.0.1:{port}, localhost:{port} and [::1]:{port}; the request was meant for another host."
            ),
        ))
    }
}

/// The names this listener goes by: its loopback addresses with its port (and without, on port 80, where
/// clients leave the port out).
fn own_hosts(port: u16) -> Vec<String> {
    let names = ["127.0.0.1", "localhost", "[::1]"];
    let mut hosts: Vec<String> = names.iter().map(|name| format!("{name}:{port}")).collect();
    if port == 80 {
        hosts.extend(names.iter().map(|name| name.to_string()));
    }
    hosts
}

fn check_site(head: &Head, port: u16) -> Result<(), Refusal> {
    let other_site = || {
        Refusal::new(
            403,
            "A web page may not call the webhook listener: the request came from a browser on behalf of another site.",
        )
    };
    for site in head.values("sec-fetch-site") {
        let site = site.trim();
        if site.eq_ignore_ascii_case("cross-site") || site.eq_ignore_ascii_case("same-site") {
            return Err(other_site());
        }
    }
    for origin in head.values("origin") {
        let own = own_hosts(port).iter().any(|host| {
            origin
                .trim()
                .eq_ignore_ascii_case(&format!("http://{host}"))
        });
        if !own {
            return Err(other_site());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(method: &str, target: &str, headers: &[(&str, &str)]) -> Head {
        Head {
            method: method.into(),
            target: target.into(),
            minor_version: 1,
            headers: headers
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
        }
    }

    fn status(method: &str, target: &str, headers: &[(&str, &str)]) -> Option<u16> {
        check_caller(&head(method, target, headers), 4321)
            .err()
            .map(|refusal| refusal.status)
    }

    #[test]
    fn only_the_listeners_own_loopback_host_and_port_are_answered() {
        for own in [
            "127.0.0.1:4321",
            "localhost:4321",
            "LOCALHOST:4321",
            "[::1]:4321",
        ] {
            assert_eq!(status("POST", "/t/f", &[("Host", own)]), None, "{own}");
        }
        for foreign in [
            "attacker.example:4321",
            "attacker.example",
            "127.0.0.1:4322",
            "127.0.0.1",
            "localhost.:4321",
            "127.0.0.1.nip.io:4321",
            "",
        ] {
            assert_eq!(
                status("POST", "/t/f", &[("Host", foreign)]),
                Some(421),
                "{foreign}"
            );
        }
        assert_eq!(status("POST", "/t/f", &[]), Some(421));
        assert_eq!(
            status(
                "POST",
                "/t/f",
                &[("Host", "127.0.0.1:4321"), ("Host", "evil:4321")]
            ),
            Some(400)
        );
        assert!(own_hosts(80).contains(&"localhost".to_string()));
    }

    #[test]
    fn a_full_url_as_target_is_refused() {
        assert_eq!(
            status(
                "POST",
                "http://127.0.0.1:4321/t/f",
                &[("Host", "127.0.0.1:4321")]
            ),
            Some(400)
        );
        assert_eq!(
            status("OPTIONS", "*", &[("Host", "127.0.0.1:4321")]),
            Some(400)
        );
    }

    #[test]
    fn requests_a_browser_marks_as_from_another_site_are_refused() {
        let host = ("Host", "127.0.0.1:4321");
        for marks in [
            vec![("Sec-Fetch-Site", "cross-site")],
            vec![("Sec-Fetch-Site", "same-site")],
            vec![("Origin", "https://attacker.example")],
            vec![("Origin", "null")],
            vec![("Origin", "http://127.0.0.1:4322")],
            vec![
                ("Origin", "http://127.0.0.1:4321"),
                ("Origin", "https://a.example"),
            ],
        ] {
            let mut headers = vec![host];
            headers.extend(marks.iter().copied());
            assert_eq!(status("POST", "/t/f", &headers), Some(403), "{marks:?}");
        }
        for marks in [
            vec![
                ("Sec-Fetch-Site", "same-origin"),
                ("Origin", "http://127.0.0.1:4321"),
            ],
            vec![("Sec-Fetch-Site", "none")],
            vec![("Origin", "http://localhost:4321")],
        ] {
            let mut headers = vec![host];
            headers.extend(marks.iter().copied());
            assert_eq!(status("POST", "/t/f", &headers), None, "{marks:?}");
        }
    }

    #[test]
    fn options_is_never_answered_as_a_call() {
        assert_eq!(
            status(
                "OPTIONS",
                "/t/f",
                &[
                    ("Host", "127.0.0.1:4321"),
                    ("Access-Control-Request-Method", "POST")
                ]
            ),
            Some(405)
        );
    }
}
