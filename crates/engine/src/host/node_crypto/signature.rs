//! Signing and verifying for `crypto.sign`/`verify` and `createSign`/`createVerify`: RSA PKCS#1 v1.5 and
//! PSS, ECDSA on P-256, P-384 and P-521 (DER or IEEE P1363 signatures) and Ed25519.

use ecdsa::signature::hazmat::{PrehashSigner, PrehashVerifier};
use ed25519_dalek::{Signer, Verifier};
use rand_core::OsRng;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, Pss, RsaPublicKey};

use super::hash::{with_digest, Digest};
use super::keys::AsymmetricKey;
use super::CryptoError;

/// Node's `padding` for RSA keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RsaPadding {
    Pkcs1v15,
    Pss,
}

/// Node's `saltLength` for PSS: a byte count, or one of its special values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaltLength {
    /// `RSA_PSS_SALTLEN_DIGEST` (-1): as long as the digest.
    Digest,
    /// `RSA_PSS_SALTLEN_MAX_SIGN` / `RSA_PSS_SALTLEN_AUTO` (-2), Node's default: the longest that fits
    /// when signing; when verifying, any of the lengths signers use.
    MaxOrAuto,
    Bytes(usize),
}

impl SaltLength {
    pub fn from_node(value: i64) -> Option<Self> {
        match value {
            -1 => Some(Self::Digest),
            -2 => Some(Self::MaxOrAuto),
            bytes => usize::try_from(bytes).ok().map(Self::Bytes),
        }
    }
}

/// How an ECDSA signature is laid out: `der` (Node's default) or `ieee-p1363` (r‖s, as in JWTs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DsaEncoding {
    Der,
    IeeeP1363,
}

/// Everything besides the key and the data that shapes a signature.
#[derive(Debug, Clone, Copy)]
pub struct SignatureOptions {
    /// `None` only for Ed25519, which hashes by itself (Node's `algorithm` is `null` there).
    pub digest: Option<Digest>,
    pub padding: RsaPadding,
    pub salt_length: SaltLength,
    pub dsa_encoding: DsaEncoding,
}

fn required_digest(options: &SignatureOptions) -> Result<Digest, CryptoError> {
    options.digest.ok_or(CryptoError::DigestRequired)
}

/// A digest as ECDSA on P-521 takes it. The curve crate wants at least half its 66-byte field, while
/// OpenSSL signs any digest (SHA-256 with P-521 is legal, if unusual); zeros on the left keep the number
/// the digest stands for, which is all ECDSA reads from it (FIPS 186-5 §6.4.1).
fn p521_prehash(hashed: &[u8]) -> Vec<u8> {
    const FIELD_BYTES: usize = 66;
    let mut padded = vec![0; FIELD_BYTES.saturating_sub(hashed.len())];
    padded.extend_from_slice(hashed);
    padded
}

/// The longest PSS salt a key of `modulus_bits` holds with a digest of `digest_len` bytes.
fn max_salt_len(public: &RsaPublicKey, digest_len: usize) -> usize {
    let em_len = (public.n().bits() - 1).div_ceil(8);
    em_len.saturating_sub(digest_len + 2)
}

