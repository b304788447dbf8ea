// A TypeScript block that reads every member of its `context`. context.test.mjs typechecks it under
// `tsc --strict` against Spectral's `ActionContext` and against Blocksmith's exported declarations (it imports
// `Context` from a file the test writes, naming one or the other), then runs it compiled in `blocksmith run` and
// in Node through Spectral's own test harness, and compares what the two answer.
import type { Context } from "./context-type";

type Shape = string | { [key: string]: Shape };

// Members typed as records (their keys are names, not a fixed shape): only that they are objects is compared.
const RECORDS = new Set([
  "configVars",
  "instanceState",
  "crossFlowState",
  "executionState",
  "integrationState",
  "components",
  "webhookUrls",
  "webhookApiKeys",
  "flowSchemas",
  "marks",
  "measurements",
]);

/** The runtime shape of `value`: `typeof` for a leaf, member by member for an object. */
function shapeOf(value: unknown, key: string): Shape {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  if (RECORDS.has(key)) return "record";
  const shape: { [key: string]: Shape } = {};
  for (const name of Object.keys(value).sort()) {
    shape[name] = shapeOf((value as Record<string, unknown>)[name], name);
  }
  return shape;
}

// Typechecked against both context types, not called here: Spectral's harness has no flows to invoke
// (context.test.mjs runs a real invocation against `blocksmith serve` and axios instead).
async function invokeOrders(context: Context) {
  const response = await context.invokeFlow("Orders", { id: 7 }, { headers: { "X-Source": "block" } }, "every-member");
  const status: number = response.status;
  const statusText: string = response.statusText;
  return { status, statusText, data: response.data, headers: response.headers };
}

export = async (context: Context, stepResults: unknown) => {
  const debug = context.debug;
  debug.timeElapsed.mark(context, "start");
  debug.memoryUsage(context, "start", true);
  context.logger.info(`step ${context.stepId} of execution ${context.executionId}`);

  const frame = context.executionFrame;
  const uses = {
    logger: typeof context.logger.metric,
    instanceState: Object.keys(context.instanceState).length,
    crossFlowState: Object.keys(context.crossFlowState).length,
    executionState: Object.keys(context.executionState).length,
    integrationState: Object.keys(context.integrationState).length,
    configVars: Object.keys(context.configVars).length,
    components: Object.keys(context.components).length,
    stepId: context.stepId,
    executionId: context.executionId,
    webhookUrls: Object.values(context.webhookUrls).join(" "),
    webhookApiKeys: Object.values(context.webhookApiKeys).flat().length,
    invokeUrl: context.invokeUrl,
    customer: context.customer.externalId,
    instance: context.instance.name,
    user: context.user.email,
    integration: context.integration.versionSequenceId,
    flow: context.flow.stableId,
    startedAt: context.startedAt,
    invokeFlow: typeof context.invokeFlow,
    executionFrame: "componentActionKey" in frame ? frame.componentActionKey : null,
    flowSchemas: Object.keys(context.flowSchemas),
  };

  // A code step has no component registry: reaching into `components` should say so.
  let componentsError: string | null = null;
  try {
    const slack = context.components["slack"];
    componentsError = `no error: ${typeof slack}`;
  } catch (error) {
    componentsError = `${(error as Error).name}: ${(error as Error).message}`;
  }

  debug.timeElapsed.mark(context, "end");
  debug.timeElapsed.measure(context, "whole run", { start: "start", end: "end" });
  debug.memoryUsage(context, "end");
  return {
    data: {
      invokeOrders: typeof invokeOrders,
      shape: shapeOf(context, ""),
      uses,
      frame,
      componentsError,
      debug: { enabled: debug.enabled, results: debug.results },
      stepResults: stepResults ?? null,
    },
  };
};
