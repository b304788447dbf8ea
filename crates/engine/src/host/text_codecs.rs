//! The string encodings of Node's `Buffer` (`Buffer.from(text, encoding)`, `buffer.toString(encoding)`), which
//! `atob`/`btoa` and the preludes' base64 and hex helpers share, done in Rust. Written in JavaScript they built
//! their strings a character at a time, which Boa copies whole each time: a 64 KB buffer took 170 ms to print in
//! base64 and a 1 MB one more than the 30 s a run may take.
//!
//! Each follows Node 20 exactly, leniency included: base64 skips characters outside either alphabet and stops at
//! the first `=`; hex stops at the first pair that is not two hex digits; latin1 and ascii keep each code
//! unit's low byte; utf16le drops a trailing odd byte.

use base64ct::{Base64, Base64UrlUnpadded, Encoding as _};
use boa_engine::object::builtins::{AlignedVec, JsArrayBuffer, JsUint8Array};
use boa_engine::string::{JsStr, JsStrVariant};
use boa_engine::{js_string, Context, JsNativeError, JsResult, JsString, JsValue};

use super::bytes::bytes_of;
use super::{arg, string_arg};

/// One of `Buffer`'s encodings, as the prelude names it once Node's aliases are resolved (`normalizeEncoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextEncoding {
    Utf8,
    Base64,
    Base64Url,
    Hex,
    Latin1,
    Ascii,
    Utf16Le,
}

impl TextEncoding {
    fn named(name: &str) -> JsResult<Self> {
        Ok(match name {
            "utf8" => Self::Utf8,
            "base64" => Self::Base64,
            "base64url" => Self::Base64Url,
            "hex" => Self::Hex,
            "latin1" => Self::Latin1,
            "ascii" => Self::Ascii,
            "utf16le" => Self::Utf16Le,
            _ => {
                return Err(JsNativeError::typ()
                    .with_message(format!("no text encoding is named `{name}`"))
                    .into())
            }
        })
    }
}

/// `encodeText(text, encoding)` → a Uint8Array of `text`'s bytes in `encoding`.
pub(super) fn encode_text(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let text = arg(args, 0).to_string(context)?;
    let encoding = TextEncoding::named(&string_arg(args, 1, context)?)?;
    let bytes = text_to_bytes(&text, encoding);
    let buffer = JsArrayBuffer::from_byte_block(AlignedVec::from_iter(0, bytes), context)?;
    Ok(JsUint8Array::from_array_buffer(buffer, context)?.into())
}

/// `decodeBytes(bytes, encoding)` → the string `bytes` spell in `encoding`.
pub(super) fn decode_bytes(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let bytes = bytes_of(&arg(args, 0), context)?;
    let encoding = TextEncoding::named(&string_arg(args, 1, context)?)?;
    Ok(bytes_to_text(&bytes, encoding).into())
}

fn text_to_bytes(text: &JsString, encoding: TextEncoding) -> Vec<u8> {
    let units = text.as_str();
    match encoding {
        TextEncoding::Utf8 => text.to_std_string_lossy().into_bytes(),
        TextEncoding::Base64 | TextEncoding::Base64Url => base64_decode_lenient(units.iter()),
        TextEncoding::Hex => hex_decode_until_invalid(units.iter()),
        // Node writes each code unit's low byte for both.
        TextEncoding::Latin1 | TextEncoding::Ascii => match units.variant() {
            JsStrVariant::Latin1(bytes) => bytes.to_vec(),
            JsStrVariant::Utf16(units) => units.iter().map(|unit| unit.to_le_bytes()[0]).collect(),
        },
        // Lone surrogates are kept as they are, as in Node.
        TextEncoding::Utf16Le => units.iter().flat_map(u16::to_le_bytes).collect(),
    }
}

fn bytes_to_text(bytes: &[u8], encoding: TextEncoding) -> JsString {
    match encoding {
        TextEncoding::Utf8 => JsString::from(String::from_utf8_lossy(bytes).as_ref()),
        TextEncoding::Base64 => JsString::from(Base64::encode_string(bytes).as_str()),
        TextEncoding::Base64Url => JsString::from(Base64UrlUnpadded::encode_string(bytes).as_str()),
        TextEncoding::Hex => {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            let hex: Vec<u8> = bytes
                .iter()
                .flat_map(|byte| {
                    [
                        DIGITS[usize::from(byte >> 4)],
                        DIGITS[usize::from(byte & 15)],
                    ]
                })
                .collect();
            JsString::from(JsStr::latin1(&hex))
        }
        TextEncoding::Latin1 => JsString::from(JsStr::latin1(bytes)),
        TextEncoding::Ascii => {
            let ascii: Vec<u8> = bytes.iter().map(|byte| byte & 0x7f).collect();
            JsString::from(JsStr::latin1(&ascii))
        }
        TextEncoding::Utf16Le => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                .collect();
            if units.is_empty() {
                js_string!()
            } else {
                JsString::from(units.as_slice())
            }
        }
    }
}

/// The value of a base64 character in either alphabet (`+/` or `-_`), `None` for any other.
fn base64_value(unit: u16) -> Option<u32> {
    let value = match u8::try_from(unit).ok()? {
        letter @ b'A'..=b'Z' => letter - b'A',
        letter @ b'a'..=b'z' => letter - b'a' + 26,
        digit @ b'0'..=b'9' => digit - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Node's base64 decoding: characters outside the alphabets are skipped and decoding stops at the first `=`;
/// bits left over at the end that do not make a byte are dropped.
fn base64_decode_lenient(units: impl Iterator<Item = u16>) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut bits: u32 = 0;
    let mut count = 0;
    for unit in units {
        if unit == u16::from(b'=') {
            break;
        }
        let Some(value) = base64_value(unit) else {
            continue;
        };
        bits = (bits << 6 | value) & 0xff_ffff;
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count).to_le_bytes()[0]);
        }
    }
    bytes
}

/// Node's hex decoding: two digits a byte, either case, up to the first pair that is not two hex digits; a
/// trailing odd digit is dropped.
fn hex_decode_until_invalid(mut units: impl Iterator<Item = u16>) -> Vec<u8> {
    let digit = |unit: u16| char::from_u32(u32::from(unit)).and_then(|c| c.to_digit(16));
    let mut bytes = Vec::new();
    while let (Some(high), Some(low)) = (units.next(), units.next()) {
        let (Some(high), Some(low)) = (digit(high), digit(low)) else {
            break;
        };
        bytes.push((high << 4 | low).to_le_bytes()[0]);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<u16> {
        text.encode_utf16().collect()
    }

    #[test]
    fn base64_decoding_skips_foreign_characters_and_stops_at_padding() {
        assert_eq!(
            base64_decode_lenient(units("aGVs bG8=").into_iter()),
            b"hello"
        );
        assert_eq!(
            base64_decode_lenient(units("aGVsbG8\n").into_iter()),
            b"hello"
        );
        assert_eq!(
            base64_decode_lenient(units("_-8=AAAA").into_iter()),
            [0xff, 0xef]
        );
        assert_eq!(base64_decode_lenient(units("a").into_iter()), b"");
    }

    #[test]
    fn hex_decoding_stops_at_the_first_pair_that_is_not_hex() {
        assert_eq!(
            hex_decode_until_invalid(units("0aFFzz10").into_iter()),
            [0x0a, 0xff]
        );
        assert_eq!(hex_decode_until_invalid(units("1g").into_iter()), b"");
        assert_eq!(hex_decode_until_invalid(units("abc").into_iter()), [0xab]);
    }
}
