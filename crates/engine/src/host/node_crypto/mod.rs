//! The host side of Node's `crypto` module (`require("crypto")`, prelude `node/crypto.js`): hashes and
//! HMACs, asymmetric keys, signatures, AES ciphers, RSA encryption, ECDH, AES key wrap and key derivation, on
//! RustCrypto. The functions are
//! created on the module's first `require`; see `FUNCTIONS`.

mod cipher;
mod encryption;
mod hash;
mod kdf;
mod keys;
mod signature;

use boa_engine::object::builtins::JsArray;
use boa_engine::object::{JsObject, ObjectInitializer};
use boa_engine::property::Attribute;
use boa_engine::{js_string, Context, JsResult, JsString, JsValue};

use self::cipher::{CipherInput, CipherSpec, Mode};
use self::encryption::EncryptionPadding;
use self::hash::{Digest, HashHandle};
use self::keys::{AsymmetricKey, KeyFormat, KeyHandle, KeyStructure, Wanted};
use self::signature::{DsaEncoding, RsaPadding, SaltLength, SignatureOptions};
use super::node_error::{throw, ErrorClass, NodeCoded};
use super::{arg, bytes_of, string_arg, uint8_array, HostFunction};

/// Why a `crypto` call failed, worded (and coded) as Node words it where a block might match on it.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    #[error("Digest method not supported")]
    DigestNotSupported,
    #[error("Invalid digest: {0}")]
    InvalidDigest(String),
    #[error("Digest already called")]
    DigestAlreadyCalled,
    #[error("A digest algorithm is needed to sign or verify with an RSA or EC key")]
    DigestRequired,
    #[error("Unsupported key: it is not a PEM or DER RSA, EC (P-256, P-384, P-521), Ed25519 or X25519 key")]
    UnsupportedKey,
    #[error("Encrypted private keys are not supported: decrypt the key before using it")]
    EncryptedKey,
    #[error("A DER key needs its \"type\" (pkcs8, pkcs1, sec1 or spki)")]
    DerNeedsType,
    #[error("Invalid key object type public, expected private.")]
    NotAPrivateKey,
    #[error("Invalid JWK: {0}")]
    InvalidJwk(String),
    #[error("The key could not be encoded")]
    Encode,
    #[error("A{} {kind} key cannot be exported as {structure:?}", if *private { " private" } else { " public" })]
    ExportType {
        structure: KeyStructure,
        kind: &'static str,
        private: bool,
    },
    #[error("Invalid EC curve name {0}: P-256 (prime256v1), P-384 (secp384r1) and P-521 (secp521r1) are supported")]
    InvalidCurve(String),
    #[error("The key type \"{0}\" is not supported: rsa, ec, ed25519 and x25519 are")]
    KeyTypeUnsupported(String),
    #[error("The key pair could not be generated: {0}")]
    KeyGeneration(String),
    #[error("The signature could not be made: {0}")]
    Sign(String),
    #[error("Unknown cipher")]
    UnknownCipher,
    #[error("Invalid key length")]
    InvalidKeyLength,
    #[error("Invalid initialization vector")]
    InvalidIv,
    #[error("Unsupported state or unable to authenticate data")]
    Unauthenticated,
    #[error("error:1C800064:Provider routines::bad decrypt")]
    BadDecrypt,
    /// CBC without padding given a partial block, either way.
    #[error("error:1C80006B:Provider routines::wrong final block length")]
    WrongFinalBlockLength,
    #[error("The cipher failed")]
    CipherFailed,
    #[error(
        "Invalid scrypt params: N must be a power of two greater than 1, and r and p at least 1"
    )]
    InvalidScryptParams,
    #[error(
        "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded"
    )]
    ScryptMemory,
    #[error("Invalid key length")]
    HkdfTooLong,
    #[error("Unsupported padding: RSA_PKCS1_PADDING and RSA_PKCS1_OAEP_PADDING are")]
    UnsupportedPadding,
    #[error("The key is not an RSA key")]
    NotAnRsaKey,
    #[error("error:0200006E:rsa routines::data too large for key size")]
    DataTooLargeForKey,
    #[error("error:0200006C:rsa routines::data too large for modulus")]
    DataTooLargeForModulus,
    #[error("error:0200009F:rsa routines::pkcs decoding error")]
    Pkcs1Decoding,
    #[error("error:02000079:rsa routines::oaep decoding error")]
    OaepDecoding,
    #[error("Incompatible key types for Diffie-Hellman: {private} and {public}")]
    KeyAgreementMismatch {
        private: &'static str,
        public: &'static str,
    },
    /// X25519 with a low-order public key, whose shared secret would be all zeros.
    #[error("error:1C8000A4:Provider routines::failed during derivation")]
    DerivationFailed,
    /// Signing or verifying with a key-agreement (X25519) key.
    #[error("error:03000096:digital envelope routines::operation not supported for this keytype")]
    OperationNotSupportedForKey,
    #[error("error:1C8000CB:Provider routines::mismatching domain parameters")]
    CurveMismatch,
}

