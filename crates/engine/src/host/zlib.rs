//! The host side of Node's `zlib` module (`require("zlib")`, prelude `node/zlib.js`): gzip, zlib-wrapped
//! and raw deflate on flate2 (with the zlib-rs backend, so errors carry zlib's own words), and brotli on
//! the `brotli` crate. Each call handles a whole buffer, as the
//! `*Sync` functions and their callback forms do; failures carry zlib's `code` and `errno` as in Node.

use std::io::{Read, Write};

use boa_engine::{js_string, Context, JsResult, JsValue};
use flate2::{
    Compress, Compression, Decompress, FlushCompress, FlushDecompress, GzBuilder, Status,
};

use super::node_error::{throw, ErrorClass, NodeCoded};
use super::{arg, bytes_of, string_arg, type_error, uint8_array, HostFunction};

/// The container around the compressed data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gzip,
    /// Deflate with the zlib header and Adler-32 trailer (`deflate`/`inflate`).
    Zlib,
    /// Bare deflate (`deflateRaw`/`inflateRaw`).
    Raw,
    /// Gzip or zlib, whichever the header says (`unzip`); decompression only.
    Detect,
    Brotli,
}

impl Format {
    fn named(name: &str) -> Option<Self> {
        Some(match name {
            "gzip" => Self::Gzip,
            "deflate" => Self::Zlib,
            "raw" => Self::Raw,
            "unzip" => Self::Detect,
            "brotli" => Self::Brotli,
            _ => return None,
        })
    }
}

/// Why decompression failed, with zlib's (or brotli's) wording.
#[derive(Debug, thiserror::Error)]
pub enum ZlibError {
    #[error("incorrect header check")]
    IncorrectHeader,
    #[error("unexpected end of file")]
    UnexpectedEnd,
    #[error("incorrect data check")]
    IncorrectDataCheck,
    /// zlib's own description of what is wrong with the data ("invalid block type", …).
    #[error("{0}")]
    InvalidData(String),
    #[error("Decompression failed")]
    BrotliFailed,
}

impl ZlibError {
    /// zlib's error number, which Node puts in `errno`.
    pub fn errno(&self) -> i32 {
        match self {
            Self::UnexpectedEnd => -5,
            Self::BrotliFailed => -15,
            _ => -3,
        }
    }
}

impl NodeCoded for ZlibError {
    fn class(&self) -> ErrorClass {
        ErrorClass::Error
    }

    fn code(&self) -> Option<&'static str> {
        Some(match self {
            Self::UnexpectedEnd => "Z_BUF_ERROR",
            Self::BrotliFailed => "ERR_BROTLI_DECOMPRESSION_FAILED",
            _ => "Z_DATA_ERROR",
        })
    }
}

/// Compresses `data`; `level` is zlib's 0–9 (-1 for its default) or brotli's quality 0–11.
pub fn compress(format: Format, data: &[u8], level: i32) -> Vec<u8> {
    let deflate_level = || Compression::new(u32::try_from(level).unwrap_or(6).min(9));
    match format {
        Format::Gzip | Format::Detect => {
            // Node's header: no name, mtime 0, the OS byte of Unix (3).
            let mut encoder = GzBuilder::new()
                .operating_system(3)
                .write(Vec::new(), deflate_level());
            encoder
                .write_all(data)
                .expect("writing to a Vec cannot fail");
            encoder.finish().expect("writing to a Vec cannot fail")
        }
        Format::Zlib => deflate(data, deflate_level(), true),
        Format::Raw => deflate(data, deflate_level(), false),
        Format::Brotli => {
            let params = brotli::enc::BrotliEncoderParams {
                quality: level.clamp(0, 11),
                ..Default::default()
            };
            let mut output = Vec::new();
            brotli::BrotliCompress(&mut &data[..], &mut output, &params)
                .expect("compressing from and to memory cannot fail");
            output
        }
    }
}

