// Values the Rust walk must leave to JSON.stringify (see result_json.rs): it does not mirror them exactly.
[
  (() => { const cycle = { name: "loop" }; cycle.self = cycle; return cycle; })(),
  { big: 1n },
  new Proxy({ a: 1 }, {}),
  { wrapped: [new Number(1), new String("s"), new Boolean(false)] },
  new Map([[1, 2]]),
  new Error("boom"),
  new Uint8Array([1, 2]),
  "lone \ud800 surrogate",
  (function () { return arguments; })(1, 2),
  (() => { let deep = []; for (let i = 0; i < 600; i++) deep = [deep]; return deep; })(),
]
