//! The asymmetric keys behind Node's `KeyObject`: reading them from PEM, DER (PKCS#8, SPKI, PKCS#1, SEC1)
//! and JWK, writing them back in those forms, deriving a public key, and generating key pairs. RSA, EC keys
//! on P-256, P-384 and P-521, Ed25519 and X25519, all on RustCrypto (and its curve25519-dalek).

use std::cell::RefCell;

use base64ct::{Base64UrlUnpadded, Encoding};
use boa_engine::{Finalize, JsData, Trace};
use ed25519_dalek::pkcs8::KeypairBytes;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use pkcs8::{AssociatedOid, DecodePrivateKey, EncodePrivateKey};
use rand_core::OsRng;
use rsa::pkcs1::{
    DecodeRsaPrivateKey, DecodeRsaPublicKey, EncodeRsaPrivateKey, EncodeRsaPublicKey,
};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BigUint, RsaPrivateKey, RsaPublicKey};
use sec1::der::asn1::{BitStringRef, OctetStringRef};
use sec1::der::{Decode, Encode};
use serde_json::{json, Map, Value};
use spki::{DecodePublicKey, EncodePublicKey};

use super::CryptoError;

/// A private or public key of one of the supported kinds.
#[derive(Clone)]
pub enum AsymmetricKey {
    RsaPrivate(Box<RsaPrivateKey>),
    RsaPublic(Box<RsaPublicKey>),
    P256Private(p256::SecretKey),
    P256Public(p256::PublicKey),
    P384Private(p384::SecretKey),
    P384Public(p384::PublicKey),
    P521Private(p521::SecretKey),
    P521Public(p521::PublicKey),
    Ed25519Private(Box<ed25519_dalek::SigningKey>),
    Ed25519Public(ed25519_dalek::VerifyingKey),
    X25519Private(Box<x25519_dalek::StaticSecret>),
    X25519Public(x25519_dalek::PublicKey),
}

/// The object identifier of X25519 keys in PKCS#8 and SPKI (RFC 8410).
const X25519_OID: pkcs8::ObjectIdentifier = pkcs8::ObjectIdentifier::new_unwrap("1.3.101.110");

/// The opaque object a `KeyObject` holds.
#[derive(Trace, Finalize, JsData)]
pub struct KeyHandle {
    #[unsafe_ignore_trace]
    pub key: RefCell<AsymmetricKey>,
}

impl KeyHandle {
    pub fn new(key: AsymmetricKey) -> Self {
        Self {
            key: RefCell::new(key),
        }
    }
}

/// How key bytes are laid out, as Node's `format` option names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    Pem,
    Der,
}

/// Which standard structure the bytes hold, as Node's `type` option names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStructure {
    Pkcs8,
    Pkcs1,
    Sec1,
    Spki,
}

impl KeyStructure {
    pub fn named(name: &str) -> Option<Self> {
        Some(match name {
            "pkcs8" => Self::Pkcs8,
            "pkcs1" => Self::Pkcs1,
            "sec1" => Self::Sec1,
            "spki" => Self::Spki,
            _ => return None,
        })
    }

    /// The PEM label of this structure (a PKCS#1 public key has its own, chosen by the caller).
    fn pem_label(self) -> &'static str {
        match self {
            Self::Pkcs8 => "PRIVATE KEY",
            Self::Spki => "PUBLIC KEY",
            Self::Sec1 => "EC PRIVATE KEY",
            Self::Pkcs1 => "RSA PRIVATE KEY",
        }
    }
}

/// Whether a key is wanted as private (`createPrivateKey`) or public (`createPublicKey`, which also takes
/// a private key and keeps only its public half).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    Private,
    Public,
}

impl AsymmetricKey {
    pub fn is_private(&self) -> bool {
        matches!(
            self,
            Self::RsaPrivate(_)
                | Self::P256Private(_)
                | Self::P384Private(_)
                | Self::P521Private(_)
                | Self::Ed25519Private(_)
                | Self::X25519Private(_)
        )
    }