impl NodeCoded for CryptoError {
    fn class(&self) -> ErrorClass {
        match self {
            Self::InvalidDigest(_)
            | Self::DigestRequired
            | Self::NotAPrivateKey
            | Self::InvalidIv
            | Self::DerNeedsType
            | Self::ExportType { .. }
            | Self::InvalidCurve(_)
            | Self::KeyTypeUnsupported(_) => ErrorClass::TypeError,
            Self::InvalidKeyLength
            | Self::HkdfTooLong
            | Self::InvalidScryptParams
            | Self::ScryptMemory => ErrorClass::RangeError,
            _ => ErrorClass::Error,
        }
    }

    fn code(&self) -> Option<&'static str> {
        Some(match self {
            Self::InvalidDigest(_) | Self::DigestRequired => "ERR_CRYPTO_INVALID_DIGEST",
            Self::DigestAlreadyCalled => "ERR_CRYPTO_HASH_FINALIZED",
            Self::UnsupportedKey | Self::EncryptedKey => "ERR_OSSL_UNSUPPORTED",
            Self::NotAPrivateKey => "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE",
            Self::InvalidJwk(_) => "ERR_CRYPTO_INVALID_JWK",
            Self::DerNeedsType | Self::ExportType { .. } => "ERR_INVALID_ARG_VALUE",
            Self::InvalidCurve(_) => "ERR_CRYPTO_INVALID_CURVE",
            Self::KeyTypeUnsupported(_) => "ERR_INVALID_ARG_VALUE",
            Self::UnknownCipher => "ERR_CRYPTO_UNKNOWN_CIPHER",
            Self::InvalidKeyLength | Self::HkdfTooLong => "ERR_CRYPTO_INVALID_KEYLEN",
            Self::InvalidIv => "ERR_CRYPTO_INVALID_IV",
            Self::BadDecrypt => "ERR_OSSL_BAD_DECRYPT",
            Self::WrongFinalBlockLength => "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH",
            Self::InvalidScryptParams | Self::ScryptMemory => "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
            Self::UnsupportedPadding => "ERR_OSSL_RSA_UNKNOWN_PADDING_TYPE",
            Self::NotAnRsaKey => "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE",
            Self::DataTooLargeForKey => "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
            Self::DataTooLargeForModulus => "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS",
            Self::Pkcs1Decoding => "ERR_OSSL_RSA_PKCS_DECODING_ERROR",
            Self::OaepDecoding => "ERR_OSSL_RSA_OAEP_DECODING_ERROR",
            Self::KeyAgreementMismatch { .. } => "ERR_CRYPTO_INCOMPATIBLE_KEY",
            Self::DerivationFailed => "ERR_OSSL_FAILED_DURING_DERIVATION",
            Self::OperationNotSupportedForKey => {
                "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE"
            }
            Self::CurveMismatch => "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
            Self::DigestNotSupported
            | Self::Encode
            | Self::KeyGeneration(_)
            | Self::Sign(_)
            | Self::Unauthenticated
            | Self::CipherFailed => return None,
        })
    }
}

