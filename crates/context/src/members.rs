//! The table of a block's `context` members and the named types they use. Spectral's `ActionContext`
//! (`@prismatic-io/spectral`, `dist/types/ActionPerformFunction.d.ts`) is the reference: names, types and
//! order follow it, and `tests/context/` typechecks a block against both.

/// Where the worker gets a member's value from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// A JSON value the run request carries (ids, timestamps, the customer, the flow's schemas, …): the
    /// runner fills it in and the workspace's execution settings may override it.
    RunValue,
    /// The engine's `logger`.
    Logger,
    /// The request's `configVars` object.
    ConfigVars,
    /// One of the four state objects the request carries and the report returns.
    State,
    /// The engine's `debug` helpers and their results.
    Debug,
    /// The engine's empty `components` object, which says why when a block reaches into it.
    Components,
    /// The engine's `invokeFlow`, which asks the worker's host to run another flow of the workspace.
    InvokeFlow,
}

/// One member of `context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextMember {
    pub name: &'static str,
    /// Its TypeScript type, using the names in [`CONTEXT_TYPES`].
    pub typescript: &'static str,
    /// One line for the editor's completion and the `.d.ts`.
    pub doc: &'static str,
    pub provider: Provider,
}

/// A named TypeScript type the members use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeDeclaration {
    pub name: &'static str,
    pub doc: &'static str,
    /// The declaration's body: an object type's members (`{ … }`) or any type expression.
    pub definition: &'static str,
}

const fn member(
    name: &'static str,
    typescript: &'static str,
    doc: &'static str,
    provider: Provider,
) -> ContextMember {
    ContextMember {
        name,
        typescript,
        doc,
        provider,
    }
}

/// Every member a block's `context` has, in Spectral's order. Adding a member here adds it to the
/// context the worker builds (the engine refuses to start a run whose request lacks a `RunValue` member),
/// to the editor's completion and to the exported `.d.ts`.
pub const CONTEXT_MEMBERS: &[ContextMember] = &[
    member(
        "logger",
        "ActionLogger",
        "Writes log lines: debug, info, warn, error, log (info), trace, metric.",
        Provider::Logger,
    ),
    member(
        "instanceState",
        "Record<string, unknown>",
        "This flow's key/value store, kept between runs.",
        Provider::State,
    ),
    member(
        "crossFlowState",
        "Record<string, unknown>",
        "A key/value store shared by every flow, kept between runs.",
        Provider::State,
    ),
    member(
        "executionState",
        "Record<string, unknown>",
        "A key/value store for this execution only.",
        Provider::State,
    ),
    member(
        "integrationState",
        "Record<string, unknown>",
        "A key/value store shared by the integration, kept between runs.",
        Provider::State,
    ),
    member(
        "configVars",
        "Record<string, string | Connection>",
        "Config variables (strings) and connections ({ key, fields, token }) by name.",
        Provider::ConfigVars,
    ),
    member(
        "components",
        "Record<string, never>",
        "Always empty: a code step has no component registry, so reaching into it throws.",
        Provider::Components,
    ),
    member(
        "stepId",
        "string",
        "This step's id (its camelCased name).",
        Provider::RunValue,
    ),
    member(
        "executionId",
        "string",
        "This execution's id.",
        Provider::RunValue,
    ),
    member(
        "webhookUrls",
        "Record<string, string>",
        "The webhook URL of each flow, by flow name.",
        Provider::RunValue,
    ),
    member(
        "webhookApiKeys",
        "Record<string, string[]>",
        "The webhook API keys of each flow, by flow name.",
        Provider::RunValue,
    ),
    member(
        "invokeUrl",
        "string",
        "The URL that invoked this execution.",
        Provider::RunValue,
    ),
    member(
        "customer",
        "CustomerAttributes",
        "The customer: id, externalId, name.",
        Provider::RunValue,
    ),
    member(
        "instance",
        "InstanceAttributes",
        "The instance: id, name.",
        Provider::RunValue,
    ),
    member(
        "user",
        "UserAttributes",
        "The user: id, email, name, externalId.",
        Provider::RunValue,
    ),
    member(
        "integration",
        "IntegrationAttributes",
        "The integration: id, name, versionSequenceId, externalVersion.",
        Provider::RunValue,
    ),
    member(
        "flow",
        "FlowAttributes",
        "The flow: id, name, stableId.",
        Provider::RunValue,
    ),
    member(
        "startedAt",
        "string",
        "When the execution started (ISO 8601, UTC).",
        Provider::RunValue,
    ),
    member(
        "invokeFlow",
        "FlowInvoker",
        "Runs another flow of the workspace, as its webhook would be called, and resolves to the answer.",
        Provider::InvokeFlow,
    ),
    member(
        "executionFrame",
        "ExecutionFrame",
        "This execution and step: componentActionKey, executionId, executionStartedAt, stepName, loopPath.",
        Provider::RunValue,
    ),
    member(
        "debug",
        "DebugContext",
        "Debug mode: enabled, timeElapsed.mark/measure, memoryUsage and their results.",
        Provider::Debug,
    ),
    member(
        "flowSchemas",
        "FlowSchemas",
        "The JSON schemas of the workspace's flows that declare one, by flow name.",
        Provider::RunValue,
    ),
];

