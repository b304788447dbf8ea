// The one door from the window to Rust. Every feature calls `api.*`; each call resolves with the command's data or
// rejects with a `BackendError` carrying the `{ code, message }` the app sent, so callers branch on `code`.
//
// The commands and their types come from the generated `bindings.ts` (tauri-specta). Views here only tighten
// the generated types where serde defaults make a field optional on the wire (`Flow.steps`, connection `inputs`)
// or where the generated `Partial<…>` records and JSON values allow an `undefined` that JSON never carries: the
// adapter settles those once, so the rest of the UI never checks for them.
import {
  commands,
  type AppError,
  type ErrorCode,
  KEYRING_ERROR_CODES,
  type BlockView as WireBlockView,
  type ConnectionDefinition as WireConnectionDefinition,
  type ConnectionView as WireConnectionView,
  type ExportRequest,
  type Flow,
  type FlowOutcome as WireFlowOutcome,
  type FlowRunOf,
  type ImportOutcome as WireImportOutcome,
  type Result,
  type RunEntry as WireRunEntry,
  type BlockOutcome as WireBlockOutcome,
  type StateView as WireStateView,
  type StepOutcome as WireStepOutcome,
  type CaseRun as WireCaseRun,
  type TestCaseRef,
  type TestRunReport as WireTestRunReport,
  type TypedRequest,
  type WorkspaceView as WireWorkspaceView,
  type PresetParameter as WirePresetParameter,
  type PresetValues as WirePresetValues,
  type ProviderPreset as WireProviderPreset,
  type ProviderPresets as WireProviderPresets,
  type Preferences as WirePreferences,
  type PaneWidths,
  type Theme,
} from '../bindings';
import type { JsonValue } from './json';

export type { JsonValue } from './json';
export type {
  BlockError as RunError,
  BlockKind,
  CaseStatus,
  TestCaseRef,
  ConfigVar,
  ConnectionHostChange,
  ConnectionKind,
  ConnectionSecretsNeeded,
  DecodedJwt,
  ErrorCode,
  ExportFormat,
  ExportRequest,
  Exported,
  FlowRunOf,
  ImportReport,
  InputDefinition as ConnectionInput,
  IssuedToken,
  InputFormat,
  LogLevel,
  LogLine,
  NameValue,
  RunSummary,
  LinkedRun,
  TokenStatusView as TokenStatus,
  TokenExchange,
  TypedRequest,
  DiscoveredProvider,
  RecentWorkspace,
  Theme,
} from '../bindings';

/** A block as listed, with its `stepResults` key computed in Rust (the platform's camelCase). */
export type BlockView = WireBlockView;
/** A flow as the UI lists it; its JSON schemas (`context.flowSchemas`) are edited in the manifest, not shown. */
export type FlowView = Required<Omit<Flow, 'schemas'>>;
/** A connection as the workspace file defines it: its kind and non-secret inputs. */
export type ConnectionDefinition = Omit<WireConnectionDefinition, 'inputs'> & { inputs: Record<string, string> };
/** A connection as the connections panel lists it: non-secret inputs, which secrets are stored, whether it has a token. */
export type ConnectionView = Omit<WireConnectionView, 'inputs' | 'secrets'> & {
  inputs: Record<string, string>;
  /** Each secret input's key and whether the keyring holds a value for it (never the value). */
  secrets: Record<string, boolean>;
};
export type WorkspaceView = Omit<WireWorkspaceView, 'flows' | 'connections'> & {
  flows: FlowView[];
  connections: ConnectionDefinition[];
};
/** A provider preset's parameter: its serde defaults (help, default, choices) are always on the wire. */
export type PresetParameter = Required<WirePresetParameter>;
export type ProviderPreset = Omit<WireProviderPreset, 'parameters'> & { parameters: PresetParameter[] };
export type ProviderPresets = Omit<WireProviderPresets, 'presets'> & { presets: ProviderPreset[] };
/** A preset filled in: the connection's kind and the values it decides. */
export type PresetValues = Omit<WirePresetValues, 'values'> & { values: Record<string, string> };
/** A run's outcome as the window keeps it. The app sends it without `returned` (which nothing shows and which holds
 * an action's whole result a second time, `{ data: result }`), the result as the worker wrote it: the IPC reply is
 * parsed once, here. */