/// The host functions of `require("crypto")`.
pub const FUNCTIONS: &[(&str, usize, HostFunction)] = &[
    ("hashes", 0, hashes),
    ("hashCreate", 1, hash_create),
    ("hmacCreate", 2, hmac_create),
    ("hashUpdate", 2, hash_update),
    ("hashDigest", 1, hash_digest),
    ("hashCopy", 1, hash_copy),
    ("keyImport", 4, key_import),
    ("keyImportJwk", 2, key_import_jwk),
    ("keyGenerate", 4, key_generate),
    ("keyPublic", 1, key_public),
    ("keyInfo", 1, key_info),
    ("keyExport", 3, key_export),
    ("keyExportJwk", 1, key_export_jwk),
    ("sign", 6, sign),
    ("verify", 7, verify),
    ("cipherInfo", 1, cipher_info),
    ("cipher", 8, run_cipher),
    ("cipherPrefix", 7, cipher_prefix),
    ("pbkdf2", 5, pbkdf2),
    ("scrypt", 7, scrypt),
    ("hkdf", 5, hkdf),
    ("rsaEncrypt", 5, rsa_encrypt),
    ("rsaDecrypt", 5, rsa_decrypt),
    ("ecdh", 2, ecdh),
    ("aesWrap", 2, aes_wrap),
    ("aesUnwrap", 2, aes_unwrap),
];

type CryptoResult<T> = Result<T, CryptoError>;

/// Turns a `CryptoError` into the error Node throws.
fn thrown<T>(result: CryptoResult<T>, context: &mut Context) -> JsResult<T> {
    result.map_err(|error| throw(&error, context))
}

fn native_object<T: boa_engine::NativeObject>(data: T, context: &mut Context) -> JsValue {
    JsObject::from_proto_and_data(
        context.intrinsics().constructors().object().prototype(),
        data,
    )
    .into()
}

fn hash_handle(value: &JsValue) -> JsResult<JsObject> {
    value
        .as_object()
        .filter(|object| object.downcast_ref::<HashHandle>().is_some())
        .ok_or_else(|| super::type_error("expected a hash handle"))
}

fn key_of(value: &JsValue) -> JsResult<AsymmetricKey> {
    value
        .as_object()
        .and_then(|object| {
            object
                .downcast_ref::<KeyHandle>()
                .map(|handle| handle.key.borrow().clone())
        })
        .ok_or_else(|| super::type_error("expected a key handle"))
}

fn optional_string(
    args: &[JsValue],
    index: usize,
    context: &mut Context,
) -> JsResult<Option<String>> {
    match arg(args, index) {
        value if value.is_null_or_undefined() => Ok(None),
        value => Ok(Some(value.to_string(context)?.to_std_string_lossy())),
    }
}

fn usize_arg(args: &[JsValue], index: usize, context: &mut Context) -> JsResult<usize> {
    let length = arg(args, index).to_length(context)?;
    usize::try_from(length).map_err(|_| super::type_error("a length is too large"))
}

/// `hashes()` → the digest names `getHashes()` lists.
fn hashes(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let names = Digest::NAMES
        .iter()
        .map(|name| JsString::from(*name).into());
    Ok(JsArray::from_iter(names, context).into())
}

/// `hashCreate(algorithm)` → a hash handle.
fn hash_create(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let name = string_arg(args, 0, context)?;
    let digest = thrown(
        Digest::named(&name).ok_or(CryptoError::DigestNotSupported),
        context,
    )?;
    Ok(native_object(HashHandle::hash(digest), context))
}

