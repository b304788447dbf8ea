//! Patched (see the crate's README): the last successful match of any regular expression, kept by the engine
//! for the legacy `RegExp` statics (`RegExp.$1`–`$9`, `lastMatch`, `leftContext`, …) of the TC39 "legacy RegExp
//! features" proposal, which a host can define from it. Keeping it here, where `RegExpBuiltinExec` matches,
//! leaves `RegExp.prototype.exec` the built-in one, so `test` and the other methods can take their fast paths.

use std::ops::Range;

use crate::JsString;

/// The input and capture ranges of the last successful match, in UTF-16 code units.
#[derive(Debug, Default, Clone)]
pub struct LastRegExpMatch {
    input: JsString,
    /// The whole match first, then each capture group (`None` for one that did not participate).
    ranges: Vec<Option<Range<usize>>>,
    /// How many successful matches there have been: tells a host that kept something about one match (an
    /// assigned `RegExp.input`) that another came since.
    serial: u64,
}

impl LastRegExpMatch {
    /// Keeps `match_value`, a match of `input`, reusing the storage of the previous one.
    pub(crate) fn record(&mut self, input: &JsString, match_value: &regress::Match) {
        self.input.clone_from(input);
        self.ranges.clear();
        self.ranges.push(Some(match_value.range()));
        self.ranges.extend(match_value.captures.iter().cloned());
        self.serial += 1;
    }

    /// The string the expression matched in.
    #[must_use]
    pub fn input(&self) -> &JsString {
        &self.input
    }

    /// Where the whole match is in the input.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.ranges.first().cloned().flatten().unwrap_or_default()
    }

    /// How many capture groups the expression has.
    #[must_use]
    pub fn capture_count(&self) -> usize {
        self.ranges.len().saturating_sub(1)
    }

    /// Capture group `group` (1 for the first), `None` when it did not participate or does not exist.
    #[must_use]
    pub fn capture(&self, group: usize) -> Option<JsString> {
        if group == 0 {
            return None;
        }
        let range = self.ranges.get(group)?.clone()?;
        self.input.get(range)
    }

    /// Counts successful matches: a different value means another match came since.
    #[must_use]
    pub fn serial(&self) -> u64 {
        self.serial
    }
}
