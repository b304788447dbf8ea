//! The OAuth operations on one connection: start and finish an authorization code flow, fetch a
//! client credentials token, refresh, revoke. Each call is blocking (the CLI is synchronous; the
//! app runs these on `tauri::async_runtime::spawn_blocking`) and returns values only: storing a
//! token is the caller's job, so a failure leaves the stored token as it was.

use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use oauth2::basic::BasicClient;
use oauth2::http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use oauth2::http::Method;
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet,
    EndpointSet, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RefreshToken, RequestTokenError,
    Scope, SyncHttpClient, TokenUrl,
};
use serde_json::Value;
use url::Url;

use crate::authorization::{AuthorizationNonces, PendingAuthorization};
use crate::config::{ClientAuthentication, OAuthConfig};
use crate::discovery::read_provider_metadata;
use crate::endpoint::{parse_endpoint, PlainHttp};
use crate::error::{provider_text, Error, Result};
use crate::inspector::{IssuedToken, RawExchange, RawOutcome, TokenExchange};
use crate::response::{read_answer, Grant, TokenRequestKind};
use crate::token::Token;
use crate::transport::{token_http_client, RecordingTransport, TransportError};

/// What the oauth2 crate returns for a token request. Only its error is looked at, and only when no
/// request went out: a sent request's answer is read from the raw exchange ([`crate::response`]).
type TokenRequestResult = std::result::Result<
    oauth2::basic::BasicTokenResponse,
    oauth2::RequestTokenError<TransportError, oauth2::basic::BasicErrorResponse>,
>;

type TokenEndpointClient =
    BasicClient<EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// What [`OAuthClient::revoke`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revocation {
    /// The provider's revocation endpoint accepted the token.
    Revoked,
    /// The connection has no revocation URL, so only forgetting the token is left to do.
    NoRevocationEndpoint,
}

/// OAuth operations for one connection's settings, checked once when it is made.
///
/// Make it where blocking is allowed (a reqwest blocking client must not be created or dropped
/// on an async runtime thread), e.g. inside `spawn_blocking`.
pub struct OAuthClient {
    config: OAuthConfig,
    authorize_url: Option<Url>,
    token_url: Url,
    revocation_url: Option<Url>,
    /// The connection's Issuer setting, parsed; its metadata is read before each authorization.
    issuer_url: Option<Url>,
    http: reqwest::blocking::Client,
    last_exchange: Mutex<Option<TokenExchange>>,
}

impl OAuthClient {
    /// Checks the settings: a Client ID, a Token URL, and http(s) URLs throughout. The endpoints that receive
    /// the client secret or tokens (token, revocation) and the issuer must be https, or plain http on this
    /// machine's loopback address.
    pub fn new(config: OAuthConfig) -> Result<Self> {
        if config.client_id.trim().is_empty() {
            return Err(Error::MissingField { field: "Client ID" });
        }
        let token_url = parse_endpoint("Token URL", &config.token_url, PlainHttp::LoopbackOnly)?;
        let authorize_url = config
            .authorize_url
            .as_deref()
            .map(|url| parse_endpoint("Authorize URL", url, PlainHttp::Allowed))
            .transpose()?;
        let revocation_url = config
            .revocation_url
            .as_deref()
            .map(|url| parse_endpoint("Revocation URL", url, PlainHttp::LoopbackOnly))
            .transpose()?;
        let issuer_url = config
            .issuer
            .as_deref()
            .map(|url| parse_endpoint("Issuer", url, PlainHttp::LoopbackOnly))
            .transpose()?;
        Ok(Self {
            http: token_http_client()?,
            config,
            authorize_url,
            token_url,
            revocation_url,
            issuer_url,
            last_exchange: Mutex::new(None),
        })
    }

    pub fn config(&self) -> &OAuthConfig {
        &self.config
    }