    /// Node's `asymmetricKeyType`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::RsaPrivate(_) | Self::RsaPublic(_) => "rsa",
            Self::P256Private(_)
            | Self::P256Public(_)
            | Self::P384Private(_)
            | Self::P384Public(_)
            | Self::P521Private(_)
            | Self::P521Public(_) => "ec",
            Self::Ed25519Private(_) | Self::Ed25519Public(_) => "ed25519",
            Self::X25519Private(_) | Self::X25519Public(_) => "x25519",
        }
    }

    /// Node's `asymmetricKeyDetails`: `modulusLength` and `publicExponent` for RSA, `namedCurve` (OpenSSL's
    /// name) for EC, nothing for Ed25519 and X25519.
    pub fn details(&self) -> Value {
        match self.public() {
            Self::RsaPublic(key) => json!({
                "modulusLength": key.n().bits(),
                // Node gives a BigInt; the prelude turns this decimal text into one.
                "publicExponent": key.e().to_string(),
            }),
            Self::P256Public(_) => json!({ "namedCurve": "prime256v1" }),
            Self::P384Public(_) => json!({ "namedCurve": "secp384r1" }),
            Self::P521Public(_) => json!({ "namedCurve": "secp521r1" }),
            _ => json!({}),
        }
    }

    /// The public half (a public key is its own).
    pub fn public(&self) -> Self {
        match self {
            Self::RsaPrivate(key) => Self::RsaPublic(Box::new(key.to_public_key())),
            Self::P256Private(key) => Self::P256Public(key.public_key()),
            Self::P384Private(key) => Self::P384Public(key.public_key()),
            Self::P521Private(key) => Self::P521Public(key.public_key()),
            Self::Ed25519Private(key) => Self::Ed25519Public(key.verifying_key()),
            Self::X25519Private(key) => Self::X25519Public(x25519_dalek::PublicKey::from(&**key)),
            public => public.clone(),
        }
    }

    /// Reads a key from PEM text or DER bytes. PEM names its own structure; DER needs `structure`.
    pub fn import(
        data: &[u8],
        format: KeyFormat,
        structure: Option<KeyStructure>,
        wanted: Wanted,
    ) -> Result<Self, CryptoError> {
        let (structure, private, der) = match format {
            KeyFormat::Pem => decode_pem(data)?,
            KeyFormat::Der => {
                let structure = structure.ok_or(CryptoError::DerNeedsType)?;
                let private = match structure {
                    KeyStructure::Spki => false,
                    KeyStructure::Pkcs1 => wanted == Wanted::Private,
                    KeyStructure::Pkcs8 | KeyStructure::Sec1 => true,
                };
                (structure, private, data.to_vec())
            }
        };
        let key = if private {
            decode_private(&der, structure)?
        } else {
            decode_public(&der, structure)?
        };
        match (wanted, key.is_private()) {
            // OpenSSL, under Node, finds no private key in public-key bytes: "unsupported".
            (Wanted::Private, false) => Err(CryptoError::UnsupportedKey),
            (Wanted::Public, true) => Ok(key.public()),
            _ => Ok(key),
        }
    }

    /// Writes the key as PEM text or DER bytes in `structure`.
    pub fn export(
        &self,
        format: KeyFormat,
        structure: KeyStructure,
    ) -> Result<Vec<u8>, CryptoError> {
        let der = self.to_der(structure)?;
        Ok(match format {
            KeyFormat::Der => der,
            KeyFormat::Pem => {
                let label = match (structure, self) {
                    (KeyStructure::Pkcs1, key) if !key.is_private() => "RSA PUBLIC KEY",
                    (structure, _) => structure.pem_label(),
                };
                pem_rfc7468::encode_string(label, pem_rfc7468::LineEnding::LF, &der)
                    .map_err(|_| CryptoError::Encode)?
                    .into_bytes()
            }
        })
    }

    fn to_der(&self, structure: KeyStructure) -> Result<Vec<u8>, CryptoError> {
        fn encoded<E>(bytes: Result<Vec<u8>, E>) -> Result<Vec<u8>, CryptoError> {
            bytes.map_err(|_| CryptoError::Encode)
        }
        match (self, structure) {
            (Self::RsaPrivate(key), KeyStructure::Pkcs8) => {
                encoded(key.to_pkcs8_der().map(|d| d.as_bytes().to_vec()))
            }
            (Self::RsaPrivate(key), KeyStructure::Pkcs1) => {
                encoded(key.to_pkcs1_der().map(|d| d.as_bytes().to_vec()))
            }
            (Self::RsaPublic(key), KeyStructure::Spki) => {
                encoded(key.to_public_key_der().map(|d| d.into_vec()))
            }
            (Self::RsaPublic(key), KeyStructure::Pkcs1) => {
                encoded(key.to_pkcs1_der().map(|d| d.into_vec()))
            }
            (Self::P256Private(key), KeyStructure::Pkcs8) => {
                encoded(key.to_pkcs8_der().map(|d| d.as_bytes().to_vec()))
            }
            (Self::P256Private(key), KeyStructure::Sec1) => sec1_with_curve(
                &key.to_bytes(),
                key.public_key().to_encoded_point(false).as_bytes(),
                p256::NistP256::OID,
            ),
            (Self::P256Public(key), KeyStructure::Spki) => {
                encoded(key.to_public_key_der().map(|d| d.into_vec()))
            }
            (Self::P384Private(key), KeyStructure::Pkcs8) => {
                encoded(key.to_pkcs8_der().map(|d| d.as_bytes().to_vec()))
            }
            (Self::P384Private(key), KeyStructure::Sec1) => sec1_with_curve(
                &key.to_bytes(),
                key.public_key().to_encoded_point(false).as_bytes(),
                p384::NistP384::OID,
            ),
            (Self::P384Public(key), KeyStructure::Spki) => {
                encoded(key.to_public_key_der().map(|d| d.into_vec()))
            }
            (Self::P521Private(key), KeyStructure::Pkcs8) => {
                encoded(key.to_pkcs8_der().map(|d| d.as_bytes().to_vec()))
            }
            (Self::P521Private(key), KeyStructure::Sec1) => sec1_with_curve(
                &key.to_bytes(),
                key.public_key().to_encoded_point(false).as_bytes(),
                p521::NistP521::OID,
            ),
            (Self::P521Public(key), KeyStructure::Spki) => {
                encoded(key.to_public_key_der().map(|d| d.into_vec()))
            }
            (Self::X25519Private(key), KeyStructure::Pkcs8) => x25519_pkcs8(&key.to_bytes()),
            (Self::X25519Public(key), KeyStructure::Spki) => x25519_spki(key.as_bytes()),
            // OpenSSL writes version 1 of PKCS#8 (without the public key): Node's bytes are matched.
            (Self::Ed25519Private(key), KeyStructure::Pkcs8) => {
                let pair = KeypairBytes {
                    secret_key: key.to_bytes(),
                    public_key: None,
                };
                encoded(pair.to_pkcs8_der().map(|d| d.as_bytes().to_vec()))
            }
            (Self::Ed25519Public(key), KeyStructure::Spki) => {
                encoded(key.to_public_key_der().map(|d| d.into_vec()))
            }
            _ => Err(CryptoError::ExportType {
                structure,
                kind: self.kind(),
                private: self.is_private(),
            }),
        }
    }

    /// The key as a JSON Web Key (RFC 7517), with the members Node writes.
    pub fn to_jwk(&self) -> Value {
        fn b64(bytes: &[u8]) -> Value {
            Value::String(Base64UrlUnpadded::encode_string(bytes))
        }
        fn big(number: &BigUint) -> Value {
            b64(&number.to_bytes_be())
        }
        match self {
            Self::RsaPrivate(key) => {
                let [p, q] = [&key.primes()[0], &key.primes()[1]];
                let one = BigUint::from(1u8);
                let dp = key.d() % (p - &one);
                let dq = key.d() % (q - &one);
                let qi = key.crt_coefficient().unwrap_or_else(|| BigUint::from(0u8));
                json!({
                    "kty": "RSA", "n": big(key.n()), "e": big(key.e()), "d": big(key.d()),
                    "p": big(p), "q": big(q), "dp": big(&dp), "dq": big(&dq), "qi": big(&qi),
                })
            }
            Self::RsaPublic(key) => json!({ "kty": "RSA", "n": big(key.n()), "e": big(key.e()) }),
            Self::P256Private(key) => ec_jwk(&key.to_jwk_string()),
            Self::P256Public(key) => ec_jwk(&key.to_jwk_string()),
            Self::P384Private(key) => ec_jwk(&key.to_jwk_string()),
            Self::P384Public(key) => ec_jwk(&key.to_jwk_string()),
            Self::P521Private(key) => ec_jwk(&key.to_jwk_string()),
            Self::P521Public(key) => ec_jwk(&key.to_jwk_string()),
            Self::Ed25519Private(key) => json!({
                "crv": "Ed25519", "d": b64(&key.to_bytes()), "x": b64(key.verifying_key().as_bytes()), "kty": "OKP",
            }),
            Self::Ed25519Public(key) => {
                json!({ "crv": "Ed25519", "x": b64(key.as_bytes()), "kty": "OKP" })
            }
            Self::X25519Private(key) => json!({
                "crv": "X25519", "d": b64(key.as_bytes()),
                "x": b64(x25519_dalek::PublicKey::from(&**key).as_bytes()), "kty": "OKP",
            }),
            Self::X25519Public(key) => {
                json!({ "crv": "X25519", "x": b64(key.as_bytes()), "kty": "OKP" })
            }
        }
    }

    /// Reads a JSON Web Key; `wanted` says whether its private members must be there (or are dropped).
    pub fn from_jwk(jwk: &Map<String, Value>, wanted: Wanted) -> Result<Self, CryptoError> {
        let member = |name: &str| -> Result<Option<Vec<u8>>, CryptoError> {
            match jwk.get(name) {
                None => Ok(None),
                Some(Value::String(text)) => {
                    Base64UrlUnpadded::decode_vec(text.trim_end_matches('='))
                        .map(Some)
                        .map_err(|_| {
                            CryptoError::InvalidJwk(format!("its \"{name}\" is not base64url"))
                        })
                }
                Some(_) => Err(CryptoError::InvalidJwk(format!(
                    "its \"{name}\" is not a string"
                ))),
            }
        };
        let required = |name: &str| {
            member(name)?.ok_or_else(|| CryptoError::InvalidJwk(format!("it has no \"{name}\"")))
        };
        let private = wanted == Wanted::Private || jwk.contains_key("d");
        let key = match jwk.get("kty").and_then(Value::as_str) {
            Some("RSA") => {
                let n = BigUint::from_bytes_be(&required("n")?);
                let e = BigUint::from_bytes_be(&required("e")?);
                if private {
                    let d = BigUint::from_bytes_be(&required("d")?);
                    let primes = match (member("p")?, member("q")?) {
                        (Some(p), Some(q)) => {
                            vec![BigUint::from_bytes_be(&p), BigUint::from_bytes_be(&q)]
                        }
                        _ => Vec::new(),
                    };
                    let key = RsaPrivateKey::from_components(n, e, d, primes).map_err(|_| {
                        CryptoError::InvalidJwk("its RSA members do not form a key".to_owned())
                    })?;
                    Self::RsaPrivate(Box::new(key))
                } else {
                    Self::RsaPublic(Box::new(RsaPublicKey::new(n, e).map_err(|_| {
                        CryptoError::InvalidJwk("its RSA members do not form a key".to_owned())
                    })?))
                }
            }
            Some("EC") => {
                let text = Value::Object(jwk.clone()).to_string();
                let bad = |_| {
                    CryptoError::InvalidJwk(
                        "its EC members do not form a key on its curve".to_owned(),
                    )
                };
                match (jwk.get("crv").and_then(Value::as_str), private) {
                    (Some("P-256"), true) => {
                        Self::P256Private(p256::SecretKey::from_jwk_str(&text).map_err(bad)?)
                    }
                    (Some("P-256"), false) => {
                        Self::P256Public(p256::PublicKey::from_jwk_str(&text).map_err(bad)?)
                    }
                    (Some("P-384"), true) => {
                        Self::P384Private(p384::SecretKey::from_jwk_str(&text).map_err(bad)?)
                    }
                    (Some("P-384"), false) => {
                        Self::P384Public(p384::PublicKey::from_jwk_str(&text).map_err(bad)?)
                    }
                    (Some("P-521"), true) => {
                        Self::P521Private(p521::SecretKey::from_jwk_str(&text).map_err(bad)?)
                    }
                    (Some("P-521"), false) => {
                        Self::P521Public(p521::PublicKey::from_jwk_str(&text).map_err(bad)?)
                    }
                    (curve, _) => {
                        return Err(CryptoError::InvalidJwk(format!(
                            "its curve {} is not supported (P-256, P-384 and P-521 are)",
                            curve.unwrap_or("(none)")
                        )))
                    }
                }
            }
            Some("OKP") if jwk.get("crv").and_then(Value::as_str) == Some("X25519") => {
                let length = |bytes: Vec<u8>| -> Result<[u8; 32], CryptoError> {
                    bytes.try_into().map_err(|_| {
                        CryptoError::InvalidJwk("an X25519 key is 32 bytes".to_owned())
                    })
                };
                if private {
                    Self::X25519Private(Box::new(x25519_dalek::StaticSecret::from(length(
                        required("d")?,
                    )?)))
                } else {
                    Self::X25519Public(x25519_dalek::PublicKey::from(length(required("x")?)?))
                }
            }
            Some("OKP") if jwk.get("crv").and_then(Value::as_str) == Some("Ed25519") => {
                let length = |bytes: Vec<u8>| -> Result<[u8; 32], CryptoError> {
                    bytes.try_into().map_err(|_| {
                        CryptoError::InvalidJwk("an Ed25519 key is 32 bytes".to_owned())
                    })
                };
                if private {
                    Self::Ed25519Private(Box::new(ed25519_dalek::SigningKey::from_bytes(&length(
                        required("d")?,
                    )?)))
                } else {
                    let key = ed25519_dalek::VerifyingKey::from_bytes(&length(required("x")?)?)
                        .map_err(|_| {
                            CryptoError::InvalidJwk("its \"x\" is not an Ed25519 point".to_owned())
                        })?;
                    Self::Ed25519Public(key)
                }
            }
            Some(kty) => {
                return Err(CryptoError::InvalidJwk(format!(
                "its key type \"{kty}\" is not supported (RSA, EC and OKP Ed25519 or X25519 are)"
            )))
            }
            None => return Err(CryptoError::InvalidJwk("it has no \"kty\"".to_owned())),
        };
        Ok(match wanted {
            Wanted::Public => key.public(),
            Wanted::Private => key,
        })
    }

    /// A new key pair's private key: `rsa` (with `modulus_bits` and `public_exponent`), `ec` on `curve`,
    /// `ed25519` or `x25519`.
    pub fn generate(
        kind: &str,
        modulus_bits: usize,
        public_exponent: u64,
        curve: &str,
    ) -> Result<Self, CryptoError> {
        Ok(match kind {
            "rsa" => {
                let key = RsaPrivateKey::new_with_exp(
                    &mut OsRng,
                    modulus_bits,
                    &BigUint::from(public_exponent),
                )
                .map_err(|error| CryptoError::KeyGeneration(error.to_string()))?;
                Self::RsaPrivate(Box::new(key))
            }
            "ec" => match curve_named(curve) {
                Some(Curve::P256) => Self::P256Private(p256::SecretKey::random(&mut OsRng)),
                Some(Curve::P384) => Self::P384Private(p384::SecretKey::random(&mut OsRng)),
                Some(Curve::P521) => Self::P521Private(p521::SecretKey::random(&mut OsRng)),
                None => return Err(CryptoError::InvalidCurve(curve.to_owned())),
            },
            "ed25519" => {
                Self::Ed25519Private(Box::new(ed25519_dalek::SigningKey::generate(&mut OsRng)))
            }
            "x25519" => {
                Self::X25519Private(Box::new(x25519_dalek::StaticSecret::random_from_rng(OsRng)))
            }
            other => return Err(CryptoError::KeyTypeUnsupported(other.to_owned())),
        })
    }
}

