//! Expression parsing.
//!
//! More information:
//!  - [MDN documentation][mdn]
//!  - [ECMAScript specification][spec]
//!
//! [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators
//! [spec]: https://tc39.es/ecma262/#sec-ecmascript-language-expressions

mod assignment;
mod fpl_or_exp;
mod identifiers;
mod left_hand_side;
mod primary;
mod unary;
mod update;

pub(in crate::parser) mod await_expr;

#[cfg(test)]
mod tests;

use crate::{
    Error,
    lexer::{InputElement, TokenKind},
    parser::{
        AllowAwait, AllowIn, AllowYield, Cursor, OrAbrupt, ParseResult, TokenParser,
        expression::assignment::ExponentiationExpression,
    },
    source::ReadChar,
};
use boa_ast::{
    self as ast, Keyword, Position, Punctuator, Spanned,
    expression::{
        Identifier,
        operator::{
            Binary, BinaryInPrivate,
            binary::{BinaryOp, LogicalOp},
        },
    },
    function::PrivateName,
};
use boa_interner::{Interner, Sym};

pub(super) use self::{assignment::AssignmentExpression, primary::Initializer};
pub(in crate::parser) use {
    fpl_or_exp::FormalParameterListOrExpression,
    identifiers::{BindingIdentifier, LabelIdentifier},
    left_hand_side::LeftHandSideExpression,
    primary::object_initializer::{
        AsyncGeneratorMethod, AsyncMethod, GeneratorMethod, PropertyName,
    },
};

/// Expression parsing.
///
/// More information:
///  - [MDN documentation][mdn]
///  - [ECMAScript specification][spec]
///
/// [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators
/// [spec]: https://tc39.es/ecma262/#prod-Expression
#[derive(Debug, Clone, Copy)]
pub(super) struct Expression {
    allow_in: AllowIn,
    allow_yield: AllowYield,
    allow_await: AllowAwait,
}

impl Expression {
    /// Creates a new `Expression` parser.
    pub(super) fn new<I, Y, A>(allow_in: I, allow_yield: Y, allow_await: A) -> Self
    where
        I: Into<AllowIn>,
        Y: Into<AllowYield>,
        A: Into<AllowAwait>,
    {
        Self {
            allow_in: allow_in.into(),
            allow_yield: allow_yield.into(),
            allow_await: allow_await.into(),
        }
    }
}

impl<R> TokenParser<R> for Expression
where
    R: ReadChar,
{
    type Output = ast::Expression;

    fn parse(self, cursor: &mut Cursor<R>, interner: &mut Interner) -> ParseResult<Self::Output> {
        let mut lhs = AssignmentExpression::new(self.allow_in, self.allow_yield, self.allow_await)
            .parse(cursor, interner)?;
        while let Some(tok) = cursor.peek(0, interner)? {
            match *tok.kind() {
                TokenKind::Punctuator(Punctuator::Comma) => {
                    if cursor.peek(1, interner).or_abrupt()?.kind()
                        == &TokenKind::Punctuator(Punctuator::CloseParen)
                    {
                        return Ok(lhs);
                    }

                    if cursor.peek(1, interner).or_abrupt()?.kind()
                        == &TokenKind::Punctuator(Punctuator::Spread)
                    {
                        return Ok(lhs);
                    }

                    cursor.advance(interner);

                    lhs = Binary::new(
                        Punctuator::Comma
                            .as_binary_op()
                            .expect("Could not get binary operation."),
                        lhs,
                        AssignmentExpression::new(
                            self.allow_in,
                            self.allow_yield,
                            self.allow_await,
                        )
                        .parse(cursor, interner)?,
                    )
                    .into();
                }
                _ => break,
            }
        }

        Ok(lhs)
    }
}