export type RunOutcome = Omit<WireBlockOutcome, 'result' | 'response' | 'debugResults'> & {
  result: JsonValue;
  response: JsonValue;
  /** In debug mode, what the block's `context.debug` recorded (`context.debug.results`). */
  debugResults?: JsonValue;
};
export type RunEntry = Omit<WireRunEntry, 'inputs' | 'outcome'> & { inputs: JsonValue; outcome: JsonValue };
export type FlowStepOutcome = Omit<WireStepOutcome, 'result' | 'debugResults'> & {
  result: JsonValue;
  debugResults?: JsonValue;
};
export type FlowOutcome = { ok: boolean; steps: FlowStepOutcome[]; response: JsonValue };
/** One test case's run; a failed case carries its expected and actual outcomes for the diff view. */
export type CaseRun = Omit<WireCaseRun, 'compared'> & { compared?: { expected: JsonValue; actual: JsonValue } };
export type TestRunReport = { cases: CaseRun[] };
/** What an import brought in (`report`), and the workspace as it now is. */
export type ImportOutcome = Omit<WireImportOutcome, 'workspace'> & { workspace: WorkspaceView };
/** What the app remembers between starts: the theme, the recent workspaces, the block last selected in each. */
export type Preferences = Omit<WirePreferences, 'lastBlocks'> & { lastBlocks: Record<string, string> };
/** What blocks keep between runs: `instanceState` per flow name, and the shared `crossFlowState`. */
export interface PersistedState {
  instanceState: Record<string, JsonValue>;
  crossFlowState: JsonValue;
}

/** What saving a connection sends: `original` is its name before this edit (null when new). */
export interface ConnectionDraft {
  original: string | null;
  name: string;
  kind: string;
  /** Non-secret inputs by input key, plus per-connection settings such as `redirectUri`. */
  values: Record<string, string>;
  /** Only the secret inputs typed anew; one left out keeps what the keyring holds. */
  secrets: Record<string, string>;
}

/** Failures the UI itself names: the app is not there, or did not answer as the app answers. */
export type UiErrorCode = 'backend_unavailable' | 'ipc_failed' | 'command_missing' | 'unexpected';

/** The code of the error raised when the page runs outside the app (a plain browser), so there is no backend. */
export const BACKEND_UNAVAILABLE: UiErrorCode = 'backend_unavailable';
/** The code of the error raised when the IPC call itself failed (the app gave no `{ code, message }` answer). */
export const IPC_FAILED: UiErrorCode = 'ipc_failed';
/** The code of the error raised when the app has no such command (a feature this build does not have yet). */
export const COMMAND_MISSING: UiErrorCode = 'command_missing';

/**
 * A failed backend call, as the app reports it. `code` is one of Rust's `ErrorCode`s (generated into
 * `bindings.ts`) or one the UI names itself; `message` is for people.
 */
export class BackendError extends Error {
  readonly code: ErrorCode | UiErrorCode;