/// A SEC1 `ECPrivateKey` naming its curve, as OpenSSL writes it (the curve crates leave the name out).
fn sec1_with_curve(
    private_key: &[u8],
    public_point: &[u8],
    curve: pkcs8::ObjectIdentifier,
) -> Result<Vec<u8>, CryptoError> {
    let document = sec1::EcPrivateKey {
        private_key,
        parameters: Some(sec1::EcParameters::NamedCurve(curve)),
        public_key: Some(public_point),
    };
    document.to_der().map_err(|_| CryptoError::Encode)
}

enum Curve {
    P256,
    P384,
    P521,
}

/// The curves by the names Node accepts for `namedCurve`.
fn curve_named(name: &str) -> Option<Curve> {
    match name {
        "P-256" | "prime256v1" | "secp256r1" => Some(Curve::P256),
        "P-384" | "secp384r1" => Some(Curve::P384),
        "P-521" | "secp521r1" => Some(Curve::P521),
        _ => None,
    }
}

/// An X25519 private key in PKCS#8 as OpenSSL writes it: version 1, the key as an OCTET STRING inside the
/// `privateKey` OCTET STRING (RFC 8410 §7), no public key. x25519-dalek has no PKCS#8 of its own.
fn x25519_pkcs8(secret: &[u8; 32]) -> Result<Vec<u8>, CryptoError> {
    let inner = OctetStringRef::new(secret)
        .and_then(|octets| octets.to_der())
        .map_err(|_| CryptoError::Encode)?;
    let algorithm = spki::AlgorithmIdentifierRef {
        oid: X25519_OID,
        parameters: None,
    };
    pkcs8::PrivateKeyInfo::new(algorithm, &inner)
        .to_der()
        .map_err(|_| CryptoError::Encode)
}