/// Parses a logical expression expression.
///
/// More information:
///  - [MDN documentation][mdn]
///  - [ECMAScript specification][spec]
///
/// [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/Logical_Operators
/// [spec]: https://tc39.es/ecma262/#prod-ShortCircuitExpression
#[derive(Debug, Clone, Copy)]
struct ShortCircuitExpression {
    allow_in: AllowIn,
    allow_yield: AllowYield,
    allow_await: AllowAwait,
    previous: PreviousExpr,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum PreviousExpr {
    None,
    Logical,
    Coalesce,
}

impl ShortCircuitExpression {
    /// Creates a new `ShortCircuitExpression` parser.
    pub(super) fn new<I, Y, A>(allow_in: I, allow_yield: Y, allow_await: A) -> Self
    where
        I: Into<AllowIn>,
        Y: Into<AllowYield>,
        A: Into<AllowAwait>,
    {
        Self {
            allow_in: allow_in.into(),
            allow_yield: allow_yield.into(),
            allow_await: allow_await.into(),
            previous: PreviousExpr::None,
        }
    }

    fn with_previous<I, Y, A>(
        allow_in: I,
        allow_yield: Y,
        allow_await: A,
        previous: PreviousExpr,
    ) -> Self
    where
        I: Into<AllowIn>,
        Y: Into<AllowYield>,
        A: Into<AllowAwait>,
    {
        Self {
            allow_in: allow_in.into(),
            allow_yield: allow_yield.into(),
            allow_await: allow_await.into(),
            previous,
        }
    }
}

impl<R> TokenParser<R> for ShortCircuitExpression
where
    R: ReadChar,
{
    type Output = FormalParameterListOrExpression;

    fn parse(self, cursor: &mut Cursor<R>, interner: &mut Interner) -> ParseResult<Self::Output> {
        let current_node =
            BitwiseORExpression::new(self.allow_in, self.allow_yield, self.allow_await)
                .parse(cursor, interner)?;
        let FormalParameterListOrExpression::Expression(mut current_node) = current_node else {
            return Ok(current_node);
        };

        let mut previous = self.previous;

        while let Some(tok) = cursor.peek(0, interner)? {
            match tok.kind() {
                TokenKind::Punctuator(Punctuator::BoolAnd) => {
                    if previous == PreviousExpr::Coalesce {
                        return Err(Error::expected(
                            ["??".to_owned()],
                            tok.to_string(interner),
                            tok.span(),
                            "logical expression (cannot use '??' without parentheses within '||' or '&&')",
                        ));
                    }
                    cursor.advance(interner);
                    previous = PreviousExpr::Logical;
                    let rhs =
                        BitwiseORExpression::new(self.allow_in, self.allow_yield, self.allow_await)
                            .parse(cursor, interner)?
                            .try_into_expression()?;

                    current_node =
                        Binary::new(BinaryOp::Logical(LogicalOp::And), current_node, rhs).into();
                }
                TokenKind::Punctuator(Punctuator::BoolOr) => {
                    if previous == PreviousExpr::Coalesce {
                        return Err(Error::expected(
                            ["??".to_owned()],
                            tok.to_string(interner),
                            tok.span(),
                            "logical expression (cannot use '??' without parentheses within '||' or '&&')",
                        ));
                    }
                    cursor.advance(interner);
                    previous = PreviousExpr::Logical;
                    let rhs = Self::with_previous(
                        self.allow_in,
                        self.allow_yield,
                        self.allow_await,
                        PreviousExpr::Logical,
                    )
                    .parse(cursor, interner)?
                    .try_into_expression()?;
                    current_node =
                        Binary::new(BinaryOp::Logical(LogicalOp::Or), current_node, rhs).into();
                }
                TokenKind::Punctuator(Punctuator::Coalesce) => {
                    if previous == PreviousExpr::Logical {
                        return Err(Error::expected(
                            ["&&".to_owned(), "||".to_owned()],
                            tok.to_string(interner),
                            tok.span(),
                            "cannot use '??' unparenthesized within '||' or '&&'",
                        ));
                    }
                    cursor.advance(interner);
                    previous = PreviousExpr::Coalesce;
                    let rhs =
                        BitwiseORExpression::new(self.allow_in, self.allow_yield, self.allow_await)
                            .parse(cursor, interner)?
                            .try_into_expression()?;
                    current_node =
                        Binary::new(BinaryOp::Logical(LogicalOp::Coalesce), current_node, rhs)
                            .into();
                }
                _ => break,
            }
        }
        Ok(current_node.into())
    }
}

/// Parses the binary operators from `|` down to `*`: `BitwiseORExpression`, `BitwiseXORExpression`,
/// `BitwiseANDExpression`, `EqualityExpression`, `RelationalExpression`, `ShiftExpression`,
/// `AdditiveExpression` and `MultiplicativeExpression`.
///
/// Patched (see the crate's README): one loop climbs the eight levels by their precedence, where one parser per
/// level made every operand, even a lone identifier, pass through all eight, each peeking at the token after it
/// and moving its result up through the levels above. The grammar is unchanged: every operator of these levels
/// is left-associative and takes the next level up as its right operand.
///
/// More information:
///  - [MDN documentation][mdn]
///  - [ECMAScript specification][spec]
///
/// [mdn]: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators#binary_bitwise_operators
/// [spec]: https://tc39.es/ecma262/#prod-BitwiseORExpression
#[derive(Debug, Clone, Copy)]
struct BitwiseORExpression {
    allow_in: AllowIn,
    allow_yield: AllowYield,
    allow_await: AllowAwait,
}

/// The levels of [`BitwiseORExpression`], from the one that binds least (`|`) to the one that binds most (`*`).
mod precedence {
    pub(super) const BITWISE_OR: u8 = 1;
    pub(super) const BITWISE_XOR: u8 = 2;
    pub(super) const BITWISE_AND: u8 = 3;
    pub(super) const EQUALITY: u8 = 4;
    pub(super) const RELATIONAL: u8 = 5;
    pub(super) const SHIFT: u8 = 6;
    pub(super) const ADDITIVE: u8 = 7;
    pub(super) const MULTIPLICATIVE: u8 = 8;
}

impl BitwiseORExpression {
    /// Creates a new `BitwiseORExpression` parser.
    pub(super) fn new<I, Y, A>(allow_in: I, allow_yield: Y, allow_await: A) -> Self
    where
        I: Into<AllowIn>,
        Y: Into<AllowYield>,
        A: Into<AllowAwait>,
    {
        Self {
            allow_in: allow_in.into(),
            allow_yield: allow_yield.into(),
            allow_await: allow_await.into(),
        }
    }

