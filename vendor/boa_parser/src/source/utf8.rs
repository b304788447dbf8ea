use super::ReadChar;
use std::{
    fmt,
    io::{self, Read},
};

/// Size of the chunks read from the underlying reader.
///
/// Large enough that the refill cost vanishes per byte, small enough to stay in L1 and to be a
/// cheap allocation for the many tiny sources (`eval`, `Function(...)`) an engine parses.
const CHUNK_SIZE: usize = 4 * 1024;

/// Input for UTF-8 encoded sources.
pub struct UTF8Input<R> {
    input: R,
    /// Bytes read from `input` but not consumed yet are `buf[pos..end]`.
    ///
    /// The lexer asks for one code point at a time, and reading every byte through
    /// `io::Bytes` (one `read` call and one `io::Result` per byte) was a large share of the
    /// lexing cost. Reading chunks makes an ASCII byte a bounds check and an increment.
    /// The buffer is allocated on the first read, so creating an input stays free.
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
}

impl<R: fmt::Debug> fmt::Debug for UTF8Input<R> {
    // Written out so that the read-ahead buffer is not printed byte by byte.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UTF8Input")
            .field("input", &self.input)
            .field("buffered", &(self.end - self.pos))
            .finish_non_exhaustive()
    }
}

impl<R: Read> UTF8Input<R> {
    /// Creates a new `UTF8Input` from a UTF-8 encoded source.
    pub(crate) fn new(iter: R) -> Self {
        Self {
            input: iter,
            buf: Box::default(),
            pos: 0,
            end: 0,
        }
    }
}

impl<R: Read> UTF8Input<R> {
    /// Retrieves the next byte
    #[allow(clippy::inline_always)] // Per-character hot path, see the comments.
    #[inline(always)]
    fn next_byte(&mut self) -> io::Result<Option<u8>> {
        if self.pos < self.end
            && let Some(&byte) = self.buf.get(self.pos)
        {
            self.pos += 1;
            return Ok(Some(byte));
        }
        self.refill_and_next_byte()
    }

    /// Reads the next chunk from the reader and returns its first byte, `None` at the end of the
    /// input.
    ///
    /// Like `io::Bytes`, which this replaces, interrupted reads are retried, other errors are
    /// returned, and a read of zero bytes is the end of the input (asked again on the next call).
    #[cold]
    #[inline(never)]
    fn refill_and_next_byte(&mut self) -> io::Result<Option<u8>> {
        if self.buf.is_empty() {
            self.buf = vec![0; CHUNK_SIZE].into_boxed_slice();
        }
        loop {
            match self.input.read(&mut self.buf) {
                Ok(0) => {
                    self.pos = 0;
                    self.end = 0;
                    return Ok(None);
                }
                Ok(n) => {
                    self.pos = 1;
                    self.end = n;
                    return Ok(Some(self.buf[0]));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.pos = 0;
                    self.end = 0;
                    return Err(e);
                }
            }
        }
    }
}

impl<R: Read> ReadChar for UTF8Input<R> {
    /// Retrieves the next unchecked char in u32 code point.
    #[allow(clippy::inline_always)] // Per-character hot path, see the comments.
    #[inline(always)]
    fn next_char(&mut self) -> io::Result<Option<u32>> {
        // Decode UTF-8
        let x = match self.next_byte()? {
            Some(b) if b >= 128 => b,         // UTF-8 codepoint
            b => return Ok(b.map(u32::from)), // ASCII or None
        };
        self.next_multibyte_char(x)
    }
}

impl<R: Read> UTF8Input<R> {
    /// Decodes the rest of a multibyte sequence starting with `x`, kept out of line so that the
    /// ASCII path of `next_char` stays small enough to inline into the lexer.
    #[inline(never)]
    fn next_multibyte_char(&mut self, x: u8) -> io::Result<Option<u32>> {
        // Decode from a byte combination out of: [[[x y] z] w]
        // NOTE: Performance is sensitive to the exact formulation here
        let init = utf8_first_byte(x, 2);
        let y = self.next_byte()?.unwrap_or(0);
        let mut ch = utf8_acc_cont_byte(init, y);
        if x >= 0xE0 {
            // [[x y z] w] case
            // 5th bit in 0xE0 .. 0xEF is always clear, so `init` is still valid
            let z = self.next_byte()?.unwrap_or(0);
            let y_z = utf8_acc_cont_byte(u32::from(y & CONT_MASK), z);
            ch = (init << 12) | y_z;
            if x >= 0xF0 {
                // [x y z w] case
                // use only the lower 3 bits of `init`
                let w = self.next_byte()?.unwrap_or(0);
                ch = ((init & 7) << 18) | utf8_acc_cont_byte(y_z, w);
            }
        }

        Ok(Some(ch))
    }
}

/// Mask of the value bits of a continuation byte.
const CONT_MASK: u8 = 0b0011_1111;

/// Returns the initial codepoint accumulator for the first byte.
/// The first byte is special, only want bottom 5 bits for width 2, 4 bits
/// for width 3, and 3 bits for width 4.
fn utf8_first_byte(byte: u8, width: u32) -> u32 {
    u32::from(byte & (0x7F >> width))
}

/// Returns the value of `ch` updated with continuation byte `byte`.
fn utf8_acc_cont_byte(ch: u32, byte: u8) -> u32 {
    (ch << 6) | u32::from(byte & CONT_MASK)
}
