// Event, CustomEvent and EventTarget as Node 20 has them: phases, listener options (once, capture, signal),
// handleEvent objects, stopImmediatePropagation, preventDefault, trusted abort events and Node's coded errors.
module.exports = async () => {
  const log = [];
  const target = new EventTarget();
  const event = new Event("ping", { bubbles: true, cancelable: true });
  function first(current) {
    log.push(["first", current.eventPhase, current.target === target, current.currentTarget === target,
      current.composedPath().length, current.srcElement === target, current.cancelBubble]);
    current.preventDefault();
    current.stopImmediatePropagation();
  }
  target.addEventListener("ping", first);
  target.addEventListener("ping", first);
  target.addEventListener("ping", () => log.push("never: stopped before"));
  const notCancelled = target.dispatchEvent(event);
  log.push(["after", notCancelled, event.defaultPrevented, event.returnValue, event.eventPhase, event.currentTarget,
    event.target === target, event.cancelBubble, event.composedPath()]);

  const other = new EventTarget();
  const controller = new AbortController();
  let count = 0;
  other.addEventListener("x", () => count++, { signal: controller.signal });
  other.addEventListener("x", { handleEvent: (current) => log.push(["handleEvent", current.type]) });
  other.addEventListener("x", () => (count += 10), { once: true });
  other.dispatchEvent(new Event("x"));
  controller.abort();
  other.dispatchEvent(new Event("x"));
  log.push(["count", count]);

  const custom = new CustomEvent("custom", { detail: { id: 7 } });
  log.push(["custom", custom.detail, custom.type, custom instanceof Event, String(custom), String(event),
    new CustomEvent("empty").detail]);
  const uncancelable = new Event("y");
  uncancelable.preventDefault();
  log.push(["uncancelable", uncancelable.defaultPrevented, uncancelable.returnValue]);
  const reused = new Event("y", { cancelable: true });
  reused.initEvent("z", true, true);
  reused.cancelBubble = true;
  log.push(["initEvent", reused.type, reused.bubbles, reused.cancelable, reused.cancelBubble]);
  log.push(["constants", Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE, event.isTrusted,
    event.composed, typeof event.timeStamp]);

  for (const attempt of [() => target.dispatchEvent({ type: "x" }), () => new Event()]) {
    try {
      attempt();
    } catch (error) {
      log.push([error.name, error.code, error.message]);
    }
  }

  const capturing = new EventTarget();
  const onCapture = () => log.push("capture listener");
  capturing.addEventListener("c", onCapture, true);
  capturing.addEventListener("c", onCapture);
  capturing.removeEventListener("c", onCapture);
  capturing.dispatchEvent(new Event("c"));

  const aborter = new AbortController();
  aborter.signal.onabort = (current) => log.push(["onabort", current.isTrusted, current.type]);
  aborter.signal.addEventListener("abort", (current) => log.push(["abort listener", current.isTrusted, current instanceof Event]));
  aborter.abort("why");
  log.push(["reason", aborter.signal.reason, typeof aborter.signal.onabort]);

  const domException = new DOMException("gone", "NotFoundError");
  log.push(["DOMException", domException.name, domException.message, domException.code, DOMException.NOT_FOUND_ERR,
    domException.ABORT_ERR, Object.keys(domException), String(domException), domException instanceof Error]);
  return { data: log };
};