    /// The binary operator `kind` is at one of these levels, with its level; `None` for any other token, and for
    /// `in` where the grammar's `[In]` parameter is off (the head of a `for`).
    fn operator(self, kind: &TokenKind) -> Option<(BinaryOp, u8)> {
        use precedence::{
            ADDITIVE, BITWISE_AND, BITWISE_OR, BITWISE_XOR, EQUALITY, MULTIPLICATIVE, RELATIONAL,
            SHIFT,
        };
        let level = match kind {
            TokenKind::Punctuator(punctuator) => match punctuator {
                Punctuator::Or => BITWISE_OR,
                Punctuator::Xor => BITWISE_XOR,
                Punctuator::And => BITWISE_AND,
                Punctuator::Eq
                | Punctuator::NotEq
                | Punctuator::StrictEq
                | Punctuator::StrictNotEq => EQUALITY,
                Punctuator::LessThan
                | Punctuator::GreaterThan
                | Punctuator::LessThanOrEq
                | Punctuator::GreaterThanOrEq => RELATIONAL,
                Punctuator::LeftSh | Punctuator::RightSh | Punctuator::URightSh => SHIFT,
                Punctuator::Add | Punctuator::Sub => ADDITIVE,
                Punctuator::Mul | Punctuator::Div | Punctuator::Mod => MULTIPLICATIVE,
                _ => return None,
            },
            TokenKind::Keyword((Keyword::InstanceOf, false)) => RELATIONAL,
            TokenKind::Keyword((Keyword::In, false)) if self.allow_in.0 => RELATIONAL,
            _ => return None,
        };
        let op = match kind {
            TokenKind::Punctuator(punctuator) => punctuator.as_binary_op(),
            TokenKind::Keyword((keyword, _)) => keyword.as_binary_op(),
            _ => None,
        }?;
        Some((op, level))
    }

