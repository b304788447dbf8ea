module.exports = async () => {
  const controller = new AbortController();
  const events = [];
  controller.signal.addEventListener("abort", () => events.push("listener"));
  controller.signal.onabort = () => events.push("onabort");
  controller.abort();
  controller.abort();
  const custom = AbortSignal.abort("because");
  let thrown;
  try {
    controller.signal.throwIfAborted();
  } catch (error) {
    thrown = error.name;
  }
  const timed = AbortSignal.timeout(5);
  await new Promise((resolve) => setTimeout(resolve, 30));
  return {
    data: {
      aborted: controller.signal.aborted,
      reason: [controller.signal.reason.name, controller.signal.reason.message],
      events: events.sort(),
      custom: custom.reason,
      thrown,
      timed: [timed.aborted, timed.reason && timed.reason.name],
    },
  };
};
