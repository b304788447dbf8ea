module.exports = () =>
  new Promise((resolve) => {
    const order = [];
    setTimeout(() => order.push(20), 20);
    setTimeout(() => order.push(0), 0);
    setTimeout(() => order.push(10), 10);
    setTimeout(() => {
      order.push("0 again");
      Promise.resolve().then(() => order.push("microtask between timers"));
    }, 0);
    setTimeout(() => order.push("0 third"), 0);
    setTimeout(() => resolve({ data: order }), 40);
  });
