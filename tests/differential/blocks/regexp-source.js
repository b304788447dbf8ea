// RegExp.prototype.source and toString escape a `/` or a line terminator only where the pattern has not
// escaped it already (boa-dev/boa#5535), so a regex rebuilt from another's source behaves the same. Libraries
// that build their grammars from other regexes' `.source` (Markdown autolinks, URL matchers) depend on it.
module.exports = async () => {
  const patterns = [
    /a\/b/,
    /https?:\/\//,
    /\//,
    /\/\//,
    /\\\//,
    /[\/]/,
    /\\n/,
    /\\\n/,
    /\\\\n/,
    new RegExp("a/b"),
    new RegExp("/"),
    new RegExp("\\/"),
    new RegExp("\\\\/"),
    new RegExp("\\\\\\/"),
    new RegExp("////"),
    new RegExp("\\//\\//"),
    new RegExp("\n"),
    new RegExp("\\\n"),
    new RegExp("\r"),
    new RegExp("\\\r"),
    new RegExp("\u2028"),
    new RegExp("\\\u2028"),
    new RegExp("\u2029"),
    new RegExp("\\\u2029"),
    new RegExp(""),
    new RegExp("a/b", "gi"),
  ];
  const described = patterns.map((re) => ({
    source: re.source,
    text: String(re),
    roundTrip: new RegExp(re.source, re.flags).source === re.source,
    evalRoundTrip: eval(String(re)).source === re.source,
  }));
  const url = /https?:\/\/[^\s]+/;
  const rebuilt = new RegExp(`^(?:${url.source})`, "i");
  return {
    data: {
      described,
      rebuiltMatches: [rebuilt.test("HTTP://example.com/a"), rebuilt.test("ftp://example.com")],
      escapedSlashMatches: new RegExp(/a\/b/.source).test("a/b"),
      prototypeSource: RegExp.prototype.source,
      prototypeText: RegExp.prototype.toString(),
    },
  };
};
