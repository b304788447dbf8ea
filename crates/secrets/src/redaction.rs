//! Redaction: finding the secret values a run was given in what the run leaves behind, and replacing them
//! with [`REDACTION_MARKER`].
//!
//! A block does not only log a secret as it was given. It logs `JSON.stringify(configVars)` (a PEM key's
//! newlines become `\n`, a `"` in a password becomes `\"`), builds `Basic ` + base64(`user:password`),
//! URL-encodes a key into a query, hex-dumps a digest input, prints a PEM key line by line. So each secret
//! is searched for in every such form:
//!
//! - as is, JSON-escaped (once and twice);
//! - base64 and base64url, with or without padding, also inside a longer base64 text (`user:secret`) at
//!   any offset: for each of the three byte alignments, the run of characters that depends on the secret's
//!   bytes alone is searched for, and a match is widened by the one character on each side that mixes the
//!   secret's bits with its neighbours' (that character would give away a few of the secret's bits);
//! - URL-encoded as `encodeURIComponent`, RFC 3986 and HTML forms encode it (`%20` and `+` for a space),
//!   with upper- or lower-case hex digits;
//! - hex, in either case;
//! - for a PEM key, each body line on its own and every 16-character run of its body, so a key printed
//!   line by line or re-wrapped at another width is still caught;
//! - for a JWT, each of its three parts.
//!
//! All forms of all secrets go into one Aho-Corasick automaton, built once (per run) and then applied to
//! each string in one pass. Every match is marked, overlapping and adjacent matches are merged, and each
//! merged span becomes one marker, so the rest of the text stays readable.
//!
//! A secret shorter than [`MIN_REDACTED_CHARS`] characters is not searched for: hiding every `abc` in a
//! log would hide ordinary words and, by what went missing, give the secret away. The connection form and
//! `blocksmith connections add` warn about such a value instead (see [`too_short_to_redact`]).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{Map, Value};

/// What a secret is replaced with in text a person sees or Blocksmith keeps.
pub const REDACTION_MARKER: &str = "«redacted»";

/// Secrets shorter than this many characters are not searched for (see the module's documentation).
pub const MIN_REDACTED_CHARS: usize = 6;

/// The length of the overlapping runs of a PEM body that are searched for, so that a re-wrapped key is
/// caught: every line of a re-wrapped key at least this long is covered whole by runs that match.
const PEM_RUN_CHARS: usize = 16;

/// What `encodeURIComponent` leaves as it is: letters, digits and `-_.!~*'()`.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// What RFC 3986 calls unreserved (and Python's `quote`, Go's `QueryEscape` for `%20` style, and most
/// libraries leave as it is): letters, digits and `-._~`.
const RFC3986_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Whether `value` is a secret too short to be searched for in what runs leave behind: non-empty and
/// shorter than [`MIN_REDACTED_CHARS`] characters.
pub fn too_short_to_redact(value: &str) -> bool {
    let chars = value.chars().count();
    chars > 0 && chars < MIN_REDACTED_CHARS
}

/// The automaton over every form of a set of secrets could not be built.
#[derive(Debug, thiserror::Error)]
#[error(
    "The secrets could not be prepared for redaction ({reason}), so nothing was run or shown. Shorten the \
     largest secret values (a private key or headers of many kilobytes) and try again."
)]
pub struct RedactorError {
    reason: String,
}

/// Finds every form of a set of secret values in text and replaces each with [`REDACTION_MARKER`]. Built
/// once from the secrets (see [`Redactor::new`]); cloning it is cheap.
#[derive(Clone, Default)]
pub struct Redactor {
    search: Option<Arc<Search>>,
}

struct Search {
    automaton: AhoCorasick,
    /// For each pattern of the automaton, by its index: whether a match is widened on each side.
    widen: Vec<Widen>,
    /// For each pattern, by its index: the index in `labels` of the secret it is a form of.
    secret_of: Vec<usize>,
    /// For each secret, by the order it was given in: what names it in place of its value (see
    /// [`Redactor::labelled`]); empty for a redactor built with [`Redactor::new`].
    labels: Vec<String>,
}

