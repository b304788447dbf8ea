module.exports = async ({ configVars }) => {
  const url = new URL("/api/v1/items?limit=10&tag=a&tag=b#frag", configVars["App Base URL"]);
  url.searchParams.set("limit", "20");
  url.searchParams.append("q", "a b&c");
  url.searchParams.delete("tag");
  const parts = {};
  for (const key of ["href", "origin", "protocol", "host", "hostname", "port", "pathname", "search", "hash"]) {
    parts[key] = url[key];
  }
  url.pathname = "/other path";
  url.hash = "";
  let invalid;
  try {
    new URL("not a url");
  } catch (error) {
    invalid = error.name;
  }
  return {
    data: {
      parts,
      afterChanges: url.toString(),
      json: JSON.stringify({ url }),
      invalid,
      canParse: [URL.canParse("https://x.y"), URL.canParse("nope")],
      userInfo: new URL("https://user:pa%20ss@example.com:8080/").username,
      idn: new URL("https://münchen.de/").hostname,
    },
  };
};
