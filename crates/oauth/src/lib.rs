//! OAuth 2.0 for Blocksmith's two OAuth connection kinds, on the oauth2 crate: the authorization
//! code flow with PKCE (S256) and state, client credentials, refresh, revocation, the extra
//! headers of the seed's Headers input on every token request, extra parameters and the client
//! authentication method as settings, token answers read as real providers send them, discovery
//! from an issuer URL, a masked record of the last exchange for the inspector (with a JWT's header
//! and claims), and an RFC 8252 loopback listener for the system browser, which
//! [`open_in_system_browser`] opens.
//!
//! The API is blocking: the CLI calls it directly, the app through `spawn_blocking`. Time and
//! random values are passed in (`now`, [`AuthorizationNonces`]), so tests can pin them. Nothing
//! here stores anything: every operation returns a value, and the caller stores it, so a failed
//! operation leaves the previous token intact.
//!
//! ```no_run
//! use std::time::{Duration, SystemTime};
//! use blocksmith_oauth::{AuthorizationNonces, LoopbackListener, OAuthClient, OAuthConfig};
//!
//! # fn main() -> blocksmith_oauth::Result<()> {
//! let client = OAuthClient::new(OAuthConfig {
//!     authorize_url: Some("https://provider.example/authorize".into()),
//!     token_url: "https://provider.example/token".into(),
//!     scopes: "read write".into(),
//!     client_id: "my-app".into(),
//!     ..OAuthConfig::default()
//! })?;
//! let listener = LoopbackListener::bind(0)?;
//! let pending = client.begin_authorization(listener.redirect_uri(), AuthorizationNonces::random())?;
//! println!("{}", pending.authorize_url());
//! let redirect = listener.wait_for_redirect(pending.state(), Duration::from_secs(300))?;
//! let token = client.complete_authorization(&pending, &redirect, SystemTime::now())?;
//! let for_the_keyring: String = token.to_keyring_json();
//! # Ok(())
//! # }
//! ```

mod authorization;
mod client;
mod config;
mod discovery;
mod endpoint;
mod error;
mod extra_parameters;
mod inspector;
mod jwt;
mod loopback;
mod response;
mod system_browser;
mod token;
mod transport;

pub use authorization::{AuthorizationNonces, PendingAuthorization};
pub use client::{OAuthClient, Revocation};
pub use config::{field, ClientAuthentication, ExtraHeaders, OAuthConfig};
pub use discovery::{discover_provider, DiscoveredProvider};
pub use endpoint::{check_secure_endpoint, is_loopback};
pub use error::{Error, Result, SettingError};
pub use extra_parameters::{ExtraParameters, ParameterTarget};
pub use inspector::{
    IssuedToken, NameValue, RecordedRequest, RecordedResponse, TokenExchange, MASK,
};
pub use jwt::{decode_jwt, DecodedJwt};
pub use loopback::{LoopbackListener, DEFAULT_REDIRECT_PATH};
pub use system_browser::{browser_command, open_in_system_browser};
pub use token::{Token, TokenStatus, DEFAULT_REFRESH_MARGIN};
