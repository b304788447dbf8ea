//! Boa's lexer cursor that manages the input byte stream.

use crate::source::{ReadChar, UTF8Input};
use boa_ast::{LinearPosition, Position, PositionGroup, SourceText};
use std::io::{self, Error, ErrorKind};

/// Cursor over the source code.
#[derive(Debug)]
pub(super) struct Cursor<R> {
    iter: R,
    /// Line and column of the next character, kept as plain integers (rather than a
    /// [`Position`] with its non-zero checks) because they change on every character.
    line: u32,
    column: u32,
    module: bool,
    strict: bool,
    /// Characters read ahead by the `peek` functions: `peeked[..peeked_len]`.
    ///
    /// The end of the input is never stored, so peeking past it asks the reader again, as
    /// consuming does.
    peeked: [u32; 4],
    peeked_len: usize,
    source_collector: SourceText,
    /// Scratch buffer for identifier names, kept here so that lexing an identifier does not
    /// allocate a new `String` each time (see [`Self::take_name_buffer`]).
    name_buffer: String,
}

impl<R> Cursor<R> {
    /// Gets the current position of the cursor in the source code.
    #[inline]
    pub(super) fn pos_group(&self) -> PositionGroup {
        PositionGroup::new(self.pos(), self.linear_pos())
    }

    /// Gets the current position of the cursor in the source code.
    #[inline]
    pub(super) const fn pos(&self) -> Position {
        Position::new(self.line, self.column)
    }

    /// Gets the current linear position of the cursor in the source code.
    #[inline]
    pub(super) fn linear_pos(&self) -> LinearPosition {
        self.source_collector.cur_linear_position()
    }

    /// Takes the scratch buffer for names out of the cursor, empty but with the capacity it
    /// grew to; hand it back with [`Self::restore_name_buffer`] to reuse it.
    pub(super) fn take_name_buffer(&mut self) -> String {
        let mut buffer = std::mem::take(&mut self.name_buffer);
        buffer.clear();
        buffer
    }

    /// Gives back the buffer taken with [`Self::take_name_buffer`].
    pub(super) fn restore_name_buffer(&mut self, buffer: String) {
        self.name_buffer = buffer;
    }

    pub(super) fn take_source(&mut self) -> SourceText {
        let replace_with = SourceText::with_capacity(0);
        std::mem::replace(&mut self.source_collector, replace_with)
    }

    /// Advances the position to the next column.
    #[inline]
    fn next_column(&mut self) {
        self.column += 1;
    }

    /// Advances the position to the next line.
    fn next_line(&mut self) {
        self.line += 1;
        self.column = 1;
    }

    /// Returns if strict mode is currently active.
    pub(super) const fn strict(&self) -> bool {
        self.strict
    }

    /// Sets the current strict mode.
    pub(super) fn set_strict(&mut self, strict: bool) {
        self.strict = strict;
    }

    /// Returns if the module mode is currently active.
    pub(super) const fn module(&self) -> bool {
        self.module
    }

    /// Sets the current goal symbol to module.
    pub(super) fn set_module(&mut self, module: bool) {
        self.module = module;
        self.strict = module;
    }
}

impl<R: ReadChar> Cursor<R> {
    /// Creates a new Lexer cursor.
    pub(super) fn new(inner: R) -> Self {
        Self {
            iter: inner,
            line: 1,
            column: 1,
            strict: false,
            module: false,
            peeked: [0; 4],
            peeked_len: 0,
            source_collector: SourceText::default(),
            name_buffer: String::new(),
        }
    }

    /// Peeks the next n bytes, the maximum number of peeked bytes is 4 (n <= 4).
    ///
    /// The characters after the end of the input are `None`.
    pub(super) fn peek_n(&mut self, n: u8) -> Result<[Option<u32>; 4], Error> {
        while self.peeked_len < usize::from(n) {
            let Some(next) = self.iter.next_char()? else {
                break;
            };
            self.peeked[self.peeked_len] = next;
            self.peeked_len += 1;
        }

        let mut result = [None; 4];
        for (out, &ch) in result.iter_mut().zip(&self.peeked[..self.peeked_len]) {
            *out = Some(ch);
        }
        Ok(result)
    }

    /// Peeks the next UTF-8 character in u32 code point.
    #[allow(clippy::inline_always)] // Per-character hot path, see the comments.
    #[inline(always)]
    pub(super) fn peek_char(&mut self) -> Result<Option<u32>, Error> {
        if self.peeked_len > 0 {
            return Ok(Some(self.peeked[0]));
        }

        let next = self.iter.next_char()?;
        if let Some(ch) = next {
            self.peeked[0] = ch;
            self.peeked_len = 1;
        }
        Ok(next)
    }