/// An X25519 public key in SPKI: the algorithm without parameters and the 32 bytes (RFC 8410 §4).
fn x25519_spki(public: &[u8; 32]) -> Result<Vec<u8>, CryptoError> {
    let info = spki::SubjectPublicKeyInfoRef {
        algorithm: spki::AlgorithmIdentifierRef {
            oid: X25519_OID,
            parameters: None,
        },
        subject_public_key: BitStringRef::from_bytes(public).map_err(|_| CryptoError::Encode)?,
    };
    info.to_der().map_err(|_| CryptoError::Encode)
}

/// The X25519 private key in PKCS#8 bytes, if that is what they hold.
fn x25519_from_pkcs8(der: &[u8]) -> Option<x25519_dalek::StaticSecret> {
    let info = pkcs8::PrivateKeyInfo::try_from(der).ok()?;
    if info.algorithm.oid != X25519_OID {
        return None;
    }
    let inner = OctetStringRef::from_der(info.private_key).ok()?;
    let bytes: [u8; 32] = inner.as_bytes().try_into().ok()?;
    Some(x25519_dalek::StaticSecret::from(bytes))
}

/// The X25519 public key in SPKI bytes, if that is what they hold.
fn x25519_from_spki(der: &[u8]) -> Option<x25519_dalek::PublicKey> {
    let info = spki::SubjectPublicKeyInfoRef::try_from(der).ok()?;
    if info.algorithm.oid != X25519_OID {
        return None;
    }
    let bytes: [u8; 32] = info.subject_public_key.as_bytes()?.try_into().ok()?;
    Some(x25519_dalek::PublicKey::from(bytes))
}

