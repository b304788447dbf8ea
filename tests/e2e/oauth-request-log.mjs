// Preloaded into the test OAuth provider (`node --import`): prints one line per request it answered,
// `REQUEST <method> <path and query> <status>`, so a test can follow the consent window's progress through the
// provider's pages (the window is outside WebDriver's reach) and check what the app sent.
import http from 'node:http';

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitLoggingRequests(event, request, response, ...rest) {
  if (event === 'request') {
    response.once('finish', () => {
      process.stdout.write(`REQUEST ${request.method} ${request.url} ${response.statusCode}\n`);
    });
  }
  return emit.call(this, event, request, response, ...rest);
};
