module.exports = async () => {
  const ok = 1;
  const broken = ;
  return ok;
};
