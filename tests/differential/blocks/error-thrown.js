module.exports = async ({ logger }, stepResults) => {
  logger.info("about to fail");
  if (!stepResults.required) {
    throw new Error("stepResults.required is missing");
  }
  return { data: 1 };
};
