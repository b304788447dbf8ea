module.exports = async () => {
  const seen = [];
  const cancelled = setTimeout(() => seen.push("cancelled"), 5);
  clearTimeout(cancelled);
  setTimeout((a, b) => seen.push(`args ${a} ${b}`), 1, "x", 2);
  let ticks = 0;
  await new Promise((resolve) => {
    const id = setInterval(() => {
      ticks += 1;
      seen.push(`tick ${ticks}`);
      if (ticks === 3) {
        clearInterval(id);
        resolve();
      }
    }, 10);
  });
  await new Promise((resolve) => setTimeout(resolve, 30));
  return { data: seen };
};