/// For a base64 run of a secret inside a longer base64 text: whether the character just before (after)
/// the run mixes the secret's bits with its neighbour's, and so is redacted with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Widen {
    left: bool,
    right: bool,
}

impl fmt::Debug for Redactor {
    /// Never prints a pattern: each is a secret in some form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let forms = self.search.as_ref().map_or(0, |search| search.widen.len());
        f.debug_struct("Redactor").field("forms", &forms).finish()
    }
}

impl Redactor {
    /// A redactor that finds nothing: for a run that was given no secrets.
    pub fn none() -> Redactor {
        Redactor::default()
    }

    /// Builds the search for every form of each of `secrets`. Empty secrets and those shorter than
    /// [`MIN_REDACTED_CHARS`] are left out.
    pub fn new<I, S>(secrets: I) -> Result<Redactor, RedactorError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut forms = Forms::default();
        for (index, secret) in secrets.into_iter().enumerate() {
            forms.add_secret(secret.as_ref(), index);
        }
        Self::search_for(forms, Vec::new())
    }

    /// As [`Redactor::new`], each secret given with a label that [`Redactor::label_str`] puts in place of
    /// its value (e.g. `{{Acme.apiKey}}` in a recorded request), while [`Redactor::redact_str`] still puts
    /// [`REDACTION_MARKER`]. Where two secrets share a form, the first one given names it.
    pub fn labelled<I, S, L>(secrets: I) -> Result<Redactor, RedactorError>
    where
        I: IntoIterator<Item = (S, L)>,
        S: AsRef<str>,
        L: Into<String>,
    {
        let mut forms = Forms::default();
        let mut labels = Vec::new();
        for (index, (secret, label)) in secrets.into_iter().enumerate() {
            forms.add_secret(secret.as_ref(), index);
            labels.push(label.into());
        }
        Self::search_for(forms, labels)
    }

    fn search_for(forms: Forms, labels: Vec<String>) -> Result<Redactor, RedactorError> {
        if forms.patterns.is_empty() {
            return Ok(Redactor::none());
        }
        let mut patterns = Vec::with_capacity(forms.patterns.len());
        let mut widen = Vec::with_capacity(forms.patterns.len());
        let mut secret_of = Vec::with_capacity(forms.patterns.len());
        for (pattern, form) in forms.patterns {
            patterns.push(pattern);
            widen.push(form.widen);
            secret_of.push(form.secret);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|error| RedactorError {
                reason: error.to_string(),
            })?;
        Ok(Redactor {
            search: Some(Arc::new(Search {
                automaton,
                widen,
                secret_of,
                labels,
            })),
        })
    }

    /// Whether this redactor searches for nothing (no secret long enough was given).
    pub fn is_empty(&self) -> bool {
        self.search.is_none()
    }

    /// `text` with every form of every secret replaced by [`REDACTION_MARKER`]; borrowed when it holds none.
    pub fn redact_str<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.replace(text, |_| REDACTION_MARKER)
    }

    /// `text` with every form of every secret replaced by the label it was given to [`Redactor::labelled`]
    /// with (by [`REDACTION_MARKER`] for a redactor built without labels); borrowed when it holds none.
    pub fn label_str<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.replace(text, |secret| {
            self.search
                .as_ref()
                .and_then(|search| search.labels.get(secret))
                .map_or(REDACTION_MARKER, String::as_str)
        })
    }

    /// `text` with each span holding a form of a secret replaced by `replacement(secret)`, where `secret` is
    /// the index of the (first) secret the span's first match is a form of.
    fn replace<'t, 'r>(
        &'r self,
        text: &'t str,
        replacement: impl Fn(usize) -> &'r str,
    ) -> Cow<'t, str> {
        let Some(search) = &self.search else {
            return Cow::Borrowed(text);
        };
        let bytes = text.as_bytes();
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for found in search.automaton.find_overlapping_iter(text) {
            let pattern = found.pattern().as_usize();
            let widen = search.widen[pattern];
            let (mut start, mut end) = (found.start(), found.end());
            if widen.left && start > 0 && is_base64_char(bytes[start - 1]) {
                start -= 1;
            }
            if widen.right && end < bytes.len() && is_base64_char(bytes[end]) {
                end += 1;
            }
            spans.push((start, end, search.secret_of[pattern]));
        }
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        spans.sort_unstable();
        let mut redacted = String::with_capacity(text.len());
        let mut copied_up_to = 0;
        let mut spans = spans.into_iter().peekable();
        while let Some((start, mut end, secret)) = spans.next() {
            while let Some(&(next_start, next_end, _)) = spans.peek() {
                if next_start > end {
                    break;
                }
                end = end.max(next_end);
                spans.next();
            }
            // A span that began inside the previous one was merged into it above.
            let start = start.max(copied_up_to);
            redacted.push_str(&text[copied_up_to..start]);
            redacted.push_str(replacement(secret));
            copied_up_to = end;
        }
        redacted.push_str(&text[copied_up_to..]);
        Cow::Owned(redacted)
    }

    /// Redacts `text` in place.
    pub fn redact_string(&self, text: &mut String) {
        if let Cow::Owned(redacted) = self.redact_str(text) {
            *text = redacted;
        }
    }

    /// Redacts every string in `value`, object keys included, at any depth (the walk keeps its own stack,
    /// so however deep a block nests its output, redacting it cannot overflow the thread's stack).
    pub fn redact_json(&self, value: &mut Value) {
        if self.is_empty() {
            return;
        }
        let mut pending: Vec<&mut Value> = vec![value];
        while let Some(value) = pending.pop() {
            match value {
                Value::String(text) => self.redact_string(text),
                Value::Array(items) => pending.extend(items.iter_mut()),
                Value::Object(members) => {
                    if members.keys().any(|key| self.finds_in(key)) {
                        let renamed: Map<String, Value> = std::mem::take(members)
                            .into_iter()
                            .map(|(key, member)| (self.redact_str(&key).into_owned(), member))
                            .collect();
                        *members = renamed;
                    }
                    pending.extend(members.values_mut());
                }
                Value::Null | Value::Bool(_) | Value::Number(_) => {}
            }
        }
    }

    /// JSON `text` with every string redacted as [`Redactor::redact_json`] redacts it. A text that holds no
    /// form of a secret and no `\u` escape (which could spell one the search cannot see) is answered as it is,
    /// searched once and never parsed: a large result without secrets costs one pass. Otherwise it is read
    /// value by value, redacted and printed again; that fails when it is not JSON or nests deeper than the
    /// JSON reader allows, and then it cannot be checked.
    pub fn redact_json_text<'t>(&self, text: &'t str) -> serde_json::Result<Cow<'t, str>> {
        if self.is_empty() || (!text.contains("\\u") && !self.finds_in(text)) {
            return Ok(Cow::Borrowed(text));
        }
        let mut value: Value = serde_json::from_str(text)?;
        self.redact_json(&mut value);
        Ok(Cow::Owned(value.to_string()))
    }

    /// Whether `text` holds some form of a secret.
    pub fn finds_in(&self, text: &str) -> bool {
        self.search
            .as_ref()
            .is_some_and(|search| search.automaton.is_match(text))
    }
}

