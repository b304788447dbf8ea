// The one door from the window to Rust. Every feature calls `api.*`; each call resolves with the command's data or
// rejects with a `BackendError` carrying the `{ code, message }` the app sends, so callers branch on `code`.
//
// The command types mirror the Rust signatures. When the generated `bindings.ts` (tauri-specta) lands, this file
// becomes a thin layer over its `commands` and re-exports its types; nothing else in the UI has to change.
import { invoke } from '@tauri-apps/api/core';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type BlockKind = 'action' | 'trigger';

export interface BlockView {
  id: string;
  name: string;
  kind: BlockKind;
  timeoutMs: number | null;
}

export interface FlowView {
  name: string;
  /** Block id of the flow's trigger. */
  trigger: string;
  /** Block ids of the flow's action steps, in run order. */
  steps: string[];
}

export interface ConfigVarView {
  name: string;
  value: string;
}

export interface ConnectionView {
  name: string;
  /** The connection kind's key, e.g. `apikey`. */
  kind: string;
  /** Non-secret inputs by input key; secret inputs live only in the OS keyring. */
  inputs: Record<string, string>;
}

export interface WorkspaceView {
  path: string;
  name: string;
  configVars: ConfigVarView[];
  blocks: BlockView[];
  flows: FlowView[];
  connections: ConnectionView[];
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'trace' | 'metric';

export interface LogLine {
  level: LogLevel;
  message: string;
}

export interface RunError {
  name: string;
  message: string;
  line: number | null;
  column: number | null;
  stack: string | null;
}

export interface RunOutcome {
  ok: boolean;
  /** Everything the block returned. */
  returned: JsonValue;
  /** The step result: an action's `data`, a trigger's `payload`. */
  result: JsonValue;
  /** A trigger's webhook response, when it returned one. */
  response: JsonValue;
  logs: LogLine[];
  error: RunError | null;
  durationMs: number;
}

export interface FlowStepOutcome {
  name: string;
  ok: boolean;
  result: JsonValue;
  logs: LogLine[];
  error: RunError | null;
  durationMs: number;
}

export interface FlowOutcome {
  ok: boolean;
  steps: FlowStepOutcome[];
  response: JsonValue;
}

export interface HistoryEntry {
  id: number;
  blockId: string;
  startedAt: string;
  ok: boolean;
  durationMs: number;
}

export interface ConnectionInput {
  key: string;
  label: string;
  comment: string;
  secret: boolean;
  required: boolean;
}

export interface ConnectionKind {
  key: string;
  label: string;
  description: string;
  inputs: ConnectionInput[];
}

export interface ConnectionDraft {
  /** The connection's name before this edit; null when it is new. A different `name` renames it. */
  previousName: string | null;
  name: string;
  kind: string;
  /** Non-secret inputs by input key. */
  inputs: Record<string, string>;
  /** Only the secret inputs the user typed a new value for; the others keep what the keyring holds. */
  secrets: Record<string, string>;
}

export interface TokenStatus {
  connected: boolean;
  expiresAt: string | null;
  scopes: string | null;
  hasRefreshToken: boolean;
}

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

function isAppError(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  if (!insideTauri()) {
    throw new BackendError(
      BACKEND_UNAVAILABLE,
      'Blocksmith’s backend is not reachable: this page is running outside the Blocksmith app.',
    );
  }
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isAppError(error)) throw new BackendError(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    throw new BackendError('ipc_failed', `The app did not answer “${command}”: ${message}`);
  }
}

export const api = {
  workspaceOpen: (path: string | null) => call<WorkspaceView>('workspace_open', { path }),
  workspaceCurrent: () => call<WorkspaceView>('workspace_current'),

  blockRead: (blockId: string) => call<string>('block_read', { blockId }),
  blockSave: (blockId: string, source: string) => call<null>('block_save', { blockId, source }),
  blockRename: (blockId: string, name: string) => call<WorkspaceView>('block_rename', { blockId, name }),

  flowCreate: (name: string) => call<WorkspaceView>('flow_create', { name }),
  stepCreate: (flow: string, name: string) => call<WorkspaceView>('step_create', { flow, name }),
  stepDelete: (flow: string, blockId: string) => call<WorkspaceView>('step_delete', { flow, blockId }),
  stepMove: (flow: string, blockId: string, toIndex: number) =>
    call<WorkspaceView>('step_move', { flow, blockId, toIndex }),

  configVarSet: (name: string, value: string) => call<WorkspaceView>('config_var_set', { name, value }),
  configVarRemove: (name: string) => call<WorkspaceView>('config_var_remove', { name }),

  sampleRead: (blockId: string) => call<JsonValue>('sample_read', { blockId }),
  sampleSave: (blockId: string, sample: JsonValue) => call<null>('sample_save', { blockId, sample }),

  runBlock: (runId: string, blockId: string, source: string, input: JsonValue) =>
    call<RunOutcome>('run_block', { runId, blockId, source, input }),
  runStop: (runId: string) => call<null>('run_stop', { runId }),
  runFlow: (flow: string, payload: JsonValue) => call<FlowOutcome>('run_flow', { flow, payload }),

  historyList: (blockId: string) => call<HistoryEntry[]>('history_list', { blockId }),

  connectionKinds: () => call<ConnectionKind[]>('connection_kinds'),
  connectionSave: (draft: ConnectionDraft) => call<WorkspaceView>('connection_save', { draft }),
  connectionDelete: (name: string) => call<WorkspaceView>('connection_delete', { name }),
  /** For each secret input of a connection, whether the keyring holds a value (never the value itself). */
  connectionSecretsStored: (connection: string) =>
    call<Record<string, boolean>>('connection_secrets_stored', { connection }),
  secretReveal: (connection: string, inputKey: string) => call<string>('secret_reveal', { connection, inputKey }),

  oauthConnect: (connection: string) => call<TokenStatus>('oauth_connect', { connection }),
  oauthStatus: (connection: string) => call<TokenStatus>('oauth_status', { connection }),
};

/** Turns anything a failed call threw into a `BackendError`, so the UI has one shape to show. */
export function asBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BackendError('unexpected', message);
}