/// An EC JWK as the curve crate writes it, as a JSON object.
fn ec_jwk(text: &str) -> Value {
    serde_json::from_str(text).expect("the curve crates write valid JWK JSON")
}

/// The structure a PEM block's label names, whether it is private, and its DER bytes.
fn decode_pem(data: &[u8]) -> Result<(KeyStructure, bool, Vec<u8>), CryptoError> {
    let text = std::str::from_utf8(data).map_err(|_| CryptoError::UnsupportedKey)?;
    // Node skips text before the block (a key pasted with a comment above it).
    let start = text.find("-----BEGIN").ok_or(CryptoError::UnsupportedKey)?;
    let (label, der) = pem_rfc7468::decode_vec(text[start..].trim().as_bytes())
        .map_err(|_| CryptoError::UnsupportedKey)?;
    let (structure, private) = match label {
        "PRIVATE KEY" => (KeyStructure::Pkcs8, true),
        "RSA PRIVATE KEY" => (KeyStructure::Pkcs1, true),
        "EC PRIVATE KEY" => (KeyStructure::Sec1, true),
        "PUBLIC KEY" => (KeyStructure::Spki, false),
        "RSA PUBLIC KEY" => (KeyStructure::Pkcs1, false),
        "ENCRYPTED PRIVATE KEY" => return Err(CryptoError::EncryptedKey),
        _ => return Err(CryptoError::UnsupportedKey),
    };
    Ok((structure, private, der))
}

