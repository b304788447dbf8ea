// `DOMException`, `Event`, `CustomEvent`, `EventTarget`, `AbortController` and `AbortSignal` (with `timeout`
// and `any`), as Node 20 has them.
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
    #message;
    constructor(message = "", options = "Error") {
      // The message is an accessor on the prototype, as in Node, not the own property Error would give.
      super();
      this.#message = String(message);
      this.#name = typeof options === "object" && options !== null ? String(options.name ?? "Error") : String(options);
      if (typeof options === "object" && options !== null && "cause" in options) {
        Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
      }
    }
    get name() {
      return this.#name;
    }
    get message() {
      return this.#message;
    }
    get code() {
      return legacyCodes[this.#name] ?? 0;
    }
    get [Symbol.toStringTag]() {
      return "DOMException";
    }
  }
  // The legacy code constants (ABORT_ERR = 20, …), on the constructor and its prototype.
  const legacyConstants = {
    INDEX_SIZE_ERR: 1, DOMSTRING_SIZE_ERR: 2, HIERARCHY_REQUEST_ERR: 3, WRONG_DOCUMENT_ERR: 4,
    INVALID_CHARACTER_ERR: 5, NO_DATA_ALLOWED_ERR: 6, NO_MODIFICATION_ALLOWED_ERR: 7, NOT_FOUND_ERR: 8,
    NOT_SUPPORTED_ERR: 9, INUSE_ATTRIBUTE_ERR: 10, INVALID_STATE_ERR: 11, SYNTAX_ERR: 12,
    INVALID_MODIFICATION_ERR: 13, NAMESPACE_ERR: 14, INVALID_ACCESS_ERR: 15, VALIDATION_ERR: 16,
    TYPE_MISMATCH_ERR: 17, SECURITY_ERR: 18, NETWORK_ERR: 19, ABORT_ERR: 20, URL_MISMATCH_ERR: 21,
    QUOTA_EXCEEDED_ERR: 22, TIMEOUT_ERR: 23, INVALID_NODE_TYPE_ERR: 24, DATA_CLONE_ERR: 25,
  };
  for (const [name, value] of Object.entries(legacyConstants)) {
    Object.defineProperty(DOMException, name, { value, enumerable: true });
    Object.defineProperty(DOMException.prototype, name, { value, enumerable: true });
  }
  internals.defineGlobal("DOMException", DOMException);

  // What EventTarget's dispatch changes on an event while it runs (set by Event's static block, so only this
  // file can).
  let dispatchState;

  function missingArgument(name) {
    const error = new TypeError(`The "${name}" argument must be specified`);
    error.code = "ERR_MISSING_ARGS";
    return error;
  }

  // An event as Node's (lib/internal/event_target.js): a target has no parents, so an event is only ever at
  // its target (phase AT_TARGET while listeners run, NONE otherwise) and bubbling changes nothing.
  class Event {
    #type;
    #bubbles;
    #cancelable;
    #composed;
    #defaultPrevented = false;
    #propagationStopped = false;
    #target = null;
    #currentTarget = null;
    #timeStamp = host.now();
    #trusted = false;
    constructor(type, options = {}) {
      if (arguments.length === 0) throw missingArgument("type");
      this.#type = String(type);
      this.#bubbles = Boolean(options && options.bubbles);
      this.#cancelable = Boolean(options && options.cancelable);
      this.#composed = Boolean(options && options.composed);
    }
    get type() { return this.#type; }
    get bubbles() { return this.#bubbles; }
    get cancelable() { return this.#cancelable; }
    get composed() { return this.#composed; }
    get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
    get returnValue() { return !this.defaultPrevented; }
    get eventPhase() { return this.#currentTarget === null ? Event.NONE : Event.AT_TARGET; }
    get isTrusted() { return this.#trusted; }
    get target() { return this.#target; }
    get currentTarget() { return this.#currentTarget; }
    get srcElement() { return this.#target; }
    get timeStamp() { return this.#timeStamp; }
    get cancelBubble() { return this.#propagationStopped; }
    set cancelBubble(value) {
      if (value) this.stopPropagation();
    }
    composedPath() {
      return this.#currentTarget === null ? [] : [this.#currentTarget];
    }
    initEvent(type, bubbles = false, cancelable = false) {
      if (arguments.length === 0) throw missingArgument("type");
      if (this.#currentTarget !== null) return;
      this.#type = String(type);
      this.#bubbles = Boolean(bubbles);
      this.#cancelable = Boolean(cancelable);
    }
    preventDefault() {
      this.#defaultPrevented = true;
    }
    stopPropagation() {
      this.#propagationStopped = true;
    }
    stopImmediatePropagation() {
      this.#propagationStopped = true;
      dispatchState.immediatelyStopped.add(this);
    }
    get [Symbol.toStringTag]() {
      return "Event";
    }
    static {
      dispatchState = {
        immediatelyStopped: new WeakSet(),
        isDispatching: (event) => event.#currentTarget !== null,
        begin(event, target) {
          event.#target = target;
          event.#currentTarget = target;
        },
        end(event) {
          event.#currentTarget = null;
        },
        trust(event) {
          event.#trusted = true;
          return event;
        },
      };
    }
  }
  for (const [name, value] of [["NONE", 0], ["CAPTURING_PHASE", 1], ["AT_TARGET", 2], ["BUBBLING_PHASE", 3]]) {
    Object.defineProperty(Event, name, { value, enumerable: true });
  }
  internals.defineGlobal("Event", Event);

  class CustomEvent extends Event {
    #detail;
    constructor(type, options = {}) {
      if (arguments.length === 0) throw missingArgument("type");
      super(type, options);
      this.#detail = options && options.detail !== undefined ? options.detail : null;
    }
    get detail() {
      return this.#detail;
    }
    get [Symbol.toStringTag]() {
      return "CustomEvent";
    }
  }
  internals.defineGlobal("CustomEvent", CustomEvent);

  // `capture` given as a boolean or in an options object: a listener is one per (type, callback, capture).
  function captureOf(options) {
    return typeof options === "boolean" ? options : Boolean(options && options.capture);
  }

  class EventTarget {
    #listeners = new Map(); // type → [{ listener, capture, once, removed }]
    addEventListener(type, listener, options = {}) {
      if (arguments.length < 2) throw missingArgument(arguments.length === 0 ? "type" : "listener");
      if (listener == null) return;
      const key = String(type);
      const capture = captureOf(options);
      const once = typeof options === "object" && options !== null && Boolean(options.once);
      const signal = typeof options === "object" && options !== null ? options.signal : undefined;
      if (signal && signal.aborted) return;
      const list = this.#listeners.get(key) ?? [];
      if (list.some((entry) => entry.listener === listener && entry.capture === capture)) return;
      list.push({ listener, capture, once, removed: false });
      this.#listeners.set(key, list);
      if (signal) {
        signal.addEventListener("abort", () => this.removeEventListener(key, listener, { capture }), { once: true });
      }
    }
    removeEventListener(type, listener, options = {}) {
      const key = String(type);
      const capture = captureOf(options);
      const list = this.#listeners.get(key);
      if (!list) return;
      const index = list.findIndex((entry) => entry.listener === listener && entry.capture === capture);
      if (index === -1) return;
      list[index].removed = true;
      list.splice(index, 1);
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) {
        // Node's coded argument errors live with `require` (node/require.js), loaded only for this mistake.
        internals.loadPrelude("node/require.js");
        throw internals.invalidArgType("event", "an instance of Event", event);
      }
      if (dispatchState.isDispatching(event)) {
        throw new DOMException("The event is already being dispatched", "InvalidStateError");
      }
      dispatchState.begin(event, this);
      try {
        for (const entry of [...(this.#listeners.get(event.type) ?? [])]) {
          if (entry.removed) continue;
          if (entry.once) this.removeEventListener(event.type, entry.listener, { capture: entry.capture });
          callListener(this, entry.listener, event);
          if (dispatchState.immediatelyStopped.has(event)) break;
        }
      } finally {
        dispatchState.end(event);
      }
      return !event.defaultPrevented;
    }
    get [Symbol.toStringTag]() {
      return "EventTarget";
    }
  }
  internals.defineGlobal("EventTarget", EventTarget);

  // A listener that throws does not stop the others: as in Node, its error is reported as uncaught, after the
  // dispatch.
  function callListener(target, listener, event) {
    try {
      if (typeof listener === "function") listener.call(target, event);
      else if (listener && typeof listener.handleEvent === "function") listener.handleEvent(event);
    } catch (error) {
      host.queueMicrotask(() => {
        throw error;
      });
    }
  }

  const createSignal = Symbol("createSignal");
  const abortSignal = Symbol("abortSignal");

  class AbortSignal extends EventTarget {
    #aborted = false;
    #reason = undefined;
    #onabort = null;
    constructor(key) {
      super();
      if (key !== createSignal) throw new TypeError("Illegal constructor");
      // The `onabort` handler runs as a listener registered first.
      this.addEventListener("abort", (event) => {
        if (this.#onabort !== null) this.#onabort.call(this, event);
      });
    }
    get onabort() {
      return this.#onabort;
    }
    set onabort(handler) {
      this.#onabort = typeof handler === "function" ? handler : null;
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
      this.dispatchEvent(dispatchState.trust(new Event("abort")));
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
    get [Symbol.toStringTag]() {
      return "AbortSignal";
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
    get [Symbol.toStringTag]() {
      return "AbortController";
    }
  }
  internals.defineGlobal("AbortController", AbortController);
});
