//! The six connection kinds of the Code connector (seed: `code-connector.md`), with their inputs exactly as
//! the seed labels and explains them, and which inputs are secret (those live only in the OS keyring).

use serde::Serialize;

/// How an input's value is checked and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum InputFormat {
    Text,
    Url,
    /// An http(s) URL that receives secrets or whose answers are trusted: https, or plain http only on this
    /// machine's loopback address.
    SecureUrl,
    /// Space-separated OAuth 2.0 scopes.
    Scopes,
    /// Name/value rows, stored as a JSON object of header names to values.
    Headers,
    /// A PEM private key (PKCS#1, PKCS#8 or OpenSSH).
    PrivateKey,
    /// On or off, shown as a checkbox: `true`, or `false` (the default, which is not written down).
    Toggle,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InputDefinition {
    pub key: &'static str,
    pub label: &'static str,
    pub comment: &'static str,
    pub secret: bool,
    pub required: bool,
    pub format: InputFormat,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConnectionKind {
    pub key: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    pub oauth: bool,
    /// Whether a token needs the person's consent in a browser (Connect), not just a token request.
    pub consent: bool,
    pub inputs: Vec<InputDefinition>,
    /// Per-connection settings beside the seed's inputs, shown after them: never secret, kept in the manifest.
    pub settings: Vec<InputDefinition>,
}

/// Where the provider redirects after consent, unless a connection names another redirect URI.
macro_rules! default_redirect_uri {
    () => {
        "http://127.0.0.1:8914/callback"
    };
}

/// The redirect URI an authorization code connection uses when its `redirectUri` setting is empty.
pub const DEFAULT_REDIRECT_URI: &str = default_redirect_uri!();

/// The setting naming the redirect URI registered with the provider.
pub const REDIRECT_URI_SETTING: &str = "redirectUri";
/// The setting that makes the consent window keep the provider's login (its cookies) between connects.
pub const REMEMBER_LOGIN_SETTING: &str = "rememberLogin";
/// The setting naming the provider's issuer (RFC 9207).
pub const ISSUER_SETTING: &str = "issuer";
/// The authorization code setting that makes Connect ask for consent in the person's own browser.
pub const SYSTEM_BROWSER_SETTING: &str = "systemBrowser";
/// The setting naming the provider's RFC 7009 revocation endpoint, called on Disconnect.
pub const REVOCATION_URL_SETTING: &str = "revocationUrl";
/// The setting choosing how the client secret is sent: `basic` (the default) or `body`.
pub const CLIENT_AUTHENTICATION_SETTING: &str = "clientAuthentication";
/// The setting holding a JSON object of parameters added to the authorization request.
pub const AUTHORIZE_PARAMS_SETTING: &str = "authorizeParams";
/// The setting holding a JSON object of parameters added to every token request.
pub const TOKEN_PARAMS_SETTING: &str = "tokenParams";

const fn input(
    key: &'static str,
    label: &'static str,
    comment: &'static str,
    secret: bool,
    required: bool,
    format: InputFormat,
) -> InputDefinition {
    InputDefinition {
        key,
        label,
        comment,
        secret,
        required,
        format,
    }
}

/// Every connection kind, in the seed's order.
pub fn connection_kinds() -> Vec<ConnectionKind> {
    use InputFormat::*;
    vec![
        ConnectionKind {
            key: "apikey",
            label: "API Key",
            description: "API Key connection",
            oauth: false,
            consent: false,
            settings: Vec::new(),
            inputs: vec![input("apiKey", "API Key", "API Key", true, true, Text)],
        },
        ConnectionKind {
            key: "apikeysecret",
            label: "API Key Secret",
            description: "API Key Secret connection",
            oauth: false,
            consent: false,
            settings: Vec::new(),
            inputs: vec![
                input("apiKey", "API Key", "API Key", true, true, Text),
                input("apiSecret", "API Secret", "API Secret", true, true, Text),
            ],
        },
        ConnectionKind {
            key: "basic",
            label: "Basic Username/Password",
            description: "Basic Username and Password connection",
            oauth: false,
            consent: false,
            settings: Vec::new(),
            inputs: vec![
                input("username", "Username", "Username", false, true, Text),
                input("password", "Password", "Password", true, true, Text),
            ],
        },
        ConnectionKind {
            key: "authorizationcode",
            label: "OAuth 2.0 Authorization Code",
            description: "OAuth 2.0 Authorization Code flow",
            oauth: true,
            consent: true,
            settings: authorization_code_settings(),
            inputs: oauth_inputs(
                true,
                "Additional header to supply to authorization requests",
            ),
        },
        ConnectionKind {
            key: "clientcredentials",
            label: "OAuth 2.0 Client Credentials",
            description: "OAuth 2.0 Client Credentials flow",
            oauth: true,
            consent: false,
            settings: client_credentials_settings(),
            inputs: oauth_inputs(false, "Additional header to supply to token requests"),
        },
        ConnectionKind {
            key: "privatekey",
            label: "Private Key",
            description: "Private key connection",
            oauth: false,
            consent: false,
            settings: Vec::new(),
            inputs: vec![
                input("username", "Username", "Username", false, true, Text),
                input(
                    "privateKey",
                    "Private Key",
                    "Private Key",
                    true,
                    true,
                    PrivateKey,
                ),
            ],
        },
    ]
}

/// The inputs both OAuth kinds share, in the seed's order; only Authorization Code has an Authorize URL, and
/// the seed words the Headers help differently for each.
fn oauth_inputs(with_authorize_url: bool, headers_comment: &'static str) -> Vec<InputDefinition> {
    use InputFormat::*;
    let authorize_url = input(
        "authorizeUrl",
        "Authorize URL",
        "The OAuth 2.0 Authorization URL for the API",
        false,
        true,
        Url,
    );
    with_authorize_url
        .then_some(authorize_url)
        .into_iter()
        .chain([
            input(
                "tokenUrl",
                "Token URL",
                "The OAuth 2.0 Token URL for the API",
                false,
                true,
                SecureUrl,
            ),
            input(
                "scopes",
                "Scopes",
                "Space separated OAuth 2.0 permission scopes for the API",
                false,
                false,
                Scopes,
            ),
            input(
                "clientId",
                "Client ID",
                "Client Identifier of your app for the API",
                false,
                true,
                Text,
            ),
            input(
                "clientSecret",
                "Client Secret",
                "Client Secret of your app for the API",
                true,
                false,
                Text,
            ),
            input("headers", "Headers", headers_comment, true, false, Headers),
        ])
        .collect()
}

/// How the client secret reaches the provider, for both OAuth kinds.
fn client_authentication_setting() -> InputDefinition {
    input(
        CLIENT_AUTHENTICATION_SETTING,
        "Client authentication",
        "basic (the default): the Client ID and Secret as an Authorization: Basic header. body: both in the \
         request form (client_secret_post), for providers that refuse Basic.",
        false,
        false,
        InputFormat::Text,
    )
}

/// The revocation endpoint, for both OAuth kinds.
fn revocation_url_setting() -> InputDefinition {
    input(
        REVOCATION_URL_SETTING,
        "Revocation URL",
        "Optional: the provider's token revocation endpoint (RFC 7009). Disconnect revokes the token there \
         before forgetting it; without it, the token is only forgotten.",
        false,
        false,
        InputFormat::SecureUrl,
    )
}

/// Extra token request parameters, for both OAuth kinds.
fn token_params_setting() -> InputDefinition {
    input(
        TOKEN_PARAMS_SETTING,
        "Token parameters",
        "Optional: a JSON object of non-secret parameters added to every token request, e.g. \
         {\"audience\": \"https://api.example.com\"}. Kept in the workspace; not part of the YAML export.",
        false,
        false,
        InputFormat::Text,
    )
}

/// The settings of a client credentials connection: the revocation endpoint, the client authentication and extra
/// token parameters.
fn client_credentials_settings() -> Vec<InputDefinition> {
    vec![
        revocation_url_setting(),
        client_authentication_setting(),
        token_params_setting(),
    ]
}

/// The settings of an authorization code connection: the provider's issuer, the redirect URI registered with it,
/// whether the consent window remembers the provider's login, the revocation endpoint, the client authentication
/// and extra parameters.
fn authorization_code_settings() -> Vec<InputDefinition> {
    use InputFormat::*;
    vec![
        input(
            ISSUER_SETTING,
            "Issuer",
            "Optional: the provider's issuer, e.g. https://login.acme.com. Its metadata is read before \
             connecting, and an answer naming another issuer (or none, when the provider promises to name \
             itself) is refused.",
            false,
            false,
            SecureUrl,
        ),
        input(
            REDIRECT_URI_SETTING,
            "Redirect URI",
            concat!(
                "The redirect URI registered with the provider; defaults to ",
                default_redirect_uri!()
            ),
            false,
            false,
            Url,
        ),
        input(
            REMEMBER_LOGIN_SETTING,
            "Remember provider login",
            "Keeps the provider's sign-in between connects (in the sign-in window's own cookie store); off, \
             the window is private and forgets it.",
            false,
            false,
            Toggle,
        ),
        input(
            SYSTEM_BROWSER_SETTING,
            "Consent in the system browser",
            "Connect opens your own browser instead of the sign-in window, for providers that refuse \
             embedded sign-in (Google). Register the loopback redirect URI shown then with the provider.",
            false,
            false,
            Toggle,
        ),
        revocation_url_setting(),
        client_authentication_setting(),
        input(
            AUTHORIZE_PARAMS_SETTING,
            "Authorize parameters",
            "Optional: a JSON object of non-secret parameters added to the authorization request, e.g. \
             {\"access_type\": \"offline\", \"prompt\": \"consent\"}. Kept in the workspace; not part of the \
             YAML export.",
            false,
            false,
            Text,
        ),
        token_params_setting(),
    ]
}

/// The kind with this key (`apikey`, `basic`, …), if there is one.
pub fn connection_kind(key: &str) -> Option<ConnectionKind> {
    connection_kinds().into_iter().find(|kind| kind.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_six_kinds_of_the_seed_with_their_secret_inputs() {
        let secrets: Vec<(&str, Vec<&str>)> = connection_kinds()
            .iter()
            .map(|kind| {
                let secret = kind
                    .inputs
                    .iter()
                    .filter(|i| i.secret)
                    .map(|i| i.key)
                    .collect();
                (kind.key, secret)
            })
            .collect();
        assert_eq!(
            secrets,
            vec![
                ("apikey", vec!["apiKey"]),
                ("apikeysecret", vec!["apiKey", "apiSecret"]),
                ("basic", vec!["password"]),
                ("authorizationcode", vec!["clientSecret", "headers"]),
                ("clientcredentials", vec!["clientSecret", "headers"]),
                ("privatekey", vec!["privateKey"]),
            ]
        );
    }

    #[test]
    fn the_oauth_kinds_carry_their_blocksmith_settings() {
        let settings = |key: &str| -> Vec<&str> {
            connection_kind(key)
                .unwrap()
                .settings
                .iter()
                .map(|setting| setting.key)
                .collect()
        };
        assert_eq!(
            settings("authorizationcode"),
            [
                ISSUER_SETTING,
                REDIRECT_URI_SETTING,
                REMEMBER_LOGIN_SETTING,
                SYSTEM_BROWSER_SETTING,
                REVOCATION_URL_SETTING,
                CLIENT_AUTHENTICATION_SETTING,
                AUTHORIZE_PARAMS_SETTING,
                TOKEN_PARAMS_SETTING,
            ]
        );
        assert_eq!(
            settings("clientcredentials"),
            [
                REVOCATION_URL_SETTING,
                CLIENT_AUTHENTICATION_SETTING,
                TOKEN_PARAMS_SETTING
            ]
        );
        let all_plain = connection_kinds()
            .iter()
            .flat_map(|kind| &kind.settings)
            .all(|setting| !setting.secret && !setting.required);
        assert!(all_plain, "settings are optional and never secret");
    }

    #[test]
    fn looks_up_a_kind_by_key() {
        assert_eq!(
            connection_kind("basic").unwrap().label,
            "Basic Username/Password"
        );
        assert!(connection_kind("nope").is_none());
    }
}