/// Any decoding failure: the bytes are not a key of a supported kind, which OpenSSL calls "unsupported".
fn unsupported<E>(_: E) -> CryptoError {
    CryptoError::UnsupportedKey
}

fn decode_private(der: &[u8], structure: KeyStructure) -> Result<AsymmetricKey, CryptoError> {
    match structure {
        KeyStructure::Pkcs8 => {
            if let Ok(key) = RsaPrivateKey::from_pkcs8_der(der) {
                return Ok(AsymmetricKey::RsaPrivate(Box::new(key)));
            }
            if let Ok(key) = p256::SecretKey::from_pkcs8_der(der) {
                return Ok(AsymmetricKey::P256Private(key));
            }
            if let Ok(key) = p384::SecretKey::from_pkcs8_der(der) {
                return Ok(AsymmetricKey::P384Private(key));
            }
            if let Ok(key) = p521::SecretKey::from_pkcs8_der(der) {
                return Ok(AsymmetricKey::P521Private(key));
            }
            if let Some(secret) = x25519_from_pkcs8(der) {
                return Ok(AsymmetricKey::X25519Private(Box::new(secret)));
            }
            ed25519_dalek::SigningKey::from_pkcs8_der(der)
                .map(|key| AsymmetricKey::Ed25519Private(Box::new(key)))
                .map_err(unsupported)
        }
        KeyStructure::Pkcs1 => RsaPrivateKey::from_pkcs1_der(der)
            .map(|key| AsymmetricKey::RsaPrivate(Box::new(key)))
            .map_err(unsupported),
        KeyStructure::Sec1 => {
            if let Ok(key) = p256::SecretKey::from_sec1_der(der) {
                return Ok(AsymmetricKey::P256Private(key));
            }
            if let Ok(key) = p384::SecretKey::from_sec1_der(der) {
                return Ok(AsymmetricKey::P384Private(key));
            }
            p521::SecretKey::from_sec1_der(der)
                .map(AsymmetricKey::P521Private)
                .map_err(unsupported)
        }
        KeyStructure::Spki => Err(CryptoError::UnsupportedKey),
    }
}