/// `hmacCreate(algorithm, keyBytes)` → a hash handle computing an HMAC.
fn hmac_create(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let name = string_arg(args, 0, context)?;
    let digest = thrown(
        Digest::named(&name).ok_or(CryptoError::InvalidDigest(name)),
        context,
    )?;
    let key = bytes_of(&arg(args, 1), context)?;
    Ok(native_object(HashHandle::hmac(digest, &key), context))
}

/// `hashUpdate(handle, bytes)`.
fn hash_update(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = hash_handle(&arg(args, 0))?;
    let data = bytes_of(&arg(args, 1), context)?;
    let updated = handle
        .downcast_ref::<HashHandle>()
        .map(|handle| handle.update(&data));
    thrown(updated.expect("checked by hash_handle"), context)?;
    Ok(JsValue::undefined())
}

/// `hashDigest(handle)` → Uint8Array; the handle is finished.
fn hash_digest(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = hash_handle(&arg(args, 0))?;
    let digest = handle
        .downcast_ref::<HashHandle>()
        .map(|handle| handle.finish());
    let digest = thrown(digest.expect("checked by hash_handle"), context)?;
    uint8_array(&digest, context)
}

/// `hashCopy(handle)` → a new handle with the same state.
fn hash_copy(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let handle = hash_handle(&arg(args, 0))?;
    let copy = handle
        .downcast_ref::<HashHandle>()
        .map(|handle| handle.copy());
    let copy = thrown(copy.expect("checked by hash_handle"), context)?;
    Ok(native_object(copy, context))
}

fn wanted(args: &[JsValue], index: usize) -> Wanted {
    if arg(args, index).to_boolean() {
        Wanted::Private
    } else {
        Wanted::Public
    }
}

/// `keyImport(bytes, "pem" | "der", type?, wantPrivate)` → a key handle.
fn key_import(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let data = bytes_of(&arg(args, 0), context)?;
    let format = match string_arg(args, 1, context)?.as_str() {
        "der" => KeyFormat::Der,
        _ => KeyFormat::Pem,
    };
    let structure = optional_string(args, 2, context)?.and_then(|name| KeyStructure::named(&name));
    let key = thrown(
        AsymmetricKey::import(&data, format, structure, wanted(args, 3)),
        context,
    )?;
    Ok(native_object(KeyHandle::new(key), context))
}

/// `keyImportJwk(jwkJsonText, wantPrivate)` → a key handle.
fn key_import_jwk(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let text = string_arg(args, 0, context)?;
    let jwk: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
        .map_err(|_| super::type_error("the JWK is not a JSON object"))?;
    let key = thrown(AsymmetricKey::from_jwk(&jwk, wanted(args, 1)), context)?;
    Ok(native_object(KeyHandle::new(key), context))
}

/// `keyGenerate(type, modulusLength, publicExponent, namedCurve)` → a private key handle.
fn key_generate(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let kind = string_arg(args, 0, context)?;
    let modulus_bits = usize_arg(args, 1, context)?;
    let public_exponent = arg(args, 2).to_length(context)?;
    let curve = string_arg(args, 3, context)?;
    let key = thrown(
        AsymmetricKey::generate(&kind, modulus_bits, public_exponent, &curve),
        context,
    )?;
    Ok(native_object(KeyHandle::new(key), context))
}

/// `keyPublic(handle)` → a handle to its public key.
fn key_public(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = key_of(&arg(args, 0))?;
    Ok(native_object(KeyHandle::new(key.public()), context))
}

/// `keyInfo(handle)` → `{ type, asymmetricKeyType, details }` (`details` as JSON text).
fn key_info(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = key_of(&arg(args, 0))?;
    let kind = if key.is_private() {
        "private"
    } else {
        "public"
    };
    let info = ObjectInitializer::new(context)
        .property(js_string!("type"), js_string!(kind), Attribute::all())
        .property(
            js_string!("asymmetricKeyType"),
            js_string!(key.kind()),
            Attribute::all(),
        )
        .property(
            js_string!("details"),
            js_string!(key.details().to_string()),
            Attribute::all(),
        )
        .build();
    Ok(info.into())
}