fn deflate(data: &[u8], level: Compression, zlib_header: bool) -> Vec<u8> {
    let mut compressor = Compress::new(level, zlib_header);
    let mut output = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        if output.len() == output.capacity() {
            output.reserve(output.capacity().max(1024));
        }
        let consumed = usize::try_from(compressor.total_in()).expect("within the input's length");
        let status = compressor
            .compress_vec(&data[consumed..], &mut output, FlushCompress::Finish)
            .expect("deflate accepts any input");
        if status == Status::StreamEnd {
            return output;
        }
    }
}

pub fn decompress(format: Format, data: &[u8]) -> Result<Vec<u8>, ZlibError> {
    match format {
        Format::Gzip => gunzip(data),
        Format::Zlib => {
            check_zlib_header(data)?;
            inflate(data, true)
        }
        Format::Raw => inflate(data, false),
        Format::Detect if data.starts_with(&[0x1f, 0x8b]) => gunzip(data),
        Format::Detect => {
            check_zlib_header(data)?;
            inflate(data, true)
        }
        Format::Brotli => {
            let mut output = Vec::new();
            brotli::BrotliDecompress(&mut &data[..], &mut output).map_err(|error| {
                match error.kind() {
                    std::io::ErrorKind::UnexpectedEof => ZlibError::UnexpectedEnd,
                    _ => ZlibError::BrotliFailed,
                }
            })?;
            Ok(output)
        }
    }
}

/// zlib's two header bytes: deflate (method 8) and a check value that makes them a multiple of 31.
fn check_zlib_header(data: &[u8]) -> Result<(), ZlibError> {
    match data {
        [method, flags, ..]
            if method & 0x0f == 8
                && (u16::from(*method) << 8 | u16::from(*flags)).is_multiple_of(31) =>
        {
            Ok(())
        }
        [_] | [] => Err(ZlibError::UnexpectedEnd),
        _ => Err(ZlibError::IncorrectHeader),
    }
}

fn inflate(data: &[u8], zlib_header: bool) -> Result<Vec<u8>, ZlibError> {
    let mut decompressor = Decompress::new(zlib_header);
    let mut output = Vec::with_capacity(data.len().saturating_mul(3).max(64));
    loop {
        if output.len() == output.capacity() {
            output.reserve(output.capacity());
        }
        let consumed = usize::try_from(decompressor.total_in()).expect("within the input's length");
        let status = decompressor
            .decompress_vec(&data[consumed..], &mut output, FlushDecompress::Finish)
            .map_err(|error| {
                ZlibError::InvalidData(
                    error
                        .message()
                        .unwrap_or("invalid compressed data")
                        .to_owned(),
                )
            })?;
        match status {
            Status::StreamEnd => return Ok(output),
            // No more input and room left for output: the stream stops before its end.
            _ if decompressor.total_in() == data.len() as u64
                && output.len() < output.capacity() =>
            {
                return Err(ZlibError::UnexpectedEnd)
            }
            _ => {}
        }
    }
}

fn gunzip(data: &[u8]) -> Result<Vec<u8>, ZlibError> {
    if data.len() < 2 {
        return Err(ZlibError::UnexpectedEnd);
    }
    if !data.starts_with(&[0x1f, 0x8b]) {
        return Err(ZlibError::IncorrectHeader);
    }
    // Node decodes every member of a multi-member file (concatenated gzip files).
    let mut output = Vec::new();
    flate2::read::MultiGzDecoder::new(data)
        .read_to_end(&mut output)
        .map_err(|error| match error.kind() {
            std::io::ErrorKind::UnexpectedEof => ZlibError::UnexpectedEnd,
            // flate2 reads the gzip wrapper itself; its one checksum error is zlib's "incorrect data check".
            _ if error.to_string().contains("checksum") => ZlibError::IncorrectDataCheck,
            _ => ZlibError::InvalidData(error.to_string()),
        })?;
    Ok(output)
}

/// The host functions of `require("zlib")`.
pub const FUNCTIONS: &[(&str, usize, HostFunction)] = &[
    ("compress", 3, compress_js),
    ("decompress", 2, decompress_js),
];

