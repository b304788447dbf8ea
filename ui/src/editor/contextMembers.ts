// Generated from Blocksmith's one definition of a block's `context` (crates/context). Do not edit: regenerate
// with `BLOCKSMITH_WRITE_BINDINGS=1 cargo test -p blocksmith-context`.

export interface ContextMemberInfo {
  name: string;
  /** Its TypeScript type. */
  type: string;
  doc: string;
}

export const CONTEXT_MEMBERS: readonly ContextMemberInfo[] = [
  { name: "logger", type: "ActionLogger", doc: "Writes log lines: debug, info, warn, error, log (info), trace, metric." },
  { name: "instanceState", type: "Record<string, unknown>", doc: "This flow's key/value store, kept between runs." },
  { name: "crossFlowState", type: "Record<string, unknown>", doc: "A key/value store shared by every flow, kept between runs." },
  { name: "executionState", type: "Record<string, unknown>", doc: "A key/value store for this execution only." },
  { name: "integrationState", type: "Record<string, unknown>", doc: "A key/value store shared by the integration, kept between runs." },
  { name: "configVars", type: "Record<string, string | Connection>", doc: "Config variables (strings) and connections ({ key, fields, token }) by name." },
  { name: "components", type: "Record<string, never>", doc: "Always empty: a code step has no component registry, so reaching into it throws." },
  { name: "stepId", type: "string", doc: "This step's id (its camelCased name)." },
  { name: "executionId", type: "string", doc: "This execution's id." },
  { name: "webhookUrls", type: "Record<string, string>", doc: "The webhook URL of each flow, by flow name." },
  { name: "webhookApiKeys", type: "Record<string, string[]>", doc: "The webhook API keys of each flow, by flow name." },
  { name: "invokeUrl", type: "string", doc: "The URL that invoked this execution." },
  { name: "customer", type: "CustomerAttributes", doc: "The customer: id, externalId, name." },
  { name: "instance", type: "InstanceAttributes", doc: "The instance: id, name." },
  { name: "user", type: "UserAttributes", doc: "The user: id, email, name, externalId." },
  { name: "integration", type: "IntegrationAttributes", doc: "The integration: id, name, versionSequenceId, externalVersion." },
  { name: "flow", type: "FlowAttributes", doc: "The flow: id, name, stableId." },
  { name: "startedAt", type: "string", doc: "When the execution started (ISO 8601, UTC)." },
  { name: "invokeFlow", type: "FlowInvoker", doc: "Runs another flow of the workspace, as its webhook would be called, and resolves to the answer." },
  { name: "executionFrame", type: "ExecutionFrame", doc: "This execution and step: componentActionKey, executionId, executionStartedAt, stepName, loopPath." },
  { name: "debug", type: "DebugContext", doc: "Debug mode: enabled, timeElapsed.mark/measure, memoryUsage and their results." },
  { name: "flowSchemas", type: "FlowSchemas", doc: "The JSON schemas of the workspace's flows that declare one, by flow name." },
];
