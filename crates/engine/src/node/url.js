// `require("url")`: the global `URL` and `URLSearchParams`, `fileURLToPath`/`pathToFileURL`, and the
// legacy `parse`/`format`/`resolve` that older integration code still uses (the common cases: protocol,
// auth, host and port, path, query and hash, as Node's `Url` objects hold them).
(function (host, internals) {
  "use strict";
  const { invalidArgType, nodeError } = internals;
  const querystring = internals.querystring;
  const { URL, URLSearchParams } = globalThis;

  const slashedProtocols = new Set(["http:", "https:", "ftp:", "gopher:", "file:", "ws:", "wss:"]);
  const hostlessProtocols = new Set(["javascript:"]);
  // Characters Node escapes in a parsed path (`url.parse("http://x/a b")` has pathname "/a%20b").
  const autoEscape = { " ": "%20", '"': "%22", "'": "%27", "<": "%3C", ">": "%3E", "\\": "/", "^": "%5E", "`": "%60", "{": "%7B", "|": "%7C", "}": "%7D", "\t": "%09", "\n": "%0A", "\r": "%0D" };

  function Url() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }

  Url.prototype.parse = function parse(input, parseQueryString, slashesDenoteHost) {
    if (typeof input !== "string") throw invalidArgType("url", "of type string", input);
    let rest = input.trim();
    const protocolMatch = /^[a-z0-9.+-]+:/i.exec(rest);
    let lowerProtocol;
    if (protocolMatch) {
      lowerProtocol = protocolMatch[0].toLowerCase();
      this.protocol = lowerProtocol;
      rest = rest.slice(protocolMatch[0].length);
    }
    let slashes = false;
    if (slashesDenoteHost || protocolMatch || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
      slashes = rest.startsWith("//");
      if (slashes && !(protocolMatch && hostlessProtocols.has(lowerProtocol))) {
        rest = rest.slice(2);
        this.slashes = true;
      }
    }
    if (!hostlessProtocols.has(lowerProtocol) && (slashes || (protocolMatch && !slashedProtocols.has(lowerProtocol)))) {
      let hostEnd = rest.search(/[/?#]/);
      if (hostEnd === -1) hostEnd = rest.length;
      const at = rest.lastIndexOf("@", hostEnd);
      if (at !== -1) {
        this.auth = decodeURIComponent(rest.slice(0, at));
        rest = rest.slice(at + 1);
      }
      hostEnd = rest.search(/[/?#;%\s<>"'`{}|\\^]/);
      if (hostEnd === -1) hostEnd = rest.length;
      let hostText = rest.slice(0, hostEnd);
      rest = rest.slice(hostEnd);
      const portMatch = /:([0-9]*)$/.exec(hostText);
      if (portMatch) {
        if (portMatch[1] !== "") this.port = portMatch[1];
        hostText = hostText.slice(0, hostText.length - portMatch[0].length);
      }
      let hostname = hostText.toLowerCase();
      const ipv6 = hostname.startsWith("[") && hostname.endsWith("]");
      if (ipv6) hostname = hostname.slice(1, -1);
      this.hostname = hostname;
      this.host = (ipv6 ? `[${hostname}]` : hostname) + (this.port ? `:${this.port}` : "");
    }
    rest = rest.replace(/[ "'<>\\^`{|}\t\n\r]/g, (char) => autoEscape[char]);
    const hashAt = rest.indexOf("#");
    if (hashAt !== -1) {
      this.hash = rest.slice(hashAt);
      rest = rest.slice(0, hashAt);
    }
    const queryAt = rest.indexOf("?");
    if (queryAt !== -1) {
      this.search = rest.slice(queryAt);
      this.query = rest.slice(queryAt + 1);
      if (parseQueryString) this.query = querystring.parse(this.query);
      rest = rest.slice(0, queryAt);
    } else if (parseQueryString) {
      this.search = null;
      this.query = Object.create(null);
    }
    if (rest.length > 0) this.pathname = rest;
    if (slashedProtocols.has(lowerProtocol) && this.hostname && !this.pathname) this.pathname = "/";
    if (this.pathname || this.search) this.path = (this.pathname || "") + (this.search || "");
    this.href = this.format();
    return this;
  };

  Url.prototype.format = function format() {
    let auth = this.auth || "";
    if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/i, ":")}@`;
    let protocol = this.protocol || "";
    let pathname = this.pathname || "";
    let hash = this.hash || "";
    let hostText = "";
    let query = "";
    if (this.host) {
      hostText = auth + this.host;
    } else if (this.hostname) {
      const bracketed = this.hostname.includes(":") && !this.hostname.startsWith("[");
      hostText = auth + (bracketed ? `[${this.hostname}]` : this.hostname) + (this.port ? `:${this.port}` : "");
    }
    if (this.query !== null && typeof this.query === "object") query = querystring.stringify(this.query);
    let search = this.search || (query && `?${query}`) || "";
    if (protocol && !protocol.endsWith(":")) protocol += ":";
    pathname = pathname.replace(/[?#]/g, (char) => encodeURIComponent(char));
    if (this.slashes || slashedProtocols.has(protocol)) {
      if (this.slashes || hostText) {
        if (pathname && pathname[0] !== "/") pathname = `/${pathname}`;
        hostText = `//${hostText}`;
      } else if (protocol === "file:") {
        hostText = "//";
      }
    }
    search = search.replace(/#/g, "%23");
    if (hash && hash[0] !== "#") hash = `#${hash}`;
    if (search && search[0] !== "?") search = `?${search}`;
    return protocol + hostText + pathname + search + hash;
  };

  function parse(input, parseQueryString, slashesDenoteHost) {
    if (input instanceof Url) return input;
    return new Url().parse(input, parseQueryString, slashesDenoteHost);
  }

  function format(object, options) {
    if (typeof object === "string") return parse(object).format();
    if (object instanceof URL) {
      const { auth = true, fragment = true, search = true } = options || {};
      const copy = new URL(object.href);
      if (!auth) {
        copy.username = "";
        copy.password = "";
      }
      if (!fragment) copy.hash = "";
      if (!search) copy.search = "";
      return copy.href;
    }
    if (object === null || typeof object !== "object") throw invalidArgType("urlObject", "one of type object or string", object);
    return Url.prototype.format.call(object);
  }

  // Resolves as a browser resolves a link; a relative base is resolved against a placeholder origin that
  // is taken off again.
  function resolve(from, to) {
    const placeholder = "http://relative.invalid";
    let absolute = true;
    let base;
    try {
      base = new URL(from);
    } catch (_) {
      absolute = false;
      base = new URL(from, `${placeholder}/`);
    }
    const resolved = new URL(to, base).href;
    return absolute || !resolved.startsWith(placeholder) ? resolved : resolved.slice(placeholder.length);
  }

  function fileURLToPath(input) {
    const url = typeof input === "string" ? new URL(input) : input;
    if (!(url instanceof URL)) throw invalidArgType("path", "of type string or an instance of URL", input);
    if (url.protocol !== "file:") throw nodeError(TypeError, "ERR_INVALID_URL_SCHEME", "The URL must be of scheme file");
    if (url.hostname !== "") throw nodeError(TypeError, "ERR_INVALID_FILE_URL_HOST", `File URL host must be "localhost" or empty on linux`);
    if (/%2f/i.test(url.pathname)) throw nodeError(TypeError, "ERR_INVALID_FILE_URL_PATH", "File URL path must not include encoded / characters");
    return decodeURIComponent(url.pathname);
  }

  function pathToFileURL(path) {
    if (typeof path !== "string") throw invalidArgType("path", "of type string", path);
    const absolute = path.startsWith("/") ? path : `/${path}`;
    const encoded = absolute.replace(/%/g, "%25").replace(/#/g, "%23").replace(/\?/g, "%3F").replace(/\\/g, "%5C").replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/\t/g, "%09");
    return new URL(`file://${encoded}`);
  }

  internals.defineModule("url", {
    Url,
    parse,
    resolve,
    format,
    URL,
    URLSearchParams,
    domainToASCII: (domain) => {
      try {
        return new URL(`http://${domain}`).hostname;
      } catch (_) {
        return "";
      }
    },
    pathToFileURL,
    fileURLToPath,
  });
});
