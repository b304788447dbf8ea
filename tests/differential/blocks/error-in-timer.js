module.exports = () =>
  new Promise((resolve) => {
    setTimeout(() => {
      throw new RangeError("from a timer");
    }, 1);
    setTimeout(resolve, 50);
  });