fn is_base64_char(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'-' | b'_')
}

/// The patterns to search for, each once, with how its matches are widened and whose form it is.
#[derive(Default)]
struct Forms {
    patterns: BTreeMap<String, Form>,
    /// The index of the secret whose forms are being added.
    secret: usize,
}

/// One pattern's widening, and the (first) secret it is a form of.
#[derive(Debug, Clone, Copy, Default)]
struct Form {
    widen: Widen,
    secret: usize,
}

impl Forms {
    fn add_secret(&mut self, secret: &str, index: usize) {
        if secret.chars().count() < MIN_REDACTED_CHARS {
            return;
        }
        self.secret = index;
        let json_once = json_escaped(secret);
        let json_twice = json_escaped(&json_once);
        for text in [secret, json_once.as_str(), json_twice.as_str()] {
            self.add(text.to_owned(), Widen::default());
        }
        // Base64 and hex of the text as given and of its JSON (`btoa(JSON.stringify(configVars))`).
        for text in dedup([secret, json_once.as_str()]) {
            self.add_base64(text.as_bytes());
            self.add(hex::encode(text), Widen::default());
            self.add(hex::encode_upper(text), Widen::default());
        }
        for encoded in url_encodings(secret) {
            self.add(encoded, Widen::default());
        }
        for line in pem_body_lines(secret) {
            self.add(line.to_owned(), Widen::default());
        }
        self.add_pem_runs(secret);
        for part in jwt_parts(secret) {
            self.add(part.to_owned(), Widen::default());
        }
    }

