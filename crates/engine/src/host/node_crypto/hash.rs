//! Streaming hashes and HMACs for `crypto.createHash` and `crypto.createHmac`: the state lives in Rust,
//! behind an opaque object the prelude holds, so `update` never buffers the data.

use std::cell::RefCell;

use boa_engine::{Finalize, JsData, Trace};
use hmac::{Hmac, Mac};
use md5::Md5;
use sha1::Sha1;
use sha2::digest::DynDigest;
use sha2::{Sha224, Sha256, Sha384, Sha512, Sha512_224, Sha512_256};

use super::CryptoError;

/// The digests Node's `crypto` offers here, by every name Node accepts for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digest {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
}

impl Digest {
    /// What `crypto.getHashes()` lists.
    pub const NAMES: [&'static str; 8] = [
        "md5",
        "sha1",
        "sha224",
        "sha256",
        "sha384",
        "sha512",
        "sha512-224",
        "sha512-256",
    ];

    /// The digest Node (OpenSSL) knows by `name`: case-insensitive, with the `RSA-` prefix and the
    /// `SHA-256` / `SHA2-256` spellings.
    pub fn named(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_prefix("rsa-").unwrap_or(&lower);
        Some(match lower {
            "md5" => Self::Md5,
            "sha1" | "sha-1" => Self::Sha1,
            "sha224" | "sha-224" | "sha2-224" => Self::Sha224,
            "sha256" | "sha-256" | "sha2-256" => Self::Sha256,
            "sha384" | "sha-384" | "sha2-384" => Self::Sha384,
            "sha512" | "sha-512" | "sha2-512" => Self::Sha512,
            "sha512-224" | "sha-512/224" | "sha2-512/224" => Self::Sha512_224,
            "sha512-256" | "sha-512/256" | "sha2-512/256" => Self::Sha512_256,
            _ => return None,
        })
    }

    pub fn hasher(self) -> Box<dyn DynDigest> {
        match self {
            Self::Md5 => Box::new(Md5::default()),
            Self::Sha1 => Box::new(Sha1::default()),
            Self::Sha224 => Box::new(Sha224::default()),
            Self::Sha256 => Box::new(Sha256::default()),
            Self::Sha384 => Box::new(Sha384::default()),
            Self::Sha512 => Box::new(Sha512::default()),
            Self::Sha512_224 => Box::new(Sha512_224::default()),
            Self::Sha512_256 => Box::new(Sha512_256::default()),
        }
    }

    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        let mut hasher = self.hasher();
        hasher.update(data);
        hasher.finalize().into_vec()
    }

    pub fn output_len(self) -> usize {
        self.hasher().output_size()
    }
}

/// Runs `$body` with `$D` bound to the digest type of `$digest`, for the RustCrypto APIs that are generic
/// over the digest (RSA's paddings, PBKDF2, HKDF).
macro_rules! with_digest {
    ($digest:expr, $D:ident => $body:expr) => {
        match $digest {
            Digest::Md5 => {
                type $D = md5::Md5;
                $body
            }
            Digest::Sha1 => {
                type $D = sha1::Sha1;
                $body
            }
            Digest::Sha224 => {
                type $D = sha2::Sha224;
                $body
            }
            Digest::Sha256 => {
                type $D = sha2::Sha256;
                $body
            }
            Digest::Sha384 => {
                type $D = sha2::Sha384;
                $body
            }
            Digest::Sha512 => {
                type $D = sha2::Sha512;
                $body
            }
            Digest::Sha512_224 => {
                type $D = sha2::Sha512_224;
                $body
            }
            Digest::Sha512_256 => {
                type $D = sha2::Sha512_256;
                $body
            }
        }
    };
}
pub(super) use with_digest;

/// An HMAC in progress, one variant per digest (HMAC's own type is generic over it).
#[derive(Clone)]
enum HmacState {
    Md5(Hmac<Md5>),
    Sha1(Hmac<Sha1>),
    Sha224(Hmac<Sha224>),
    Sha256(Hmac<Sha256>),
    Sha384(Hmac<Sha384>),
    Sha512(Hmac<Sha512>),
    Sha512_224(Hmac<Sha512_224>),
    Sha512_256(Hmac<Sha512_256>),
}

macro_rules! each_hmac {
    ($state:expr, $mac:ident => $body:expr) => {
        match $state {
            HmacState::Md5($mac) => $body,
            HmacState::Sha1($mac) => $body,
            HmacState::Sha224($mac) => $body,
            HmacState::Sha256($mac) => $body,
            HmacState::Sha384($mac) => $body,
            HmacState::Sha512($mac) => $body,
            HmacState::Sha512_224($mac) => $body,
            HmacState::Sha512_256($mac) => $body,
        }
    };
}

