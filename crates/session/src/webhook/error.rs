//! Errors of starting the webhook listener: each names what failed and what to do.

use std::net::SocketAddr;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("The webhook listener could not listen on {address}: {reason}. Choose another port (0 picks a free one) or stop what is using it.")]
    Bind { address: SocketAddr, reason: String },

    #[error("The webhook listener on {address} did not get a TCP address.")]
    NotTcp { address: SocketAddr },

    #[error("The webhook listener's thread could not be started: {0}.")]
    Thread(std::io::Error),

    #[error("The webhook listener needs a token of at least {min} letters and digits to put in its URLs; the workspace's local identity (.blocksmith/local.json) holds one.")]
    Token { min: usize },
}

pub type Result<T> = std::result::Result<T, Error>;
