module.exports = async ({ logger }) => {
  const caught = [];
  for (const attempt of [
    () => null.x,
    () => undefinedFunction(),
    () => JSON.parse("{bad"),
    () => new Array(-1),
    () => decodeURIComponent("%"),
  ]) {
    try {
      attempt();
    } catch (error) {
      caught.push(error.name);
      logger.warn(error.name);
    }
  }
  return { data: caught };
};
