function* fibonacci() {
  let [a, b] = [0, 1];
  while (true) {
    yield a;
    [a, b] = [b, a + b];
  }
}
function* take(iterable, n) {
  for (const value of iterable) {
    if (n-- <= 0) return;
    yield value;
  }
}
async function* pages() {
  for (let page = 1; page <= 3; page++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    yield { page, items: [page * 10, page * 10 + 1] };
  }
}
module.exports = async () => {
  const items = [];
  for await (const page of pages()) items.push(...page.items);
  const gen = fibonacci();
  const manual = [gen.next(), gen.next(), gen.return(99), gen.next()];
  return {
    data: {
      fib: [...take(fibonacci(), 10)],
      items,
      manual,
      spreadMap: [...new Map([["a", 1]]).entries()],
    },
  };
};
