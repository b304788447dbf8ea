async function load() {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return undefined;
}
module.exports = async () => {
  const record = await load();
  return { data: record.id };
};
