// Commands the UI needs whose Rust side is not in the generated bindings yet (flow runs, persisted state,
// connections, secrets, OAuth).
// Each has the shape tauri-specta generates — `Promise<Result<T, AppError>>` — so moving one to the bindings is
// deleting it here and pointing `api` at `commands.<name>`. The types below mirror the planned Rust signatures
// and go away with them.
import { invoke } from '@tauri-apps/api/core';
import type { AppError, BlockError, LogLine, Result, WorkspaceView } from '../bindings';
import type { JsonValue } from './json';

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

export interface FlowStepOutcome {
  name: string;
  ok: boolean;
  result: JsonValue;
  logs: LogLine[];
  error: BlockError | null;
  durationMs: number;
}

export interface FlowOutcome {
  ok: boolean;
  steps: FlowStepOutcome[];
  response: JsonValue;
}

/** What blocks keep between runs: `instanceState` per flow name, and the shared `crossFlowState`. */
export interface PersistedState {
  instanceState: Record<string, JsonValue>;
  crossFlowState: JsonValue;
}

export const pendingCommands = {
  stateRead: () => invokeAsResult<PersistedState>('state_read'),
  stateResetInstance: (flow: string) => invokeAsResult<PersistedState>('state_reset_instance', { flow }),
  stateResetCrossFlow: () => invokeAsResult<PersistedState>('state_reset_cross_flow'),

  runFlow: (flow: string, payload: JsonValue) => invokeAsResult<FlowOutcome>('run_flow', { flow, payload }),

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
