module.exports = async () => {
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 15));
  const elapsed = performance.now() - start;
  return { data: { type: typeof start, waited: elapsed >= 10 && elapsed < 2000 } };
};
