// The one door from the window to Rust. Every feature calls `api.*`; each call resolves with the command's data or
// rejects with a `BackendError` carrying the `{ code, message }` the app sent, so callers branch on `code`.
//
// The commands and their types come from the generated `bindings.ts` (tauri-specta). Views here only tighten
// the generated types where serde defaults make a field optional on the wire (`Flow.steps`, connection `inputs`):
// the adapter fills those defaults once, so the rest of the UI never checks for them.
import {
  commands,
  type AppError,
  type Block,
  type ConnectionDefinition,
  type Flow,
  type Result,
  type RunEntry as WireRunEntry,
  type RunOutcome as WireRunOutcome,
  type WorkspaceView as WireWorkspaceView,
} from '../bindings';
import type { JsonValue } from './json';
import { pendingCommands, type ConnectionDraft } from './pendingCommands';

export type { JsonValue } from './json';
export type { BlockError as RunError, BlockKind, ConfigVar, LogLevel, LogLine, RunSummary } from '../bindings';
export type {
  ConnectionDraft,
  ConnectionInput,
  ConnectionKind,
  FlowOutcome,
  FlowStepOutcome,
  PersistedState,
  TokenStatus,
} from './pendingCommands';

export type BlockView = Block;
export type FlowView = Required<Flow>;
export type ConnectionView = Omit<ConnectionDefinition, 'inputs'> & { inputs: Record<string, string> };
export type WorkspaceView = Omit<WireWorkspaceView, 'flows' | 'connections'> & {
  flows: FlowView[];
  connections: ConnectionView[];
};
export type RunOutcome = Omit<WireRunOutcome, 'returned' | 'result' | 'response'> & {
  returned: JsonValue;
  result: JsonValue;
  response: JsonValue;
};
export type RunEntry = Omit<WireRunEntry, 'inputs' | 'outcome'> & { inputs: JsonValue; outcome: JsonValue };

/** A failed backend call, as the app reports it. `code` is stable; `message` is for people. */
export class BackendError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

/** The code of the error raised when the page runs outside the app (a plain browser), so there is no backend. */
export const BACKEND_UNAVAILABLE = 'backend_unavailable';
/** The code of the error raised when the IPC call itself failed (the app gave no `{ code, message }` answer). */
export const IPC_FAILED = 'ipc_failed';
/** The code of the error raised when the app has no such command (a feature this build does not have yet). */
export const COMMAND_MISSING = 'command_missing';

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** An IPC failure that is not an app error: Tauri's own rejections are plain strings or `Error`s. */
function ipcFailure(command: string, failure: unknown): BackendError {
  const detail = failure instanceof Error ? failure.message : String(failure);
  // Tauri answers an unregistered command with "command <name> not found"; this is Tauri's text, not the app's.
  if (detail.includes(command) && /not found/i.test(detail)) {
    return new BackendError(COMMAND_MISSING, `This build of Blocksmith cannot do “${command}” yet.`);
  }
  return new BackendError(IPC_FAILED, `The app did not answer “${command}”: ${detail}`);
}

function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function unwrap<T>(command: string, call: () => Promise<Result<T, AppError>>): Promise<T> {
  if (!insideTauri()) {
    throw new BackendError(
      BACKEND_UNAVAILABLE,
      'Blocksmith’s backend is not reachable: this page is running outside the Blocksmith app.',
    );
  }
  let result: Result<T, AppError>;
  try {
    result = await call();
  } catch (error) {
    throw ipcFailure(command, error);
  }
  if (result.status === 'ok') return result.data;
  // The generated type says AppError, but a rejection from Tauri itself arrives here too.
  const failure: unknown = result.error;
  throw isAppError(failure) ? new BackendError(failure.code, failure.message) : ipcFailure(command, failure);
}

function jsonFromWire(value: unknown): JsonValue {
  // JSON off the wire holds no `undefined`: the generated `Partial<…>` object type is wider than what arrives.
  return value as JsonValue;
}

function outcomeFromWire(outcome: WireRunOutcome): RunOutcome {
  return {
    ...outcome,
    returned: jsonFromWire(outcome.returned),
    result: jsonFromWire(outcome.result),
    response: jsonFromWire(outcome.response),
  };
}

function entryFromWire(entry: WireRunEntry): RunEntry {
  return { ...entry, inputs: jsonFromWire(entry.inputs), outcome: jsonFromWire(entry.outcome) };
}

/** For a command generated without a `Result` (it cannot fail as an app error): only IPC failures remain. */
async function plain<T>(command: string, call: () => Promise<T>): Promise<T> {
  return unwrap(command, async () => ({ status: 'ok', data: await call() }) as Result<T, AppError>);
}

