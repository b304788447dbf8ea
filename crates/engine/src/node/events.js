// `require("events")`: Node's `EventEmitter` (listeners in order, `once`, `prepend*`, the `newListener`
// and `removeListener` events, an unhandled `error` event thrown, the max-listeners warning count) and the
// `once`/`on` helpers that turn events into a promise and an async iterator. `EventTarget` and `Event` are
// the globals'.
(function (host, internals) {
  "use strict";
  const { invalidArgType, nodeError } = internals;

  const kCapture = Symbol("kCapture");
  let defaultMaxListeners = 10;

  function checkListener(listener) {
    if (typeof listener !== "function") throw invalidArgType("listener", "of type function", listener);
  }

  function EventEmitter(options) {
    EventEmitter.init.call(this, options);
  }

  EventEmitter.init = function init() {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
  };

  Object.defineProperty(EventEmitter, "defaultMaxListeners", {
    enumerable: true,
    get: () => defaultMaxListeners,
    set(value) {
      if (typeof value !== "number" || value < 0 || Number.isNaN(value)) {
        throw internals.outOfRange("defaultMaxListeners", "a non-negative number", value);
      }
      defaultMaxListeners = value;
    },
  });

  const proto = EventEmitter.prototype;
  proto._events = undefined;
  proto._eventsCount = 0;
  proto._maxListeners = undefined;

  proto.setMaxListeners = function setMaxListeners(n) {
    if (typeof n !== "number" || n < 0 || Number.isNaN(n)) throw internals.outOfRange("n", "a non-negative number", n);
    this._maxListeners = n;
    return this;
  };

  proto.getMaxListeners = function getMaxListeners() {
    return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
  };

  proto.emit = function emit(type, ...args) {
    const events = this._events;
    // Listeners on `errorMonitor` see an error event before the error listeners (or the throw).
    if (type === "error" && events !== undefined && events[EventEmitter.errorMonitor] !== undefined) {
      this.emit(EventEmitter.errorMonitor, ...args);
    }
    if (type === "error" && (events === undefined || events.error === undefined)) {
      const error = args[0];
      if (error instanceof Error) throw error;
      const shown = typeof error === "string" ? `'${error}'` : internals.formatArgument(error);
      const unhandled = nodeError(Error, "ERR_UNHANDLED_ERROR", `Unhandled error. (${shown})`);
      unhandled.context = error;
      throw unhandled;
    }
    if (events === undefined) return false;
    const handler = events[type];
    if (handler === undefined) return false;
    if (typeof handler === "function") {
      handler.apply(this, args);
    } else {
      for (const listener of handler.slice()) listener.apply(this, args);
    }
    return true;
  };

  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    let events = target._events;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else if (events.newListener !== undefined) {
      target.emit("newListener", type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    const existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      target._eventsCount++;
    } else if (typeof existing === "function") {
      events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    return target;
  }

  proto.addListener = function (type, listener) {
    return addListener(this, type, listener, false);
  };
  proto.on = proto.addListener;
  proto.prependListener = function prependListener(type, listener) {
    return addListener(this, type, listener, true);
  };

  function onceWrapper(target, type, listener) {
    const state = { fired: false, target, type, listener };
    const wrapped = function (...args) {
      if (!state.fired) {
        state.target.removeListener(state.type, wrapped);
        state.fired = true;
        return state.listener.apply(state.target, args);
      }
    };
    wrapped.listener = listener;
    return wrapped;
  }

  proto.once = function once(type, listener) {
    checkListener(listener);
    this.on(type, onceWrapper(this, type, listener));
    return this;
  };
  proto.prependOnceListener = function prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, onceWrapper(this, type, listener));
    return this;
  };

  proto.removeListener = function removeListener(type, listener) {
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
      if (events.removeListener) this.emit("removeListener", type, list.listener || listener);
    } else if (typeof list !== "function") {
      let position = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          position = i;
          break;
        }
      }
      if (position < 0) return this;
      const [removed] = list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit("removeListener", type, removed.listener || listener);
    }
    return this;
  };
  proto.off = proto.removeListener;

  proto.removeAllListeners = function removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Reflect.ownKeys(events)) {
        if (key !== "removeListener") this.removeAllListeners(key);
      }
      this.removeAllListeners("removeListener");
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === "function") this.removeListener(type, listeners);
    else if (listeners !== undefined) for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    return this;
  };

  function listenersOf(target, type, unwrap) {
    const events = target._events;
    if (events === undefined || events[type] === undefined) return [];
    const list = typeof events[type] === "function" ? [events[type]] : events[type].slice();
    return unwrap ? list.map((listener) => listener.listener || listener) : list;
  }

  proto.listeners = function listeners(type) {
    return listenersOf(this, type, true);
  };
  proto.rawListeners = function rawListeners(type) {
    return listenersOf(this, type, false);
  };
  proto.listenerCount = function listenerCount(type) {
    return listenersOf(this, type, false).length;
  };
  proto.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  // `events.once(emitter, name)`: a promise for the arguments of the next `name` event, rejected by an
  // `error` event first (for an EventTarget, the next event).
  function once(emitter, name, options = {}) {
    const signal = options && options.signal;
    return new Promise((resolve, reject) => {
      if (signal && signal.aborted) {
        reject(new DOMException("The operation was aborted", "AbortError"));
        return;
      }
      if (typeof emitter.addEventListener === "function" && typeof emitter.on !== "function") {
        emitter.addEventListener(name, (event) => resolve([event]), { once: true });
        return;
      }
      const onError = (error) => {
        emitter.removeListener(name, onEvent);
        reject(error);
      };
      const onEvent = (...args) => {
        if (name !== "error") emitter.removeListener("error", onError);
        resolve(args);
      };
      emitter.once(name, onEvent);
      if (name !== "error") emitter.once("error", onError);
      if (signal) {
        signal.addEventListener("abort", () => {
          emitter.removeListener(name, onEvent);
          emitter.removeListener("error", onError);
          reject(new DOMException("The operation was aborted", "AbortError"));
        }, { once: true });
      }
    });
  }

  // `events.on(emitter, name)`: an async iterator over the arguments of each `name` event; an `error`
  // event ends it with that error.
  function on(emitter, name, options = {}) {
    const queued = [];
    const waiting = [];
    let failure = null;
    let finished = false;
    const onEvent = (...args) => {
      if (waiting.length > 0) waiting.shift().resolve({ value: args, done: false });
      else queued.push(args);
    };
    const onError = (error) => {
      finished = true;
      if (waiting.length > 0) waiting.shift().reject(error);
      else failure = error;
      stop();
    };
    const stop = () => {
      emitter.removeListener(name, onEvent);
      emitter.removeListener("error", onError);
      for (const pending of waiting.splice(0)) pending.resolve({ value: undefined, done: true });
    };
    emitter.on(name, onEvent);
    if (name !== "error") emitter.on("error", onError);
    const signal = options && options.signal;
    if (signal) signal.addEventListener("abort", () => onError(new DOMException("The operation was aborted", "AbortError")), { once: true });
    return {
      next() {
        if (queued.length > 0) return Promise.resolve({ value: queued.shift(), done: false });
        if (failure) {
          const error = failure;
          failure = null;
          return Promise.reject(error);
        }
        if (finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        finished = true;
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(error) {
        onError(error);
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  function listenerCount(emitter, type) {
    return emitter.listenerCount(type);
  }

  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.once = once;
  EventEmitter.on = on;
  EventEmitter.listenerCount = listenerCount;
  EventEmitter.captureRejectionSymbol = Symbol.for("nodejs.rejection");
  EventEmitter.errorMonitor = Symbol("events.errorMonitor");
  EventEmitter.usingDomains = false;
  EventEmitter[kCapture] = false;
  Object.defineProperty(EventEmitter, "EventTarget", { get: () => globalThis.EventTarget, enumerable: true });
  Object.defineProperty(EventEmitter, "Event", { get: () => globalThis.Event, enumerable: true });

  internals.defineModule("events", EventEmitter);
});
