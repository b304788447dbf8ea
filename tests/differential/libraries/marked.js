// paste marked = marked/lib/marked.umd.js
// Markdown to HTML with GitHub-flavoured extensions: headings, emphasis, lists, code, tables, and bare-URL
// autolinks, whose grammar marked builds from other regexes' `.source`.
module.exports = async () => {
  const markdown = [
    "# Release *notes*",
    "",
    "Visit https://example.com/docs?a=1&b=2 or www.example.org, mail ops@example.com.",
    "",
    "- **bold** item",
    "- `code` item with <angle>",
    "  1. nested",
    "",
    "| name | qty |",
    "| ---- | --: |",
    "| a    | 1   |",
    "",
    "```js",
    "const x = 1 < 2;",
    "```",
    "",
    "> quote with ~~strike~~ and [link](https://a.example/path \"title\")",
  ].join("\n");
  return {
    data: {
      html: marked.parse(markdown),
      inline: marked.parseInline("a _b_ **c** `d` https://x.example/y"),
      tokens: marked.lexer("# T\n\ntext").map((token) => token.type),
      noGfm: marked.parse("see https://example.com", { gfm: false }),
    },
  };
};