    /// The last request this client sent to the provider and its answer, secrets masked; `None`
    /// before any, or when the last operation failed before sending one (e.g. a forged state).
    pub fn last_exchange(&self) -> Option<TokenExchange> {
        self.last_exchange
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Starts the authorization code flow: the authorize URL to open, with the state and the
    /// PKCE S256 challenge of `nonces`, and the pending authorization to finish it with.
    /// `redirect_uri` is any absolute URL registered with the provider. With an Issuer setting, the
    /// provider's metadata is read first (a blocking request), to learn whether its answer must carry `iss`.
    pub fn begin_authorization(
        &self,
        redirect_uri: &str,
        nonces: AuthorizationNonces,
    ) -> Result<PendingAuthorization> {
        let authorize_url = self.authorize_url.clone().ok_or(Error::NoAuthorizeUrl)?;
        let iss_required = match (&self.config.issuer, &self.issuer_url) {
            (Some(issuer), Some(issuer_url)) => {
                read_provider_metadata(&self.http, issuer.trim(), issuer_url)?
                    .iss_parameter_supported()?
            }
            _ => false,
        };
        let redirect_uri = Url::parse(redirect_uri.trim()).map_err(|error| Error::InvalidUrl {
            field: "redirect URI",
            value: redirect_uri.to_owned(),
            reason: error.to_string(),
        })?;
        let pkce_challenge = PkceCodeChallenge::from_code_verifier_sha256(&PkceCodeVerifier::new(
            nonces.pkce_verifier().to_owned(),
        ));
        let state = CsrfToken::new(nonces.state().to_owned());
        let client = self
            .token_endpoint_client()
            .set_auth_uri(AuthUrl::from_url(authorize_url))
            .set_redirect_uri(RedirectUrl::from_url(redirect_uri.clone()));
        let request = client
            .authorize_url(|| state)
            .add_scopes(self.requested_scopes())
            .set_pkce_challenge(pkce_challenge);
        let (url, _) = self
            .config
            .authorize_params
            .iter()
            .fold(request, |request, (name, value)| {
                request.add_extra_param(name, value)
            })
            .url();
        Ok(PendingAuthorization::new(url, nonces, redirect_uri).requiring_iss(iss_required))
    }

    /// Finishes the authorization code flow with the URL the provider redirected to: checks it
    /// (redirect URI, state, issuer, error) and exchanges its code with the PKCE verifier.
    pub fn complete_authorization(
        &self,
        pending: &PendingAuthorization,
        redirect_url: &str,
        now: SystemTime,
    ) -> Result<Token> {
        self.set_last_exchange(None);
        let issuer = self.config.issuer.as_deref().map(str::trim);
        let code = pending.authorization_code(redirect_url, issuer)?;
        let transport = self.transport();
        let client = self
            .token_endpoint_client()
            .set_redirect_uri(RedirectUrl::from_url(pending.redirect_url().clone()));
        let request = client
            .exchange_code(AuthorizationCode::new(code))
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier().to_owned()));
        let result = self
            .token_params()
            .fold(request, |request, (name, value)| {
                request.add_extra_param(name, value)
            })
            .request(&transport);
        self.token_from(
            transport,
            result,
            Grant::AuthorizationCode,
            &self.config.scope_list(),
            now,
        )
    }

    /// Fetches a token with the client credentials grant, for the configured scopes.
    pub fn fetch_client_credentials(&self, now: SystemTime) -> Result<Token> {
        self.set_last_exchange(None);
        let transport = self.transport();
        let client = self.token_endpoint_client();
        let request = client
            .exchange_client_credentials()
            .add_scopes(self.requested_scopes());
        let result = self
            .token_params()
            .fold(request, |request, (name, value)| {
                request.add_extra_param(name, value)
            })
            .request(&transport);
        self.token_from(
            transport,
            result,
            Grant::ClientCredentials,
            &self.config.scope_list(),
            now,
        )
    }

    /// Exchanges the token's refresh token for a new token, which keeps the old refresh token
    /// and scopes when the response leaves them out. A refresh token the provider rejects
    /// (`invalid_grant`) gives [`Error::NeedsConsent`].
    pub fn refresh(&self, token: &Token, now: SystemTime) -> Result<Token> {
        self.set_last_exchange(None);
        let refresh_token = RefreshToken::new(
            token
                .refresh_token()
                .ok_or(Error::NoRefreshToken)?
                .to_owned(),
        );
        let transport = self.transport();
        let client = self.token_endpoint_client();
        let request = client.exchange_refresh_token(&refresh_token);
        let result = self
            .token_params()
            .fold(request, |request, (name, value)| {
                request.add_extra_param(name, value)
            })
            .request(&transport);
        self.token_from(transport, result, Grant::RefreshToken, token.scopes(), now)
            .map(|refreshed| refreshed.inheriting_from(token))
    }

    /// Revokes the token at the provider (RFC 7009): its refresh token when it has one, which
    /// ends the grant, else its access token. Without a revocation URL there is nothing to call.
    ///
    /// The request is built here rather than by the oauth2 crate, which refuses a revocation URL
    /// that is not https; a local provider (and the test provider) speaks plain http.
    pub fn revoke(&self, token: &Token) -> Result<Revocation> {
        self.set_last_exchange(None);
        let Some(revocation_url) = &self.revocation_url else {
            return Ok(Revocation::NoRevocationEndpoint);
        };
        let (hint, value) = match token.refresh_token() {
            Some(refresh_token) => ("refresh_token", refresh_token),
            None => ("access_token", token.access_token()),
        };
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        form.append_pair("token", value)
            .append_pair("token_type_hint", hint);
        let mut request = oauth2::http::Request::builder()
            .method(Method::POST)
            .uri(revocation_url.as_str())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/json");
        match (
            self.config.effective_client_secret(),
            self.config.client_authentication,
        ) {
            (Some(secret), ClientAuthentication::BasicAuth) => {
                request = request.header(
                    AUTHORIZATION,
                    basic_authorization(&self.config.client_id, secret),
                );
            }
            (Some(secret), ClientAuthentication::RequestBody) => {
                form.append_pair("client_id", &self.config.client_id)
                    .append_pair("client_secret", secret);
            }
            (None, _) => {
                form.append_pair("client_id", &self.config.client_id);
            }
        }
        let request = request.body(form.finish().into_bytes()).map_err(|error| {
            Error::TokenRequestNotSent {
                reason: error.to_string(),
                invalid_setting: None,
            }
        })?;

        let transport = self.transport();
        let result = transport.call(request);
        let exchange = transport.into_exchange();
        self.record(exchange.as_ref(), None);
        match result {
            Ok(response) if response.status() == 200 => Ok(Revocation::Revoked),
            Ok(response) => Err(Error::RevocationRefused {
                url: revocation_url.to_string(),
                status: response.status().as_u16(),
                error: error_code(response.body()),
            }),
            Err(reason) => Err(Error::Unreachable {
                endpoint: "revocation endpoint",
                url: revocation_url.to_string(),
                reason: reason.to_string(),
            }),
        }
    }

    /// An oauth2 client for the token endpoint, with the client's authentication. A public
    /// client gets no secret at all, so none (not even an empty one) is sent.
    fn token_endpoint_client(&self) -> TokenEndpointClient {
        let client = BasicClient::new(ClientId::new(self.config.client_id.clone()))
            .set_token_uri(TokenUrl::from_url(self.token_url.clone()))
            .set_auth_type(match self.config.client_authentication {
                ClientAuthentication::BasicAuth => AuthType::BasicAuth,
                ClientAuthentication::RequestBody => AuthType::RequestBody,
            });
        match self.config.effective_client_secret() {
            Some(secret) => client.set_client_secret(ClientSecret::new(secret.to_owned())),
            None => client,
        }
    }

    fn requested_scopes(&self) -> impl Iterator<Item = Scope> {
        self.config.scope_list().into_iter().map(Scope::new)
    }

    /// The `tokenParams` setting's parameters, borrowed for a token request.
    fn token_params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.config.token_params.iter()
    }

    /// How this client sends its secret; `None` for a public client, which sends none.
    fn sent_client_authentication(&self) -> Option<ClientAuthentication> {
        self.config
            .effective_client_secret()
            .map(|_| self.config.client_authentication)
    }

    fn transport(&self) -> RecordingTransport<'_> {
        RecordingTransport::new(&self.http, &self.config.headers)
    }

    /// The token in the answer to a token request, read from the raw exchange; the exchange is
    /// recorded for the inspector either way, with what the token is when there is one.
    fn token_from(
        &self,
        transport: RecordingTransport<'_>,
        result: TokenRequestResult,
        grant: Grant,
        requested_scopes: &[String],
        now: SystemTime,
    ) -> Result<Token> {
        let exchange = transport.into_exchange();
        let token = match exchange.as_ref().map(|exchange| &exchange.outcome) {
            Some(RawOutcome::Response(response)) => read_answer(
                response,
                TokenRequestKind {
                    grant,
                    client_authentication: self.sent_client_authentication(),
                },
            )
            .map(|answer| Token::from_answer(answer, requested_scopes, now)),
            Some(RawOutcome::Failed(reason)) => Err(Error::Unreachable {
                endpoint: "token endpoint",
                url: self.token_url.to_string(),
                reason: reason.clone(),
            }),
            None => Err(Error::TokenRequestNotSent {
                invalid_setting: None,
                reason: match result {
                    Err(RequestTokenError::Request(error)) => error.to_string(),
                    Err(RequestTokenError::Other(reason)) => reason,
                    Err(error) => error.to_string(),
                    Ok(_) => "no request was made".to_owned(),
                },
            }),
        };
        let issued = token
            .as_ref()
            .ok()
            .map(|token| IssuedToken::of(token, requested_scopes));
        self.record(exchange.as_ref(), issued);
        token
    }

    fn record(&self, exchange: Option<&RawExchange>, issued: Option<IssuedToken>) {
        self.set_last_exchange(
            exchange.map(|exchange| TokenExchange::masked(exchange, &self.config.headers, issued)),
        );
    }

    fn set_last_exchange(&self, exchange: Option<TokenExchange>) {
        *self
            .last_exchange
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = exchange;
    }
}

