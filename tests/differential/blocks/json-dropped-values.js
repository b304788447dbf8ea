module.exports = async () => ({
  data: {
    undef: undefined,
    fn: () => 1,
    sym: Symbol("s"),
    arr: [undefined, function () {}, Symbol("t")],
    nan: NaN,
    inf: Infinity,
    negZero: -0,
    boxed: [new Number(3), new String("s"), new Boolean(false)],
    map: new Map([["a", 1]]),
    set: new Set([1]),
    regex: /x/g,
    typed: new Uint8Array([1, 2]),
  },
});
