//! Source instrumentation for a debug run. The wrapped block is parsed with Boa's own parser; before each
//! statement of every statement list (function bodies, blocks, `switch` cases) a hook is inserted on the same
//! line, so line numbers never move and a column map turns the instrumented text's columns back into the
//! block's. Each hook is cheap while nothing is asked of the debugger:
//!
//! `__bsB[ID] && __bsDebug.hit(ID);`
//!
//! `__bsB` is a `Uint8Array` with one flag per hook; only a raised flag calls the host function. The
//! debugger raises the flags of the hooks that carry a breakpoint, all of them while a step is under way,
//! and the thread that receives the front end's commands raises all of them to be heard (a pause request,
//! new breakpoints): the array is a `SharedArrayBuffer`, so it may. Reading one flag is the whole cost of a
//! hook while nothing is asked of the debugger; an earlier hook that also counted statements down to a
//! poll of the commands cost twice as much. The hook
//! hands the debugger nothing of the frame: a closure over it (a direct `eval`, say) would make Boa keep the
//! function's variables in heap environments instead of registers; the debugger reads them from the VM
//! instead. Normal runs never come here: they run the block's text as it is.

use std::ops::ControlFlow;

use boa_ast::declaration::{Binding, LexicalDeclaration, Variable};
use boa_ast::expression::literal::LiteralKind;
use boa_ast::expression::Expression;
use boa_ast::function::{
    ArrowFunction, AsyncArrowFunction, AsyncFunctionDeclaration, AsyncFunctionExpression,
    AsyncGeneratorDeclaration, AsyncGeneratorExpression, ClassElement, FunctionDeclaration,
    FunctionExpression, GeneratorDeclaration, GeneratorExpression,
};
use boa_ast::scope::Scope;
use boa_ast::statement::iteration::{ForLoopInitializer, IterableLoopInitializer};
use boa_ast::statement::{Catch, Statement, Try};
use boa_ast::visitor::{VisitWith, Visitor};
use boa_ast::{Declaration, LinearPosition, Position, Span, Spanned, StatementListItem};
use boa_interner::{Interner, Sym};
use boa_parser::{Parser, Source};

use crate::block_error::WRAPPER_PREFIX;

/// The global object the hooks call; installed only in a debug run.
pub const HOOK_OBJECT: &str = "__bsDebug";

/// The global `Uint8Array` of the hooks' flags, by hook id.
pub const HOOK_FLAGS: &str = "__bsB";

/// A place execution can stop: the start of one statement, in the block's own 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookSite {
    pub line: u32,
    pub column: u32,
    /// What the statement throws, if it is a `throw`.
    pub throw: Option<ThrowSite>,
    pub kind: SiteKind,
}

/// What stands at a hook besides "a statement starts here".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SiteKind {
    #[default]
    Statement,
    /// A `debugger;` statement: the run pauses here whenever a front end is attached.
    DebuggerStatement,
    /// The start of a `catch` block: an exception was just caught. `parameter` names the caught value when
    /// the clause binds it to a plain name.
    CatchEntry { parameter: Option<String> },
}

/// A `throw` statement, and whether a `try` around it in the same function catches what it throws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrowSite {
    CaughtHere,
    /// Nothing in its own function catches it (a caller still may).
    NotCaughtHere,
}

/// The instrumented block, ready to evaluate, and what the debugger needs to know about it.
#[derive(Debug, Clone)]
pub struct Instrumented {
    /// The wrapped block (`(function (module, exports) {…\n})`) with a hook before each statement.
    pub wrapped_source: String,
    /// By hook id.
    pub hooks: Vec<HookSite>,
    columns: ColumnMap,
}

impl Instrumented {
    /// The block as it is, without hooks: for a block that does not parse, so the run reports its syntax
    /// error just as a normal run does.
    pub fn unhooked(source: &str) -> Self {
        Instrumented {
            wrapped_source: wrap(source),
            hooks: Vec::new(),
            columns: ColumnMap::default(),
        }
    }

    /// The lines a breakpoint can be on, ascending, each once.
    pub fn breakable_lines(&self) -> Vec<u32> {
        let mut lines: Vec<u32> = self.hooks.iter().map(|hook| hook.line).collect();
        lines.sort_unstable();
        lines.dedup();
        lines
    }

