module.exports = async ({ logger }, stepResults) => {
  const { foo, baz } = stepResults.getDataFromApi.results;
  logger.info(`foo=${foo}`, baz);
  return { data: { foo: foo.toUpperCase(), baz: baz * 2, keys: Object.keys(stepResults) } };
};
