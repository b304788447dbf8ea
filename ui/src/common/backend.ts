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
  type WorkspaceView as WireWorkspaceView,
} from '../bindings';
import type { JsonValue } from './json';
import { pendingCommands, type ConnectionDraft } from './pendingCommands';

export type { JsonValue } from './json';
export type { BlockKind, ConfigVar } from '../bindings';
export type {
  ConnectionDraft,
  ConnectionInput,
  ConnectionKind,
  FlowOutcome,
  FlowStepOutcome,
  LogLevel,
  LogLine,
  RunEntry,
  RunError,
  RunOutcome,
  RunSummary,
  TokenStatus,
} from './pendingCommands';

export type BlockView = Block;
export type FlowView = Required<Flow>;
export type ConnectionView = Omit<ConnectionDefinition, 'inputs'> & { inputs: Record<string, string> };
export type WorkspaceView = Omit<WireWorkspaceView, 'flows' | 'connections'> & {
  flows: FlowView[];
  connections: ConnectionView[];
};

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
/** The code of the error raised when the IPC call itself failed (no answer, or an unknown command). */
export const IPC_FAILED = 'ipc_failed';

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
    const detail = error instanceof Error ? error.message : String(error);
    throw new BackendError(IPC_FAILED, `The app did not answer “${command}”: ${detail}`);
  }
  if (result.status === 'error') throw new BackendError(result.error.code, result.error.message);
  return result.data;
}

function jsonFromWire(value: unknown): JsonValue {
  // JSON off the wire holds no `undefined`: the generated `Partial<…>` object type is wider than what arrives.
  return value as JsonValue;
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

  runBlock: (runId: string, blockId: string, source: string, input: JsonValue) =>
    unwrap('run_block', () => pendingCommands.runBlock(runId, blockId, source, input)),
  runStop: (runId: string) => unwrap('run_stop', () => pendingCommands.runStop(runId)),
  runFlow: (flow: string, payload: JsonValue) => unwrap('run_flow', () => pendingCommands.runFlow(flow, payload)),

  historyList: (blockId: string) => unwrap('history_list', () => pendingCommands.historyList(blockId)),
  historyGet: (id: number) => unwrap('history_get', () => pendingCommands.historyGet(id)),

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