    /// A position in the instrumented wrapped text (as the engine reports it) in the block's own file.
    pub fn block_position(&self, line: u32, column: u32) -> (u32, u32) {
        let column = self.columns.original_column(line, column);
        (line, block_column(line, column))
    }

    /// The block-file column of a column the engine's error report gives, which has already had the
    /// wrapper's prefix taken off line 1 but still counts the hooks inserted before it.
    pub fn block_column_of_reported(&self, line: u32, column: u32) -> u32 {
        let wrapped = if line == 1 {
            column + prefix_columns()
        } else {
            column
        };
        self.block_position(line, wrapped).1
    }
}

/// Why a block could not be instrumented. The run then goes on without the debugger's hooks, so a syntax
/// error is reported as `blocksmith run` reports it.
#[derive(Debug, thiserror::Error)]
pub enum InstrumentError {
    #[error("the block could not be parsed for debugging: {0}")]
    Parse(String),
    #[error(
        "the debugger's hooks made the block unparsable ({0}); this is a bug in Blocksmith's debugger"
    )]
    Hooks(String),
}

/// The wrapped text of `source`, as a normal run evaluates it.
pub fn wrap(source: &str) -> String {
    format!("{WRAPPER_PREFIX}{source}\n}})")
}

/// Stands in for each whole word `debugger` in the text that is parsed to find the sites: Boa's AST keeps no
/// position for a `debugger` statement, but it does for an identifier, and this one has the same length, so
/// every position in the parsed text is the block's. Where the word was not a statement (in a string, a
/// property name) the stand-in changes nothing that matters.
const DEBUGGER_STAND_IN: &str = "_$bsDbg_";

/// Parses the block and inserts a hook before each statement it can stop at.
pub fn instrument(source: &str) -> Result<Instrumented, InstrumentError> {
    let wrapped = wrap(source);
    let mut interner = Interner::default();
    let script = parse(&debugger_statements_marked(&wrapped), &mut interner)
        .map_err(InstrumentError::Parse)?;
    let mut finder = SiteFinder {
        text: SourceText::new(&wrapped),
        interner: &interner,
        function_depth: 0,
        try_depth: 0,
        sites: Vec::new(),
    };
    let _ = script.visit_with(&mut finder);
    let mut sites = finder.sites;
    sites.sort_by_key(|site| site.offset);
    sites.dedup_by_key(|site| site.offset);

    let mut instrumented = String::with_capacity(wrapped.len() + sites.len() * 40);
    let mut hooks = Vec::with_capacity(sites.len());
    let mut columns = ColumnMap::default();
    let mut copied = 0;
    for (id, site) in sites.into_iter().enumerate() {
        instrumented.push_str(&wrapped[copied..site.offset]);
        copied = site.offset;
        let hook = format!("{HOOK_FLAGS}[{id}] && {HOOK_OBJECT}.hit({id});");
        columns.insert(
            site.position.line_number(),
            site.position.column_number(),
            hook.chars().count(),
        );
        instrumented.push_str(&hook);
        let (line, column) = (
            site.position.line_number(),
            block_column(site.position.line_number(), site.position.column_number()),
        );
        hooks.push(HookSite {
            line,
            column,
            throw: site.throw,
            kind: site.kind,
        });
    }
    instrumented.push_str(&wrapped[copied..]);
    // The hooks must leave the block's meaning alone; a block they would break is refused, not misrun.
    parse(&instrumented, &mut Interner::default()).map_err(InstrumentError::Hooks)?;
    Ok(Instrumented {
        wrapped_source: instrumented,
        hooks,
        columns,
    })
}

/// `wrapped` with each whole word `debugger` replaced by [`DEBUGGER_STAND_IN`].
fn debugger_statements_marked(wrapped: &str) -> String {
    const WORD: &str = "debugger";
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut marked = String::with_capacity(wrapped.len());
    let mut copied = 0;
    for (at, _) in wrapped.match_indices(WORD) {
        let before = wrapped[..at].chars().next_back();
        let after = wrapped[at + WORD.len()..].chars().next();
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            continue;
        }
        marked.push_str(&wrapped[copied..at]);
        marked.push_str(DEBUGGER_STAND_IN);
        copied = at + WORD.len();
    }
    marked.push_str(&wrapped[copied..]);
    marked
}