    #[inline]
    pub(super) fn next_if(&mut self, c: u32) -> io::Result<bool> {
        if self.peek_char()? == Some(c) {
            self.next_char()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Applies the predicate to the next character and returns the result.
    /// Returns false if the next character is not a valid ascii or there is no next character.
    /// Otherwise returns the result from the predicate on the ascii in char
    ///
    /// The buffer is not incremented.
    pub(super) fn next_is_ascii_pred<F>(&mut self, pred: &F) -> io::Result<bool>
    where
        F: Fn(char) -> bool,
    {
        Ok(match self.peek_char()? {
            Some(byte) if (0..=0x7F).contains(&byte) =>
            {
                #[allow(clippy::cast_possible_truncation)]
                pred(char::from(byte as u8))
            }
            Some(_) | None => false,
        })
    }

    /// Fills the buffer with all bytes until the stop byte is found.
    /// Returns error when reaching the end of the buffer.
    ///
    /// Note that all bytes up until the stop byte are added to the buffer, including the byte right before.
    pub(super) fn take_until(&mut self, stop: u32, buf: &mut Vec<u32>) -> io::Result<()> {
        loop {
            if self.next_if(stop)? {
                return Ok(());
            } else if let Some(c) = self.next_char()? {
                buf.push(c);
            } else {
                return Err(Error::new(
                    ErrorKind::UnexpectedEof,
                    format!("Unexpected end of file when looking for character {stop}"),
                ));
            }
        }
    }

    /// Fills a mutable slice up to the ends while characters are alphabetic. Returns
    /// the number of characters read, or `N+1` if the buffer was filled but there were
    /// still characters after.
    pub(super) fn take_array_alphabetic<const N: usize>(
        &mut self,
        arr: &mut [u32; N],
    ) -> io::Result<usize> {
        for (i, out) in arr.iter_mut().enumerate() {
            match self.peek_char()? {
                // A..Z | a..z
                Some(0x41..=0x5A | 0x61..=0x7A) => {
                    *out = self.next_char()?.expect("Already checked.");
                }
                _ => return Ok(i),
            }
        }
        // Check the next character and return N+1 if it's alphabetic.
        match self.peek_char() {
            // A..Z | a..z
            Ok(Some(0x41..=0x5A | 0x61..=0x7A)) => Ok(N + 1),
            _ => Ok(N),
        }
    }

    /// Consumes the ASCII characters accepted by `pred`, handing each one to `sink`, and returns
    /// the first character that was not consumed (left peeked), or `None` at the end of the input.
    ///
    /// This is the lexer's inner loop for identifiers and comments, written so that a character
    /// costs one check and no `Result` or `Option` juggling. `pred` must not accept a line
    /// terminator (`\r` or `\n`), since the position is advanced by one column per character.
    #[allow(clippy::inline_always)] // Per-character hot path, see the comments.
    #[inline(always)]
    pub(super) fn take_while_ascii(
        &mut self,
        pred: impl Fn(u8) -> bool,
        mut sink: impl FnMut(u8),
    ) -> io::Result<Option<u32>> {
        loop {
            let Some(ch) = self.peek_char()? else {
                return Ok(None);
            };
            match u8::try_from(ch) {
                Ok(byte) if byte.is_ascii() && pred(byte) => {
                    debug_assert!(byte != b'\r' && byte != b'\n', "line terminator taken");
                    self.take_peeked();
                    self.source_collector.collect_code_point(ch);
                    self.next_column();
                    sink(byte);
                }
                _ => return Ok(Some(ch)),
            }
        }
    }

    /// Removes and returns the first peeked character; there must be one.
    #[allow(clippy::inline_always)] // Per-character hot path, see the comments.
    #[inline(always)]
    fn take_peeked(&mut self) -> u32 {
        debug_assert!(self.peeked_len > 0, "no peeked character to take");
        let [first, second, third, fourth] = self.peeked;
        // Almost always only one character was peeked and nothing has to move.
        if self.peeked_len > 1 {
            // Written out rather than as `rotate_left(1)`, which costs a generic memory rotation.
            self.peeked = [second, third, fourth, 0];
        }
        self.peeked_len -= 1;
        first
    }

    /// Retrieves the next UTF-8 character.
    ///
    /// This runs for every character of the source, so the common case (an ASCII character
    /// that is not a line terminator) is kept small enough to be inlined into the lexer, and
    /// everything else is left to [`Self::advance_slow`].
    // `always`: without it the compiler keeps this as a call, whose prologue and epilogue cost
    // as much as the work itself.
    #[allow(clippy::inline_always)] // Per-character hot path, see the comments.
    #[inline(always)]
    pub(crate) fn next_char(&mut self) -> Result<Option<u32>, Error> {
        let ch = if self.peeked_len > 0 {
            self.take_peeked()
        } else {
            match self.iter.next_char()? {
                Some(ch) => ch,
                None => return Ok(None),
            }
        };

        if ch < 0x80 && ch != 0xD && ch != 0xA {
            self.source_collector.collect_code_point(ch);
            self.next_column();
        } else {
            self.advance_slow(ch)?;
        }

        Ok(Some(ch))
    }

    /// Collects a consumed non-ASCII character or line terminator and updates the position.
    #[inline(never)]
    fn advance_slow(&mut self, ch: u32) -> Result<(), Error> {
        self.source_collector.collect_code_point(ch);

        match ch {
            0xD => {
                // Try to take a newline if it's next, for windows "\r\n" newlines
                // Otherwise, treat as a Mac OS9 bare '\r' newline
                if self.peek_char()? == Some(0xA) {
                    self.take_peeked();
                    self.source_collector.collect_code_point(0xA);
                }
                self.next_line();
            }
            // '\n' | '\u{2028}' | '\u{2029}'
            0xA | 0x2028 | 0x2029 => self.next_line(),
            _ => self.next_column(),
        }

        Ok(())
    }
}

impl<'a> From<&'a [u8]> for Cursor<UTF8Input<&'a [u8]>> {
    fn from(input: &'a [u8]) -> Self {
        Self::new(UTF8Input::new(input))
    }
}
