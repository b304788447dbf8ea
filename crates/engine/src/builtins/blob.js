// `Blob`, `File` and `FormData` as in Node 20 (undici's), without streams: a blob holds its bytes whole. Also
// the multipart/form-data encoding `fetch` sends a FormData body in, byte for byte as undici writes it, and the
// parser behind `Response.prototype.formData()`.
(function (host, internals) {
  "use strict";

  function usv(value) {
    const text = String(value);
    return typeof text.toWellFormed === "function" ? text.toWellFormed() : text;
  }

  // A blob's `type`: lower-cased, or empty when it holds anything but printable ASCII (as the File API says).
  function normalizeType(type) {
    const text = String(type);
    return /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : "";
  }

  // A blob's bytes, for this file's own use (set by Blob's static block: only Blob's code can read them).
  let blobBytes;

  function bytesOfPart(part) {
    if (part instanceof Blob) return blobBytes(part);
    const bytes = internals.toBytes(part);
    if (bytes !== null) return bytes;
    return internals.utf8Encode(usv(part));
  }

  // Where `relative` (possibly negative) points in a span of `size`, as `Array.prototype.slice` reads it.
  function clampIndex(relative, size) {
    const index = Math.trunc(Number(relative)) || 0;
    return index < 0 ? Math.max(size + index, 0) : Math.min(index, size);
  }

  class Blob {
    #bytes;
    #type;
    constructor(blobParts = [], options = {}) {
      if (blobParts === null || typeof blobParts !== "object" || typeof blobParts[Symbol.iterator] !== "function") {
        throw new TypeError("Blob constructor: Argument 1 could not be converted to: Sequence.");
      }
      const parts = [...blobParts].map(bytesOfPart);
      const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.length;
      }
      this.#bytes = bytes;
      this.#type = options && options.type !== undefined ? normalizeType(options.type) : "";
    }
    get size() {
      return this.#bytes.length;
    }
    get type() {
      return this.#type;
    }
    slice(start = 0, end = this.size, contentType = "") {
      const from = clampIndex(start, this.size);
      const to = Math.max(clampIndex(end, this.size), from);
      return new Blob([this.#bytes.subarray(from, to)], { type: contentType });
    }
    async text() {
      return internals.utf8Decode(this.#bytes);
    }
    async arrayBuffer() {
      return this.#bytes.slice().buffer;
    }
    async bytes() {
      return this.#bytes.slice();
    }
    get [Symbol.toStringTag]() {
      return "Blob";
    }
    static {
      blobBytes = (blob) => blob.#bytes;
    }
  }

  class File extends Blob {
    #name;
    #lastModified;
    constructor(fileBits, fileName, options = {}) {
      if (arguments.length < 2) {
        throw new TypeError(`File constructor: 2 arguments required, but only ${arguments.length} present.`);
      }
      super(fileBits, options);
      this.#name = usv(fileName);
      this.#lastModified = options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
    }
    get name() {
      return this.#name;
    }
    get lastModified() {
      return this.#lastModified;
    }
    get [Symbol.toStringTag]() {
      return "File";
    }
  }

  // A FormData entry's value: a string, or a File (a Blob becomes one named "blob" or `filename`).
  function entryValue(value, filename) {
    if (!(value instanceof Blob)) return usv(value);
    if (value instanceof File && filename === undefined) return value;
    const name = filename !== undefined ? usv(filename) : value instanceof File ? value.name : "blob";
    const options = { type: value.type };
    if (value instanceof File) options.lastModified = value.lastModified;
    return new File([value], name, options);
  }

  class FormData {
    #entries = [];
    constructor(form) {
      if (form !== undefined) throw new TypeError("FormData constructor: Argument 1 could not be converted to: undefined.");
    }
    append(name, value, filename) {
      this.#entries.push([usv(name), entryValue(value, filename)]);
    }
    set(name, value, filename) {
      const key = usv(name);
      const entry = [key, entryValue(value, filename)];
      const first = this.#entries.findIndex(([entryName]) => entryName === key);
      if (first === -1) {
        this.#entries.push(entry);
      } else {
        this.#entries = this.#entries.filter(([entryName], index) => index === first || entryName !== key);
        this.#entries[first] = entry;
      }
    }
    delete(name) {
      const key = usv(name);
      this.#entries = this.#entries.filter(([entryName]) => entryName !== key);
    }
    get(name) {
      const key = usv(name);
      const entry = this.#entries.find(([entryName]) => entryName === key);
      return entry ? entry[1] : null;
    }
    getAll(name) {
      const key = usv(name);
      return this.#entries.filter(([entryName]) => entryName === key).map(([, value]) => value);
    }
    has(name) {
      const key = usv(name);
      return this.#entries.some(([entryName]) => entryName === key);
    }
    forEach(callback, thisArg) {
      if (typeof callback !== "function") {
        throw new TypeError("FormData.forEach: Argument 1 could not be converted to: Function.");
      }
      for (const [name, value] of this) callback.call(thisArg, value, name, this);
    }
    *entries() {
      for (let i = 0; i < this.#entries.length; i++) yield [...this.#entries[i]];
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
      return "FormData";
    }
  }

  // multipart/form-data as undici writes it: a random boundary, names and file names with line breaks made
  // CRLF and then `\r`, `\n` and `"` percent-escaped, string values with their line breaks made CRLF.
  const crlf = (text) => text.replace(/\r(?!\n)|(?<!\r)\n/g, "\r\n");
  const escapeName = (text) => crlf(text).replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");

  function encodeMultipart(formData) {
    const boundary = `----formdata-undici-0${String(Math.floor(Math.random() * 1e11)).padStart(11, "0")}`;
    const chunks = [];
    const text = (value) => chunks.push(internals.utf8Encode(value));
    for (const [name, value] of formData) {
      text(`--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`);
      if (typeof value === "string") {
        text(`\r\n\r\n${crlf(value)}\r\n`);
      } else {
        text(`; filename="${escapeName(value.name)}"\r\nContent-Type: ${value.type || "application/octet-stream"}\r\n\r\n`);
        chunks.push(blobBytes(value));
        text("\r\n");
      }
    }
    text(`--${boundary}--\r\n`);
    return { bytes: blobBytes(new Blob(chunks)), type: `multipart/form-data; boundary=${boundary}` };
  }

  // A body given to Request, Response or fetch that is a Blob or a FormData: its bytes and the content type it
  // implies (null when it implies none); `null` for any other body.
  internals.blobOrFormBody = function blobOrFormBody(body) {
    if (body instanceof FormData) return encodeMultipart(body);
    if (body instanceof Blob) return { bytes: blobBytes(body).slice(), type: body.type === "" ? null : body.type };
    return null;
  };

  internals.bytesToBlob = (bytes, type) => new Blob([bytes], { type });

  const unparsable = () => new TypeError("Failed to parse body as FormData.");

  // One `name="value"` parameter of a Content-Disposition header, percent-escapes undone as undici does.
  function dispositionParameter(header, parameter) {
    const match = new RegExp(`;\\s*${parameter}="([^"]*)"`, "i").exec(header);
    return match ? match[1].replace(/%0A/gi, "\n").replace(/%0D/gi, "\r").replace(/%22/g, '"') : undefined;
  }

  function indexOfBytes(haystack, needle, from) {
    outer: for (let i = from; i <= haystack.length - needle.length; i++) {
      for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  function parseMultipart(bytes, boundary) {
    const formData = new FormData();
    const delimiter = internals.utf8Encode(`--${boundary}`);
    let position = indexOfBytes(bytes, delimiter, 0);
    if (position === -1) throw unparsable();
    for (;;) {
      position += delimiter.length;
      if (bytes[position] === 45 && bytes[position + 1] === 45) return formData; // "--": the closing delimiter
      const headersEnd = indexOfBytes(bytes, internals.utf8Encode("\r\n\r\n"), position);
      const next = indexOfBytes(bytes, internals.utf8Encode(`\r\n--${boundary}`), headersEnd);
      if (headersEnd === -1 || next === -1) throw unparsable();
      const headers = internals.utf8Decode(bytes.subarray(position + 2, headersEnd)).split("\r\n");
      const header = (wanted) => {
        const line = headers.find((candidate) => candidate.toLowerCase().startsWith(`${wanted}:`));
        return line === undefined ? undefined : line.slice(wanted.length + 1).trim();
      };
      const disposition = header("content-disposition") ?? "";
      const name = dispositionParameter(disposition, "name");
      if (name === undefined) throw unparsable();
      const content = bytes.subarray(headersEnd + 4, next);
      const filename = dispositionParameter(disposition, "filename");
      if (filename === undefined) {
        formData.append(name, internals.utf8Decode(content));
      } else {
        formData.append(name, new File([content], filename, { type: header("content-type") ?? "text/plain" }));
      }
      position = next + 2;
    }
  }

  // `Body.formData()`: a multipart or URL-encoded body, by its content type, as undici reads them.
  internals.parseFormData = function parseFormData(bytes, contentType) {
    const type = String(contentType ?? "").toLowerCase();
    if (type.startsWith("multipart/form-data")) {
      const boundary = /;\s*boundary=("?)([^";]+)\1/i.exec(String(contentType));
      if (!boundary) throw unparsable();
      return parseMultipart(bytes, boundary[2]);
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      const formData = new FormData();
      for (const [name, value] of new URLSearchParams(internals.utf8Decode(bytes))) formData.append(name, value);
      return formData;
    }
    throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
  };

  internals.Blob = Blob;
  internals.File = File;
  internals.defineGlobal("Blob", Blob);
  internals.defineGlobal("File", File);
  internals.defineGlobal("FormData", FormData);
});
