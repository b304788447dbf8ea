//! The engine's `HttpTransport` for a recording or a replaying run ([`HttpTape`]), built in the worker
//! process from the [`HttpPlan`] its request carries; what the run recorded, or asked for and did not find,
//! goes back in the reply as an [`HttpLog`].

use std::sync::{Arc, Mutex, PoisonError};

use blocksmith_engine::{
    send_over_network, FetchFailure, FetchRequest, FetchedResponse, HttpTransport,
};
use serde::{Deserialize, Serialize};

use crate::concealment::{Concealer, SecretPlaceholder};
use crate::error::Result;
use crate::format::{Cassette, Exchange};
use crate::matching::{NoMatch, RequestKey};

/// How a run's `fetch` goes: what the worker needs to record or replay it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpPlan {
    /// The run's secrets and their placeholders.
    pub secrets: Vec<SecretPlaceholder>,
    pub mode: HttpMode,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HttpMode {
    /// Send each request out and keep it, concealed, with its response.
    Record,
    /// Answer each request from the cassette; nothing goes out.
    Replay(Cassette),
}

/// What a run's HTTP left behind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpLog {
    /// What a recording run sent and got (secrets as placeholders), in the order the answers came.
    pub recorded: Cassette,
    /// The requests of a replaying run that nothing in the cassette matched, in the order they were made.
    pub unmatched: Vec<NoMatch>,
}

/// One run's recorder or replayer.
pub struct HttpTape {
    concealer: Concealer,
    mode: HttpMode,
    state: Mutex<TapeState>,
}

#[derive(Default)]
struct TapeState {
    log: HttpLog,
    /// For each exchange of a replayed cassette: whether a request has been answered from it.
    used: Vec<bool>,
}

impl HttpTape {
    pub fn new(plan: HttpPlan) -> Result<Arc<Self>> {
        let concealer = Concealer::new(plan.secrets)?;
        let used = match &plan.mode {
            HttpMode::Replay(cassette) => vec![false; cassette.exchanges.len()],
            HttpMode::Record => Vec::new(),
        };
        Ok(Arc::new(HttpTape {
            concealer,
            mode: plan.mode,
            state: Mutex::new(TapeState {
                log: HttpLog::default(),
                used,
            }),
        }))
    }

    /// The transport the engine calls for each `fetch` of the run.
    pub fn transport(self: &Arc<Self>) -> HttpTransport {
        let tape = Arc::clone(self);
        HttpTransport(Arc::new(move |request| tape.answer(request)))
    }

    /// What the run recorded or missed so far.
    pub fn log(&self) -> HttpLog {
        self.lock().log.clone()
    }

    fn answer(&self, request: FetchRequest) -> std::result::Result<FetchedResponse, FetchFailure> {
        match &self.mode {
            HttpMode::Record => {
                let recorded_request = self.concealer.conceal_request(&request);
                let response = send_over_network(request.clone())?;
                let exchange = Exchange {
                    request: recorded_request,
                    response: self.concealer.conceal_response(&request, &response),
                };
                self.lock().log.recorded.exchanges.push(exchange);
                Ok(response)
            }
            HttpMode::Replay(cassette) => {
                let made = self.concealer.conceal_request(&request);
                let matching = cassette.matching(&RequestKey::of(&made));
                let mut state = self.lock();
                // Each recorded answer once, in order; a request made more often than recorded gets the last.
                let chosen = matching
                    .iter()
                    .copied()
                    .find(|&index| !state.used[index])
                    .or_else(|| matching.last().copied());
                match chosen {
                    Some(index) => {
                        state.used[index] = true;
                        drop(state);
                        let recorded = &cassette.exchanges[index].response;
                        Ok(self.concealer.reveal_response(&request, recorded))
                    }
                    None => {
                        let missing = cassette.no_match(&made);
                        let cause = missing.to_string();
                        state.log.unmatched.push(missing);
                        Err(FetchFailure { cause })
                    }
                }
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, TapeState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