fn format_arg(args: &[JsValue], context: &mut Context) -> JsResult<Format> {
    let name = string_arg(args, 0, context)?;
    Format::named(&name).ok_or_else(|| type_error(format!("`{name}` is not a compression format")))
}

/// `compress(format, bytes, level)` → Uint8Array.
fn compress_js(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let format = format_arg(args, context)?;
    let data = bytes_of(&arg(args, 1), context)?;
    let level = arg(args, 2).to_i32(context)?;
    uint8_array(&compress(format, &data, level), context)
}

/// `decompress(format, bytes)` → Uint8Array, or throws Node's error with `code` and `errno`.
fn decompress_js(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let format = format_arg(args, context)?;
    let data = bytes_of(&arg(args, 1), context)?;
    match decompress(format, &data) {
        Ok(output) => uint8_array(&output, context),
        Err(failure) => {
            let error = throw(&failure, context);
            if let Some(object) = error.as_opaque().and_then(JsValue::as_object) {
                object.create_data_property_or_throw(
                    js_string!("errno"),
                    failure.errno(),
                    context,
                )?;
            }
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_round_trips() {
        let text = b"hello hello hello hello, a repeated greeting compresses well".repeat(20);
        for format in [Format::Gzip, Format::Zlib, Format::Raw, Format::Brotli] {
            let packed = compress(
                format,
                &text,
                if format == Format::Brotli { 11 } else { -1 },
            );
            assert!(packed.len() < text.len() / 4, "{format:?}");
            assert_eq!(decompress(format, &packed).unwrap(), text, "{format:?}");
        }
    }

    #[test]
    fn gzip_headers_are_written_as_node_writes_them() {
        let packed = compress(Format::Gzip, b"x", 9);
        assert_eq!(packed[..4], [0x1f, 0x8b, 8, 0]);
        assert_eq!(packed[9], 3);
    }

    #[test]
    fn unzip_reads_either_wrapper_and_gunzip_every_member() {
        let mut two = compress(Format::Gzip, b"a", -1);
        two.extend(compress(Format::Gzip, b"b", -1));
        assert_eq!(decompress(Format::Detect, &two).unwrap(), b"ab");
        assert_eq!(
            decompress(Format::Detect, &compress(Format::Zlib, b"c", -1)).unwrap(),
            b"c"
        );
    }

    #[test]
    fn bad_input_fails_with_zlibs_reasons() {
        assert!(matches!(
            decompress(Format::Zlib, b"hello"),
            Err(ZlibError::IncorrectHeader)
        ));
        assert!(matches!(
            decompress(Format::Gzip, b"hello"),
            Err(ZlibError::IncorrectHeader)
        ));
        let packed = compress(Format::Gzip, b"hello world", -1);
        assert!(matches!(
            decompress(Format::Gzip, &packed[..12]),
            Err(ZlibError::UnexpectedEnd)
        ));
        let packed = compress(Format::Zlib, b"hello world", -1);
        assert!(matches!(
            decompress(Format::Zlib, &packed[..packed.len() - 3]),
            Err(ZlibError::UnexpectedEnd)
        ));
        let mut packed = compress(Format::Zlib, b"hello world", -1);
        let last = packed.len() - 1;
        packed[last] ^= 1;
        assert_eq!(
            decompress(Format::Zlib, &packed).unwrap_err().to_string(),
            "incorrect data check"
        );
        let mut packed = compress(Format::Gzip, b"hello world", -1);
        let crc = packed.len() - 5;
        packed[crc] ^= 1;
        assert!(matches!(
            decompress(Format::Gzip, &packed),
            Err(ZlibError::IncorrectDataCheck)
        ));
        let packed = compress(Format::Brotli, b"hello world", 11);
        assert!(matches!(
            decompress(Format::Brotli, &packed[..3]),
            Err(ZlibError::UnexpectedEnd)
        ));
    }
}
