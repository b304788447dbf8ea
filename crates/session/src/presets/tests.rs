//! The presets Blocksmith ships, filling them in, and the person's own presets file.

use super::*;

fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn fill_built_in(key: &str, pairs: &[(&str, &str)]) -> Result<PresetValues, PresetError> {
    fill_preset(None, key, &params(pairs))
}

fn value<'v>(filled: &'v PresetValues, key: &str) -> &'v str {
    filled
        .values
        .get(key)
        .unwrap_or_else(|| panic!("{key} is filled in"))
}

#[test]
fn blocksmith_offers_the_providers_people_connect_to_each_with_a_note() {
    let listed = provider_presets(None);
    let keys: Vec<&str> = listed.presets.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "google",
            "microsoft-entra-id",
            "salesforce",
            "github",
            "slack",
            "hubspot",
            "atlassian",
            "dropbox",
            "zoom",
            "xero",
            "intuit-quickbooks",
            "okta",
            "auth0"
        ]
    );
    for preset in &listed.presets {
        assert!(!preset.note.trim().is_empty(), "{} has a note", preset.key);
        assert!(!preset.from_user_file);
        // Every preset fills in with sample parameters and passes the form's checks (Catalogue::load's expect
        // would have failed otherwise); here each also fills with its defaults where it has them.
        let sample: Vec<(String, String)> = preset
            .parameters
            .iter()
            .filter(|p| p.default.is_none() && p.required())
            .map(|p| (p.key.clone(), p.format.sample().to_owned()))
            .collect();
        let sample: Vec<(&str, &str)> = sample
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let filled = fill_built_in(&preset.key, &sample).unwrap();
        assert!(
            value(&filled, "tokenUrl").starts_with("https://"),
            "{}",
            preset.key
        );
        assert!(
            matches!(
                value(&filled, CLIENT_AUTHENTICATION_SETTING),
                "basic" | "body"
            ),
            "{} says how the client authenticates",
            preset.key
        );
    }
}

#[test]
fn google_asks_for_a_refresh_token_and_consent_in_the_system_browser() {
    let google = fill_built_in("google", &[]).unwrap();
    assert_eq!(google.kind, "authorizationcode");
    assert_eq!(
        value(&google, "authorizeUrl"),
        "https://accounts.google.com/o/oauth2/v2/auth"
    );
    assert_eq!(
        value(&google, "tokenUrl"),
        "https://oauth2.googleapis.com/token"
    );
    assert_eq!(
        value(&google, ISSUER_SETTING),
        "https://accounts.google.com"
    );
    assert_eq!(
        serde_json::from_str::<Value>(value(&google, AUTHORIZE_PARAMS_SETTING)).unwrap(),
        serde_json::json!({ "access_type": "offline", "prompt": "consent" })
    );
    assert_eq!(value(&google, SYSTEM_BROWSER_SETTING), "true");
    assert_eq!(
        value(&google, TOKEN_PARAMS_SETTING),
        "",
        "unset settings are emptied"
    );
}

#[test]
fn a_tenant_domain_or_environment_goes_into_the_urls() {
    let common = fill_built_in("microsoft-entra-id", &[]).unwrap();
    assert_eq!(
        value(&common, "tokenUrl"),
        "https://login.microsoftonline.com/common/oauth2/v2.0/token"
    );
    let contoso = fill_built_in(
        "microsoft-entra-id",
        &[("tenant", "contoso.onmicrosoft.com")],
    )
    .unwrap();
    assert_eq!(
        value(&contoso, "authorizeUrl"),
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize"
    );
    let sandbox = fill_built_in("salesforce", &[("environment", "test")]).unwrap();
    assert_eq!(
        value(&sandbox, "tokenUrl"),
        "https://test.salesforce.com/services/oauth2/token"
    );
    let okta = fill_built_in("okta", &[("domain", "https://Acme.okta.com/")]).unwrap();
    assert_eq!(
        value(&okta, ISSUER_SETTING),
        "https://acme.okta.com/oauth2/default"
    );
    assert_eq!(value(&okta, SYSTEM_BROWSER_SETTING), "false");
}

#[test]
fn a_parameter_cannot_send_the_connection_elsewhere() {
    let refused =
        |key: &str, pairs: &[(&str, &str)]| fill_built_in(key, pairs).unwrap_err().to_string();
    assert_eq!(
        refused("okta", &[]),
        "Okta domain is needed for the Okta preset."
    );
    assert!(refused("okta", &[("domain", "evil.example/steal?")])
        .starts_with("Okta domain of the Okta preset: "));
    assert!(
        refused("microsoft-entra-id", &[("tenant", "../evil")]).contains("only letters, digits")
    );
    assert!(refused("salesforce", &[("environment", "evil.example/x")])
        .contains("is not one of login, test"));
    assert!(refused("google", &[("tenant", "x")]).contains("has no parameter \"tenant\""));
    assert!(refused("nope", &[])
        .starts_with("There is no provider preset \"nope\"; the presets are: google,"));
}

#[test]
fn an_empty_optional_parameter_leaves_its_request_parameter_out() {
    let without = fill_built_in("auth0", &[("domain", "acme.us.auth0.com")]).unwrap();
    assert_eq!(value(&without, AUTHORIZE_PARAMS_SETTING), "");
    assert_eq!(
        value(&without, ISSUER_SETTING),
        "https://acme.us.auth0.com/"
    );
    let with = fill_built_in(
        "auth0",
        &[
            ("domain", "acme.us.auth0.com"),
            ("audience", "https://api.acme.com/\"x\""),
        ],
    )
    .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(value(&with, AUTHORIZE_PARAMS_SETTING)).unwrap(),
        serde_json::json!({ "audience": "https://api.acme.com/\"x\"" }),
        "a text value is carried as JSON text, quotes and all"
    );
}