fn parse(text: &str, interner: &mut Interner) -> Result<boa_ast::Script, String> {
    Parser::new(Source::from_bytes(text))
        .parse_script(&Scope::new_global(), interner)
        .map_err(|error| error.to_string())
}

fn prefix_columns() -> u32 {
    u32::try_from(WRAPPER_PREFIX.chars().count()).unwrap_or(0)
}

/// A wrapped-text column on `line` as a column of the block's own file.
fn block_column(line: u32, column: u32) -> u32 {
    if line == 1 {
        column.saturating_sub(prefix_columns()).max(1)
    } else {
        column
    }
}

/// For each line, where hooks were inserted (the original column) and how wide each is, so columns of the
/// instrumented text can be read as the original's.
#[derive(Debug, Clone, Default)]
struct ColumnMap {
    /// `(line, original column, inserted characters)`, in insertion order (ascending).
    insertions: Vec<(u32, u32, usize)>,
}

impl ColumnMap {
    fn insert(&mut self, line: u32, column: u32, width: usize) {
        self.insertions.push((line, column, width));
    }

    fn original_column(&self, line: u32, instrumented_column: u32) -> u32 {
        let mut shift = 0u32;
        for &(_, column, width) in self.insertions.iter().filter(|entry| entry.0 == line) {
            let width = u32::try_from(width).unwrap_or(u32::MAX);
            // A column inside a hook belongs to the statement the hook stands before.
            if instrumented_column < column + shift + width {
                return instrumented_column.saturating_sub(shift).min(column).max(1);
            }
            shift += width;
        }
        instrumented_column.saturating_sub(shift).max(1)
    }
}

/// The wrapped text with a line index, to turn the parser's line/column positions into byte offsets.
struct SourceText<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        SourceText { text, line_starts }
    }

    /// The byte offset of a 1-based line and (code point) column.
    fn offset(&self, position: Position) -> Option<usize> {
        let line = usize::try_from(position.line_number())
            .ok()?
            .checked_sub(1)?;
        let start = *self.line_starts.get(line)?;
        let skip = usize::try_from(position.column_number())
            .ok()?
            .checked_sub(1)?;
        let rest = &self.text[start..];
        match rest.char_indices().nth(skip) {
            Some((at, _)) => Some(start + at),
            None => (rest.chars().count() == skip).then_some(start + rest.len()),
        }
    }

    /// The byte offset of a linear position: the parser's count of UTF-16 code units from the text's start.
    fn offset_of_linear(&self, position: LinearPosition) -> Option<usize> {
        let mut units = position.pos();
        for (at, c) in self.text.char_indices() {
            if units == 0 {
                return Some(at);
            }
            units = units.checked_sub(c.len_utf16())?;
        }
        (units == 0).then_some(self.text.len())
    }

    /// The offset just after `token`, when it is the next token after `offset` (past white space and
    /// comments); `None` when something else comes first. A word token must end there, not run on.
    fn after_token(&self, offset: usize, token: &str) -> Option<usize> {
        let start = self.skip_trivia(offset);
        let end = start + token.len();
        let rest = self.text[start..].strip_prefix(token)?;
        let is_word = token.chars().all(|c| c.is_alphanumeric());
        let runs_on = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        (!(is_word && runs_on)).then_some(end)
    }

    /// The first offset from `offset` on that is neither white space nor inside a comment.
    fn skip_trivia(&self, mut offset: usize) -> usize {
        loop {
            let rest = &self.text[offset..];
            let trimmed = rest.trim_start();
            offset += rest.len() - trimmed.len();
            if let Some(comment) = trimmed.strip_prefix("//") {
                let line_end = comment.find(['\n', '\r', '\u{2028}', '\u{2029}']);
                offset += 2 + line_end.unwrap_or(comment.len());
            } else if let Some(comment) = trimmed.strip_prefix("/*") {
                match comment.find("*/") {
                    Some(end) => offset += 2 + end + 2,
                    None => return self.text.len(),
                }
            } else {
                return offset;
            }
        }
    }

    /// The position of a byte offset.
    fn position(&self, offset: usize) -> Position {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        Position::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    }

    /// Walking back from `offset` over white space and opening parentheses (and, when `skip_await`, one
    /// `await`), the start of the keyword `keyword` if that is what comes before; `None` otherwise (a
    /// comment in between, or another token).
    fn keyword_before(&self, offset: usize, keywords: &[&str], skip_await: bool) -> Option<usize> {
        let mut end = self.skip_back(offset, true);
        if skip_await {
            if let Some(start) = self.word_ending_at(end, &["await"]) {
                end = self.skip_back(start, false);
            }
        }
        self.word_ending_at(end, keywords)
    }

    fn skip_back(&self, mut offset: usize, parentheses: bool) -> usize {
        let bytes = self.text.as_bytes();
        while offset > 0 {
            let byte = bytes[offset - 1];
            if byte.is_ascii_whitespace() || (parentheses && byte == b'(') {
                offset -= 1;
            } else {
                break;
            }
        }
        offset
    }

    /// The start of one of `words` if the text ends with it at `end`, as a whole word.
    fn word_ending_at(&self, end: usize, words: &[&str]) -> Option<usize> {
        let before = &self.text[..end];
        words.iter().find_map(|word| {
            let start = end.checked_sub(word.len())?;
            let whole = before.ends_with(word)
                && !before[..start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
            whole.then_some(start)
        })
    }
}

