//! AES in GCM, CBC and CTR modes for `crypto.createCipheriv`/`createDecipheriv`. Each call is given the
//! whole message so far (the prelude collects what `update` is given): `stable_prefix` answers what
//! `update` may already return, `encrypt`/`decrypt` what `final` completes.

use aes::cipher::block_padding::{NoPadding, Pkcs7};
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit, StreamCipher};
use aes::{Aes128, Aes192, Aes256};
use aes_gcm::aead::AeadInPlace;
use aes_gcm::{AesGcm, KeyInit, Nonce, Tag};

use super::CryptoError;

/// GCM's tag length; Node allows shorter tags, which are not supported here.
pub const GCM_TAG_LEN: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Gcm,
    Cbc,
    Ctr,
}

/// A cipher by Node's name for it (`aes-256-gcm`, `AES-128-CBC`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CipherSpec {
    pub key_len: usize,
    pub mode: Mode,
}

impl CipherSpec {
    pub fn named(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        let (bits, mode) = lower.strip_prefix("aes-")?.split_once('-')?;
        let key_len = match bits {
            "128" => 16,
            "192" => 24,
            "256" => 32,
            _ => return None,
        };
        let mode = match mode {
            "gcm" => Mode::Gcm,
            "cbc" => Mode::Cbc,
            "ctr" => Mode::Ctr,
            _ => return None,
        };
        Some(Self { key_len, mode })
    }

    /// The IV length Node requires (GCM's 12-byte nonce is the only one supported here).
    pub fn iv_len(self) -> usize {
        match self.mode {
            Mode::Gcm => 12,
            Mode::Cbc | Mode::Ctr => 16,
        }
    }
}

/// What a cipher is given besides the message.
pub struct CipherInput<'a> {
    pub key: &'a [u8],
    pub iv: &'a [u8],
    /// GCM's additional authenticated data.
    pub aad: &'a [u8],
    /// CBC's PKCS#7 padding (`setAutoPadding`).
    pub auto_padding: bool,
}

type Ctr128<C> = ctr::Ctr128BE<C>;

/// Runs `$body` with `$C` bound to the AES type for a key of `$key_len` bytes (16, 24 or 32, as
/// `check_lengths` has made sure).
macro_rules! with_aes {
    ($key_len:expr, $C:ident => $body:expr) => {
        match $key_len {
            16 => {
                type $C = Aes128;
                $body
            }
            24 => {
                type $C = Aes192;
                $body
            }
            _ => {
                type $C = Aes256;
                $body
            }
        }
    };
}

fn check_lengths(spec: CipherSpec, input: &CipherInput) -> Result<(), CryptoError> {
    if input.key.len() != spec.key_len {
        return Err(CryptoError::InvalidKeyLength);
    }
    if input.iv.len() != spec.iv_len() {
        return Err(CryptoError::InvalidIv);
    }
    Ok(())
}

/// Encrypts `data`; for GCM also returns the authentication tag.
pub fn encrypt(
    spec: CipherSpec,
    input: &CipherInput,
    data: &[u8],
) -> Result<(Vec<u8>, Option<Vec<u8>>), CryptoError> {
    check_lengths(spec, input)?;
    let (key, iv) = (input.key, input.iv);
    match spec.mode {
        Mode::Gcm => {
            let mut buffer = data.to_vec();
            let tag = with_aes!(spec.key_len, C => AesGcm::<C, aes_gcm::aead::consts::U12>::new_from_slice(key)
                .map_err(|_| CryptoError::InvalidKeyLength)?
                .encrypt_in_place_detached(Nonce::from_slice(iv), input.aad, &mut buffer))
            .map_err(|_| CryptoError::CipherFailed)?;
            Ok((buffer, Some(tag.to_vec())))
        }
        Mode::Cbc => {
            let output = with_aes!(spec.key_len, C => {
                let encryptor = cbc::Encryptor::<C>::new_from_slices(key, iv).map_err(|_| CryptoError::InvalidIv)?;
                if input.auto_padding {
                    encryptor.encrypt_padded_vec_mut::<Pkcs7>(data)
                } else {
                    if !data.len().is_multiple_of(16) {
                        return Err(CryptoError::WrongFinalBlockLength);
                    }
                    encryptor.encrypt_padded_vec_mut::<NoPadding>(data)
                }
            });
            Ok((output, None))
        }
        Mode::Ctr => Ok((apply_ctr(spec, key, iv, data)?, None)),
    }
}