/// The named types the members use, in the order the `.d.ts` declares them.
pub const CONTEXT_TYPES: &[TypeDeclaration] = &[
    TypeDeclaration {
        name: "ActionLogger",
        doc: "Each method writes one log line at its level; arguments are joined with a space.",
        definition: "{
  metric: (...args: unknown[]) => void;
  trace: (...args: unknown[]) => void;
  debug: (...args: unknown[]) => void;
  info: (...args: unknown[]) => void;
  log: (...args: unknown[]) => void;
  warn: (...args: unknown[]) => void;
  error: (...args: unknown[]) => void;
}",
    },
    TypeDeclaration {
        name: "Connection",
        doc: "A connection as a block sees it: its kind's key, its inputs, and an OAuth 2.0 token response.",
        definition: "{
  key: string;
  fields: Record<string, string>;
  token?: Record<string, unknown>;
}",
    },
    TypeDeclaration {
        name: "CustomerAttributes",
        doc: "The customer an instance runs for.",
        definition: "{
  id: string;
  externalId: string;
  name: string;
}",
    },
    TypeDeclaration {
        name: "InstanceAttributes",
        doc: "The deployed instance being run.",
        definition: "{
  id: string;
  name: string;
}",
    },
    TypeDeclaration {
        name: "UserAttributes",
        doc: "The user whose user-level configuration is used.",
        definition: "{
  id: string;
  email: string;
  name: string;
  externalId: string;
}",
    },
    TypeDeclaration {
        name: "IntegrationAttributes",
        doc: "The integration being run.",
        definition: "{
  id: string;
  name: string;
  versionSequenceId: string;
  externalVersion: string;
}",
    },
    TypeDeclaration {
        name: "FlowAttributes",
        doc: "The flow being run.",
        definition: "{
  id: string;
  name: string;
  stableId: string;
}",
    },
    TypeDeclaration {
        name: "InvokeFlowConfig",
        doc: "What `invokeFlow` takes of an Axios request configuration: the headers sent with the data.",
        definition: "{
  headers?: Record<string, string | number | boolean>;
  [option: string]: unknown;
}",
    },
    TypeDeclaration {
        name: "InvokeFlowResponse",
        doc: "The invoked flow's answer, shaped as an Axios response: what its webhook caller would receive \
(the trigger's `response`, or `{ executionId }`). A status outside 2xx rejects with an `AxiosError` carrying it.",
        definition: "{
  data: any;
  status: number;
  statusText: string;
  headers: Record<string, string>;
}",
    },
    TypeDeclaration {
        name: "FlowInvoker",
        doc: "Runs the flow `flowName` of this workspace with `data` as the JSON body and `config.headers` as the \
headers. Blocksmith's own refusals reject with a `code`: ERR_BLOCKSMITH_UNKNOWN_FLOW, ERR_BLOCKSMITH_FLOW_CYCLE, \
ERR_BLOCKSMITH_FLOW_DEPTH, ERR_BLOCKSMITH_INVOKE_FAILED, ERR_BLOCKSMITH_INVOKE_UNAVAILABLE.",
        definition: "(
  flowName: string,
  data?: Record<string, unknown>,
  config?: InvokeFlowConfig,
  source?: string,
) => Promise<InvokeFlowResponse>",
    },
    TypeDeclaration {
        name: "ExecutionFrame",
        doc: "The standard lineage of this execution and step. `invokedByExecutionJWT` is empty unless another \
flow invoked this one; Blocksmith's value is a local, unsigned marker, not a platform JWT.",
        definition: "{
  componentActionKey: string;
  executionId: string;
  executionStartedAt: string;
  stepName: string;
  loopPath: string;
  invokedByExecutionJWT: string;
  invokedByExecutionStartedAt: string;
}",
    },
    TypeDeclaration {
        name: "MemoryUsage",
        doc: "The worker's memory in MB (as the platform reports it), named as Node's `process.memoryUsage()` names it.",
        definition: "{
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}",
    },
    TypeDeclaration {
        name: "DebugResult",
        doc: "What the debug helpers recorded during this run.",
        definition: "{
  timeElapsed: {
    marks: Record<string, number>;
    measurements: Record<string, { marks: { start: string; end: string }; duration: number }>;
  };
  /** The run's memory limit in MB. */
  allowedMemory: number;
  memoryUsage: Array<{ mark: string; rss: number; detail?: MemoryUsage }>;
}",
    },
    TypeDeclaration {
        name: "DebugContext",
        doc: "Debug mode's flag and helpers; the helpers record only when `enabled` is true.",
        definition: "{
  readonly enabled: boolean;
  timeElapsed: {
    mark: (context: object, label: string) => void;
    measure: (context: object, label: string, marks: { start: string; end: string }) => void;
  };
  memoryUsage: (context: object, label: string, showDetail?: boolean) => void;
  results: DebugResult;
}",
    },
    TypeDeclaration {
        name: "FlowSchemaProperty",
        doc: "One property of a flow's JSON schema.",
        definition: "{
  description: string;
  type?: string;
}",
    },
    TypeDeclaration {
        name: "FlowSchema",
        doc: "A flow's JSON schema, completed as the platform completes it (title, $schema, type).",
        definition: "{
  title: string;
  $comment?: string;
  $schema: string;
  type: string;
  properties: Record<string, FlowSchemaProperty>;
  required?: string[];
}",
    },
    TypeDeclaration {
        name: "FlowSchemas",
        doc: "Each flow's schemas by flow name; `invoke` describes what the flow takes when invoked.",
        definition: "Record<string, { invoke: FlowSchema; [name: string]: FlowSchema }>",
    },
];

