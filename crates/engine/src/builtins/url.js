// `URL` (parsed by the host with the WHATWG rules) and `URLSearchParams`, linked as in the standard:
// changing `url.searchParams` changes `url.search` and the other way round.
(function (host, internals) {
  "use strict";

  function usv(value) {
    const text = String(value);
    return typeof text.toWellFormed === "function" ? text.toWellFormed() : text;
  }

  // application/x-www-form-urlencoded serialisation: only * - . _ and alphanumerics stay as they are.
  function encodeComponent(text) {
    return encodeURIComponent(usv(text))
      .replace(/[!'()~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
      .replace(/%20/g, "+");
  }

  // Percent-decoding that, unlike decodeURIComponent, never throws (a stray "%" stays as it is).
  function decodeComponent(text) {
    const plain = text.replace(/\+/g, " ");
    if (!plain.includes("%")) return plain;
    try {
      return decodeURIComponent(plain);
    } catch (_) {
      const bytes = [];
      const raw = internals.utf8Encode(plain);
      for (let i = 0; i < raw.length; i++) {
        const hex = String.fromCharCode(raw[i + 1] ?? 0, raw[i + 2] ?? 0);
        if (raw[i] === 37 && /^[0-9a-fA-F]{2}$/.test(hex)) {
          bytes.push(parseInt(hex, 16));
          i += 2;
        } else {
          bytes.push(raw[i]);
        }
      }
      return internals.utf8Decode(new Uint8Array(bytes));
    }
  }

  function parseQuery(query) {
    const list = [];
    for (const part of query.split("&")) {
      if (part === "") continue;
      const equals = part.indexOf("=");
      const name = equals < 0 ? part : part.slice(0, equals);
      const value = equals < 0 ? "" : part.slice(equals + 1);
      list.push([decodeComponent(name), decodeComponent(value)]);
    }
    return list;
  }

  const attachUrl = Symbol("attachUrl");
  const replaceList = Symbol("replaceList");

  class URLSearchParams {
    #list = [];
    #onChange = null;

    constructor(init = "") {
      if (typeof init === "object" && init !== null) {
        if (typeof init[Symbol.iterator] === "function") {
          for (const pair of init) {
            const entry = [...pair];
            if (entry.length !== 2) {
              throw new TypeError("Each query pair must be an iterable [name, value] tuple");
            }
            this.#list.push([usv(entry[0]), usv(entry[1])]);
          }
        } else {
          for (const key of Object.keys(init)) this.#list.push([usv(key), usv(init[key])]);
        }
      } else {
        const text = usv(init);
        this.#list = parseQuery(text.startsWith("?") ? text.slice(1) : text);
      }
    }

    [attachUrl](onChange) {
      this.#onChange = onChange;
    }
    [replaceList](query) {
      this.#list = parseQuery(query);
    }
    #changed() {
      if (this.#onChange) this.#onChange(this.toString());
    }

    get size() {
      return this.#list.length;
    }
    append(name, value) {
      this.#list.push([usv(name), usv(value)]);
      this.#changed();
    }
    delete(name, value) {
      const key = usv(name);
      this.#list = this.#list.filter(([n, v]) => n !== key || (value !== undefined && v !== usv(value)));
      this.#changed();
    }
    get(name) {
      const key = usv(name);
      const entry = this.#list.find(([n]) => n === key);
      return entry ? entry[1] : null;
    }
    getAll(name) {
      const key = usv(name);
      return this.#list.filter(([n]) => n === key).map(([, v]) => v);
    }
    has(name, value) {
      const key = usv(name);
      return this.#list.some(([n, v]) => n === key && (value === undefined || v === usv(value)));
    }
    set(name, value) {
      const key = usv(name);
      const index = this.#list.findIndex(([n]) => n === key);
      if (index < 0) {
        this.#list.push([key, usv(value)]);
      } else {
        this.#list[index][1] = usv(value);
        this.#list = this.#list.filter(([n], i) => n !== key || i <= index);
      }
      this.#changed();
    }
    sort() {
      // A stable sort by UTF-16 code units of the names, as the standard says.
      this.#list = this.#list
        .map((entry, index) => [entry, index])
        .sort(([a, i], [b, j]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : i - j))
        .map(([entry]) => entry);
      this.#changed();
    }
    forEach(callback, thisArg) {
      for (const [name, value] of this.#list) callback.call(thisArg, value, name, this);
    }
    *entries() {
      for (const [name, value] of this.#list) yield [name, value];
    }
    *keys() {
      for (const [name] of this.#list) yield name;
    }
    *values() {
      for (const [, value] of this.#list) yield value;
    }
    [Symbol.iterator]() {
      return this.entries();
    }
    toString() {
      return this.#list.map(([n, v]) => encodeComponent(n) + "=" + encodeComponent(v)).join("&");
    }
    get [Symbol.toStringTag]() {
      return "URLSearchParams";
    }
  }
  internals.defineGlobal("URLSearchParams", URLSearchParams);

  const objectUrls = new Map();
  internals.resolveObjectURL = (url) => objectUrls.get(String(url));

  class URL {
    #parts;
    #searchParams = null;

    constructor(url, base) {
      if (arguments.length === 0) throw new TypeError('The "url" argument must be specified');
      const parts = host.parseUrl(usv(url), base === undefined ? undefined : usv(base));
      if (parts === null) {
        const error = new TypeError("Invalid URL");
        error.code = "ERR_INVALID_URL";
        error.input = String(url);
        throw error;
      }
      this.#parts = parts;
    }

    static canParse(url, base) {
      return host.parseUrl(usv(url), base === undefined ? undefined : usv(base)) !== null;
    }

    // `new URL` that answers `null` rather than throwing for what does not parse.
    static parse(url, base) {
      return URL.canParse(url, base) ? new URL(url, base) : null;
    }

    // `blob:nodedata:<uuid>` URLs for blobs, kept for the run (`require("buffer").resolveObjectURL` reads them).
    static createObjectURL(blob) {
      if (!(internals.Blob && blob instanceof internals.Blob)) {
        internals.loadPrelude("node/require.js");
        throw internals.invalidArgType("obj", "an instance of Blob", blob);
      }
      const url = `blob:nodedata:${crypto.randomUUID()}`;
      objectUrls.set(url, blob);
      return url;
    }

    static revokeObjectURL(url) {
      objectUrls.delete(String(url));
    }

    #set(setter, value) {
      const parts = host.setUrlPart(this.#parts.href, setter, usv(value));
      if (parts === null) throw new TypeError("Invalid URL");
      this.#parts = parts;
      if (this.#searchParams) {
        this.#searchParams[replaceList](this.#parts.search.slice(1));
      }
    }

    get href() { return this.#parts.href; }
    set href(value) { this.#set("href", value); }
    get origin() { return this.#parts.origin; }
    get protocol() { return this.#parts.protocol; }
    set protocol(value) { this.#set("protocol", value); }
    get username() { return this.#parts.username; }
    set username(value) { this.#set("username", value); }
    get password() { return this.#parts.password; }
    set password(value) { this.#set("password", value); }
    get host() { return this.#parts.host; }
    set host(value) { this.#set("host", value); }
    get hostname() { return this.#parts.hostname; }
    set hostname(value) { this.#set("hostname", value); }
    get port() { return this.#parts.port; }
    set port(value) { this.#set("port", value); }
    get pathname() { return this.#parts.pathname; }
    set pathname(value) { this.#set("pathname", value); }
    get search() { return this.#parts.search; }
    set search(value) { this.#set("search", value); }
    get hash() { return this.#parts.hash; }
    set hash(value) { this.#set("hash", value); }

    get searchParams() {
      if (this.#searchParams === null) {
        this.#searchParams = new URLSearchParams(this.#parts.search);
        this.#searchParams[attachUrl]((query) => {
          const parts = host.setUrlPart(this.#parts.href, "search", query);
          if (parts !== null) this.#parts = parts;
        });
      }
      return this.#searchParams;
    }

    toString() {
      return this.#parts.href;
    }
    toJSON() {
      return this.#parts.href;
    }
    get [Symbol.toStringTag]() {
      return "URL";
    }
  }
  internals.defineGlobal("URL", URL);
});
