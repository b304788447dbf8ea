module.exports = async ({ logger }) => {
  const order = [];
  setTimeout(() => order.push("timeout 0"), 0);
  setTimeout(() => order.push("timeout 5"), 5);
  Promise.resolve().then(() => order.push("promise"));
  queueMicrotask(() => order.push("microtask"));
  order.push("sync");
  await new Promise((resolve) => setTimeout(resolve, 20));
  logger.info("order", order);
  return { data: order };
};
