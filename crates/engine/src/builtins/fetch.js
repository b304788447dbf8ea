// `fetch`, `Headers`, `Request` and `Response` as in Node 20 (undici), without streams: bodies are
// read whole. The HTTP exchange runs on a host thread; the event loop sleeps until it answers.
(function (host, internals) {
  "use strict";

  const forbiddenNameOrValue = /[\r\n\0]/;
  const flattenHeaders = Symbol("flattenHeaders");

  function normalizeName(name) {
    const text = String(name);
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(text)) {
      throw new TypeError(`Headers.append: "${text}" is an invalid header name.`);
    }
    return text.toLowerCase();
  }
  function normalizeValue(value) {
    const text = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
    if (forbiddenNameOrValue.test(text)) throw new TypeError(`Headers.append: "${text}" is an invalid header value.`);
    return text;
  }

  class Headers {
    #map = new Map(); // lower-cased name → list of values
    constructor(init) {
      if (init == null) return;
      if (init instanceof Headers) {
        for (const [name, value] of init.#pairs()) this.append(name, value);
      } else if (typeof init[Symbol.iterator] === "function") {
        for (const pair of init) {
          const entry = [...pair];
          if (entry.length !== 2) throw new TypeError("Headers constructor: expected name/value pair to be length 2, found " + entry.length + ".");
          this.append(entry[0], entry[1]);
        }
      } else if (typeof init === "object") {
        for (const key of Object.keys(init)) this.append(key, init[key]);
      } else {
        throw new TypeError("Headers constructor: expected a record, a sequence of pairs or a Headers object");
      }
    }
    *#pairs() {
      for (const [name, values] of this.#map) for (const value of values) yield [name, value];
    }
    append(name, value) {
      const key = normalizeName(name);
      const list = this.#map.get(key) ?? [];
      list.push(normalizeValue(value));
      this.#map.set(key, list);
    }
    set(name, value) {
      this.#map.set(normalizeName(name), [normalizeValue(value)]);
    }
    delete(name) {
      this.#map.delete(normalizeName(name));
    }
    get(name) {
      const list = this.#map.get(normalizeName(name));
      return list ? list.join(", ") : null;
    }
    getSetCookie() {
      return [...(this.#map.get("set-cookie") ?? [])];
    }
    has(name) {
      return this.#map.has(normalizeName(name));
    }
    forEach(callback, thisArg) {
      for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
    }
    // Sorted by name, values combined (set-cookie kept apart), as the standard iterates.
    *entries() {
      for (const name of [...this.#map.keys()].sort()) {
        if (name === "set-cookie") {
          for (const value of this.#map.get(name)) yield [name, value];
        } else {
          yield [name, this.#map.get(name).join(", ")];
        }
      }
    }
    *keys() {
      for (const [name] of this.entries()) yield name;
    }
    *values() {
      for (const [, value] of this.entries()) yield value;
    }
    [Symbol.iterator]() {
      return this.entries();
    }
    get [Symbol.toStringTag]() {
      return "Headers";
    }
    // Flat [name, value, …] list for the host, values kept apart as the block set them.
    static [flattenHeaders](headers) {
      const flat = [];
      for (const [name, value] of headers.#pairs()) flat.push(name, value);
      return flat;
    }
  }
  internals.defineGlobal("Headers", Headers);

  // A body given to Request/Response: its bytes and the content type it implies. A Blob or FormData body can
  // only come from blob.js, loaded when the block first named one of them.
  function extractBody(body) {
    if (body == null) return { bytes: null, type: null };
    if (typeof body === "string") return { bytes: internals.utf8Encode(body), type: "text/plain;charset=UTF-8" };
    if (body instanceof URLSearchParams) {
      return { bytes: internals.utf8Encode(body.toString()), type: "application/x-www-form-urlencoded;charset=UTF-8" };
    }
    const blobOrForm = internals.blobOrFormBody ? internals.blobOrFormBody(body) : null;
    if (blobOrForm !== null) return blobOrForm;
    const bytes = internals.toBytes(body);
    if (bytes !== null) return { bytes: bytes.slice(), type: null };
    return { bytes: internals.utf8Encode(String(body)), type: "text/plain;charset=UTF-8" };
  }

  const bodyState = Symbol("bodyState");

  function consume(message) {
    const state = message[bodyState];
    if (state.used) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    state.used = true;
    return Promise.resolve(state.bytes ?? new Uint8Array(0));
  }

  // The body methods, each the prototype's own as in undici (Request.prototype.json, Response.prototype.json).
  const bodyMethods = {
    get body() {
      return null;
    },
    get bodyUsed() {
      return this[bodyState].used;
    },
    async arrayBuffer() {
      const bytes = await consume(this);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
    async blob() {
      const bytes = await consume(this);
      internals.loadPrelude("blob.js");
      return internals.bytesToBlob(bytes, this.headers.get("content-type") ?? "");
    },
    async bytes() {
      return (await consume(this)).slice();
    },
    async formData() {
      const bytes = await consume(this);
      internals.loadPrelude("blob.js");
      return internals.parseFormData(bytes, this.headers.get("content-type"));
    },
    async json() {
      return JSON.parse(await this.text());
    },
    async text() {
      return internals.utf8Decode(await consume(this));
    },
  };
  function installBodyMethods(prototype) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(bodyMethods))) {
      Object.defineProperty(prototype, name, { ...descriptor, enumerable: false });
    }
  }

  const methods = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH"];

  // What a Request records but fetch does not act on (no cache, cookies, CORS or referrer in a block), with
  // undici's defaults.
  const requestOptionDefaults = {
    cache: "default", credentials: "same-origin", integrity: "", keepalive: false, mode: "cors",
    referrer: "about:client", referrerPolicy: "",
  };

  class Request {
    [bodyState] = { bytes: null, used: false };
    #options;
    #url;
    #method;
    #headers;
    #signal;
    #redirect;
    constructor(input, init = {}) {
      const source = input instanceof Request ? input : null;
      let url;
      try {
        url = new URL(source ? source.url : String(input)).href;
      } catch (_) {
        throw new TypeError(`Failed to parse URL from ${source ? source.url : String(input)}`);
      }
      this.#url = url;
      const method = String(init.method ?? (source ? source.method : "GET"));
      this.#method = methods.includes(method.toUpperCase()) ? method.toUpperCase() : method;
      this.#headers = new Headers(init.headers ?? (source ? source.headers : undefined));
      this.#signal = init.signal ?? (source ? source.signal : null);
      this.#redirect = init.redirect ?? (source ? source.redirect : "follow");
      this.#options = {};
      for (const [option, fallback] of Object.entries(requestOptionDefaults)) {
        this.#options[option] = init[option] ?? (source ? source.#options[option] : fallback);
      }
      this.#options.keepalive = Boolean(this.#options.keepalive);
      if (!["follow", "manual", "error"].includes(this.#redirect)) {
        throw new TypeError(`Request constructor: ${this.#redirect} is not an accepted type. Expected one of follow, manual, error.`);
      }
      if ("body" in init && init.body != null) {
        if (this.#method === "GET" || this.#method === "HEAD") {
          throw new TypeError("Request with GET/HEAD method cannot have body.");
        }
        const { bytes, type } = extractBody(init.body);
        this[bodyState].bytes = bytes;
        if (type !== null && !this.#headers.has("content-type")) this.#headers.set("content-type", type);
      } else if (source) {
        this[bodyState].bytes = source[bodyState].bytes;
      }
    }
    get url() { return this.#url; }
    get method() { return this.#method; }
    get headers() { return this.#headers; }
    get signal() { return this.#signal; }
    get redirect() { return this.#redirect; }
    get cache() { return this.#options.cache; }
    get credentials() { return this.#options.credentials; }
    get destination() { return ""; }
    get duplex() { return "half"; }
    get integrity() { return this.#options.integrity; }
    get isHistoryNavigation() { return false; }
    get isReloadNavigation() { return false; }
    get keepalive() { return this.#options.keepalive; }
    get mode() { return this.#options.mode; }
    get referrer() { return this.#options.referrer; }
    get referrerPolicy() { return this.#options.referrerPolicy; }
    clone() {
      return new Request(this);
    }
    get [Symbol.toStringTag]() {
      return "Request";
    }
  }
  installBodyMethods(Request.prototype);
  internals.defineGlobal("Request", Request);

  const fromHost = Symbol("fromHost");

  class Response {
    [bodyState] = { bytes: null, used: false };
    #status;
    #statusText;
    #headers;
    #url = "";
    #redirected = false;
    #type = "default";
    constructor(body = null, init = {}) {
      const status = init.status ?? 200;
      if (!Number.isInteger(status) || status < 200 || status > 599) {
        throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
      }
      this.#status = status;
      this.#statusText = String(init.statusText ?? "");
      this.#headers = new Headers(init.headers);
      if (body != null) {
        const { bytes, type } = extractBody(body);
        this[bodyState].bytes = bytes;
        if (type !== null && !this.#headers.has("content-type")) this.#headers.set("content-type", type);
      }
    }
    static [fromHost](answer) {
      const response = new Response(null);
      response.#status = answer.status;
      response.#statusText = answer.statusText;
      const headers = new Headers();
      for (let i = 0; i < answer.headers.length; i += 2) headers.append(answer.headers[i], answer.headers[i + 1]);
      response.#headers = headers;
      response.#url = answer.url;
      response.#redirected = answer.redirected;
      response.#type = "basic";
      response[bodyState].bytes = answer.body;
      return response;
    }
    static json(data, init = {}) {
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError("Value is not JSON serializable");
      const headers = new Headers(init.headers);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
      return new Response(text, { ...init, headers });
    }
    static error() {
      const response = new Response(null);
      response.#status = 0;
      response.#type = "error";
      return response;
    }
    static redirect(url, status = 302) {
      if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError(`Invalid status code ${status}`);
      const response = new Response(null, { status });
      response.#headers.set("location", new URL(url).href);
      return response;
    }
    get status() { return this.#status; }
    get statusText() { return this.#statusText; }
    get ok() { return this.#status >= 200 && this.#status <= 299; }
    get headers() { return this.#headers; }
    get url() { return this.#url; }
    get redirected() { return this.#redirected; }
    get type() { return this.#type; }
    clone() {
      if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
      const copy = Response[fromHost]({
        status: this.#status,
        statusText: this.#statusText,
        headers: Headers[flattenHeaders](this.#headers),
        url: this.#url,
        redirected: this.#redirected,
        body: this[bodyState].bytes,
      });
      copy.#type = this.#type;
      return copy;
    }
    get [Symbol.toStringTag]() {
      return "Response";
    }
  }
  installBodyMethods(Response.prototype);
  internals.defineGlobal("Response", Response);

  internals.defineGlobal("fetch", function fetch(input, init = undefined) {
    let request;
    try {
      request = new Request(input, init ?? {});
    } catch (error) {
      return Promise.reject(error);
    }
    const signal = request.signal;
    if (signal && signal.aborted) return Promise.reject(signal.reason);
    const body = request[bodyState].bytes;
    const pending = host.fetch(request.method, request.url, Headers[flattenHeaders](request.headers), body, request.redirect);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        host.forgetIo(pending.id);
        reject(signal.reason);
      };
      if (signal) signal.addEventListener("abort", onAbort, { once: true });
      pending.promise.then(
        (answer) => {
          if (signal) signal.removeEventListener("abort", onAbort);
          resolve(Response[fromHost](answer));
        },
        (failure) => {
          if (signal) signal.removeEventListener("abort", onAbort);
          const error = new TypeError("fetch failed");
          error.cause = new Error(String(failure && failure.cause));
          reject(error);
        },
      );
    });
  });
});