pub fn sign(
    key: &AsymmetricKey,
    data: &[u8],
    options: &SignatureOptions,
) -> Result<Vec<u8>, CryptoError> {
    let failed = |error: &dyn std::fmt::Display| CryptoError::Sign(error.to_string());
    match key {
        AsymmetricKey::RsaPrivate(private) => {
            let digest = required_digest(options)?;
            let hashed = digest.digest(data);
            match options.padding {
                RsaPadding::Pkcs1v15 => with_digest!(digest, D => private.sign(Pkcs1v15Sign::new::<D>(), &hashed)),
                RsaPadding::Pss => {
                    let salt = match options.salt_length {
                        SaltLength::Digest => digest.output_len(),
                        SaltLength::MaxOrAuto => max_salt_len(&private.to_public_key(), digest.output_len()),
                        SaltLength::Bytes(bytes) => bytes,
                    };
                    with_digest!(digest, D => private.sign_with_rng(&mut OsRng, Pss::new_with_salt::<D>(salt), &hashed))
                }
            }
            .map_err(|error| failed(&error))
        }
        AsymmetricKey::P256Private(private) => {
            let hashed = required_digest(options)?.digest(data);
            let signature: p256::ecdsa::Signature = p256::ecdsa::SigningKey::from(private)
                .sign_prehash(&hashed)
                .map_err(|error| failed(&error))?;
            Ok(match options.dsa_encoding {
                DsaEncoding::Der => signature.to_der().as_bytes().to_vec(),
                DsaEncoding::IeeeP1363 => signature.to_bytes().to_vec(),
            })
        }
        AsymmetricKey::P384Private(private) => {
            let hashed = required_digest(options)?.digest(data);
            let signature: p384::ecdsa::Signature = p384::ecdsa::SigningKey::from(private)
                .sign_prehash(&hashed)
                .map_err(|error| failed(&error))?;
            Ok(match options.dsa_encoding {
                DsaEncoding::Der => signature.to_der().as_bytes().to_vec(),
                DsaEncoding::IeeeP1363 => signature.to_bytes().to_vec(),
            })
        }
        AsymmetricKey::P521Private(private) => {
            let hashed = p521_prehash(&required_digest(options)?.digest(data));
            let signature: p521::ecdsa::Signature =
                p521::ecdsa::SigningKey::from_bytes(&private.to_bytes())
                    .and_then(|key| key.sign_prehash(&hashed))
                    .map_err(|error| failed(&error))?;
            Ok(match options.dsa_encoding {
                DsaEncoding::Der => signature.to_der().as_bytes().to_vec(),
                DsaEncoding::IeeeP1363 => signature.to_bytes().to_vec(),
            })
        }
        AsymmetricKey::Ed25519Private(private) => Ok(private.sign(data).to_bytes().to_vec()),
        AsymmetricKey::X25519Private(_) => Err(CryptoError::OperationNotSupportedForKey),
        _ => Err(CryptoError::NotAPrivateKey),
    }
}

