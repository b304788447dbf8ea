// Annex B and legacy RegExp features: RegExp.prototype.compile, and the RegExp.$1–$9, lastMatch, lastParen,
// leftContext, rightContext and input statics that older libraries read after a match (read from the match
// itself, after every kind of match, with `input` assigned and then replaced by a new match).
module.exports = async () => {
  const statics = () => ({
    $1: RegExp.$1,
    $2: RegExp.$2,
    $3: RegExp.$3,
    $9: RegExp.$9,
    lastMatch: RegExp.lastMatch,
    "$&": RegExp["$&"],
    lastParen: RegExp.lastParen,
    "$+": RegExp["$+"],
    leftContext: RegExp.leftContext,
    "$`": RegExp["$`"],
    rightContext: RegExp.rightContext,
    "$'": RegExp["$'"],
    input: RegExp.input,
    $_: RegExp.$_,
  });
  const seen = {};
  /(\d{4})-(\d{2})-(\d{2})/.exec("due 2024-05-06, paid");
  seen.afterExec = statics();
  /(\w+)@(\w+)\.com/.test("mail bob@example.com now");
  seen.afterTest = statics();
  "a1b22c333".replace(/(\d)+/g, "#");
  seen.afterGlobalReplace = statics();
  "key=value".match(/(\w+)=(\w+)/);
  seen.afterMatch = statics();
  "one two".split(/(\s)/);
  seen.afterSplit = statics();
  /zzz/.exec("no match here");
  seen.afterFailedMatch = statics();
  /(x)?y/.exec("y");
  seen.unmatchedGroup = statics();
  /(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/.exec("abcdefghijk");
  seen.elevenGroups = statics();
  RegExp.input = "assigned";
  seen.assignedInput = [RegExp.input, RegExp.$_, RegExp.lastMatch];
  RegExp.$1 = "ignored";
  seen.assignedNumbered = RegExp.$1;
  seen.descriptor = (({ enumerable, configurable }) => ({ enumerable, configurable }))(Object.getOwnPropertyDescriptor(RegExp, "$1"));
  // The statics read the match itself, not its result array, which a block may change.
  const changed = /(q)(r)/.exec("pqrs");
  changed[1] = "changed";
  changed.index = 0;
  changed.input = "other";
  seen.afterChangedArray = statics();
  RegExp.input = "assigned again";
  /(n)ew/.exec("a new match");
  seen.assignedThenMatched = [RegExp.input, RegExp.$1];
  [..."x1y2".matchAll(/([a-z])(\d)/g)];
  seen.afterMatchAll = statics();
  "find me".search(/(m)e/);
  seen.afterSearch = statics();
  /(t)est/y.test("a test");
  seen.afterFailedStickyTest = statics();
  const objectWithExec = { exec: () => ({ 0: "custom", length: 1 }) };
  seen.customExec = [RegExp.prototype.test.call(objectWithExec, "s"), RegExp.$1];

  const compiled = /abc/g;
  compiled.lastIndex = 2;
  const returned = compiled.compile("d(e)f", "i");
  const compile = {
    returnsSelf: returned === compiled,
    source: compiled.source,
    flags: compiled.flags,
    lastIndex: compiled.lastIndex,
    matches: compiled.test("xDEFx"),
    fromRegExp: /q/.compile(/r+/m).source,
    fromRegExpFlags: /q/.compile(/r+/m).flags,
    emptyPattern: /q/.compile().source,
    compileLength: RegExp.prototype.compile.length,
  };
  let flagsWithRegExp;
  try {
    /q/.compile(/r/, "g");
  } catch (error) {
    flagsWithRegExp = error.name;
  }
  let invalid;
  try {
    /q/.compile("(", "");
  } catch (error) {
    invalid = error.name;
  }
  return { data: { seen, compile, flagsWithRegExp, invalid } };
};
