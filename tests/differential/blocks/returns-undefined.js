module.exports = async ({ logger }) => {
  logger.info("nothing to return");
};
