// `require("events")`: EventEmitter ordering, once/prepend, removal, the `newListener` event, an
// unhandled `error` event, and the `once`/`on` helpers.
const EventEmitter = require("events");
const { once, on } = require("node:events");
const caught = (thunk) => {
  try {
    return thunk();
  } catch (error) {
    return { name: error.name, code: error.code, message: error.message };
  }
};
class Job extends EventEmitter {}
module.exports = async () => {
  const job = new Job();
  const seen = [];
  job.on("newListener", (name) => seen.push(`new:${String(name)}`));
  const log = (tag) => (...args) => seen.push(`${tag}:${args.join(",")}`);
  job.on("step", log("a"));
  job.prependListener("step", log("first"));
  job.once("step", log("once"));
  const removed = log("removed");
  job.on("step", removed);
  job.off("step", removed);
  const emitted = [job.emit("step", 1, 2), job.emit("step", 3), job.emit("nothing")];
  const later = (async () => {
    const [value] = await once(job, "done");
    return value;
  })();
  setTimeout(() => job.emit("done", "finished"), 1);
  const ticks = new EventEmitter();
  setTimeout(() => {
    ticks.emit("tick", 1);
    ticks.emit("tick", 2);
    ticks.emit("tick", 3);
  }, 1);
  const values = [];
  for await (const [value] of on(ticks, "tick")) {
    values.push(value);
    if (value === 3) break;
  }
  const failing = new EventEmitter();
  failing.on(EventEmitter.errorMonitor, (error) => seen.push(`monitor:${error.message}`));
  const rejected = once(failing, "ready").catch((error) => error.message);
  failing.emit("error", new Error("connection lost"));
  return {
    data: {
      seen,
      emitted,
      counts: [job.listenerCount("step"), job.listeners("step").length, job.eventNames()],
      done: await later,
      values,
      rejected: await rejected,
      unhandledError: caught(() => new EventEmitter().emit("error", new Error("boom"))),
      unhandledValue: caught(() => new EventEmitter().emit("error", "boom")),
      badListener: caught(() => new EventEmitter().on("x", 42)),
      maxListeners: [EventEmitter.defaultMaxListeners, new EventEmitter().setMaxListeners(3).getMaxListeners()],
      isEmitter: job instanceof EventEmitter && EventEmitter.EventEmitter === EventEmitter,
      removeAll: job.removeAllListeners("step").listenerCount("step"),
    },
  };
};
