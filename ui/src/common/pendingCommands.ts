// Commands the UI needs whose Rust side is not in the generated bindings yet (runs, history, connections, OAuth).
// Each has the shape tauri-specta generates — `Promise<Result<T, AppError>>` — so moving one to the bindings is
// deleting it here and pointing `api` at `commands.<name>`. The types below mirror the planned Rust signatures
// and go away with them.
import { invoke } from '@tauri-apps/api/core';
import type { AppError, Result, WorkspaceView } from '../bindings';
import type { JsonValue } from './json';

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

/** One line of a block's run history. */
export interface RunSummary {
  id: number;
  blockId: string;
  startedAtMs: number;
  ok: boolean;
  durationMs: number;
  /** `TypeError: x is not a function`, for a failed run. */
  error: string | null;
}

/** A whole recorded run (secrets redacted), to re-open, re-run or compare. */
export interface RunEntry {
  id: number;
  blockId: string;
  startedAtMs: number;
  /** What the run was given: `{ input, … }`. */
  inputs: JsonValue;
  /** The run's outcome as `RunOutcome` has it. */
  outcome: JsonValue;
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

/** The same contract as a generated command: app errors come back as `{ status: "error" }`, IPC failures throw. */
async function invokeAsResult<T>(command: string, args: Record<string, unknown> = {}): Promise<Result<T, AppError>> {
  try {
    return { status: 'ok', data: await invoke<T>(command, args) };
  } catch (error) {
    if (error instanceof Error) throw error;
    return { status: 'error', error: error as AppError };
  }
}

export const pendingCommands = {
  runBlock: (runId: string, blockId: string, source: string, input: JsonValue) =>
    invokeAsResult<RunOutcome>('run_block', { runId, blockId, source, input }),
  runStop: (runId: string) => invokeAsResult<null>('run_stop', { runId }),
  runFlow: (flow: string, payload: JsonValue) => invokeAsResult<FlowOutcome>('run_flow', { flow, payload }),

  historyList: (blockId: string) => invokeAsResult<RunSummary[]>('history_list', { blockId }),
  historyGet: (id: number) => invokeAsResult<RunEntry | null>('history_get', { id }),

  connectionKinds: () => invokeAsResult<ConnectionKind[]>('connection_kinds'),
  connectionSave: (draft: ConnectionDraft) => invokeAsResult<WorkspaceView>('connection_save', { draft }),
  connectionDelete: (name: string) => invokeAsResult<WorkspaceView>('connection_delete', { name }),
  connectionSecretsStored: (connection: string) =>
    invokeAsResult<Record<string, boolean>>('connection_secrets_stored', { connection }),
  secretReveal: (connection: string, inputKey: string) =>
    invokeAsResult<string>('secret_reveal', { connection, inputKey }),

  oauthConnect: (connection: string) => invokeAsResult<TokenStatus>('oauth_connect', { connection }),
  oauthStatus: (connection: string) => invokeAsResult<TokenStatus>('oauth_status', { connection }),
};