    /// An expression whose operators are all at level `lowest` or above: its first operand, then, for as long
    /// as the next token is such an operator, that operator and its right operand (an expression of the levels
    /// above the operator's).
    fn parse_from<R: ReadChar>(
        self,
        lowest: u8,
        cursor: &mut Cursor<R>,
        interner: &mut Interner,
    ) -> ParseResult<FormalParameterListOrExpression> {
        let mut lhs = match self.operand(lowest, cursor, interner)? {
            FormalParameterListOrExpression::Expression(lhs) => lhs,
            // An arrow function's parameters: the caller takes them, or refuses them as an operand.
            parameters => return Ok(parameters),
        };
        while let Some(token) = cursor.peek(0, interner)? {
            if lowest <= precedence::RELATIONAL
                && matches!(
                    token.kind(),
                    TokenKind::Keyword((Keyword::InstanceOf | Keyword::In, true))
                )
            {
                return Err(Error::general(
                    "Keyword must not contain escaped characters",
                    token.span().start(),
                ));
            }
            let Some((op, level)) = self.operator(token.kind()) else {
                break;
            };
            if level < lowest {
                break;
            }
            cursor.advance(interner);
            let rhs = self
                .parse_from(level + 1, cursor, interner)?
                .try_into_expression()?;
            lhs = Binary::new(op, lhs, rhs).into();
        }
        Ok(lhs.into())
    }

    /// The first operand of an expression whose operators are at level `lowest` or above: a `#field in object`
    /// where a `RelationalExpression` may start, otherwise an `ExponentiationExpression`.
    fn operand<R: ReadChar>(
        self,
        lowest: u8,
        cursor: &mut Cursor<R>,
        interner: &mut Interner,
    ) -> ParseResult<FormalParameterListOrExpression> {
        if lowest <= precedence::RELATIONAL && self.allow_in.0 {
            let token = cursor.peek(0, interner).or_abrupt()?;
            if let TokenKind::PrivateIdentifier(identifier) = token.kind() {
                let identifier = *identifier;
                let identifier_span = token.span();
                let token = cursor.peek(1, interner).or_abrupt()?;
                match token.kind() {
                    TokenKind::Keyword((Keyword::In, true)) => {
                        return Err(Error::general(
                            "Keyword must not contain escaped characters",
                            token.span().start(),
                        ));
                    }
                    TokenKind::Keyword((Keyword::In, false)) => {
                        cursor.advance(interner);
                        cursor.advance(interner);
                        let rhs = self
                            .parse_from(precedence::SHIFT, cursor, interner)?
                            .try_into_expression()?;
                        return Ok(BinaryInPrivate::new(
                            PrivateName::new(identifier, identifier_span),
                            rhs,
                        )
                        .into());
                    }
                    _ => {}
                }
            }
        }
        // A `MultiplicativeExpression` starts with the goal that reads `/` as division; the right operand of
        // `*`, `/` and `%` keeps the goal its operator was read with, as it did with one parser per level.
        if lowest <= precedence::MULTIPLICATIVE {
            cursor.set_goal(InputElement::Div);
        }
        ExponentiationExpression::new(self.allow_yield, self.allow_await).parse(cursor, interner)
    }
}

impl<R> TokenParser<R> for BitwiseORExpression
where
    R: ReadChar,
{
    type Output = FormalParameterListOrExpression;

    fn parse(self, cursor: &mut Cursor<R>, interner: &mut Interner) -> ParseResult<Self::Output> {
        self.parse_from(precedence::BITWISE_OR, cursor, interner)
    }
}

/// Returns an error if `arguments` or `eval` are used as identifier in strict mode.
fn check_strict_arguments_or_eval(ident: Identifier, position: Position) -> ParseResult<()> {
    match ident.sym() {
        Sym::ARGUMENTS => Err(Error::general(
            "unexpected identifier `arguments` in strict mode",
            position,
        )),
        Sym::EVAL => Err(Error::general(
            "unexpected identifier `eval` in strict mode",
            position,
        )),
        _ => Ok(()),
    }
}
