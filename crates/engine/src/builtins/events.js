// `DOMException`, `Event`, `EventTarget`, `AbortController` and `AbortSignal` (with `timeout` and
// `any`), enough for cancelling a `fetch`.
(function (host, internals) {
  "use strict";

  const legacyCodes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
  };

  class DOMException extends Error {
    #name;
    constructor(message = "", options = "Error") {
      super(String(message));
      this.#name = typeof options === "object" && options !== null ? String(options.name ?? "Error") : String(options);
      if (typeof options === "object" && options !== null && "cause" in options) {
        Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
      }
    }
    get name() {
      return this.#name;
    }
    get code() {
      return legacyCodes[this.#name] ?? 0;
    }
  }
  internals.defineGlobal("DOMException", DOMException);

  class Event {
    #type;
    #defaultPrevented = false;
    constructor(type, options = {}) {
      this.#type = String(type);
      this.cancelable = Boolean(options && options.cancelable);
      this.target = null;
      this.currentTarget = null;
      this.timeStamp = host.now();
    }
    get type() {
      return this.#type;
    }
    get defaultPrevented() {
      return this.#defaultPrevented;
    }
    preventDefault() {
      if (this.cancelable) this.#defaultPrevented = true;
    }
    stopPropagation() {}
    stopImmediatePropagation() {}
  }
  internals.defineGlobal("Event", Event);

  class EventTarget {
    #listeners = new Map();
    addEventListener(type, listener, options) {
      if (listener == null) return;
      const once = typeof options === "object" && options !== null && Boolean(options.once);
      const list = this.#listeners.get(type) ?? [];
      if (!list.some((entry) => entry.listener === listener)) list.push({ listener, once });
      this.#listeners.set(type, list);
    }
    removeEventListener(type, listener) {
      const list = this.#listeners.get(type);
      if (list) this.#listeners.set(type, list.filter((entry) => entry.listener !== listener));
    }
    dispatchEvent(event) {
      event.target = this;
      event.currentTarget = this;
      const handler = this["on" + event.type];
      if (typeof handler === "function") handler.call(this, event);
      for (const entry of [...(this.#listeners.get(event.type) ?? [])]) {
        if (entry.once) this.removeEventListener(event.type, entry.listener);
        if (typeof entry.listener === "function") entry.listener.call(this, event);
        else if (entry.listener && typeof entry.listener.handleEvent === "function") entry.listener.handleEvent(event);
      }
      return !event.defaultPrevented;
    }
  }
  internals.defineGlobal("EventTarget", EventTarget);

  const createSignal = Symbol("createSignal");
  const abortSignal = Symbol("abortSignal");

  class AbortSignal extends EventTarget {
    #aborted = false;
    #reason = undefined;
    constructor(key) {
      super();
      if (key !== createSignal) throw new TypeError("Illegal constructor");
      this.onabort = null;
    }
    get aborted() {
      return this.#aborted;
    }
    get reason() {
      return this.#reason;
    }
    throwIfAborted() {
      if (this.#aborted) throw this.#reason;
    }
    [abortSignal](reason) {
      if (this.#aborted) return;
      this.#aborted = true;
      this.#reason = reason === undefined ? new DOMException("This operation was aborted", "AbortError") : reason;
      this.dispatchEvent(new Event("abort"));
    }
    static abort(reason) {
      const signal = new AbortSignal(createSignal);
      signal[abortSignal](reason);
      return signal;
    }
    static timeout(milliseconds) {
      const signal = new AbortSignal(createSignal);
      internals.setBackgroundTimer(() => {
        signal[abortSignal](new DOMException("The operation was aborted due to timeout", "TimeoutError"));
      }, Number(milliseconds));
      return signal;
    }
    static any(signals) {
      const signal = new AbortSignal(createSignal);
      for (const source of signals) {
        if (source.aborted) {
          signal[abortSignal](source.reason);
          return signal;
        }
      }
      for (const source of signals) {
        source.addEventListener("abort", () => signal[abortSignal](source.reason), { once: true });
      }
      return signal;
    }
  }
  internals.defineGlobal("AbortSignal", AbortSignal);

  class AbortController {
    #signal = new AbortSignal(createSignal);
    get signal() {
      return this.#signal;
    }
    abort(reason) {
      this.#signal[abortSignal](reason);
    }
  }
  internals.defineGlobal("AbortController", AbortController);
});
