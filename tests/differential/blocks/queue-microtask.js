module.exports = async () => {
  const order = [];
  queueMicrotask(() => order.push("q1"));
  Promise.resolve().then(() => {
    order.push("p1");
    queueMicrotask(() => order.push("q3"));
  });
  queueMicrotask(() => order.push("q2"));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { data: order };
};