/// `keyExport(handle, "pem" | "der", type)` → Uint8Array (PEM as its UTF-8 text).
fn key_export(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = key_of(&arg(args, 0))?;
    let format = match string_arg(args, 1, context)?.as_str() {
        "der" => KeyFormat::Der,
        _ => KeyFormat::Pem,
    };
    let structure_name = string_arg(args, 2, context)?;
    let structure = KeyStructure::named(&structure_name)
        .ok_or_else(|| super::type_error(format!("`{structure_name}` is not a key type")))?;
    let bytes = thrown(key.export(format, structure), context)?;
    uint8_array(&bytes, context)
}

/// `keyExportJwk(handle)` → the JWK as JSON text.
fn key_export_jwk(_: &JsValue, args: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    let key = key_of(&arg(args, 0))?;
    Ok(js_string!(key.to_jwk().to_string()).into())
}

/// The options `sign` and `verify` share, from `(digest, padding, saltLength, dsaEncoding)` at `first`.
fn signature_options(
    args: &[JsValue],
    first: usize,
    context: &mut Context,
) -> JsResult<SignatureOptions> {
    let digest = match optional_string(args, first, context)? {
        None => None,
        Some(name) => Some(thrown(
            Digest::named(&name).ok_or(CryptoError::InvalidDigest(name)),
            context,
        )?),
    };
    // Node's constants: RSA_PKCS1_PSS_PADDING is 6; anything else here is PKCS#1 v1.5.
    let padding = if arg(args, first + 1).to_number(context)? == 6.0 {
        RsaPadding::Pss
    } else {
        RsaPadding::Pkcs1v15
    };
    let salt = arg(args, first + 2).to_number(context)?;
    // Checked by the prelude: a whole number from -2 up.
    #[allow(clippy::cast_possible_truncation)]
    let salt_length = SaltLength::from_node(salt as i64).unwrap_or(SaltLength::MaxOrAuto);
    let dsa_encoding = if string_arg(args, first + 3, context)? == "ieee-p1363" {
        DsaEncoding::IeeeP1363
    } else {
        DsaEncoding::Der
    };
    Ok(SignatureOptions {
        digest,
        padding,
        salt_length,
        dsa_encoding,
    })
}

/// `sign(handle, data, digest?, padding, saltLength, dsaEncoding)` → Uint8Array.
fn sign(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = key_of(&arg(args, 0))?;
    let data = bytes_of(&arg(args, 1), context)?;
    let options = signature_options(args, 2, context)?;
    let signature = thrown(signature::sign(&key, &data, &options), context)?;
    uint8_array(&signature, context)
}

/// `verify(handle, data, signature, digest?, padding, saltLength, dsaEncoding)` → boolean.
fn verify(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = key_of(&arg(args, 0))?;
    let data = bytes_of(&arg(args, 1), context)?;
    let signature = bytes_of(&arg(args, 2), context)?;
    let options = signature_options(args, 3, context)?;
    Ok(thrown(
        signature::verify(&key, &data, &signature, &options),
        context,
    )?
    .into())
}

/// `cipherInfo(name)` → `{ keyLength, ivLength, mode }`, or `null` for a cipher not supported here.
fn cipher_info(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let name = string_arg(args, 0, context)?;
    let Some(spec) = CipherSpec::named(&name) else {
        return Ok(JsValue::null());
    };
    let mode = match spec.mode {
        Mode::Gcm => "gcm",
        Mode::Cbc => "cbc",
        Mode::Ctr => "ctr",
    };
    let info = ObjectInitializer::new(context)
        .property(
            js_string!("keyLength"),
            spec.key_len as f64,
            Attribute::all(),
        )
        .property(
            js_string!("ivLength"),
            spec.iv_len() as f64,
            Attribute::all(),
        )
        .property(js_string!("mode"), js_string!(mode), Attribute::all())
        .build();
    Ok(info.into())
}