/// A statement start found in the wrapped text.
struct Site {
    offset: usize,
    position: Position,
    throw: Option<ThrowSite>,
    kind: SiteKind,
}

/// The leftmost start position among the nodes it visits.
struct Leftmost(Position);

impl Leftmost {
    fn see(&mut self, position: Position) {
        let key = |p: Position| (p.line_number(), p.column_number());
        if key(position) < key(self.0) {
            self.0 = position;
        }
    }
}

impl<'ast> Visitor<'ast> for Leftmost {
    type BreakTy = ();

    fn visit_expression(&mut self, node: &'ast Expression) -> ControlFlow<()> {
        self.see(node.span().start());
        node.visit_with(self)
    }

    fn visit_identifier(&mut self, node: &'ast boa_ast::expression::Identifier) -> ControlFlow<()> {
        self.see(node.span().start());
        ControlFlow::Continue(())
    }
}

/// Walks the AST: records where each statement-list item starts.
struct SiteFinder<'a> {
    text: SourceText<'a>,
    interner: &'a Interner,
    /// How many functions enclose the walk; 0 at the script's top level (outside the wrapper), where no
    /// hook goes.
    function_depth: usize,
    /// How many `try` blocks with a `catch` enclose the walk, within the current function.
    try_depth: usize,
    sites: Vec<Site>,
}