    fn add(&mut self, pattern: String, widen: Widen) {
        if pattern.chars().count() < MIN_REDACTED_CHARS {
            return;
        }
        let kept = self.patterns.entry(pattern).or_insert(Form {
            widen: Widen::default(),
            secret: self.secret,
        });
        kept.widen.left |= widen.left;
        kept.widen.right |= widen.right;
    }

    /// For each of the three byte alignments the secret can have inside a longer text, the base64 (and
    /// base64url) characters that depend on the secret's bytes alone.
    fn add_base64(&mut self, secret: &[u8]) {
        for alignment in 0..3 {
            let mut shifted = vec![0u8; alignment];
            shifted.extend_from_slice(secret);
            let start_bit = 8 * alignment;
            let end_bit = 8 * (alignment + secret.len());
            let first = start_bit.div_ceil(6);
            let last = end_bit / 6;
            if last <= first {
                continue;
            }
            let widen = Widen {
                left: !start_bit.is_multiple_of(6),
                right: !end_bit.is_multiple_of(6),
            };
            let standard = STANDARD_NO_PAD.encode(&shifted);
            self.add(standard[first..last].to_owned(), widen);
            let url_safe = URL_SAFE_NO_PAD.encode(&shifted);
            self.add(url_safe[first..last].to_owned(), widen);
        }
    }

    /// Every run of [`PEM_RUN_CHARS`] characters of a PEM body (its lines joined), and its shorter endings,
    /// so that a re-wrapped key is covered whole, its last short line included.
    fn add_pem_runs(&mut self, secret: &str) {
        let body: String = pem_body_lines(secret).collect();
        if body.len() < MIN_REDACTED_CHARS {
            return;
        }
        // The body is base64: one byte per character.
        let run = PEM_RUN_CHARS.min(body.len());
        for start in 0..=body.len() - run {
            self.add(body[start..start + run].to_owned(), Widen::default());
        }
        for length in MIN_REDACTED_CHARS..run {
            self.add(body[body.len() - length..].to_owned(), Widen::default());
            self.add(body[..length].to_owned(), Widen::default());
        }
    }
}

fn dedup(texts: [&str; 2]) -> impl Iterator<Item = &str> {
    let [first, second] = texts;
    std::iter::once(first).chain((second != first).then_some(second))
}

/// `text` as it appears between the quotes of `JSON.stringify(text)`.
fn json_escaped(text: &str) -> String {
    let quoted = Value::String(text.to_owned()).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}

/// `secret` URL-encoded as the usual encoders do it: `encodeURIComponent`, RFC 3986 and HTML forms; each
/// with `%20` or `+` for a space, and with upper- or lower-case hex digits.
fn url_encodings(secret: &str) -> Vec<String> {
    let percent_styles = [
        utf8_percent_encode(secret, URI_COMPONENT).to_string(),
        utf8_percent_encode(secret, RFC3986_UNRESERVED).to_string(),
        form_urlencoded::byte_serialize(secret.as_bytes()).collect::<String>(),
    ];
    let mut encodings = Vec::new();
    for encoded in percent_styles {
        for spaces in [encoded.replace("%20", "+"), encoded.replace('+', "%20")] {
            encodings.push(lower_case_hex_escapes(&spaces));
            encodings.push(spaces);
        }
        encodings.push(lower_case_hex_escapes(&encoded));
        encodings.push(encoded);
    }
    encodings.retain(|encoded| encoded != secret);
    encodings
}

