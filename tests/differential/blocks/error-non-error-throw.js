module.exports = async () => {
  throw { code: 42, reason: "an object, not an Error" };
};