impl SiteFinder<'_> {
    fn name(&self, sym: Sym) -> String {
        self.interner.resolve_expect(sym).to_string()
    }

    /// Walks a function's parameters and body as a scope of its own.
    fn in_function(&mut self, walk: impl FnOnce(&mut Self)) -> ControlFlow<()> {
        self.function_depth += 1;
        let try_depth = std::mem::take(&mut self.try_depth);
        walk(self);
        self.try_depth = try_depth;
        self.function_depth -= 1;
        ControlFlow::Continue(())
    }

    fn offset_of(&self, span: Span) -> Option<usize> {
        self.text.offset(span.start())
    }

    /// Where an expression's first token is. Some nodes' spans start at their operator or arguments (a
    /// call's span starts at its `(`), so this is the leftmost start among the expression and its parts.
    fn expression_start(&self, expression: &Expression) -> Option<usize> {
        let mut leftmost = Leftmost(expression.span().start());
        let _ = expression.visit_with(&mut leftmost);
        self.text.offset(leftmost.0)
    }

    fn binding_start(&self, binding: &Binding) -> Option<usize> {
        match binding {
            Binding::Identifier(identifier) => self.offset_of(identifier.span()),
            Binding::Pattern(pattern) => self.offset_of(pattern.span()),
        }
    }

    /// Where a declaration list starts: its keyword before the first binding.
    fn declaration_start(&self, first: &Variable, keywords: &[&str]) -> Option<usize> {
        let binding = self.binding_start(first.binding())?;
        self.text.keyword_before(binding, keywords, false)
    }

    fn lexical_start(&self, declaration: &LexicalDeclaration) -> Option<usize> {
        let first = declaration.variable_list().as_ref().first()?;
        self.declaration_start(first, &["let", "const"])
    }

    /// Whether `item` is a `debugger;` statement (its stand-in, in the parsed text).
    fn is_debugger_statement(&self, item: &StatementListItem) -> bool {
        matches!(item, StatementListItem::Statement(statement)
            if matches!(statement.as_ref(), Statement::Expression(Expression::Identifier(identifier))
                if self.interner.resolve_expect(identifier.sym()).to_string() == DEBUGGER_STAND_IN))
    }

    /// Where the block of `node`'s `catch` clause starts, just after its `{`. Boa's AST gives a catch block
    /// no position, so it is found in the text: after the binding's `)` when the clause binds one, else after
    /// the `catch` keyword that follows the `try` block (whose end the block's statement list records).
    /// Comments may stand anywhere in between.
    fn catch_block_start(&self, node: &Try, catch: &Catch) -> Option<usize> {
        let head_end = match catch.parameter() {
            Some(Binding::Identifier(identifier)) => {
                let end = self.text.offset(identifier.span().end())?;
                self.text.after_token(end, ")")?
            }
            Some(Binding::Pattern(pattern)) => {
                let end = self.text.offset(pattern.span().end())?;
                self.text.after_token(end, ")")?
            }
            None => {
                let try_block_end = node.block().statement_list().linear_pos_end();
                let end = self.text.offset_of_linear(try_block_end)?;
                self.text.after_token(end, "catch")?
            }
        };
        self.text.after_token(head_end, "{")
    }

    fn push_site(&mut self, offset: usize, throw: Option<ThrowSite>, kind: SiteKind) {
        if self.function_depth > 0 {
            self.sites.push(Site {
                offset,
                position: self.text.position(offset),
                throw,
                kind,
            });
        }
    }

    /// The byte offset where `item` starts, if it is a statement the debugger can stop before.
    fn statement_start(&self, item: &StatementListItem) -> Option<usize> {
        let statement = match item {
            StatementListItem::Declaration(declaration) => {
                return match declaration.as_ref() {
                    Declaration::Lexical(lexical) => self.lexical_start(lexical),
                    // Hoisted: there is nothing to stop at.
                    _ => None,
                };
            }
            StatementListItem::Statement(statement) => statement.as_ref(),
        };
        match statement {
            Statement::Expression(Expression::Identifier(identifier))
                if self.is_debugger_statement(item) =>
            {
                self.offset_of(identifier.span())
            }
            Statement::Expression(expression) => {
                // A directive ("use strict") must stay first to mean anything.
                if matches!(expression, Expression::Literal(literal) if matches!(literal.kind(), LiteralKind::String(_)))
                {
                    return None;
                }
                self.expression_start(expression)
            }
            Statement::Var(declaration) => {
                self.declaration_start(declaration.0.as_ref().first()?, &["var"])
            }
            Statement::Return(statement) => {
                let value = self.expression_start(statement.target()?)?;
                // An arrow function's expression body is a `return` without the keyword: no hook there.
                self.text.keyword_before(value, &["return"], false)
            }
            Statement::Throw(statement) => {
                let value = self.expression_start(statement.target())?;
                self.text.keyword_before(value, &["throw"], false)
            }
            Statement::If(statement) => {
                let condition = self.expression_start(statement.cond())?;
                self.text.keyword_before(condition, &["if"], false)
            }
            Statement::WhileLoop(statement) => {
                let condition = self.expression_start(statement.condition())?;
                self.text.keyword_before(condition, &["while"], false)
            }
            Statement::Switch(statement) => {
                let value = self.expression_start(statement.val())?;
                self.text.keyword_before(value, &["switch"], false)
            }
            Statement::ForLoop(statement) => {
                let init = match statement.init()? {
                    ForLoopInitializer::Expression(expression) => {
                        self.expression_start(expression)?
                    }
                    ForLoopInitializer::Var(declaration) => {
                        self.declaration_start(declaration.0.as_ref().first()?, &["var"])?
                    }
                    ForLoopInitializer::Lexical(lexical) => {
                        self.lexical_start(lexical.declaration())?
                    }
                };
                self.text.keyword_before(init, &["for"], false)
            }
            Statement::ForOfLoop(statement) => self.iteration_start(statement.initializer()),
            Statement::ForInLoop(statement) => self.iteration_start(statement.initializer()),
            _ => None,
        }
    }

    fn iteration_start(&self, initializer: &IterableLoopInitializer) -> Option<usize> {
        let binding = match initializer {
            IterableLoopInitializer::Identifier(identifier) => self.offset_of(identifier.span())?,
            IterableLoopInitializer::Var(variable) => self.declaration_start(variable, &["var"])?,
            IterableLoopInitializer::Let(binding) => {
                let start = self.binding_start(binding)?;
                self.text.keyword_before(start, &["let"], false)?
            }
            IterableLoopInitializer::Const(binding) => {
                let start = self.binding_start(binding)?;
                self.text.keyword_before(start, &["const"], false)?
            }
            _ => return None,
        };
        self.text.keyword_before(binding, &["for"], true)
    }
}