fn decode_public(der: &[u8], structure: KeyStructure) -> Result<AsymmetricKey, CryptoError> {
    match structure {
        KeyStructure::Spki => {
            if let Ok(key) = RsaPublicKey::from_public_key_der(der) {
                return Ok(AsymmetricKey::RsaPublic(Box::new(key)));
            }
            if let Ok(key) = p256::PublicKey::from_public_key_der(der) {
                return Ok(AsymmetricKey::P256Public(key));
            }
            if let Ok(key) = p384::PublicKey::from_public_key_der(der) {
                return Ok(AsymmetricKey::P384Public(key));
            }
            if let Ok(key) = p521::PublicKey::from_public_key_der(der) {
                return Ok(AsymmetricKey::P521Public(key));
            }
            if let Some(key) = x25519_from_spki(der) {
                return Ok(AsymmetricKey::X25519Public(key));
            }
            ed25519_dalek::VerifyingKey::from_public_key_der(der)
                .map(AsymmetricKey::Ed25519Public)
                .map_err(unsupported)
        }
        KeyStructure::Pkcs1 => RsaPublicKey::from_pkcs1_der(der)
            .map(|key| AsymmetricKey::RsaPublic(Box::new(key)))
            .map_err(unsupported),
        KeyStructure::Pkcs8 | KeyStructure::Sec1 => decode_private(der, structure),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_ec_key_survives_every_export_and_import() {
        let key = AsymmetricKey::generate("ec", 0, 0, "P-256").unwrap();
        for (format, structure) in [
            (KeyFormat::Pem, KeyStructure::Pkcs8),
            (KeyFormat::Der, KeyStructure::Sec1),
        ] {
            let bytes = key.export(format, structure).unwrap();
            let back =
                AsymmetricKey::import(&bytes, format, Some(structure), Wanted::Private).unwrap();
            assert_eq!(back.to_jwk(), key.to_jwk());
        }
        let jwk = key.to_jwk();
        let back = AsymmetricKey::from_jwk(jwk.as_object().unwrap(), Wanted::Public).unwrap();
        assert_eq!(back.to_jwk(), key.public().to_jwk());
        assert_eq!(key.details(), json!({ "namedCurve": "prime256v1" }));
    }

    #[test]
    fn ed25519_private_keys_are_written_as_openssl_writes_them() {
        // PKCS#8 version 1: 48 bytes, with no public key inside (RFC 8410 §7's example has this shape).
        let key = AsymmetricKey::generate("ed25519", 0, 0, "").unwrap();
        assert_eq!(
            key.export(KeyFormat::Der, KeyStructure::Pkcs8)
                .unwrap()
                .len(),
            48
        );
    }

    #[test]
    fn x25519_keys_are_written_as_openssl_writes_them_and_read_back() {
        // RFC 7748 §6.1's Alice: PKCS#8 version 1 without the public key, and SPKI, in RFC 8410's layout.
        let secret: [u8; 32] = *b"\x77\x07\x6d\x0a\x73\x18\xa5\x7d\x3c\x16\xc1\x72\x51\xb2\x66\x45\
                                  \xdf\x4c\x2f\x87\xeb\xc0\x99\x2a\xb1\x77\xfb\xa5\x1d\xb9\x2c\x2a";
        let key = AsymmetricKey::X25519Private(Box::new(x25519_dalek::StaticSecret::from(secret)));
        let pkcs8 = key.export(KeyFormat::Der, KeyStructure::Pkcs8).unwrap();
        let mut expected =
            b"\x30\x2e\x02\x01\x00\x30\x05\x06\x03\x2b\x65\x6e\x04\x22\x04\x20".to_vec();
        expected.extend_from_slice(&secret);
        assert_eq!(pkcs8, expected);
        let spki = key
            .public()
            .export(KeyFormat::Der, KeyStructure::Spki)
            .unwrap();
        assert_eq!(
            &spki[..12],
            b"\x30\x2a\x30\x05\x06\x03\x2b\x65\x6e\x03\x21\x00"
        );
        let back = AsymmetricKey::import(
            &pkcs8,
            KeyFormat::Der,
            Some(KeyStructure::Pkcs8),
            Wanted::Public,
        )
        .unwrap();
        assert_eq!(back.to_jwk(), key.public().to_jwk());
        assert_eq!(key.kind(), "x25519");
        // An Ed25519 key's bytes are not taken for an X25519 key.
        let ed = AsymmetricKey::generate("ed25519", 0, 0, "").unwrap();
        let ed_pkcs8 = ed.export(KeyFormat::Der, KeyStructure::Pkcs8).unwrap();
        let read = AsymmetricKey::import(
            &ed_pkcs8,
            KeyFormat::Der,
            Some(KeyStructure::Pkcs8),
            Wanted::Private,
        );
        assert_eq!(read.unwrap().kind(), "ed25519");
    }

    #[test]
    fn p521_keys_survive_sec1_and_jwk_and_name_their_curve() {
        let key = AsymmetricKey::generate("ec", 0, 0, "secp521r1").unwrap();
        let sec1 = key.export(KeyFormat::Pem, KeyStructure::Sec1).unwrap();
        let back = AsymmetricKey::import(&sec1, KeyFormat::Pem, None, Wanted::Private).unwrap();
        assert_eq!(back.to_jwk(), key.to_jwk());
        assert_eq!(key.details(), json!({ "namedCurve": "secp521r1" }));
        assert_eq!(key.to_jwk()["crv"], "P-521");
    }

    #[test]
    fn a_public_key_is_refused_where_a_private_one_is_needed() {
        let key = AsymmetricKey::generate("ed25519", 0, 0, "")
            .unwrap()
            .public();
        let pem = key.export(KeyFormat::Pem, KeyStructure::Spki).unwrap();
        assert!(String::from_utf8(pem.clone())
            .unwrap()
            .starts_with("-----BEGIN PUBLIC KEY-----\n"));
        assert!(matches!(
            AsymmetricKey::import(&pem, KeyFormat::Pem, None, Wanted::Private),
            Err(CryptoError::UnsupportedKey)
        ));
        assert!(matches!(
            key.export(KeyFormat::Der, KeyStructure::Pkcs1),
            Err(CryptoError::ExportType { .. })
        ));
    }
}
