module.exports = async ({ logger }) => {
  logger.info("é".repeat(5000));
  for (let i = 0; i < 10005; i++) logger.debug(i);
  return { data: "many lines" };
};
