module.exports = async ({ logger }) => {
  const order = [];
  async function a() {
    order.push("a start");
    await null;
    order.push("a after await");
    await b();
    order.push("a end");
  }
  async function b() {
    order.push("b");
  }
  const p = a();
  Promise.resolve()
    .then(() => order.push("then 1"))
    .then(() => order.push("then 2"))
    .then(() => order.push("then 3"));
  order.push("sync end");
  await p;
  await new Promise((resolve) => setTimeout(resolve, 0));
  logger.info(order.join(" | "));
  return { data: order };
};
