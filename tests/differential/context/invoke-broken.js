// The trigger of the flow "Broken" (context.test.mjs): fails, so its webhook answers 500.
module.exports = async () => {
  throw new Error("no orders today");
};