/// `client_secret_basic` as RFC 6749 section 2.3.1 has it: both parts form-encoded first.
fn basic_authorization(client_id: &str, client_secret: &str) -> String {
    let encode =
        |text: &str| url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>();
    let credentials = format!("{}:{}", encode(client_id), encode(client_secret));
    format!("Basic {}", BASE64.encode(credentials))
}

/// The `error` code of an OAuth error body, if it is one.
fn error_code(body: &[u8]) -> Option<String> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(fields)) => fields
            .get("error")
            .and_then(Value::as_str)
            .map(provider_text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> OAuthConfig {
        OAuthConfig {
            authorize_url: Some("https://provider.example/authorize".into()),
            token_url: "https://provider.example/token".into(),
            scopes: "read write".into(),
            client_id: "app".into(),
            ..OAuthConfig::default()
        }
    }

    #[test]
    fn the_authorize_url_carries_client_scopes_state_pkce_and_redirect() {
        let client = OAuthClient::new(config()).unwrap();
        let nonces =
            AuthorizationNonces::new("state-123", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
                .unwrap();
        let pending = client
            .begin_authorization("http://127.0.0.1:8765/callback", nonces)
            .unwrap();
        let url = Url::parse(pending.authorize_url()).unwrap();
        let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
        assert_eq!(url.path(), "/authorize");
        assert_eq!(query["response_type"], "code");
        assert_eq!(query["client_id"], "app");
        assert_eq!(query["scope"], "read write");
        assert_eq!(query["state"], "state-123");
        assert_eq!(query["redirect_uri"], "http://127.0.0.1:8765/callback");
        assert_eq!(query["code_challenge_method"], "S256");
        // The RFC 7636 appendix B example.
        assert_eq!(
            query["code_challenge"],
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn the_flow_needs_an_authorize_url() {
        let client = OAuthClient::new(OAuthConfig {
            authorize_url: None,
            ..config()
        })
        .unwrap();
        let error = client
            .begin_authorization(
                "http://127.0.0.1:8765/callback",
                AuthorizationNonces::random(),
            )
            .unwrap_err();
        assert!(matches!(error, Error::NoAuthorizeUrl), "{error}");
    }

    #[test]
    fn settings_are_checked_when_the_client_is_made() {
        let missing_id = OAuthClient::new(OAuthConfig {
            client_id: " ".into(),
            ..config()
        });
        assert!(matches!(
            missing_id,
            Err(Error::MissingField { field: "Client ID" })
        ));
        let bad_url = OAuthClient::new(OAuthConfig {
            token_url: "ftp://provider.example/token".into(),
            ..config()
        });
        assert!(matches!(
            bad_url,
            Err(Error::InvalidUrl {
                field: "Token URL",
                ..
            })
        ));
    }

    #[test]
    fn secret_endpoints_and_the_issuer_must_be_https_off_this_machine() {
        for (field, changed) in [
            (
                "Token URL",
                OAuthConfig {
                    token_url: "http://provider.example/token".into(),
                    ..config()
                },
            ),
            (
                "Revocation URL",
                OAuthConfig {
                    revocation_url: Some("http://provider.example/revoke".into()),
                    ..config()
                },
            ),
            (
                "Issuer",
                OAuthConfig {
                    issuer: Some("http://provider.example".into()),
                    ..config()
                },
            ),
        ] {
            let error = OAuthClient::new(changed).err().expect("refused");
            assert!(
                matches!(error, Error::InsecureEndpoint { field: named, .. } if named == field),
                "{field}: {error}"
            );
        }
        assert!(OAuthClient::new(OAuthConfig {
            token_url: "http://127.0.0.1:4010/token".into(),
            revocation_url: Some("http://localhost:4010/revoke".into()),
            issuer: Some("http://[::1]:4010".into()),
            ..config()
        })
        .is_ok());
    }

    #[test]
    fn the_app_can_move_a_client_and_a_pending_authorization_to_a_blocking_thread() {
        fn sendable<T: Send + Sync + 'static>() {}
        sendable::<OAuthClient>();
        sendable::<PendingAuthorization>();
        sendable::<Error>();
    }

    #[test]
    fn basic_authorization_form_encodes_both_parts() {
        assert_eq!(
            basic_authorization("my app", "p@ss:word"),
            format!("Basic {}", BASE64.encode("my+app:p%40ss%3Aword"))
        );
    }
}
