module.exports = async ({ logger }) => {
  logger.debug("debug line");
  logger.info("info line", { n: 1 });
  logger.warn("warn line");
  logger.error("error line");
  logger.log("log is info");
  logger.trace("trace line");
  logger.metric({ name: "processed", value: 3 });
  return { data: true };
};
