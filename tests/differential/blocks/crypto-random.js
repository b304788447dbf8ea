module.exports = async () => {
  const uuids = new Set(Array.from({ length: 50 }, () => crypto.randomUUID()));
  const values = crypto.getRandomValues(new Uint32Array(8));
  let tooLarge;
  try {
    crypto.getRandomValues(new Uint8Array(70000));
  } catch (error) {
    tooLarge = error.name;
  }
  return {
    data: {
      uuidShape: [...uuids].every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u)),
      unique: uuids.size,
      filled: values.length === 8 && values.some((v) => v !== 0),
      sameArray: crypto.getRandomValues(values) === values,
      tooLarge,
    },
  };
};