function workspaceFromWire(view: WireWorkspaceView): WorkspaceView {
  return {
    ...view,
    flows: view.flows.map((flow) => ({ ...flow, steps: flow.steps ?? [] })),
    connections: view.connections.map((connection) => {
      const inputs: Record<string, string> = {};
      for (const [key, value] of Object.entries(connection.inputs ?? {})) {
        if (value !== undefined) inputs[key] = value;
      }
      return { ...connection, inputs };
    }),
  };
}

async function workspace(command: string, call: () => Promise<Result<WireWorkspaceView, AppError>>) {
  return workspaceFromWire(await unwrap(command, call));
}

export const api = {
  workspaceOpen: (path: string | null) => workspace('workspace_open', () => commands.workspaceOpen(path)),
  workspaceCurrent: () => workspace('workspace_current', () => commands.workspaceCurrent()),

  blockRead: (blockId: string) => unwrap('block_read', () => commands.blockRead(blockId)),
  blockSave: (blockId: string, source: string) => unwrap('block_save', () => commands.blockSave(blockId, source)),
  blockRename: (blockId: string, name: string) =>
    workspace('block_rename', () => commands.blockRename(blockId, name)),
  blockSetTimeout: (blockId: string, timeoutMs: number | null) =>
    workspace('block_set_timeout', () => commands.blockSetTimeout(blockId, timeoutMs)),

  flowCreate: (name: string) => workspace('flow_create', () => commands.flowCreate(name)),
  flowRename: (flow: string, name: string) => workspace('flow_rename', () => commands.flowRename(flow, name)),
  flowDelete: (flow: string) => workspace('flow_delete', () => commands.flowDelete(flow)),
  stepCreate: (flow: string, name: string) => workspace('step_create', () => commands.stepCreate(flow, name)),
  stepDelete: (flow: string, blockId: string) =>
    workspace('step_delete', () => commands.stepDelete(flow, blockId)),
  stepMove: (flow: string, blockId: string, toIndex: number) =>
    workspace('step_move', () => commands.stepMove(flow, blockId, toIndex)),

  configVarSet: (name: string, value: string) =>
    workspace('config_var_set', () => commands.configVarSet(name, value)),
  configVarRemove: (name: string) => workspace('config_var_remove', () => commands.configVarRemove(name)),

  sampleRead: async (blockId: string) => jsonFromWire(await unwrap('sample_read', () => commands.sampleRead(blockId))),
  sampleSave: (blockId: string, sample: JsonValue) =>
    unwrap('sample_save', () => commands.sampleSave(blockId, sample)),

  runBlock: async (runId: string, blockId: string, source: string, input: JsonValue) =>
    outcomeFromWire(await unwrap('run_block', () => commands.runBlock(runId, blockId, source, input))),
  /** Answers whether a run with that id was still running (and is now stopped). */
  runStop: (runId: string) => plain('run_stop', () => commands.runStop(runId)),
  runFlow: (flow: string, payload: JsonValue) => unwrap('run_flow', () => pendingCommands.runFlow(flow, payload)),

  stateRead: () => unwrap('state_read', () => pendingCommands.stateRead()),
  stateResetInstance: (flow: string) =>
    unwrap('state_reset_instance', () => pendingCommands.stateResetInstance(flow)),
  stateResetCrossFlow: () => unwrap('state_reset_cross_flow', () => pendingCommands.stateResetCrossFlow()),

  historyList: (blockId: string) => unwrap('history_list', () => commands.historyList(blockId)),
  historyGet: async (id: number) => entryFromWire(await unwrap('history_get', () => commands.historyGet(id))),

  connectionKinds: () => unwrap('connection_kinds', () => pendingCommands.connectionKinds()),
  connectionSave: (draft: ConnectionDraft) =>
    workspace('connection_save', () => pendingCommands.connectionSave(draft)),
  connectionDelete: (name: string) => workspace('connection_delete', () => pendingCommands.connectionDelete(name)),
  /** For each secret input of a connection, whether the keyring holds a value (never the value itself). */
  connectionSecretsStored: (connection: string) =>
    unwrap('connection_secrets_stored', () => pendingCommands.connectionSecretsStored(connection)),
  secretReveal: (connection: string, inputKey: string) =>
    unwrap('secret_reveal', () => pendingCommands.secretReveal(connection, inputKey)),

  oauthConnect: (connection: string) => unwrap('oauth_connect', () => pendingCommands.oauthConnect(connection)),
  oauthStatus: (connection: string) => unwrap('oauth_status', () => pendingCommands.oauthStatus(connection)),
};

/** Turns anything a failed call threw into a `BackendError`, so the UI has one shape to show. */
export function asBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BackendError('unexpected', message);
}
