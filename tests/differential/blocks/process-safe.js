// The `process` members libraries probe, as Node has them. The members that would reach the host
// (`exit`, `kill`, …) cannot be compared with Node, which would act on them: the engine's tests check
// that they throw, and tests/security/ that `env` never shows the host's variables.
module.exports = async ({ logger }) => {
  const order = [];
  process.nextTick((a, b) => order.push(`tick ${a}${b}`), 1, 2);
  order.push("sync");
  await new Promise((resolve) => setTimeout(resolve, 0));

  const start = process.hrtime();
  const startBig = process.hrtime.bigint();
  let spin = 0;
  for (let i = 0; i < 20000; i++) spin += i;
  const elapsed = process.hrtime(start);
  const elapsedBig = process.hrtime.bigint() - startBig;

  process.emitWarning("the old API is deprecated", "DeprecationWarning", "DEP_BLOCK_1");
  process.emitWarning("plain warning");
  process.emitWarning("with options", { type: "CustomWarning", code: "C1", detail: "more detail" });
  logger.info("after emitWarning");
  await new Promise((resolve) => setTimeout(resolve, 0));

  let badTick;
  try {
    process.nextTick(42);
  } catch (error) {
    badTick = [error.name, error.code];
  }

  return {
    data: {
      env: { type: typeof process.env, nodeEnv: process.env.NODE_ENV, keys: Object.keys(process.env).length },
      envWritable: (() => {
        process.env.BLOCK_SETTING = "on";
        return process.env.BLOCK_SETTING;
      })(),
      order,
      hrtime: {
        shape: [Array.isArray(start), start.length, Number.isInteger(start[0]), Number.isInteger(start[1])],
        elapsedShape: [elapsed.length, elapsed[0] >= 0, elapsed[1] >= 0 && elapsed[1] < 1e9],
        bigint: [typeof startBig, typeof elapsedBig, elapsedBig >= 0n],
      },
      version: /^v20\.\d+\.\d+$/.test(process.version),
      versions: [typeof process.versions, process.versions.node === process.version.slice(1), process.versions.modules],
      platform: process.platform,
      arch: process.arch,
      argv: Array.isArray(process.argv),
      cwd: typeof process.cwd(),
      toStringTag: Object.prototype.toString.call(process),
      badTick,
      global: [typeof globalThis.process, Object.keys(globalThis).includes("process")],
    },
  };
};