/// Whether `signature` is `key`'s over `data`. A malformed signature is simply not valid, as in Node.
pub fn verify(
    key: &AsymmetricKey,
    data: &[u8],
    signature: &[u8],
    options: &SignatureOptions,
) -> Result<bool, CryptoError> {
    Ok(match key.public() {
        AsymmetricKey::RsaPublic(public) => {
            let digest = required_digest(options)?;
            let hashed = digest.digest(data);
            match options.padding {
                RsaPadding::Pkcs1v15 => {
                    with_digest!(digest, D => public.verify(Pkcs1v15Sign::new::<D>(), &hashed, signature)).is_ok()
                }
                RsaPadding::Pss => {
                    let salts = match options.salt_length {
                        SaltLength::Digest => vec![digest.output_len()],
                        // OpenSSL reads the salt's length from the signature; the rsa crate checks one
                        // length, so try those signers use: the digest's (JWT's PS256, Web Crypto) and the
                        // longest (OpenSSL's default).
                        SaltLength::MaxOrAuto => vec![digest.output_len(), max_salt_len(&public, digest.output_len())],
                        SaltLength::Bytes(bytes) => vec![bytes],
                    };
                    salts.into_iter().any(|salt| {
                        with_digest!(digest, D => public.verify(Pss::new_with_salt::<D>(salt), &hashed, signature)).is_ok()
                    })
                }
            }
        }
        AsymmetricKey::P256Public(public) => {
            let hashed = required_digest(options)?.digest(data);
            let signature = match options.dsa_encoding {
                DsaEncoding::Der => p256::ecdsa::Signature::from_der(signature),
                DsaEncoding::IeeeP1363 => p256::ecdsa::Signature::from_slice(signature),
            };
            signature.is_ok_and(|signature| {
                p256::ecdsa::VerifyingKey::from(&public)
                    .verify_prehash(&hashed, &signature)
                    .is_ok()
            })
        }
        AsymmetricKey::P384Public(public) => {
            let hashed = required_digest(options)?.digest(data);
            let signature = match options.dsa_encoding {
                DsaEncoding::Der => p384::ecdsa::Signature::from_der(signature),
                DsaEncoding::IeeeP1363 => p384::ecdsa::Signature::from_slice(signature),
            };
            signature.is_ok_and(|signature| {
                p384::ecdsa::VerifyingKey::from(&public)
                    .verify_prehash(&hashed, &signature)
                    .is_ok()
            })
        }
        AsymmetricKey::P521Public(public) => {
            let hashed = p521_prehash(&required_digest(options)?.digest(data));
            let signature = match options.dsa_encoding {
                DsaEncoding::Der => p521::ecdsa::Signature::from_der(signature),
                DsaEncoding::IeeeP1363 => p521::ecdsa::Signature::from_slice(signature),
            };
            // Any point a `PublicKey` holds is a valid verifying key; the check is the curve crate's.
            let key = p521::ecdsa::VerifyingKey::from_affine(*public.as_affine())
                .map_err(|_| CryptoError::UnsupportedKey)?;
            signature.is_ok_and(|signature| key.verify_prehash(&hashed, &signature).is_ok())
        }
        AsymmetricKey::Ed25519Public(public) => ed25519_dalek::Signature::from_slice(signature)
            .is_ok_and(|signature| public.verify(data, &signature).is_ok()),
        AsymmetricKey::X25519Public(_) => return Err(CryptoError::OperationNotSupportedForKey),
        _ => unreachable!("`public()` gives a public key"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(
        digest: Option<Digest>,
        padding: RsaPadding,
        dsa_encoding: DsaEncoding,
    ) -> SignatureOptions {
        SignatureOptions {
            digest,
            padding,
            salt_length: SaltLength::MaxOrAuto,
            dsa_encoding,
        }
    }

    #[test]
    fn each_kind_of_key_verifies_its_own_signature_and_rejects_a_changed_message() {
        let cases = [
            (
                AsymmetricKey::generate("rsa", 1024, 65537, "").unwrap(),
                options(Some(Digest::Sha256), RsaPadding::Pss, DsaEncoding::Der),
            ),
            (
                AsymmetricKey::generate("rsa", 1024, 65537, "").unwrap(),
                options(Some(Digest::Sha1), RsaPadding::Pkcs1v15, DsaEncoding::Der),
            ),
            (
                AsymmetricKey::generate("ec", 0, 0, "P-256").unwrap(),
                options(
                    Some(Digest::Sha256),
                    RsaPadding::Pkcs1v15,
                    DsaEncoding::IeeeP1363,
                ),
            ),
            (
                AsymmetricKey::generate("ec", 0, 0, "P-384").unwrap(),
                options(Some(Digest::Sha384), RsaPadding::Pkcs1v15, DsaEncoding::Der),
            ),
            (
                AsymmetricKey::generate("ec", 0, 0, "P-521").unwrap(),
                options(Some(Digest::Sha512), RsaPadding::Pkcs1v15, DsaEncoding::Der),
            ),
            // A digest shorter than half of P-521's field, which the curve crate alone refuses.
            (
                AsymmetricKey::generate("ec", 0, 0, "secp521r1").unwrap(),
                options(
                    Some(Digest::Sha1),
                    RsaPadding::Pkcs1v15,
                    DsaEncoding::IeeeP1363,
                ),
            ),
            (
                AsymmetricKey::generate("ed25519", 0, 0, "").unwrap(),
                options(None, RsaPadding::Pkcs1v15, DsaEncoding::Der),
            ),
        ];
        for (key, options) in cases {
            let signature = sign(&key, b"message", &options).unwrap();
            assert!(
                verify(&key.public(), b"message", &signature, &options).unwrap(),
                "{}",
                key.kind()
            );
            assert!(
                !verify(&key.public(), b"massage", &signature, &options).unwrap(),
                "{}",
                key.kind()
            );
        }
    }

    #[test]
    fn ieee_p1363_signatures_are_r_and_s_side_by_side() {
        let key = AsymmetricKey::generate("ec", 0, 0, "P-256").unwrap();
        let signature = sign(
            &key,
            b"m",
            &options(
                Some(Digest::Sha256),
                RsaPadding::Pkcs1v15,
                DsaEncoding::IeeeP1363,
            ),
        )
        .unwrap();
        assert_eq!(signature.len(), 64);
    }

    #[test]
    fn rsa_needs_a_digest() {
        let key = AsymmetricKey::generate("rsa", 1024, 65537, "").unwrap();
        let result = sign(
            &key,
            b"m",
            &options(None, RsaPadding::Pkcs1v15, DsaEncoding::Der),
        );
        assert!(matches!(result, Err(CryptoError::DigestRequired)));
    }
}
