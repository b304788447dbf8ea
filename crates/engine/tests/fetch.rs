//! `fetch` against a real HTTP server on 127.0.0.1 started by the test: JSON, text, request headers,
//! POST bodies, 404, a redirect, a refused connection, and slow answers hitting both timeouts.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use blocksmith_engine::{run_block, BlockKind, EngineOptions};
use serde_json::json;

/// Serves one connection: reads the request head and body, answers by path.
fn answer(stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    reader.read_line(&mut request_line).unwrap();
    let path = request_line.split(' ').nth(1).unwrap_or("/").to_owned();
    let mut content_length = 0;
    let mut probe = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        let (name, value) = line.split_once(':').unwrap();
        match name.to_ascii_lowercase().as_str() {
            "content-length" => content_length = value.trim().parse().unwrap(),
            "x-probe" => probe = value.trim().to_owned(),
            _ => {}
        }
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body).unwrap();
    let (status, headers, body) = match path.as_str() {
        "/json" => (
            "200 OK",
            "Content-Type: application/json\r\n".to_owned(),
            format!(r#"{{"probe":"{probe}"}}"#),
        ),
        "/echo" => (
            "200 OK",
            String::new(),
            format!("echo:{}", String::from_utf8_lossy(&body)),
        ),
        "/redirect" => ("302 Found", "Location: /json\r\n".to_owned(), String::new()),
        "/slow" => {
            std::thread::sleep(Duration::from_millis(1500));
            ("200 OK", String::new(), "late".to_owned())
        }
        _ => ("404 Not Found", String::new(), "nothing here".to_owned()),
    };
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// Starts the server on a free port and returns its base URL.
fn start_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    format!("http://{address}")
}

/// A URL on 127.0.0.1 where nothing listens: bind a port, then free it.
fn refused_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{address}/")
}

#[test]
fn fetch_talks_to_a_real_server_as_node_does() {
    let base = start_server();
    let mut request = common::request("fetch-everything.js", BlockKind::Action, json!({}));
    request.config_vars = json!({ "Server": base, "Refused": refused_url() });
    let report = run_block(&request, &EngineOptions::default());
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    assert_eq!(
        report.outcome.result,
        json!({
            "json": { "status": 200, "body": { "probe": "42" }, "type": "application/json" },
            "posted": { "status": 200, "body": "echo:ping" },
            "missing": { "status": 404, "ok": false, "statusText": "Not Found", "body": "nothing here" },
            "redirected": { "status": 200, "redirected": true, "url": "/json" },
            "refused": ["TypeError", "fetch failed"],
            "timedOut": "TimeoutError",
        })
    );
}

#[test]
fn a_request_past_the_default_timeout_fails_with_fetch_failed() {
    let base = start_server();
    let mut request = common::request("fetch-default-timeout.js", BlockKind::Action, json!({}));
    request.config_vars = json!({ "Server": base });
    let options = EngineOptions {
        fetch_timeout_ms: 200,
        ..EngineOptions::default()
    };
    let report = run_block(&request, &options);
    assert_eq!(
        report.outcome.result,
        json!([
            "TypeError",
            "fetch failed",
            "the request did not finish within 200 ms"
        ])
    );
    assert!(
        report.outcome.duration_ms < 1400.0,
        "took {} ms",
        report.outcome.duration_ms
    );
}