/// The arguments `cipher` and `cipherPrefix` share: `(name, encrypt, key, iv, data, aad, autoPadding, …)`.
struct CipherCall {
    spec: CipherSpec,
    encrypting: bool,
    key: Vec<u8>,
    iv: Vec<u8>,
    data: Vec<u8>,
    aad: Vec<u8>,
    auto_padding: bool,
}

impl CipherCall {
    fn read(args: &[JsValue], context: &mut Context) -> JsResult<Self> {
        let name = string_arg(args, 0, context)?;
        let spec = thrown(
            CipherSpec::named(&name).ok_or(CryptoError::UnknownCipher),
            context,
        )?;
        Ok(CipherCall {
            spec,
            encrypting: arg(args, 1).to_boolean(),
            key: bytes_of(&arg(args, 2), context)?,
            iv: bytes_of(&arg(args, 3), context)?,
            data: bytes_of(&arg(args, 4), context)?,
            aad: bytes_of(&arg(args, 5), context)?,
            auto_padding: arg(args, 6).to_boolean(),
        })
    }

    fn input(&self) -> CipherInput<'_> {
        CipherInput {
            key: &self.key,
            iv: &self.iv,
            aad: &self.aad,
            auto_padding: self.auto_padding,
        }
    }
}

/// `cipher(name, encrypt, key, iv, data, aad, autoPadding, tag?)` → `{ output, tag }`.
fn run_cipher(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let call = CipherCall::read(args, context)?;
    let (spec, encrypting, data) = (call.spec, call.encrypting, call.data.as_slice());
    let input = call.input();
    let (output, tag) = if encrypting {
        thrown(cipher::encrypt(spec, &input, data), context)?
    } else {
        let tag = match arg(args, 7) {
            value if value.is_null_or_undefined() => None,
            value => Some(bytes_of(&value, context)?),
        };
        (
            thrown(cipher::decrypt(spec, &input, data, tag.as_deref()), context)?,
            None,
        )
    };
    let output = uint8_array(&output, context)?;
    let tag = match tag {
        Some(tag) => uint8_array(&tag, context)?,
        None => JsValue::null(),
    };
    let result = ObjectInitializer::new(context)
        .property(js_string!("output"), output, Attribute::all())
        .property(js_string!("tag"), tag, Attribute::all())
        .build();
    Ok(result.into())
}

/// `cipherPrefix(name, encrypt, key, iv, dataSoFar, aad, autoPadding)` → the output `update` may return.
fn cipher_prefix(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let call = CipherCall::read(args, context)?;
    let (spec, encrypting, data) = (call.spec, call.encrypting, call.data.as_slice());
    let input = call.input();
    let output = thrown(
        cipher::stable_prefix(spec, &input, data, encrypting),
        context,
    )?;
    uint8_array(&output, context)
}

fn kdf_digest(args: &[JsValue], index: usize, context: &mut Context) -> JsResult<Digest> {
    let name = string_arg(args, index, context)?;
    thrown(
        Digest::named(&name).ok_or(CryptoError::InvalidDigest(name)),
        context,
    )
}

/// `pbkdf2(password, salt, iterations, keylen, digest)` → Uint8Array.
fn pbkdf2(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let password = bytes_of(&arg(args, 0), context)?;
    let salt = bytes_of(&arg(args, 1), context)?;
    let iterations = arg(args, 2).to_u32(context)?;
    let length = usize_arg(args, 3, context)?;
    let digest = kdf_digest(args, 4, context)?;
    uint8_array(
        &kdf::pbkdf2(&password, &salt, iterations, length, digest),
        context,
    )
}