fn user_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(USER_PRESETS_FILE);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn the_persons_file_adds_presets_and_replaces_blocksmiths_by_key() {
    let (_dir, path) = user_file(
        r#"
[[provider]]
key = "acme"
label = "Acme ID"
note = "Acme's staging tenant."
kind = "clientcredentials"
tokenUrl = "https://id.acme.test/{region}/token"
tokenParams = { audience = "https://api.acme.test" }

[[provider.parameters]]
key = "region"
label = "Region"
format = "choice"
default = "eu"
choices = [{ value = "eu", label = "Europe" }, { value = "us", label = "United States" }]

[[provider]]
key = "google"
label = "Google (our proxy)"
note = "Through the company's proxy."
authorizeUrl = "https://google-proxy.acme.test/auth"
tokenUrl = "https://google-proxy.acme.test/token"
"#,
    );
    let listed = provider_presets(Some(&path));
    assert_eq!(listed.user_file_problem, None);
    assert_eq!(
        listed.presets[0].label, "Google (our proxy)",
        "replaced in place"
    );
    assert!(listed.presets[0].from_user_file);
    let acme = listed.presets.last().unwrap();
    assert_eq!((acme.key.as_str(), acme.from_user_file), ("acme", true));

    let filled = fill_preset(Some(&path), "acme", &params(&[("region", "us")])).unwrap();
    assert_eq!(filled.kind, "clientcredentials");
    assert_eq!(value(&filled, "tokenUrl"), "https://id.acme.test/us/token");
    assert!(
        !filled.values.contains_key("authorizeUrl"),
        "client credentials has no authorize URL"
    );
    assert!(!filled.values.contains_key(SYSTEM_BROWSER_SETTING));
    let google = fill_preset(Some(&path), "google", &BTreeMap::new()).unwrap();
    assert_eq!(
        value(&google, AUTHORIZE_PARAMS_SETTING),
        "",
        "nothing of Blocksmith's Google is left"
    );
}

#[test]
fn a_broken_file_is_named_and_blocksmiths_presets_stay() {
    let (_dir, path) = user_file("[[provider]]\nkey = \"x\"\nlabel = \"X\"\nnote = \"\"\ntokenUrl = \"https://x.test/t\"\ncolour = \"red\"\n");
    let listed = provider_presets(Some(&path));
    let problem = listed.user_file_problem.expect("the problem is reported");
    assert!(problem.contains(&path.display().to_string()), "{problem}");
    assert!(
        problem.contains("colour") && problem.contains("line"),
        "{problem}"
    );
    assert_eq!(
        listed.presets.len(),
        13,
        "Blocksmith's presets are still offered"
    );
    assert_eq!(
        fill_preset(Some(&path), "x", &BTreeMap::new())
            .unwrap_err()
            .to_string(),
        problem,
        "asking for one of its presets tells why it is missing"
    );
}

#[test]
fn a_preset_that_could_bend_a_url_or_fill_an_invalid_connection_is_refused() {
    let refused = |text: &str| match provider_presets(Some(&user_file(text).1)).user_file_problem {
        Some(problem) => problem,
        None => panic!("refused: {text}"),
    };
    let preset =
        |body: &str| format!("[[provider]]\nkey = \"x\"\nlabel = \"X\"\nnote = \"n\"\n{body}");
    let text_in_url = refused(&preset(
        "tokenUrl = \"https://{who}/token\"\n[[provider.parameters]]\nkey = \"who\"\nlabel = \"Who\"\nformat = \"text\"\n",
    ));
    assert!(
        text_in_url.contains("tokenUrl uses the text parameter {who}"),
        "{text_in_url}"
    );
    let undeclared = refused(&preset("tokenUrl = \"https://{domain}/token\"\n"));
    assert!(
        undeclared.contains("{domain}, which is not one of its parameters"),
        "{undeclared}"
    );
    let plain_http = refused(&preset("tokenUrl = \"http://id.acme.test/token\"\n"));
    assert!(plain_http.contains("https"), "{plain_http}");

    // Plain http with a host parameter is for this machine only: the host given is checked when filled in.
    let (_dir, path) = user_file(&preset(
        "tokenUrl = \"http://{domain}/token\"\n[[provider.parameters]]\nkey = \"domain\"\nlabel = \"Host\"\nformat = \"host\"\n",
    ));
    assert_eq!(provider_presets(Some(&path)).user_file_problem, None);
    let local = fill_preset(Some(&path), "x", &params(&[("domain", "127.0.0.1:8443")])).unwrap();
    assert_eq!(value(&local, "tokenUrl"), "http://127.0.0.1:8443/token");
    let remote = fill_preset(Some(&path), "x", &params(&[("domain", "id.acme.test")])).unwrap_err();
    assert!(
        matches!(remote, PresetError::InvalidFill { .. }),
        "{remote}"
    );
    assert!(remote.to_string().contains("https"), "{remote}");
    let bad_auth = refused(&preset(
        "tokenUrl = \"https://id.acme.test/token\"\nclientAuthentication = \"jwt\"\n",
    ));
    assert!(bad_auth.contains("jwt"), "{bad_auth}");
    let not_oauth = refused(&preset(
        "kind = \"apikey\"\ntokenUrl = \"https://id.acme.test/token\"\n",
    ));
    assert!(
        not_oauth.contains("not authorizationcode or clientcredentials"),
        "{not_oauth}"
    );
}
