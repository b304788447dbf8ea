//! Encryption with asymmetric keys and key agreement: RSA for `publicEncrypt`/`privateDecrypt` (PKCS#1 v1.5 and
//! OAEP padding; Web Crypto's RSA-OAEP), ECDH on P-256, P-384 and P-521 and X25519 for `diffieHellman` (Web
//! Crypto's ECDH and X25519), and
//! AES key wrap (RFC 3394) for Web Crypto's AES-KW.

use aes_kw::{KekAes128, KekAes192, KekAes256};
use rand_core::OsRng;
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, Oaep, Pkcs1v15Encrypt, RsaPublicKey};

use super::hash::{with_digest, Digest};
use super::keys::AsymmetricKey;
use super::CryptoError;

/// Node's `padding` for `publicEncrypt`/`privateDecrypt`, with OAEP's digest and label.
#[derive(Debug, Clone)]
pub enum EncryptionPadding {
    Pkcs1v15,
    Oaep {
        digest: Digest,
        /// The `rsa` crate takes the label as text: a label that is not UTF-8 is refused.
        label: Option<String>,
    },
}

/// `RSA_PKCS1_PADDING` and `RSA_PKCS1_OAEP_PADDING`, Node's constants.
impl EncryptionPadding {
    pub fn from_node(
        padding: i64,
        digest: Digest,
        label: Option<String>,
    ) -> Result<Self, CryptoError> {
        match padding {
            1 => Ok(Self::Pkcs1v15),
            4 => Ok(Self::Oaep { digest, label }),
            _ => Err(CryptoError::UnsupportedPadding),
        }
    }
}

fn oaep(digest: Digest, label: &Option<String>) -> Oaep {
    with_digest!(digest, D => match label {
        Some(label) => Oaep::new_with_label::<D, _>(label.clone()),
        None => Oaep::new::<D>(),
    })
}

fn rsa_public(key: &AsymmetricKey) -> Result<RsaPublicKey, CryptoError> {
    match key {
        AsymmetricKey::RsaPublic(public) => Ok(public.as_ref().clone()),
        AsymmetricKey::RsaPrivate(private) => Ok(private.to_public_key()),
        _ => Err(CryptoError::NotAnRsaKey),
    }
}

/// Encrypts `data` to the RSA key (a private key encrypts to its public part, as in Node).
pub fn rsa_encrypt(
    key: &AsymmetricKey,
    data: &[u8],
    padding: &EncryptionPadding,
) -> Result<Vec<u8>, CryptoError> {
    let public = rsa_public(key)?;
    let encrypted = match padding {
        EncryptionPadding::Pkcs1v15 => public.encrypt(&mut OsRng, Pkcs1v15Encrypt, data),
        EncryptionPadding::Oaep { digest, label } => {
            public.encrypt(&mut OsRng, oaep(*digest, label), data)
        }
    };
    encrypted.map_err(|_| CryptoError::DataTooLargeForKey)
}

/// Decrypts what was encrypted to the private key's public part.
pub fn rsa_decrypt(
    key: &AsymmetricKey,
    data: &[u8],
    padding: &EncryptionPadding,
) -> Result<Vec<u8>, CryptoError> {
    let AsymmetricKey::RsaPrivate(private) = key else {
        return Err(CryptoError::NotAPrivateKey);
    };
    // OpenSSL checks this first, and blocks see its code (e.g. a ciphertext made for another, larger key).
    if BigUint::from_bytes_be(data) >= *private.n() {
        return Err(CryptoError::DataTooLargeForModulus);
    }
    match padding {
        EncryptionPadding::Pkcs1v15 => private
            .decrypt(Pkcs1v15Encrypt, data)
            .map_err(|_| CryptoError::Pkcs1Decoding),
        EncryptionPadding::Oaep { digest, label } => private
            .decrypt(oaep(*digest, label), data)
            .map_err(|_| CryptoError::OaepDecoding),
    }
}

/// The ECDH shared secret (the x-coordinate) of a private and a public key on the same curve.
pub fn ecdh(private: &AsymmetricKey, public: &AsymmetricKey) -> Result<Vec<u8>, CryptoError> {
    match (private, public) {
        (AsymmetricKey::P256Private(secret), AsymmetricKey::P256Public(other)) => {
            let shared = p256::ecdh::diffie_hellman(secret.to_nonzero_scalar(), other.as_affine());
            Ok(shared.raw_secret_bytes().to_vec())
        }
        (AsymmetricKey::P384Private(secret), AsymmetricKey::P384Public(other)) => {
            let shared = p384::ecdh::diffie_hellman(secret.to_nonzero_scalar(), other.as_affine());
            Ok(shared.raw_secret_bytes().to_vec())
        }
        (AsymmetricKey::P521Private(secret), AsymmetricKey::P521Public(other)) => {
            let shared = p521::ecdh::diffie_hellman(secret.to_nonzero_scalar(), other.as_affine());
            Ok(shared.raw_secret_bytes().to_vec())
        }
        (AsymmetricKey::X25519Private(secret), AsymmetricKey::X25519Public(other)) => {
            let shared = secret.diffie_hellman(other);
            // A low-order public key gives an all-zero secret, which OpenSSL refuses (RFC 7748 §6.1).
            if !shared.was_contributory() {
                return Err(CryptoError::DerivationFailed);
            }
            Ok(shared.as_bytes().to_vec())
        }
        (private, public) if private.kind() == "ec" && public.kind() == "ec" => {
            Err(CryptoError::CurveMismatch)
        }
        (private, public) => Err(CryptoError::KeyAgreementMismatch {
            private: private.kind(),
            public: public.kind(),
        }),
    }
}

