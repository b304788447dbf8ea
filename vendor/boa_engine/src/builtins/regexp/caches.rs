//! What a context keeps between calls of regular expressions (a Blocksmith patch, see the crate's README):
//! compiled matchers by pattern and flags, and the UTF-16 copy of the last long Latin-1 string one ran on.

use std::ops::Range;
use std::rc::Rc;

use boa_parser::lexer::regex::RegExpFlags;
use regress::Regex;
use rustc_hash::FxHashMap;

use super::last_match::LastRegExpMatch;
use crate::string::JsString;

/// Below this many code units a Latin-1 input is widened at every call: a copy costs less than keeping one.
const KEEP_INPUT_FROM_LENGTH: usize = 1024;

/// How many compiled matchers are kept before the cache starts over.
const MATCHERS_KEPT: usize = 256;

#[derive(Default)]
pub(crate) struct RegExpCaches {
    /// Compiled matchers by source and flags: a literal evaluated in a loop, or `new RegExp(text, flags)` with
    /// the same text, compiles once. A matcher holds no state of a match, so sharing it is not observable.
    matchers: FxHashMap<(JsString, u8), Rc<Regex>>,
    /// The last long Latin-1 string a matcher ran on, with its code units widened (the matcher reads only
    /// UTF-16): a global or sticky expression stepping through a string calls the matcher once per match, and
    /// widening the whole string every time made `replace` over a megabyte quadratic.
    latin1_input: Option<(JsString, Rc<[u16]>)>,
    /// The last successful match, for the legacy statics; `None` before the first.
    pub(crate) last_match: Option<LastRegExpMatch>,
}

impl std::fmt::Debug for RegExpCaches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegExpCaches")
            .field("matchers", &self.matchers.len())
            .finish_non_exhaustive()
    }
}

impl RegExpCaches {
    /// The matcher for `source` with `flags`, compiled by `compile` unless one is kept.
    pub(crate) fn matcher<E>(
        &mut self,
        source: &JsString,
        flags: RegExpFlags,
        compile: impl FnOnce() -> Result<Regex, E>,
    ) -> Result<Rc<Regex>, E> {
        let key = (source.clone(), flags.bits());
        if let Some(matcher) = self.matchers.get(&key) {
            return Ok(matcher.clone());
        }
        let matcher = Rc::new(compile()?);
        if self.matchers.len() >= MATCHERS_KEPT {
            self.matchers.clear();
        }
        self.matchers.insert(key, matcher.clone());
        Ok(matcher)
    }

    /// A Latin-1 string's code units widened to UTF-16, as the kept copy and the range of it that is `input`. A
    /// long string is widened once and kept until another long string comes (recognised by
    /// `JsString::ptr_eq`, not by comparing characters); a long slice widens and keeps the whole string it is a
    /// slice of, so that a tokenizer running expressions on the rest of a text as it slices it off
    /// (`rest = rest.slice(match.length)`) widens the text once, not once per step.
    pub(crate) fn latin1_input_as_utf16(&mut self, input: &JsString) -> (Rc<[u16]>, Range<usize>) {
        let (whole, start) = input.slice_parent().unwrap_or((input, 0));
        let range = start..start + input.len();
        if let Some((kept, units)) = &self.latin1_input
            && kept.ptr_eq(whole)
        {
            return (units.clone(), range);
        }
        if input.len() < KEEP_INPUT_FROM_LENGTH {
            let units: Rc<[u16]> = input.iter().collect();
            return (units, 0..input.len());
        }
        let units: Rc<[u16]> = whole.iter().collect();
        self.latin1_input = Some((whole.clone(), units.clone()));
        (units, range)
    }
}