impl HmacState {
    fn new(digest: Digest, key: &[u8]) -> Self {
        fn keyed<M: Mac + hmac::digest::KeyInit>(key: &[u8]) -> M {
            <M as hmac::digest::KeyInit>::new_from_slice(key)
                .expect("HMAC accepts keys of any length")
        }
        match digest {
            Digest::Md5 => Self::Md5(keyed(key)),
            Digest::Sha1 => Self::Sha1(keyed(key)),
            Digest::Sha224 => Self::Sha224(keyed(key)),
            Digest::Sha256 => Self::Sha256(keyed(key)),
            Digest::Sha384 => Self::Sha384(keyed(key)),
            Digest::Sha512 => Self::Sha512(keyed(key)),
            Digest::Sha512_224 => Self::Sha512_224(keyed(key)),
            Digest::Sha512_256 => Self::Sha512_256(keyed(key)),
        }
    }

    fn update(&mut self, data: &[u8]) {
        each_hmac!(self, mac => Mac::update(mac, data));
    }

    fn finalize(self) -> Vec<u8> {
        each_hmac!(self, mac => mac.finalize().into_bytes().to_vec())
    }
}

enum Running {
    Hash(Box<dyn DynDigest>),
    /// Boxed: HMAC states are large, and Boa keeps native data at an alignment of at most 8 bytes.
    Hmac(Box<HmacState>),
}

impl Clone for Running {
    fn clone(&self) -> Self {
        match self {
            Self::Hash(hasher) => Self::Hash(hasher.box_clone()),
            Self::Hmac(state) => Self::Hmac(state.clone()),
        }
    }
}

/// The opaque object behind a `Hash` or `Hmac`: running until `digest()` is called, then finished.
#[derive(Trace, Finalize, JsData)]
pub struct HashHandle {
    #[unsafe_ignore_trace]
    state: RefCell<Option<Running>>,
}

impl HashHandle {
    pub fn hash(digest: Digest) -> Self {
        Self::running(Running::Hash(digest.hasher()))
    }

    pub fn hmac(digest: Digest, key: &[u8]) -> Self {
        Self::running(Running::Hmac(Box::new(HmacState::new(digest, key))))
    }

    fn running(state: Running) -> Self {
        Self {
            state: RefCell::new(Some(state)),
        }
    }

    pub fn update(&self, data: &[u8]) -> Result<(), CryptoError> {
        match self.state.borrow_mut().as_mut() {
            Some(Running::Hash(hasher)) => hasher.update(data),
            Some(Running::Hmac(state)) => state.update(data),
            None => return Err(CryptoError::DigestAlreadyCalled),
        }
        Ok(())
    }

    /// The digest; the handle is finished afterwards.
    pub fn finish(&self) -> Result<Vec<u8>, CryptoError> {
        match self.state.borrow_mut().take() {
            Some(Running::Hash(hasher)) => Ok(hasher.finalize().into_vec()),
            Some(Running::Hmac(state)) => Ok(state.finalize()),
            None => Err(CryptoError::DigestAlreadyCalled),
        }
    }

    /// A second handle continuing from this one's state (`hash.copy()`).
    pub fn copy(&self) -> Result<Self, CryptoError> {
        let state = self.state.borrow();
        let running = state.as_ref().ok_or(CryptoError::DigestAlreadyCalled)?;
        Ok(Self::running(Running::clone(running)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn node_spellings_name_the_same_digest() {
        for name in ["sha256", "SHA256", "RSA-SHA256", "sha-256", "SHA2-256"] {
            assert_eq!(Digest::named(name), Some(Digest::Sha256), "{name}");
        }
        assert_eq!(Digest::named("whirlpool"), None);
    }

    #[test]
    fn a_hash_fed_in_pieces_equals_the_one_shot_digest() {
        let handle = HashHandle::hash(Digest::Md5);
        handle.update(b"a").unwrap();
        let copy = handle.copy().unwrap();
        handle.update(b"bc").unwrap();
        // RFC 1321's test vector for "abc".
        assert_eq!(
            hex(&handle.finish().unwrap()),
            "900150983cd24fb0d6963f7d28e17f72"
        );
        copy.update(b"bc").unwrap();
        assert_eq!(copy.finish().unwrap(), Digest::Md5.digest(b"abc"));
    }

    #[test]
    fn a_finished_hash_refuses_more_work() {
        let handle = HashHandle::hmac(Digest::Sha256, b"Jefe");
        handle.update(b"what do ya want for nothing?").unwrap();
        // RFC 4231, test case 2.
        assert_eq!(
            hex(&handle.finish().unwrap()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert!(matches!(
            handle.update(b"x"),
            Err(CryptoError::DigestAlreadyCalled)
        ));
        assert!(matches!(
            handle.finish(),
            Err(CryptoError::DigestAlreadyCalled)
        ));
    }
}
