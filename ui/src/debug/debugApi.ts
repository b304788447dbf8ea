// The debugger's commands and its notice event, from the generated bindings, with failures turned into the
// `BackendError` every feature branches on.
import {
  commands,
  events,
  type AppError,
  type DebugCommand,
  type DebugNoticeEvent,
  type ExceptionFilters,
  type Result,
  type SavedBreakpoint,
} from '../bindings';
import { BACKEND_UNAVAILABLE, BackendError, IPC_FAILED, flowOutcomeFromWire, type JsonValue } from '../common/backend';

export type {
  Answer,
  DebugCommand,
  DebugEvent,
  DebugNoticeEvent,
  ExceptionFilters,
  SavedBreakpoint,
  ScopeInfo,
  StackFrame,
  StopReason,
  VariableInfo,
} from '../bindings';

function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function unwrap<T>(command: string, call: () => Promise<Result<T, AppError>>): Promise<T> {
  if (!insideTauri()) throw new BackendError(BACKEND_UNAVAILABLE, 'The debugger needs the Blocksmith app.');
  let result: Result<T, AppError>;
  try {
    result = await call();
  } catch (error) {
    throw new BackendError(IPC_FAILED, `The app did not answer “${command}”: ${String(error)}`);
  }
  if (result.status === 'ok') return result.data;
  throw new BackendError(result.error.code, result.error.message);
}

export interface DebugStartOptions {
  exceptions: ExceptionFilters;
  stopOnEntry: boolean;
}

export const debugApi = {
  /** Debugs the editor's text as block `blockId` with the run's `input`; resolves when the run ends. */
  debugBlock: (runId: string, blockId: string, source: string, input: JsonValue, options: DebugStartOptions) =>
    unwrap('debug_block', () => commands.debugBlock(runId, blockId, source, input, options)),
  /** Debugs every step of `flow` (`payload` null: the trigger's saved sample); resolves when the run ends. */
  debugFlow: (runId: string, flow: string, payload: JsonValue | null, options: DebugStartOptions) =>
    unwrap('debug_flow', () => commands.debugFlow(runId, flow, payload, options)).then(flowOutcomeFromWire),
  /** Passes a command to the debug run; false when it is no longer running. */
  command: async (runId: string, command: DebugCommand) => {
    if (!insideTauri()) return false;
    return commands.debugCommand(runId, command);
  },
  stop: async (runId: string) => {
    if (!insideTauri()) return false;
    return commands.runStop(runId);
  },
  breakpoints: (blockId: string) => unwrap('breakpoints_get', () => commands.breakpointsGet(blockId)),
  saveBreakpoints: (blockId: string, breakpoints: SavedBreakpoint[]) =>
    unwrap('breakpoints_save', () => commands.breakpointsSave(blockId, breakpoints)),
  /** Calls `onNotice` for every debug run's notices; resolves with the function that stops listening. */
  listen: async (onNotice: (notice: DebugNoticeEvent) => void): Promise<() => void> => {
    if (!insideTauri()) return () => undefined;
    return events.debugNoticeEvent.listen((event) => onNotice(event.payload));
  },
};
