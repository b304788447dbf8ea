class ValidationError extends Error {
  constructor(field) {
    super(`${field} is invalid`);
    this.name = "ValidationError";
    this.field = field;
  }
}
module.exports = async () => {
  try {
    throw new ValidationError("email");
  } catch (error) {
    if (!(error instanceof ValidationError) || !(error instanceof Error)) throw new Error("wrong class");
  }
  throw new ValidationError("phone");
};