fn lower_case_hex_escapes(encoded: &str) -> String {
    let mut lowered = String::with_capacity(encoded.len());
    let mut hex_digits_left = 0;
    for c in encoded.chars() {
        if hex_digits_left > 0 {
            lowered.push(c.to_ascii_lowercase());
            hex_digits_left -= 1;
        } else {
            hex_digits_left = if c == '%' { 2 } else { 0 };
            lowered.push(c);
        }
    }
    lowered
}

/// The base64 body lines of a PEM block (`-----BEGIN …-----` to `-----END …-----`), trimmed; its header
/// lines (`Proc-Type: …`) left out. Nothing when `secret` holds no PEM block.
fn pem_body_lines(secret: &str) -> impl Iterator<Item = &str> {
    let mut inside = false;
    secret.lines().map(str::trim).filter(move |line| {
        if line.starts_with("-----BEGIN ") {
            inside = true;
            return false;
        }
        if line.starts_with("-----END ") {
            inside = false;
            return false;
        }
        inside
            && !line.is_empty()
            && line
                .bytes()
                .all(|byte| is_base64_char(byte) || byte == b'=')
    })
}

/// The three parts of a JSON Web Token (`header.payload.signature`, each base64url), so a block that logs
/// one of them alone is caught too. Nothing when `secret` is not shaped like one.
fn jwt_parts(secret: &str) -> Vec<&str> {
    let parts: Vec<&str> = secret.split('.').collect();
    let shaped_like_jwt = parts.len() == 3
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(is_base64_char));
    if shaped_like_jwt {
        parts
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{STANDARD, URL_SAFE};
    use serde_json::json;

    const PASSWORD: &str = r#"pa"ss\wörd 1+2/3"#;

    fn redactor(secrets: &[&str]) -> Redactor {
        Redactor::new(secrets).unwrap()
    }

    fn assert_hidden(redactor: &Redactor, text: &str, secret_form: &str) {
        let redacted = redactor.redact_str(text);
        assert!(
            !redacted.contains(secret_form),
            "{secret_form:?} is still in {redacted:?}"
        );
        assert!(redacted.contains(REDACTION_MARKER), "{redacted:?}");
    }

    #[test]
    fn the_secret_as_is_is_replaced_and_the_rest_of_the_text_kept() {
        let redactor = redactor(&["s3cr3t-token"]);
        assert_eq!(
            redactor.redact_str("calling with Bearer s3cr3t-token now"),
            "calling with Bearer «redacted» now"
        );
        assert_eq!(redactor.redact_str("nothing here"), "nothing here");
        assert!(matches!(redactor.redact_str("nothing"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escaped_secrets_are_caught_once_and_twice_escaped() {
        let redactor = redactor(&[PASSWORD]);
        let once = json!({ "password": PASSWORD }).to_string();
        assert_hidden(&redactor, &once, "ss\\\\w");
        let twice = Value::String(once.clone()).to_string();
        assert_hidden(&redactor, &twice, "wörd");
    }

    #[test]
    fn a_pem_key_with_escaped_newlines_is_caught_whole() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nq2Vq3lq9Zx0pYw==\n-----END PRIVATE KEY-----\n";
        let redactor = redactor(&[pem]);
        let logged = json!({ "Deploy": { "fields": { "privateKey": pem } } }).to_string();
        let redacted = redactor.redact_str(&logged);
        assert!(!redacted.contains("MIIEvQ"), "{redacted}");
        assert!(!redacted.contains("q2Vq3lq9Zx0pYw"), "{redacted}");
    }

    #[test]
    fn base64_and_base64url_are_caught_at_every_offset_with_or_without_padding() {
        let redactor = redactor(&[PASSWORD]);
        for prefix in ["", "a", "ab", "abc", "user:", "deploy-bot:"] {
            for suffix in ["", "!", "xy"] {
                let plain = format!("{prefix}{PASSWORD}{suffix}");
                for encoded in [
                    STANDARD.encode(&plain),
                    STANDARD_NO_PAD.encode(&plain),
                    URL_SAFE.encode(&plain),
                    URL_SAFE_NO_PAD.encode(&plain),
                ] {
                    let text = format!("Authorization: Basic {encoded}");
                    let redacted = redactor.redact_str(&text);
                    assert!(redacted.starts_with("Authorization: Basic "), "{redacted}");
                    // What is left besides the marker is at most the characters made of the prefix's and
                    // the suffix's bits alone, and the padding.
                    let kept =
                        redacted["Authorization: Basic ".len()..].replacen(REDACTION_MARKER, "", 1);
                    let neighbours_only =
                        (prefix.len() * 8).div_ceil(6) + (suffix.len() * 8).div_ceil(6) + 2;
                    assert!(
                        !kept.contains(REDACTION_MARKER) && kept.len() <= neighbours_only,
                        "{prefix:?}+{suffix:?}: {redacted}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_characters_mixing_the_secret_with_its_neighbours_are_redacted_too() {
        // "u:" before a 9-byte secret: the secret starts 2 bytes into a 3-byte group.
        let redactor = redactor(&["hunter222"]);
        let encoded = STANDARD.encode("u:hunter222");
        let redacted = redactor.redact_str(&encoded);
        // Only characters made of the prefix's bits alone may stay: "u:" is 16 bits, two whole characters.
        let kept: String = redacted.replace(REDACTION_MARKER, "");
        assert!(kept.len() <= 2 + 2, "{redacted}");
        assert!(redacted.starts_with(&encoded[..2]), "{redacted}");
    }

    #[test]
    fn url_encoded_forms_are_caught_in_every_style() {
        let secret = "p@ss w/rd!(x)";
        let redactor = redactor(&[secret]);
        for encoded in [
            "p%40ss%20w%2Frd!(x)",
            "p%40ss+w%2Frd!(x)",
            "p%40ss%20w%2frd!(x)",
            "p%40ss+w%2Frd%21%28x%29",
            "p%40ss%20w%2Frd%21%28x%29",
            "p%40ss%20w%2frd%21%28x%29",
        ] {
            assert_hidden(
                &redactor,
                &format!("https://api.test/?q={encoded}&x=1"),
                encoded,
            );
        }
    }

    #[test]
    fn hex_in_either_case_is_caught() {
        let redactor = redactor(&[PASSWORD]);
        for encoded in [hex::encode(PASSWORD), hex::encode_upper(PASSWORD)] {
            assert_hidden(&redactor, &format!("digest input {encoded}."), &encoded);
        }
    }

    #[test]
    fn a_pem_key_printed_line_by_line_or_rewrapped_is_caught() {
        let body: String = (0..300)
            .map(|i| {
                char::from(
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                        [(i * 7 + i / 5) % 64],
                )
            })
            .collect();
        let wrapped = |width: usize| -> Vec<String> {
            body.as_bytes()
                .chunks(width)
                .map(|chunk| String::from_utf8(chunk.to_vec()).unwrap())
                .collect()
        };
        let pem = format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----",
            wrapped(64).join("\n")
        );
        let redactor = redactor(&[&pem]);
        for width in [64, 76, 40, 17] {
            for line in wrapped(width) {
                let redacted = redactor.redact_str(&line);
                assert_eq!(redacted, REDACTION_MARKER, "width {width}: {line}");
            }
        }
    }

    #[test]
    fn jwt_parts_are_caught_alone() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJlLWJ5dGVz";
        let redactor = redactor(&[jwt]);
        assert_hidden(
            &redactor,
            "payload eyJzdWIiOiJhbm4ifQ",
            "eyJzdWIiOiJhbm4ifQ",
        );
        assert_hidden(
            &redactor,
            "sig=c2lnbmF0dXJlLWJ5dGVz",
            "c2lnbmF0dXJlLWJ5dGVz",
        );
    }

    #[test]
    fn short_secrets_are_not_searched_for() {
        assert!(too_short_to_redact("abc12"));
        assert!(!too_short_to_redact("abc123"));
        assert!(!too_short_to_redact(""));
        let redactor = redactor(&["abc12", ""]);
        assert!(redactor.is_empty());
        assert_eq!(redactor.redact_str("abc12 stays"), "abc12 stays");
    }

    #[test]
    fn overlapping_secrets_become_one_marker() {
        let redactor = redactor(&["abcdefgh", "efghijkl"]);
        assert_eq!(redactor.redact_str("x abcdefghijkl y"), "x «redacted» y");
    }

    #[test]
    fn every_string_of_a_json_value_is_redacted_keys_included_at_any_depth() {
        let redactor = redactor(&["s3cr3t-token"]);
        let mut value = json!({
            "list": ["xs3cr3t-tokenx", 1, null],
            "s3cr3t-token": { "k": "s3cr3t-token" },
            "plain": "zzz"
        });
        redactor.redact_json(&mut value);
        assert_eq!(
            value,
            json!({ "list": ["x«redacted»x", 1, null], "«redacted»": { "k": "«redacted»" }, "plain": "zzz" })
        );

        let mut deep = json!("s3cr3t-token");
        for _ in 0..100_000 {
            deep = Value::Array(vec![deep]);
        }
        redactor.redact_json(&mut deep);
        let mut innermost = &deep;
        while let Value::Array(items) = innermost {
            innermost = &items[0];
        }
        assert_eq!(innermost, &json!(REDACTION_MARKER));
        // serde_json drops a value recursively; take it apart here so the test's own stack is not the limit.
        let mut rest = vec![deep];
        while let Some(mut value) = rest.pop() {
            if let Value::Array(items) = &mut value {
                rest.append(items);
            }
        }
    }

    #[test]
    fn its_debug_form_shows_no_secret() {
        let printed = format!("{:?}", redactor(&["s3cr3t-token"]));
        assert!(!printed.contains("s3cr3t"), "{printed}");
    }

    #[test]
    fn labelled_secrets_are_named_by_their_label_in_every_form_and_marked_otherwise() {
        let redactor = Redactor::labelled([
            ("key-8f3a2c19", "{{Acme.apiKey}}"),
            ("pass/word+1", "{{Acme.password}}"),
        ])
        .unwrap();
        let url = "https://api.test/items?key=key-8f3a2c19&pw=pass%2Fword%2B1";
        assert_eq!(
            redactor.label_str(url),
            "https://api.test/items?key={{Acme.apiKey}}&pw={{Acme.password}}"
        );
        assert_eq!(
            redactor.redact_str(url),
            format!("https://api.test/items?key={REDACTION_MARKER}&pw={REDACTION_MARKER}")
        );
        let basic = STANDARD_NO_PAD.encode("user:pass/word+1");
        assert!(redactor
            .label_str(&format!("Basic {basic}"))
            .contains("{{Acme.password}}"));
        let unlabelled = Redactor::new(["key-8f3a2c19"]).unwrap();
        assert_eq!(
            unlabelled.label_str("key-8f3a2c19"),
            REDACTION_MARKER,
            "without labels a secret is only marked"
        );
    }

    #[test]
    fn json_text_is_redacted_and_passed_on_untouched_when_it_cannot_hold_a_secret() {
        let redactor = redactor(&["hunter2-hunter2"]);
        let plain = r#"{ "plain" : [1, 2] }"#;
        assert!(
            matches!(redactor.redact_json_text(plain), Ok(Cow::Borrowed(text)) if text == plain)
        );
        assert_eq!(
            redactor
                .redact_json_text(r#"{"key":"hunter2-hunter2","n":1}"#)
                .unwrap(),
            format!(r#"{{"key":"{REDACTION_MARKER}","n":1}}"#)
        );
        // A \u escape may spell a secret the search cannot see in the text: it is read, and redacted.
        assert_eq!(
            redactor
                .redact_json_text(r#""\u0068unter2-hunter2""#)
                .unwrap(),
            format!(r#""{REDACTION_MARKER}""#)
        );
        let deep = format!("{}\"hunter2-hunter2\"{}", "[".repeat(200), "]".repeat(200));
        assert!(
            redactor.redact_json_text(&deep).is_err(),
            "too deep to be checked"
        );
    }
}
