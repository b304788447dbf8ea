module.exports = async () => {
  const date = new Date(Date.UTC(2023, 11, 31, 23, 59, 59, 999));
  return {
    data: {
      date,
      epoch: new Date(0),
      invalid: new Date("not a date"),
      inArray: [new Date(Date.UTC(2000, 0, 1))],
      iso: date.toISOString(),
      ms: date.getTime(),
    },
  };
};