/// `scrypt(password, salt, keylen, N, r, p, maxmem)` → Uint8Array.
fn scrypt(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let password = bytes_of(&arg(args, 0), context)?;
    let salt = bytes_of(&arg(args, 1), context)?;
    let length = usize_arg(args, 2, context)?;
    let cost = kdf::ScryptCost {
        n: arg(args, 3).to_length(context)?,
        r: arg(args, 4).to_u32(context)?,
        p: arg(args, 5).to_u32(context)?,
        max_memory: arg(args, 6).to_length(context)?,
    };
    let derived = thrown(kdf::scrypt(&password, &salt, length, cost), context)?;
    uint8_array(&derived, context)
}

/// `hkdf(digest, key, salt, info, keylen)` → Uint8Array.
fn hkdf(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let digest = kdf_digest(args, 0, context)?;
    let key = bytes_of(&arg(args, 1), context)?;
    let salt = bytes_of(&arg(args, 2), context)?;
    let info = bytes_of(&arg(args, 3), context)?;
    let length = usize_arg(args, 4, context)?;
    let derived = thrown(kdf::hkdf(digest, &key, &salt, &info, length), context)?;
    uint8_array(&derived, context)
}

/// The padding arguments of `rsaEncrypt`/`rsaDecrypt`: `padding`, `oaepHash` and `oaepLabel` from `index` on.
fn encryption_padding(
    args: &[JsValue],
    index: usize,
    context: &mut Context,
) -> JsResult<EncryptionPadding> {
    let padding = arg(args, index).to_i32(context)?;
    let digest_name = optional_string(args, index + 1, context)?.unwrap_or_else(|| "sha1".into());
    let digest = thrown(
        Digest::named(&digest_name).ok_or(CryptoError::InvalidDigest(digest_name)),
        context,
    )?;
    let label =
        match arg(args, index + 2) {
            value if value.is_null_or_undefined() => None,
            value => {
                let bytes = bytes_of(&value, context)?;
                Some(String::from_utf8(bytes).map_err(|_| {
                    super::type_error("an OAEP label must be UTF-8 text in Blocksmith")
                })?)
            }
        };
    thrown(
        EncryptionPadding::from_node(i64::from(padding), digest, label),
        context,
    )
}

/// `rsaEncrypt(handle, data, padding, oaepHash?, oaepLabel?)` → Uint8Array.
fn rsa_encrypt(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = key_of(&arg(args, 0))?;
    let data = bytes_of(&arg(args, 1), context)?;
    let padding = encryption_padding(args, 2, context)?;
    let encrypted = thrown(encryption::rsa_encrypt(&key, &data, &padding), context)?;
    uint8_array(&encrypted, context)
}

/// `rsaDecrypt(handle, data, padding, oaepHash?, oaepLabel?)` → Uint8Array.
fn rsa_decrypt(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let key = key_of(&arg(args, 0))?;
    let data = bytes_of(&arg(args, 1), context)?;
    let padding = encryption_padding(args, 2, context)?;
    let decrypted = thrown(encryption::rsa_decrypt(&key, &data, &padding), context)?;
    uint8_array(&decrypted, context)
}

/// `ecdh(privateHandle, publicHandle)` → the shared secret.
fn ecdh(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let private = key_of(&arg(args, 0))?;
    let public = key_of(&arg(args, 1))?;
    let secret = thrown(encryption::ecdh(&private, &public), context)?;
    uint8_array(&secret, context)
}

/// `aesWrap(kek, keyData)` → the wrapped key (RFC 3394).
fn aes_wrap(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let kek = bytes_of(&arg(args, 0), context)?;
    let key_data = bytes_of(&arg(args, 1), context)?;
    let wrapped = thrown(encryption::aes_wrap(&kek, &key_data), context)?;
    uint8_array(&wrapped, context)
}

/// `aesUnwrap(kek, wrapped)` → the key data; a wrong key or altered data fails.
fn aes_unwrap(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let kek = bytes_of(&arg(args, 0), context)?;
    let wrapped = bytes_of(&arg(args, 1), context)?;
    let unwrapped = thrown(encryption::aes_unwrap(&kek, &wrapped), context)?;
    uint8_array(&unwrapped, context)
}
