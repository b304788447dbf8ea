//! This module implements lexing for identifiers (foo, myvar, etc.) used in ECMAScript.

use crate::lexer::{
    Cursor, Error, StringLiteral, Token, TokenKind, Tokenizer, token::ContainsEscapeSequence,
};
use crate::source::ReadChar;
use boa_ast::PositionGroup;
use boa_interner::Interner;
use icu_properties::props::{IdContinue, IdStart};
use icu_properties::{CodePointSetData, CodePointSetDataBorrowed};
/// Identifier lexing.
///
/// More information:
///  - [ECMAScript reference][spec]
///  - [MDN documentation][mdn]
///
/// [spec]: https://tc39.es/ecma262/#prod-Identifier
/// [mdn]: https://developer.mozilla.org/en-US/docs/Glossary/Identifier
#[derive(Debug, Clone, Copy)]
pub(super) struct Identifier {
    init: char,
}

impl Identifier {
    /// Creates a new identifier/keyword lexer.
    pub(super) const fn new(init: char) -> Self {
        Self { init }
    }

    /// Checks if a character is `IdentifierStart` as per ECMAScript standards.
    ///
    /// More information:
    ///  - [ECMAScript reference][spec]
    ///
    /// [spec]: https://tc39.es/ecma262/#sec-names-and-keywords
    pub(super) fn is_identifier_start(ch: u32) -> bool {
        const ID_START: CodePointSetDataBorrowed<'static> = CodePointSetData::new::<IdStart>();
        // Almost every character of real source is ASCII: answer those without the Unicode set's search.
        if ch < 0x80 {
            #[allow(clippy::cast_possible_truncation)]
            let ch = ch as u8;
            return ch.is_ascii_alphabetic() || ch == b'$' || ch == b'_';
        }
        ID_START.contains32(ch)
    }

    /// Checks if a character is `IdentifierPart` as per ECMAScript standards.
    ///
    /// More information:
    ///  - [ECMAScript reference][spec]
    ///
    /// [spec]: https://tc39.es/ecma262/#sec-names-and-keywords
    fn is_identifier_part(ch: u32) -> bool {
        const ID_CONTINUE: CodePointSetDataBorrowed<'static> =
            CodePointSetData::new::<IdContinue>();
        // As in `is_identifier_start`, ASCII is answered without the Unicode set's search.
        if ch < 0x80 {
            #[allow(clippy::cast_possible_truncation)]
            let ch = ch as u8;
            return ch.is_ascii_alphanumeric() || ch == b'$' || ch == b'_';
        }
        matches!(ch, 0x200C /* <ZWNJ> */ | 0x200D /* <ZWJ> */) || ID_CONTINUE.contains32(ch)
    }
}

impl<R> Tokenizer<R> for Identifier {
    fn lex(
        &mut self,
        cursor: &mut Cursor<R>,
        start_pos: PositionGroup,
        interner: &mut Interner,
    ) -> Result<Token, Error>
    where
        R: ReadChar,
    {
        // The name is only needed until it is interned: build it in the cursor's reused buffer
        // instead of a new `String` per identifier.
        let mut identifier_name = cursor.take_name_buffer();
        let contains_escaped_chars =
            Self::take_identifier_name_into(cursor, start_pos, self.init, &mut identifier_name)?;

        let token_kind = match identifier_name.parse() {
            Ok(keyword) => TokenKind::Keyword((keyword, contains_escaped_chars)),
            Err(_) if identifier_name == "true" => {
                TokenKind::BooleanLiteral((true, ContainsEscapeSequence(contains_escaped_chars)))
            }
            Err(_) if identifier_name == "false" => {
                TokenKind::BooleanLiteral((false, ContainsEscapeSequence(contains_escaped_chars)))
            }
            Err(_) if identifier_name == "null" => {
                TokenKind::NullLiteral(ContainsEscapeSequence(contains_escaped_chars))
            }
            Err(_) => TokenKind::IdentifierName((
                interner.get_or_intern(identifier_name.as_str()),
                ContainsEscapeSequence(contains_escaped_chars),
            )),
        };
        cursor.restore_name_buffer(identifier_name);

        Ok(Token::new_by_position_group(
            token_kind,
            start_pos,
            cursor.pos_group(),
        ))
    }
}

impl Identifier {
    pub(super) fn take_identifier_name<R>(
        cursor: &mut Cursor<R>,
        start_pos: PositionGroup,
        init: char,
    ) -> Result<(String, bool), Error>
    where
        R: ReadChar,
    {
        let mut identifier_name = String::new();
        let contains_escaped_chars =
            Self::take_identifier_name_into(cursor, start_pos, init, &mut identifier_name)?;
        Ok((identifier_name, contains_escaped_chars))
    }

    /// Lexes the rest of an identifier name starting with `init`, appending it to
    /// `identifier_name`, and returns whether it contained escape sequences.
    fn take_identifier_name_into<R>(
        cursor: &mut Cursor<R>,
        start_pos: PositionGroup,
        init: char,
        identifier_name: &mut String,
    ) -> Result<bool, Error>
    where
        R: ReadChar,
    {
        let mut contains_escaped_chars = false;
        if init == '\\' && cursor.next_if(0x75 /* u */)? {
            let ch = StringLiteral::take_unicode_escape_sequence(cursor, start_pos.position())?;

            if Self::is_identifier_start(ch) {
                contains_escaped_chars = true;
                identifier_name.push(
                    char::try_from(ch)
                        .expect("all identifier starts must be convertible to strings"),
                );
            } else {
                return Err(Error::syntax("invalid identifier start", start_pos));
            }
        } else {
            // The caller guarantees that `init` is a valid identifier start
            identifier_name.push(init);
        }

        loop {
            // Most names are all ASCII: take those characters in a tight loop, then look at
            // the character that stopped it.
            let next = cursor.take_while_ascii(
                |b| b.is_ascii_alphanumeric() || b == b'$' || b == b'_',
                |b| identifier_name.push(char::from(b)),
            )?;
            let ch = match next {
                Some(0x005C /* \ */) if cursor.peek_n(2)?[1] == Some(0x75) /* u */ => {
                    let pos = cursor.pos();
                    let _next = cursor.next_char();
                    let _next = cursor.next_char();
                    let ch = StringLiteral::take_unicode_escape_sequence(cursor, pos)?;

                    if Self::is_identifier_part(ch) {
                        contains_escaped_chars = true;
                        ch
                    } else {
                        return Err(Error::Syntax("invalid identifier part".into(), pos));
                    }
                }
                Some(ch) if Self::is_identifier_part(ch) => {
                    cursor.next_char()?;
                    ch
                },
                _ => break,
            };

            identifier_name.push(char::try_from(ch).expect("checked character value"));
        }

        Ok(contains_escaped_chars)
    }
}