/// Decrypts `data`; GCM checks `tag` and fails as Node does when it does not match.
pub fn decrypt(
    spec: CipherSpec,
    input: &CipherInput,
    data: &[u8],
    tag: Option<&[u8]>,
) -> Result<Vec<u8>, CryptoError> {
    check_lengths(spec, input)?;
    let (key, iv) = (input.key, input.iv);
    match spec.mode {
        Mode::Gcm => {
            let tag = tag
                .filter(|tag| tag.len() == GCM_TAG_LEN)
                .ok_or(CryptoError::Unauthenticated)?;
            let mut buffer = data.to_vec();
            with_aes!(spec.key_len, C => AesGcm::<C, aes_gcm::aead::consts::U12>::new_from_slice(key)
                .map_err(|_| CryptoError::InvalidKeyLength)?
                .decrypt_in_place_detached(Nonce::from_slice(iv), input.aad, &mut buffer, Tag::from_slice(tag)))
            .map_err(|_| CryptoError::Unauthenticated)?;
            Ok(buffer)
        }
        Mode::Cbc => {
            if !data.len().is_multiple_of(16) {
                return Err(CryptoError::WrongFinalBlockLength);
            }
            with_aes!(spec.key_len, C => {
                let decryptor = cbc::Decryptor::<C>::new_from_slices(key, iv).map_err(|_| CryptoError::InvalidIv)?;
                if input.auto_padding {
                    decryptor.decrypt_padded_vec_mut::<Pkcs7>(data).map_err(|_| CryptoError::BadDecrypt)
                } else {
                    decryptor.decrypt_padded_vec_mut::<NoPadding>(data).map_err(|_| CryptoError::BadDecrypt)
                }
            })
        }
        Mode::Ctr => apply_ctr(spec, key, iv, data),
    }
}

/// The output that no later input can change, for `update` to return: every byte of a stream mode
/// (CTR, and GCM's counter-mode encryption, whose tag is checked only by `final` as in Node), and CBC's
/// whole blocks, less the last one when decrypting with padding (it may be the padding).
pub fn stable_prefix(
    spec: CipherSpec,
    input: &CipherInput,
    data: &[u8],
    encrypting: bool,
) -> Result<Vec<u8>, CryptoError> {
    check_lengths(spec, input)?;
    let (key, iv) = (input.key, input.iv);
    match spec.mode {
        Mode::Ctr => apply_ctr(spec, key, iv, data),
        Mode::Gcm => {
            // GCM encrypts with a 32-bit counter starting at 2 after the 96-bit IV (NIST SP 800-38D §7.1).
            let mut counter = [0u8; 16];
            counter[..12].copy_from_slice(iv);
            counter[15] = 2;
            let mut buffer = data.to_vec();
            with_aes!(spec.key_len, C => ctr::Ctr32BE::<C>::new_from_slices(key, &counter)
                .map_err(|_| CryptoError::InvalidIv)?
                .apply_keystream(&mut buffer));
            Ok(buffer)
        }
        Mode::Cbc => {
            let mut whole = data.len() - data.len() % 16;
            if !encrypting && input.auto_padding && whole == data.len() {
                whole = whole.saturating_sub(16);
            }
            let blocks = &data[..whole];
            Ok(with_aes!(spec.key_len, C => if encrypting {
                cbc::Encryptor::<C>::new_from_slices(key, iv).map_err(|_| CryptoError::InvalidIv)?
                    .encrypt_padded_vec_mut::<NoPadding>(blocks)
            } else {
                cbc::Decryptor::<C>::new_from_slices(key, iv).map_err(|_| CryptoError::InvalidIv)?
                    .decrypt_padded_vec_mut::<NoPadding>(blocks)
                    .map_err(|_| CryptoError::BadDecrypt)?
            }))
        }
    }
}

