module.exports = async () => {
  const params = new URLSearchParams("?b=2&a=1&a=3&space=x+y&enc=%C3%A9%26");
  const fromObject = new URLSearchParams({ z: "last", "k y": "v&w=" });
  const fromPairs = new URLSearchParams([["x", "1"], ["x", "2"]]);
  params.sort();
  return {
    data: {
      all: params.getAll("a"),
      get: [params.get("space"), params.get("enc"), params.get("missing")],
      has: params.has("b"),
      sorted: params.toString(),
      fromObject: fromObject.toString(),
      fromPairs: [...fromPairs],
      keys: [...params.keys()],
      size: params.size,
      special: new URLSearchParams({ s: "!'()~*-._ /?" }).toString(),
    },
  };
};