/// The member called `name`.
pub fn context_member(name: &str) -> Option<&'static ContextMember> {
    CONTEXT_MEMBERS.iter().find(|member| member.name == name)
}

/// The members whose value the run request carries as JSON.
pub fn run_value_members() -> impl Iterator<Item = &'static ContextMember> {
    CONTEXT_MEMBERS
        .iter()
        .filter(|member| member.provider == Provider::RunValue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn member_and_type_names_are_unique() {
        let members: HashSet<_> = CONTEXT_MEMBERS.iter().map(|member| member.name).collect();
        assert_eq!(members.len(), CONTEXT_MEMBERS.len());
        let types: HashSet<_> = CONTEXT_TYPES.iter().map(|declared| declared.name).collect();
        assert_eq!(types.len(), CONTEXT_TYPES.len());
    }

    #[test]
    fn every_capitalised_name_a_member_uses_is_declared() {
        let declared: HashSet<_> = CONTEXT_TYPES.iter().map(|declared| declared.name).collect();
        let builtin = ["Record", "Array"];
        for member in CONTEXT_MEMBERS {
            let words = member
                .typescript
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|word| word.starts_with(|c: char| c.is_ascii_uppercase()));
            for word in words {
                assert!(
                    declared.contains(word) || builtin.contains(&word),
                    "{} uses the undeclared type {word}",
                    member.name
                );
            }
        }
    }

    #[test]
    fn the_four_state_objects_come_from_the_request() {
        let states: Vec<_> = CONTEXT_MEMBERS
            .iter()
            .filter(|member| member.provider == Provider::State)
            .map(|member| member.name)
            .collect();
        assert_eq!(
            states,
            [
                "instanceState",
                "crossFlowState",
                "executionState",
                "integrationState"
            ]
        );
    }
}