/// Wraps `key_data` (a multiple of 8 bytes, at least 16) with the key-encryption key `kek` (RFC 3394).
pub fn aes_wrap(kek: &[u8], key_data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let wrapped = match kek.len() {
        16 => KekAes128::try_from(kek).map(|kek| kek.wrap_vec(key_data)),
        24 => KekAes192::try_from(kek).map(|kek| kek.wrap_vec(key_data)),
        32 => KekAes256::try_from(kek).map(|kek| kek.wrap_vec(key_data)),
        _ => return Err(CryptoError::InvalidKeyLength),
    };
    wrapped
        .map_err(|_| CryptoError::InvalidKeyLength)?
        .map_err(|_| CryptoError::CipherFailed)
}

/// Unwraps what `aes_wrap` made; a wrong key or altered data fails its integrity check.
pub fn aes_unwrap(kek: &[u8], wrapped: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let unwrapped = match kek.len() {
        16 => KekAes128::try_from(kek).map(|kek| kek.unwrap_vec(wrapped)),
        24 => KekAes192::try_from(kek).map(|kek| kek.unwrap_vec(wrapped)),
        32 => KekAes256::try_from(kek).map(|kek| kek.unwrap_vec(wrapped)),
        _ => return Err(CryptoError::InvalidKeyLength),
    };
    unwrapped
        .map_err(|_| CryptoError::InvalidKeyLength)?
        .map_err(|_| CryptoError::Unauthenticated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ciphertext_not_below_the_modulus_is_refused_as_openssl_refuses_it() {
        let private = rsa::RsaPrivateKey::new(&mut OsRng, 512).unwrap();
        let key = AsymmetricKey::RsaPrivate(Box::new(private));
        let oaep = EncryptionPadding::Oaep {
            digest: Digest::Sha1,
            label: None,
        };
        assert!(matches!(
            rsa_decrypt(&key, &[0xff; 64], &oaep),
            Err(CryptoError::DataTooLargeForModulus)
        ));
        assert!(matches!(
            rsa_decrypt(&key, &[0x01; 64], &oaep),
            Err(CryptoError::OaepDecoding)
        ));
    }

    #[test]
    fn x25519_agrees_on_rfc_7748s_secret_and_refuses_a_low_order_point() {
        let alice = [
            0x77, 0x07, 0x6d, 0x0a, 0x73, 0x18, 0xa5, 0x7d, 0x3c, 0x16, 0xc1, 0x72, 0x51, 0xb2,
            0x66, 0x45, 0xdf, 0x4c, 0x2f, 0x87, 0xeb, 0xc0, 0x99, 0x2a, 0xb1, 0x77, 0xfb, 0xa5,
            0x1d, 0xb9, 0x2c, 0x2a,
        ];
        let bob_public = [
            0xde, 0x9e, 0xdb, 0x7d, 0x7b, 0x7d, 0xc1, 0xb4, 0xd3, 0x5b, 0x61, 0xc2, 0xec, 0xe4,
            0x35, 0x37, 0x3f, 0x83, 0x43, 0xc8, 0x5b, 0x78, 0x67, 0x4d, 0xad, 0xfc, 0x7e, 0x14,
            0x6f, 0x88, 0x2b, 0x4f,
        ];
        let shared = [
            0x4a, 0x5d, 0x9d, 0x5b, 0xa4, 0xce, 0x2d, 0xe1, 0x72, 0x8e, 0x3b, 0xf4, 0x80, 0x35,
            0x0f, 0x25, 0xe0, 0x7e, 0x21, 0xc9, 0x47, 0xd1, 0x9e, 0x33, 0x76, 0xf0, 0x9b, 0x3c,
            0x1e, 0x16, 0x17, 0x42,
        ];
        let private =
            AsymmetricKey::X25519Private(Box::new(x25519_dalek::StaticSecret::from(alice)));
        let public = AsymmetricKey::X25519Public(x25519_dalek::PublicKey::from(bob_public));
        assert_eq!(ecdh(&private, &public).unwrap(), shared);
        let low_order = AsymmetricKey::X25519Public(x25519_dalek::PublicKey::from([0; 32]));
        assert!(matches!(
            ecdh(&private, &low_order),
            Err(CryptoError::DerivationFailed)
        ));
        let ec = AsymmetricKey::generate("ec", 0, 0, "P-521").unwrap();
        let mismatch = ecdh(&private, &ec.public()).unwrap_err();
        assert_eq!(
            mismatch.to_string(),
            "Incompatible key types for Diffie-Hellman: x25519 and ec"
        );
    }

    #[test]
    fn rfc_3394_wraps_its_first_example() {
        let kek: Vec<u8> = (0u8..16).collect();
        let key_data = [
            0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd,
            0xee, 0xff,
        ];
        let wrapped = aes_wrap(&kek, &key_data).unwrap();
        assert_eq!(
            wrapped,
            [
                0x1f, 0xa6, 0x8b, 0x0a, 0x81, 0x12, 0xb4, 0x47, 0xae, 0xf3, 0x4b, 0xd8, 0xfb, 0x5a,
                0x7b, 0x82, 0x9d, 0x3e, 0x86, 0x23, 0x71, 0xd2, 0xcf, 0xe5
            ]
        );
        assert_eq!(aes_unwrap(&kek, &wrapped).unwrap(), key_data);
        let mut altered = wrapped;
        altered[3] ^= 1;
        assert!(matches!(
            aes_unwrap(&kek, &altered),
            Err(CryptoError::Unauthenticated)
        ));
    }
}
