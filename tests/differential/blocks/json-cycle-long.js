module.exports = async () => {
  const a = { x: { y: [1, { z: {} }] } };
  a.x.y[1].z.w = { v: { u: a.x } };
  return { data: a };
};
