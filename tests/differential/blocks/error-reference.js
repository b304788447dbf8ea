module.exports = async () => {
  const total = 1;
  return { data: total + missingVariable };
};
