// URL.parse/canParse and object URLs, console's remaining methods, and Request's recorded options, as in Node 20.
module.exports = async () => {
  const blobUrl = URL.createObjectURL(new Blob(["x"]));
  let notBlob;
  try {
    URL.createObjectURL("text");
  } catch (error) {
    notBlob = [error.name, error.code, error.message];
  }
  URL.revokeObjectURL(blobUrl);
  console.dirxml("dirxml line", { a: 1 });
  console.clear();
  console.profile("p");
  console.profileEnd("p");
  console.timeStamp("t");
  const task = console.createTask("task");
  const scoped = console.context("scoped");
  let badTask;
  try {
    console.createTask("");
  } catch (error) {
    badTask = `${error.name}: ${error.message}`;
  }
  const plain = new Request("http://example.test/a", { method: "POST", body: "x" });
  const options = new Request("http://example.test/a", {
    cache: "no-store", credentials: "include", mode: "same-origin", referrer: "", referrerPolicy: "no-referrer",
    integrity: "sha256-abc", keepalive: true,
  });
  const requestOptions = (request) =>
    ["cache", "credentials", "destination", "duplex", "integrity", "isHistoryNavigation", "isReloadNavigation", "keepalive",
      "mode", "referrer", "referrerPolicy"].map((name) => request[name]);
  return {
    data: {
      parse: [URL.parse("not a url"), URL.parse("/b?c=1", "https://example.test/a").href, URL.parse("https://x.test").host],
      canParse: [URL.canParse("https://x.test"), URL.canParse("nope"), URL.canParse("/a", "http://h")],
      blobUrl: /^blob:nodedata:[0-9a-f-]{36}$/.test(blobUrl),
      notBlob,
      task: task.run(() => 42),
      contextMethods: ["log", "warn", "error", "table", "count"].map((name) => typeof scoped[name]),
      badTask,
      requestOptions: [requestOptions(plain), requestOptions(options), requestOptions(new Request(options))],
      bodyMethodsOwn: ["arrayBuffer", "blob", "bytes", "formData", "json", "text", "body", "bodyUsed"].map((name) =>
        [Object.hasOwn(Request.prototype, name), Object.hasOwn(Response.prototype, name)]),
    },
  };
};
