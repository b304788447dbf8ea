class HttpError extends Error {
  constructor(status) {
    super(`request failed with ${status}`);
    this.name = "HttpError";
    this.status = status;
  }
}
module.exports = async ({ logger }) => {
  const error = new HttpError(503);
  logger.info(error.stack.split("\n")[0]);
  logger.info(String(error), error instanceof HttpError);
  throw error;
};