fn apply_ctr(spec: CipherSpec, key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let mut buffer = data.to_vec();
    with_aes!(spec.key_len, C => Ctr128::<C>::new_from_slices(key, iv)
        .map_err(|_| CryptoError::InvalidIv)?
        .apply_keystream(&mut buffer));
    Ok(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn input<'a>(key: &'a [u8], iv: &'a [u8]) -> CipherInput<'a> {
        CipherInput {
            key,
            iv,
            aad: b"",
            auto_padding: true,
        }
    }

    #[test]
    fn names_are_read_as_node_reads_them() {
        assert_eq!(
            CipherSpec::named("AES-256-GCM"),
            Some(CipherSpec {
                key_len: 32,
                mode: Mode::Gcm
            })
        );
        assert_eq!(CipherSpec::named("aes-128-ecb"), None);
    }

    #[test]
    fn gcm_matches_the_nist_test_vector_and_rejects_a_changed_tag() {
        // The GCM specification's test case 3 (AES-128, 64-byte message), cut to its first block.
        let key = [
            0xfe, 0xff, 0xe9, 0x92, 0x86, 0x65, 0x73, 0x1c, 0x6d, 0x6a, 0x8f, 0x94, 0x67, 0x30,
            0x83, 0x08,
        ];
        let iv = [
            0xca, 0xfe, 0xba, 0xbe, 0xfa, 0xce, 0xdb, 0xad, 0xde, 0xca, 0xf8, 0x88,
        ];
        let spec = CipherSpec::named("aes-128-gcm").unwrap();
        let message = [
            0xd9, 0x31, 0x32, 0x25, 0xf8, 0x84, 0x06, 0xe5, 0xa5, 0x59, 0x09, 0xc5, 0xaf, 0xf5,
            0x26, 0x9a,
        ];
        let (sealed, tag) = encrypt(spec, &input(&key, &iv), &message).unwrap();
        assert_eq!(hex(&sealed), "42831ec2217774244b7221b784d0d49c");
        let mut tag = tag.unwrap();
        assert_eq!(
            decrypt(spec, &input(&key, &iv), &sealed, Some(&tag)).unwrap(),
            message
        );
        tag[0] ^= 1;
        assert!(matches!(
            decrypt(spec, &input(&key, &iv), &sealed, Some(&tag)),
            Err(CryptoError::Unauthenticated)
        ));
    }

    #[test]
    fn cbc_pads_and_ctr_streams() {
        let key = [7u8; 32];
        let iv = [9u8; 16];
        for name in ["aes-256-cbc", "aes-256-ctr"] {
            let spec = CipherSpec::named(name).unwrap();
            let (sealed, tag) = encrypt(spec, &input(&key, &iv), b"seventeen bytes!!").unwrap();
            assert_eq!(tag, None);
            assert_eq!(sealed.len(), if spec.mode == Mode::Cbc { 32 } else { 17 });
            assert_eq!(
                decrypt(spec, &input(&key, &iv), &sealed, None).unwrap(),
                b"seventeen bytes!!"
            );
        }
    }

    #[test]
    fn what_update_returns_is_a_prefix_of_what_final_completes() {
        let key = [3u8; 16];
        let message = [5u8; 40];
        for (name, iv) in [
            ("aes-128-gcm", &[1u8; 12][..]),
            ("aes-128-cbc", &[1u8; 16][..]),
            ("aes-128-ctr", &[1u8; 16][..]),
        ] {
            let spec = CipherSpec::named(name).unwrap();
            let (sealed, tag) = encrypt(spec, &input(&key, iv), &message).unwrap();
            let early = stable_prefix(spec, &input(&key, iv), &message[..33], true).unwrap();
            assert!(sealed.starts_with(&early), "{name} encrypting");
            assert_eq!(
                early.len(),
                if spec.mode == Mode::Cbc { 32 } else { 33 },
                "{name}"
            );
            let opened = stable_prefix(spec, &input(&key, iv), &sealed, false).unwrap();
            assert!(message.starts_with(&opened), "{name} decrypting");
            assert_eq!(
                decrypt(spec, &input(&key, iv), &sealed, tag.as_deref()).unwrap(),
                message
            );
        }
    }

    #[test]
    fn a_wrong_key_length_is_refused() {
        let spec = CipherSpec::named("aes-256-gcm").unwrap();
        let result = encrypt(spec, &input(&[0; 5], &[0; 12]), b"x");
        assert!(matches!(result, Err(CryptoError::InvalidKeyLength)));
    }
}
