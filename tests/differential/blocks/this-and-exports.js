// CommonJS details: `exports` is the argument, and a block may set module.exports late.
const helper = () => "helped";
module.exports = async function (context) {
  return { data: { helper: helper(), argCount: arguments.length, contextType: typeof context } };
};