impl<'ast> Visitor<'ast> for SiteFinder<'_> {
    type BreakTy = ();

    fn visit_statement_list_item(&mut self, item: &'ast StatementListItem) -> ControlFlow<()> {
        if let Some(offset) = self.statement_start(item) {
            let throws = matches!(item, StatementListItem::Statement(statement) if matches!(statement.as_ref(), Statement::Throw(_)));
            let throw = throws.then_some(if self.try_depth > 0 {
                ThrowSite::CaughtHere
            } else {
                ThrowSite::NotCaughtHere
            });
            let kind = if self.is_debugger_statement(item) {
                SiteKind::DebuggerStatement
            } else {
                SiteKind::Statement
            };
            self.push_site(offset, throw, kind);
        }
        item.visit_with(self)
    }

    fn visit_try(&mut self, node: &'ast Try) -> ControlFlow<()> {
        let catches = node.catch().is_some();
        self.try_depth += usize::from(catches);
        let _ = self.visit_block(node.block());
        self.try_depth -= usize::from(catches);
        if let Some(catch) = node.catch() {
            if let Some(offset) = self.catch_block_start(node, catch) {
                let parameter = match catch.parameter() {
                    Some(Binding::Identifier(identifier)) => Some(self.name(identifier.sym())),
                    Some(Binding::Pattern(_)) | None => None,
                };
                self.push_site(offset, None, SiteKind::CatchEntry { parameter });
            }
            let _ = self.visit_catch(catch);
        }
        if let Some(finally) = node.finally() {
            let _ = self.visit_finally(finally);
        }
        ControlFlow::Continue(())
    }

    fn visit_function_declaration(&mut self, node: &'ast FunctionDeclaration) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_async_function_declaration(
        &mut self,
        node: &'ast AsyncFunctionDeclaration,
    ) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_generator_declaration(&mut self, node: &'ast GeneratorDeclaration) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_async_generator_declaration(
        &mut self,
        node: &'ast AsyncGeneratorDeclaration,
    ) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_function_expression(&mut self, node: &'ast FunctionExpression) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_async_function_expression(
        &mut self,
        node: &'ast AsyncFunctionExpression,
    ) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_generator_expression(&mut self, node: &'ast GeneratorExpression) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_async_generator_expression(
        &mut self,
        node: &'ast AsyncGeneratorExpression,
    ) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_arrow_function(&mut self, node: &'ast ArrowFunction) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_async_arrow_function(&mut self, node: &'ast AsyncArrowFunction) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_object_method_definition(
        &mut self,
        node: &'ast boa_ast::expression::literal::ObjectMethodDefinition,
    ) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }

    fn visit_class_element(&mut self, node: &'ast ClassElement) -> ControlFlow<()> {
        self.in_function(|finder| {
            let _ = node.visit_with(finder);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hooks_go_before_statements_on_their_own_lines() {
        let source = "module.exports = async (context) => {\n  const a = 1;\n  let b = a + 1;\n  if (b > 1) {\n    b++;\n  }\n  return { data: b };\n};";
        let instrumented = instrument(source).unwrap();
        assert_eq!(instrumented.breakable_lines(), vec![1, 2, 3, 4, 5, 7]);
        let lines: Vec<&str> = instrumented.wrapped_source.lines().collect();
        assert_eq!(lines.len(), source.lines().count() + 1);
        assert!(lines[1].trim_start().starts_with(HOOK_FLAGS));
        assert!(lines[1].ends_with("const a = 1;"));
        assert!(lines[6].ends_with("return { data: b };"));
    }

    #[test]
    fn loops_and_expression_bodies_are_found_or_left_alone() {
        let source = "const f = (x) => x * 2;\nfor (const item of [1]) {\n  f(item);\n}\nfor (let i = 0; i < 2; i++) f(i);\nwhile (false) {}\nmodule.exports = () => ({ data: f(1) });";
        let instrumented = instrument(source).unwrap();
        assert_eq!(instrumented.breakable_lines(), vec![1, 2, 3, 5, 6, 7]);
    }

    #[test]
    fn columns_of_the_instrumented_text_map_back_to_the_block() {
        let source = "let a = 1; let b = 2;\nthrow new Error(\"x\");";
        let instrumented = instrument(source).unwrap();
        let line2 = instrumented.wrapped_source.lines().nth(1).unwrap();
        let throw_at = u32::try_from(line2.find("throw").unwrap()).unwrap() + 1;
        assert_eq!(instrumented.block_position(2, throw_at), (2, 1));
        let line1 = instrumented.wrapped_source.lines().next().unwrap();
        let b_at = u32::try_from(line1.find("let b").unwrap()).unwrap() + 1;
        assert_eq!(instrumented.block_position(1, b_at), (1, 12));
    }

    #[test]
    fn calls_and_assignments_get_their_hook_before_their_first_token() {
        let source = "let sum = 0;\nsum += 2;\ncontext.logger.info(\"total\", sum);\nresolve();";
        let instrumented = instrument(source).unwrap();
        let lines: Vec<&str> = instrumented.wrapped_source.lines().collect();
        assert!(lines[1].ends_with(";sum += 2;"), "{}", lines[1]);
        assert!(
            lines[2].ends_with(";context.logger.info(\"total\", sum);"),
            "{}",
            lines[2]
        );
        assert!(lines[3].ends_with(";resolve();"), "{}", lines[3]);
    }

    #[test]
    fn debugger_statements_and_catch_blocks_get_hooks_of_their_kind() {
        let source = "const label = \"debugger\";\ndebugger;\ntry {\n  run();\n} catch (error) {\n  log(error.debugger);\n}";
        let instrumented = instrument(source).unwrap();
        let kinds: Vec<(u32, &SiteKind)> = instrumented
            .hooks
            .iter()
            .map(|hook| (hook.line, &hook.kind))
            .collect();
        let catch_entry = SiteKind::CatchEntry {
            parameter: Some("error".to_owned()),
        };
        assert_eq!(
            kinds,
            [
                (1, &SiteKind::Statement),
                (2, &SiteKind::DebuggerStatement),
                // `try` itself is not a stop; the statements in its block are.
                (4, &SiteKind::Statement),
                (5, &catch_entry),
                (6, &SiteKind::Statement),
            ]
        );
        let lines: Vec<&str> = instrumented.wrapped_source.lines().collect();
        assert!(lines[1].ends_with(";debugger;"), "{}", lines[1]);
        assert!(
            lines[4].starts_with("} catch (error) {__bsB["),
            "{}",
            lines[4]
        );
        assert!(lines[0].contains("\"debugger\""), "strings keep their text");
    }

    #[test]
    fn a_catch_block_gets_its_hook_without_a_binding_and_with_comments_around_it() {
        // The text before the first `catch` holds characters of two and four bytes (one and two UTF-16
        // units), which the parser's positions count differently from byte offsets.
        let source = "try {\n  a(\"é😀\");\n} catch {\n  b();\n}\ntry {} // empty\ncatch /* { */ {\n  c();\n}\ntry {\n  d();\n} catch ({ message }) /* why */\n{\n  e(message);\n}\ntry { f(); } catch (error) {}";
        let instrumented = instrument(source).unwrap();
        let catch_entries: Vec<(u32, Option<&str>)> = instrumented
            .hooks
            .iter()
            .filter_map(|hook| match &hook.kind {
                SiteKind::CatchEntry { parameter } => Some((hook.line, parameter.as_deref())),
                _ => None,
            })
            .collect();
        assert_eq!(
            catch_entries,
            [(3, None), (7, None), (13, None), (16, Some("error"))]
        );
        let lines: Vec<&str> = instrumented.wrapped_source.lines().collect();
        for (line, hooked) in [
            (3, "} catch {__bsB["),
            (7, "catch /* { */ {__bsB["),
            (13, "{__bsB["),
            (16, "} catch (error) {__bsB["),
        ] {
            assert!(lines[line - 1].contains(hooked), "{}", lines[line - 1]);
        }
    }

    #[test]
    fn a_syntax_error_is_a_parse_error() {
        assert!(matches!(
            instrument("module.exports = (;"),
            Err(InstrumentError::Parse(_))
        ));
    }
}