  constructor(code: ErrorCode | UiErrorCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

const KEYRING_CODES: ReadonlySet<string> = new Set(KEYRING_ERROR_CODES);

/** Whether the OS keyring failed (Rust's list of keyring codes, from the bindings). */
export function isKeyringCode(code: ErrorCode | UiErrorCode): boolean {
  return KEYRING_CODES.has(code);
}

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

function outcomeFromWire(outcome: WireBlockOutcome): RunOutcome {
  return {
    ok: outcome.ok,
    logs: outcome.logs,
    error: outcome.error,
    durationMs: outcome.durationMs,
    result: jsonFromWire(outcome.result),
    response: jsonFromWire(outcome.response),
    debugResults: debugResultsFromWire(outcome.debugResults),
  };
}

function debugResultsFromWire(results: WireBlockOutcome['debugResults']): JsonValue | undefined {
  return results === undefined || results === null ? undefined : jsonFromWire(results);
}

function caseRunFromWire(run: WireCaseRun): CaseRun {
  const { compared, ...rest } = run;
  if (!compared) return rest;
  return { ...rest, compared: { expected: jsonFromWire(compared.expected), actual: jsonFromWire(compared.actual) } };
}

function reportFromWire(report: WireTestRunReport): TestRunReport {
  return { cases: report.cases.map(caseRunFromWire) };
}

function entryFromWire(entry: WireRunEntry): RunEntry {
  return { ...entry, inputs: jsonFromWire(entry.inputs), outcome: jsonFromWire(entry.outcome) };
}

/** For a command generated without a `Result` (it cannot fail as an app error): only IPC failures remain. */
async function plain<T>(command: string, call: () => Promise<T>): Promise<T> {
  return unwrap(command, async () => ({ status: 'ok', data: await call() }) as Result<T, AppError>);
}

/** Drops the `undefined` the generated `Partial<…>` record types allow but JSON never carries. */
function definedEntries<T>(record: Partial<Record<string, T>> | undefined): Record<string, T> {
  const defined: Record<string, T> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (value !== undefined) defined[key] = value;
  }
  return defined;
}

function workspaceFromWire(view: WireWorkspaceView): WorkspaceView {
  return {
    ...view,
    flows: view.flows.map((flow) => ({ ...flow, steps: flow.steps ?? [] })),
    connections: view.connections.map((connection) => ({ ...connection, inputs: definedEntries(connection.inputs) })),
  };
}

function connectionsFromWire(views: WireConnectionView[]): ConnectionView[] {
  return views.map((view) => ({ ...view, inputs: definedEntries(view.inputs), secrets: definedEntries(view.secrets) }));
}

/** A flow run's outcome as the app sends it, with the JSON its steps carry parsed. */
export function flowOutcomeFromWire(outcome: WireFlowOutcome): FlowOutcome {
  return {
    ...outcome,
    response: jsonFromWire(outcome.response),
    steps: outcome.steps.map((step) => ({
      ...step,
      result: jsonFromWire(step.result),
      debugResults: debugResultsFromWire(step.debugResults),
    })),
  };
}

function stateFromWire(state: WireStateView): PersistedState {
  return {
    instanceState: Object.fromEntries(
      Object.entries(definedEntries(state.instanceState)).map(([flow, value]) => [flow, jsonFromWire(value)]),
    ),
    crossFlowState: jsonFromWire(state.crossFlowState),
  };
}

function preferencesFromWire(preferences: WirePreferences): Preferences {
  return { ...preferences, lastBlocks: definedEntries(preferences.lastBlocks) };
}

function importOutcomeFromWire(outcome: WireImportOutcome): ImportOutcome {
  return { ...outcome, workspace: workspaceFromWire(outcome.workspace) };
}

async function connections(command: string, call: () => Promise<Result<WireConnectionView[], AppError>>) {
  return connectionsFromWire(await unwrap(command, call));
}

async function persistedState(command: string, call: () => Promise<Result<WireStateView, AppError>>) {
  return stateFromWire(await unwrap(command, call));
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

  runBlock: async (runId: string, blockId: string, source: string, input: JsonValue, debugMode: boolean) =>
    outcomeFromWire(await unwrap('run_block', () => commands.runBlock(runId, blockId, source, input, debugMode))),
  /** Answers whether a run with that id was still running (and is now stopped). */
  /** OpenID Connect / RFC 8414 discovery for an issuer: the endpoints and settings to fill in. */
  oauthDiscover: (issuer: string) => unwrap('oauth_discover', () => commands.oauthDiscover(issuer)),
  /** The provider presets: Blocksmith's, with the person's own file laid over them. */
  oauthPresets: async (): Promise<ProviderPresets> => {
    const listed = await plain('oauth_presets', () => commands.oauthPresets());
    return {
      ...listed,
      presets: listed.presets.map((preset) => ({
        ...preset,
        parameters: preset.parameters.map((parameter) => ({
          ...parameter,
          help: parameter.help ?? '',
          default: parameter.default ?? null,
          choices: parameter.choices ?? [],
        })),
      })),
    };
  },
  /** A preset's connection kind and values for the parameters given (tenant, domain, …). */
  oauthPresetValues: async (key: string, parameters: Record<string, string>): Promise<PresetValues> => {
    const filled = await unwrap('oauth_preset_values', () => commands.oauthPresetValues(key, parameters));
    return { ...filled, values: definedEntries(filled.values) };
  },
  runStop: (runId: string) => plain('run_stop', () => commands.runStop(runId)),
  /** The trigger's payload for a request typed in the payload editor, built as the webhook listener builds it. */
  payloadFromRequest: async (request: TypedRequest) =>
    jsonFromWire(await plain('payload_from_request', () => commands.payloadFromRequest(request))),
  /** Runs the whole flow; `payload` null runs the trigger with its saved sample. `runStop(runId)` stops it. */
  runFlow: async (runId: string, flow: string, payload: JsonValue | null, debugMode: boolean) =>
    flowOutcomeFromWire(await unwrap('run_flow', () => commands.runFlow(runId, flow, payload, debugMode))),

  stateRead: () => persistedState('state_read', () => commands.stateRead()),
  stateResetInstance: (flow: string) =>
    persistedState('state_reset_instance', () => commands.stateResetInstance(flow)),
  stateResetCrossFlow: () => persistedState('state_reset_cross_flow', () => commands.stateResetCrossFlow()),

  historyList: (blockId: string) => unwrap('history_list', () => commands.historyList(blockId)),
  historyGet: async (id: number) => entryFromWire(await unwrap('history_get', () => commands.historyGet(id))),
  /** The steps a flow run recorded (`runId` as given to `runFlow`), each with the runs it invoked. */
  historyFlowRun: (runId: string) => unwrap('history_flow_run', () => commands.historyFlowRun(runId)),

  /** The test cases of the block, or (with `blockId` null) of every block of the flow and of its whole runs. */
  testCaseList: (blockId: string | null, flow: string | null) =>
    unwrap('test_case_list', () => commands.testCaseList(blockId, flow)),
  /** Replays the listed cases offline and compares each with its expected outcome. */
  testCaseRun: async (blockId: string | null, flow: string | null) =>
    reportFromWire(await unwrap('test_case_run', () => commands.testCaseRun(blockId, flow))),
  /** "Accept new result": the case's new outcome becomes the expected one. */
  testCaseAccept: async (listed: TestCaseRef) =>
    caseRunFromWire(
      await unwrap('test_case_accept', () =>
        commands.testCaseAccept(listed.blockId, listed.caseId, listed.flow ?? null),
      ),
    ),
  testCaseRemove: (listed: TestCaseRef) =>
    unwrap('test_case_remove', () => commands.testCaseRemove(listed.blockId, listed.caseId, listed.flow ?? null)),
  /** "Save as test": runs the block once more, live, with the recorded run's input, and saves that run as a case. */
  testCaseFromRun: async (runId: number, name: string) =>
    caseRunFromWire(await unwrap('test_case_from_run', () => commands.testCaseFromRun(runId, name))),
  /** "Save as test" on a flow run: runs the whole flow once more, live, with that run's trigger input, and saves
   * that run as a case of the flow. */
  testCaseFromFlowRun: async (flowRun: FlowRunOf, name: string) =>
    caseRunFromWire(
      await unwrap('test_case_from_flow_run', () => commands.testCaseFromFlowRun(flowRun, name)),
    ),

  connectionKinds: () => plain('connection_kinds', () => commands.connectionKinds()),
  connectionList: () => connections('connection_list', () => commands.connectionList()),
  /** Saves a connection; a move of an OAuth endpoint to another host while secrets are stored needs `allowHostChange`. */
  connectionSave: (draft: ConnectionDraft, allowHostChange = false) =>
    connections('connection_save', () =>
      commands.connectionSave(draft.original, draft.name, draft.kind, draft.values, draft.secrets, allowHostChange),
    ),
  /** The OAuth connections whose endpoints moved to hosts their stored secrets do not belong to. */
  connectionHostChanges: () => unwrap('connection_host_changes', () => commands.connectionHostChanges()),
  /** Drops the connection's stored token and binds its secrets to the hosts it has now (the person confirmed). */
  connectionAcceptHostChange: (name: string) =>
    connections('connection_accept_host_change', () => commands.connectionAcceptHostChange(name)),
  connectionDelete: (name: string) => connections('connection_delete', () => commands.connectionDelete(name)),
  /** The stored value of one secret input, or null when none is stored: only when the person pressed Reveal. */
  secretReveal: (connection: string, inputKey: string) =>
    unwrap('secret_reveal', () => commands.secretReveal(connection, inputKey)),

  /** The token's status, or null when the connection has no token. */
  oauthStatus: (connection: string) => unwrap('oauth_status', () => commands.oauthStatus(connection)),
  /** Authorization code: resolves when the person has consented in the sign-in window (or rejects). */
  oauthConnect: (connection: string) => unwrap('oauth_connect', () => commands.oauthConnect(connection)),
  /** Authorization code in the system browser: resolves when the loopback listener got the consent (or rejects). */
  oauthConnectInBrowser: (connection: string) =>
    unwrap('oauth_connect_in_browser', () => commands.oauthConnectInBrowser(connection)),
  /** The loopback redirect URI the system browser flow listens on: the one to register with the provider. */
  oauthSystemBrowserRedirectUri: (connection: string) =>
    unwrap('oauth_system_browser_redirect_uri', () => commands.oauthSystemBrowserRedirectUri(connection)),
  /** Cancels the authorization in progress (closes the consent window or stops waiting for the browser). */
  oauthCancel: () => plain('oauth_cancel', () => commands.oauthCancel()),
  /** Client credentials: requests a token. */
  oauthFetchToken: (connection: string) => unwrap('oauth_fetch_token', () => commands.oauthFetchToken(connection)),
  oauthRefresh: (connection: string) => unwrap('oauth_refresh', () => commands.oauthRefresh(connection)),
  oauthDisconnect: (connection: string) => unwrap('oauth_disconnect', () => commands.oauthDisconnect(connection)),
  /** The last token request and response, secrets already masked by the app; null when none was made. */
  oauthLastExchange: (connection: string) => plain('oauth_last_exchange', () => commands.oauthLastExchange(connection)),

  /** The export's text and the file name to offer in the save dialog. */
  exportPreview: (request: ExportRequest) => unwrap('export_preview', () => commands.exportPreview(request)),
  exportToFile: (request: ExportRequest, path: string) =>
    unwrap('export_to_file', () => commands.exportToFile(request, path)),
  /** Imports a bundle or integration YAML file; without `rename`, a name clash imports nothing. */
  importFile: async (path: string, rename: boolean) =>
    importOutcomeFromWire(await unwrap('import_file', () => commands.importFile(path, rename))),

  preferencesRead: async () => preferencesFromWire(await unwrap('preferences_read', () => commands.preferencesRead())),
  themeSet: async (theme: Theme) => preferencesFromWire(await unwrap('theme_set', () => commands.themeSet(theme))),
  /** Remembers the selected block of the workspace at `workspacePath`, to select it again at the next start. */
  lastBlockRemember: (workspacePath: string, blockId: string) =>
    unwrap('last_block_remember', () => commands.lastBlockRemember(workspacePath, blockId)),
  /** Remembers the side panes' widths, as the splitters left them. */
  paneWidthsRemember: (widths: PaneWidths) => unwrap('pane_widths_remember', () => commands.paneWidthsRemember(widths)),
};

/** Turns anything a failed call threw into a `BackendError`, so the UI has one shape to show. */
export function asBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BackendError('unexpected', message);
}
