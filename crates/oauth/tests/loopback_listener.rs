//! The loopback redirect listener, driven by a plain HTTP client standing in for the browser.

mod common;

use std::thread;
use std::time::{Duration, Instant};

use blocksmith_oauth::{Error, LoopbackListener};
use common::Person;

#[test]
fn a_provider_that_never_redirects_times_out_with_a_clear_error() {
    let listener = LoopbackListener::bind(0).unwrap();
    let started = Instant::now();

    let error = listener
        .wait_for_redirect("the-state", Duration::from_millis(300))
        .unwrap_err();

    assert!(started.elapsed() >= Duration::from_millis(300));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(error, Error::RedirectTimeout { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains(listener.redirect_uri()), "{message}");
    assert!(message.contains("never redirected back"), "{message}");
    assert!(matches!(
        error,
        blocksmith_oauth::Error::RedirectTimeout { .. }
    ));
}

#[test]
fn the_redirect_is_returned_whole_and_the_browser_is_told_to_close_the_window() {
    let listener = LoopbackListener::bind(0).unwrap();
    let redirect_uri = listener.redirect_uri().to_owned();
    let callback = format!("{redirect_uri}?code=the-code&state=the-state&iss=http%3A%2F%2Fissuer");
    let browser = {
        let base = redirect_uri.trim_end_matches("/callback").to_owned();
        let callback = callback.clone();
        thread::spawn(move || {
            let person = Person::new();
            // A browser asks for an icon first; the listener must keep waiting.
            let icon = person.open(&format!("{base}/favicon.ico"));
            (icon, person.open(&callback))
        })
    };

    let received = listener
        .wait_for_redirect("the-state", Duration::from_secs(10))
        .unwrap();
    let ((icon_status, _), (status, page)) = browser.join().unwrap();

    assert_eq!(received, callback);
    assert_eq!(icon_status, 404);
    assert_eq!(status, 200);
    assert!(page.contains("You can close this window"), "{page}");
}

#[test]
fn a_configured_loopback_redirect_uri_is_listened_on_at_its_port_and_path() {
    let port = common::unused_port();
    let listener =
        LoopbackListener::for_redirect_uri(&format!("http://localhost:{port}/oauth/done")).unwrap();
    assert_eq!(
        listener.redirect_uri(),
        format!("http://localhost:{port}/oauth/done")
    );
    let browser = thread::spawn(move || {
        Person::new().open(&format!(
            "http://127.0.0.1:{port}/oauth/done?error=access_denied&state=s1"
        ))
    });

    let received = listener
        .wait_for_redirect("s1", Duration::from_secs(10))
        .unwrap();

    assert_eq!(browser.join().unwrap().0, 200);
    assert_eq!(
        received,
        format!("http://localhost:{port}/oauth/done?error=access_denied&state=s1")
    );
}

#[test]
fn a_request_with_another_state_or_none_is_ignored_and_the_wait_goes_on() {
    let listener = LoopbackListener::bind(0).unwrap();
    let redirect_uri = listener.redirect_uri().to_owned();
    let awaited = format!("{redirect_uri}?code=real-code&state=awaited");
    let browser = {
        let redirect_uri = redirect_uri.clone();
        let awaited = awaited.clone();
        thread::spawn(move || {
            let person = Person::new();
            let forged = person.open(&format!("{redirect_uri}?code=forged&state=guessed"));
            let stateless = person.open(&format!("{redirect_uri}?error=access_denied"));
            (forged, stateless, person.open(&awaited))
        })
    };

    let received = listener
        .wait_for_redirect("awaited", Duration::from_secs(10))
        .unwrap();
    let ((forged, forged_page), (stateless, _), (status, _)) = browser.join().unwrap();

    assert_eq!(received, awaited);
    assert_eq!((forged, stateless, status), (400, 400, 200));
    assert!(forged_page.contains("ignored"), "{forged_page}");
}

#[test]
fn only_stray_requests_until_the_timeout_end_in_a_timeout() {
    let listener = LoopbackListener::bind(0).unwrap();
    let stray = format!("{}?code=x&state=wrong", listener.redirect_uri());
    let browser = thread::spawn(move || Person::new().open(&stray).0);

    let error = listener
        .wait_for_redirect("awaited", Duration::from_millis(800))
        .unwrap_err();

    assert_eq!(browser.join().unwrap(), 400);
    assert!(matches!(error, Error::RedirectTimeout { .. }), "{error}");
}
