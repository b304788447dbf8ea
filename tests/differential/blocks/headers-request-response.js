module.exports = async () => {
  const headers = new Headers({ "Content-Type": "text/plain", "X-B": "1" });
  headers.append("x-b", "2");
  headers.append("Set-Cookie", "a=1");
  headers.append("Set-Cookie", "b=2");
  const request = new Request("https://example.com/path", { method: "put", body: "data", headers });
  const response = Response.json({ ok: 1 }, { status: 202, headers: { "X-Extra": "y" } });
  const plain = new Response("hello", { status: 404, statusText: "Nope" });
  return {
    data: {
      entries: [...headers],
      get: headers.get("X-B"),
      cookies: headers.getSetCookie(),
      has: [headers.has("content-type"), headers.has("missing")],
      request: { method: request.method, url: request.url, body: await request.text() },
      response: { status: response.status, ok: response.ok, type: response.headers.get("content-type"), body: await response.json() },
      plain: { status: plain.status, ok: plain.ok, statusText: plain.statusText, text: await plain.clone().text() },
    },
  };
};
