//! Recorded HTTP for block tests. A [`Cassette`] holds every `fetch` one run made, each request (method, URL,
//! headers, body) with its response (status, headers, body), with every secret of the run's connections
//! replaced by a placeholder naming the connection input (`{{Acme.apiKey}}`), so a cassette can be committed.
//!
//! A recording run sends its requests out and keeps a concealed copy of each; a replaying run answers each
//! request from the cassette, matching on method, URL and body, where the order of query parameters and of JSON
//! keys does not matter ([`matching`](NoMatch)). The live request is concealed the same way before it is
//! compared, so a placeholder matches whatever the secret is today. The worker process builds an [`HttpTape`]
//! from the [`HttpPlan`] its request carries; the engine only sees an `HttpTransport`.

mod concealment;
mod error;
mod format;
mod matching;
mod transport;

pub use concealment::{Concealer, SecretPlaceholder};
pub use error::{Error, Result};
pub use format::{Body, Cassette, Exchange, RecordedRequest, RecordedResponse};
pub use matching::NoMatch;
pub use transport::{HttpLog, HttpMode, HttpPlan, HttpTape};
