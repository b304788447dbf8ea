// The listener's commands and its call event, from the generated bindings, with failures turned into the
// `BackendError` every feature branches on.
import { commands, events, type AppError, type Result, type WebhookStatus } from '../bindings';
import { BACKEND_UNAVAILABLE, BackendError, IPC_FAILED } from '../common/backend';
import type { WebhookCall } from './calls';

export type { WebhookStatus } from '../bindings';

function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function unwrap<T>(command: string, call: () => Promise<Result<T, AppError>>): Promise<T> {
  if (!insideTauri()) {
    throw new BackendError(BACKEND_UNAVAILABLE, 'The webhook listener needs the Blocksmith app.');
  }
  let result: Result<T, AppError>;
  try {
    result = await call();
  } catch (error) {
    throw new BackendError(IPC_FAILED, `The app did not answer “${command}”: ${String(error)}`);
  }
  if (result.status === 'ok') return result.data;
  throw new BackendError(result.error.code, result.error.message);
}

export const webhookApi = {
  start: (flow: string) => unwrap('webhook_start', () => commands.webhookStart(flow)),
  stop: () => unwrap('webhook_stop', () => commands.webhookStop()),
  status: () =>
    unwrap('webhook_status', async () => ({ status: 'ok', data: await commands.webhookStatus() }) as Result<WebhookStatus, AppError>),
  /** Calls `onCall` for every answered call; resolves with the function that stops listening. */
  onCall: async (onCall: (call: WebhookCall) => void): Promise<() => void> => {
    if (!insideTauri()) return () => undefined;
    // The event's JSON values (outcome results, the response) arrive as JSON; the generated type is wider.
    return events.webhookCallEvent.listen((event) => onCall(event.payload as unknown as WebhookCall));
  },
};
