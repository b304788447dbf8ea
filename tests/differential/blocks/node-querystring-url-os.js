// `require("querystring")`, `require("url")` (legacy parse/format/resolve and the file URL helpers) and
// `require("os")`, as form-encoded bodies, OAuth callbacks and older integration code use them.
const querystring = require("querystring");
const url = require("node:url");
const os = require("os");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
};
const plain = (object) => JSON.parse(JSON.stringify(object));
module.exports = async () => {
  const parsed = querystring.parse("grant_type=client_credentials&scope=read+write&scope=admin&empty=&flag&bad=%E0%A4%A&name=J%C3%BCrgen");
  const urls = [
    "https://user:pa%20ss@Example.COM:8080/p/a/t/h?query=string&a=1#hash",
    "http://example.com",
    "mailto:someone@example.com",
    "/relative/path?x=1",
    "HTTP://EXAMPLE.com/A B",
    "http://[::1]:3000/x",
    "file:///etc/passwd",
    "example.com/path",
  ];
  return {
    data: {
      parsed: { isNullPrototype: Object.getPrototypeOf(parsed) === null, ...parsed },
      stringified: querystring.stringify({ a: "x y", b: ["1", 2, true], c: null, d: undefined, e: { nested: 1 }, "k&": "v=" }),
      custom: querystring.stringify({ a: 1, b: 2 }, ";", ":"),
      parseCustom: plain(querystring.parse("a:1;b:2", ";", ":")),
      escape: [querystring.escape("a b&c/é"), querystring.unescape("a%20b%2"), querystring.decode === querystring.parse],
      legacy: urls.map((u) => plain(url.parse(u))),
      withQuery: plain(url.parse("http://a.com/x?b=2&b=3&c", true)),
      withoutQuery: plain(url.parse("http://a.com/x", true)),
      isUrl: url.parse("http://a.com") instanceof url.Url,
      format: [
        url.format({ protocol: "https", hostname: "x.com", pathname: "/a", query: { q: "1 2", r: ["a", "b"] } }),
        url.format({ protocol: "http:", host: "h.com:81", pathname: "p", search: "s=1", hash: "h" }),
        url.format(new URL("https://a:b@x.com/p?q#h"), { auth: false, search: false, fragment: false }),
        url.format("http://X.com/a b"),
      ],
      resolve: [url.resolve("http://a.com/b/c", "../d"), url.resolve("/one/two", "three"), url.resolve("http://a.com/", "//b.com/x"), url.resolve("https://a.com/x?y", "?z")],
      files: [url.fileURLToPath("file:///tmp/a%20b.txt"), url.pathToFileURL("/tmp/a b#.txt").href],
      notFile: caught(() => url.fileURLToPath("https://a.com/x")),
      globals: [url.URL === URL, url.URLSearchParams === URLSearchParams],
      os: [os.EOL, os.platform(), os.type(), os.endianness()],
    },
  };
};
