module.exports = async () => {
  const data = { name: "loop" };
  data.self = data;
  return { data };
};
