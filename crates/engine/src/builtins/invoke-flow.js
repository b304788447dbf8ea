// The body of `context.invokeFlow` (context_code.rs), loaded on its first call.
(function (host, internals) {
  "use strict";

  // `context.invokeFlow(flowName, data, config, source)`: the platform posts `data` to the flow's webhook
  // with Axios, so the answer is an Axios response and a status outside 2xx rejects as Axios rejects
  // (`AxiosError`, `code` ERR_BAD_REQUEST or ERR_BAD_RESPONSE, the response on `error.response`). The host
  // runs the flow as the local webhook listener would; what it refuses (an unknown flow, a cycle, too deep a
  // chain) rejects with an error whose `code` names why.
  internals.invokeFlow = async function invokeFlow(flowName, data, config, source) {
    if (typeof flowName !== "string" || flowName === "") {
      throw new TypeError("context.invokeFlow needs the name of a flow of this workspace as its first argument.");
    }
    const headers = [];
    let hasContentType = false;
    const given = config == null ? undefined : config.headers;
    if (given != null) {
      for (const name of Object.keys(given)) {
        const value = given[name];
        if (value == null) continue;
        if (name.toLowerCase() === "content-type") hasContentType = true;
        headers.push(name, String(value));
      }
    }
    const body = data === undefined ? "" : JSON.stringify(data);
    if (body !== "" && !hasContentType) headers.push("Content-Type", "application/json");
    const settled = await host.invokeFlow(flowName, body, headers, source == null ? undefined : String(source));
    if ("code" in settled) {
      const error = new Error(settled.message);
      error.name = "InvokeFlowError";
      error.code = settled.code;
      throw error;
    }
    const responseHeaders = {};
    for (const [name, value] of settled.headers) responseHeaders[name] = value;
    let parsed = settled.body;
    // Axios parses a JSON answer and keeps any other as text.
    try {
      parsed = JSON.parse(settled.body);
    } catch {}
    const response = { data: parsed, status: settled.status, statusText: settled.statusText, headers: responseHeaders };
    if (settled.status < 200 || settled.status > 299) {
      // Axios's message, then what the listener's error answer says, so an uncaught failure reads whole.
      const failure = parsed !== null && typeof parsed === "object" ? parsed.error : undefined;
      let detail = "";
      if (failure != null && typeof failure.message === "string") {
        detail = typeof failure.step === "string"
          ? ` (the invoked flow failed at its step "${failure.step}" with ${failure.name ?? "Error"}: ${failure.message})`
          : ` (${failure.message})`;
      }
      const error = new Error(`Request failed with status code ${settled.status}${detail}`);
      error.name = "AxiosError";
      error.code = settled.status >= 500 ? "ERR_BAD_RESPONSE" : "ERR_BAD_REQUEST";
      error.status = settled.status;
      error.response = response;
      throw error;
    }
    return response;
  };
});
