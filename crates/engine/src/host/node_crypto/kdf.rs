//! Key derivation for `crypto.pbkdf2`, `crypto.scrypt` and `crypto.hkdf` (and their `Sync` forms).

use super::hash::{with_digest, Digest};
use super::CryptoError;

pub fn pbkdf2(
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    length: usize,
    digest: Digest,
) -> Vec<u8> {
    let mut output = vec![0; length];
    with_digest!(digest, D => pbkdf2::pbkdf2_hmac::<D>(password, salt, iterations, &mut output));
    output
}

/// scrypt's cost parameters, as Node's options name them.
#[derive(Debug, Clone, Copy)]
pub struct ScryptCost {
    /// `N` (`cost`): a power of two greater than 1.
    pub n: u64,
    /// `r` (`blockSize`).
    pub r: u32,
    /// `p` (`parallelization`).
    pub p: u32,
    /// `maxmem`: the most memory the derivation may use, in bytes.
    pub max_memory: u64,
}

pub fn scrypt(
    password: &[u8],
    salt: &[u8],
    length: usize,
    cost: ScryptCost,
) -> Result<Vec<u8>, CryptoError> {
    let invalid = || CryptoError::InvalidScryptParams;
    if cost.n < 2 || !cost.n.is_power_of_two() || cost.r == 0 || cost.p == 0 {
        return Err(invalid());
    }
    // OpenSSL's estimate of what the derivation needs; Node refuses to go past `maxmem`.
    let needed = 128u64
        .saturating_mul(cost.n)
        .saturating_mul(u64::from(cost.r))
        .saturating_add(
            128u64
                .saturating_mul(u64::from(cost.r))
                .saturating_mul(u64::from(cost.p)),
        );
    if needed > cost.max_memory {
        return Err(CryptoError::ScryptMemory);
    }
    let log_n = u8::try_from(cost.n.trailing_zeros()).map_err(|_| invalid())?;
    // The length given to `Params` only matters for password-hash strings, not for `scrypt()` itself.
    let params = scrypt::Params::new(log_n, cost.r, cost.p, scrypt::Params::RECOMMENDED_LEN)
        .map_err(|_| invalid())?;
    let mut output = vec![0; length];
    scrypt::scrypt(password, salt, &params, &mut output).map_err(|_| invalid())?;
    Ok(output)
}

pub fn hkdf(
    digest: Digest,
    key: &[u8],
    salt: &[u8],
    info: &[u8],
    length: usize,
) -> Result<Vec<u8>, CryptoError> {
    let mut output = vec![0; length];
    with_digest!(digest, D => hkdf::Hkdf::<D>::new(Some(salt), key).expand(info, &mut output))
        .map_err(|_| CryptoError::HkdfTooLong)?;
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn pbkdf2_matches_rfc_6070() {
        let derived = pbkdf2(b"password", b"salt", 2, 20, Digest::Sha1);
        assert_eq!(hex(&derived), "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957");
    }

    #[test]
    fn scrypt_matches_rfc_7914_and_keeps_to_maxmem() {
        let cost = ScryptCost {
            n: 16,
            r: 1,
            p: 1,
            max_memory: 32 << 20,
        };
        let derived = scrypt(b"", b"", 64, cost).unwrap();
        assert!(hex(&derived).starts_with("77d6576238657b203b19ca42c18a0497"));
        let greedy = ScryptCost {
            n: 1 << 20,
            r: 8,
            p: 1,
            max_memory: 32 << 20,
        };
        assert!(matches!(
            scrypt(b"", b"", 64, greedy),
            Err(CryptoError::ScryptMemory)
        ));
    }

    #[test]
    fn hkdf_matches_rfc_5869_case_1() {
        let ikm = [0x0b; 22];
        let salt: Vec<u8> = (0..=0x0c).collect();
        let info: Vec<u8> = (0xf0..=0xf9).collect();
        let okm = hkdf(Digest::Sha256, &ikm, &salt, &info, 42).unwrap();
        assert!(hex(&okm).starts_with("3cb25f25faacd57a90434f64d0362f2a"));
        assert!(matches!(
            hkdf(Digest::Sha256, &ikm, &salt, &info, 255 * 32 + 1),
            Err(CryptoError::HkdfTooLong)
        ));
    }
}
