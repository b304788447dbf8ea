// The HTTP server the fetch blocks talk to, on 127.0.0.1 and a free port. Imported by the differential
// test, or run on its own (`node server.mjs`), when it prints its base URL on the first line of stdout.
import http from "node:http";
import { fileURLToPath } from "node:url";

function handle(request, response) {
  const url = new URL(request.url, "http://127.0.0.1");
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const json = (status, value) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(value));
    };
    switch (url.pathname) {
      case "/json":
        return json(200, { hello: "world", query: Object.fromEntries(url.searchParams), test: request.headers["x-test"] ?? null });
      case "/echo":
        return json(200, {
          method: request.method,
          contentType: request.headers["content-type"] ?? null,
          authorization: request.headers.authorization ?? null,
          body: body.startsWith("{") ? JSON.parse(body) : body,
        });
      case "/redirect":
        response.writeHead(302, { Location: "/json" });
        return response.end();
      case "/slow":
        return setTimeout(() => json(200, { slow: true }), 2000);
      default:
        response.writeHead(404, { "Content-Type": "text/plain" });
        return response.end("not here");
    }
  });
}

export function startServer() {
  return new Promise((resolve) => {
    const server = http.createServer(handle);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer();
  process.stdout.write(url + "\n");
}
