// Pure helpers for the webhook listener panel: the list of recent calls and how each is summarised.
import type { JsonValue } from '../common/json';

/** One answered call, as the app reports it (the `WebhookCallEvent`, with its outcome's JSON settled). */
export interface WebhookCall {
  method: string;
  path: string;
  flow: string | null;
  status: number;
  ok: boolean;
  durationMs: number;
  executionId: string | null;
  outcome: {
    ok: boolean;
    steps: { name: string; ok: boolean; durationMs: number; error: { name: string; message: string; line: number | null } | null }[];
    response: JsonValue;
  } | null;
  error: string | null;
}

/** How many calls the panel keeps. */
export const MAX_CALLS = 20;

/** The calls with `call` first, at most `limit` of them. */
export function withCall(calls: readonly WebhookCall[], call: WebhookCall, limit = MAX_CALLS): WebhookCall[] {
  return [call, ...calls].slice(0, Math.max(0, limit));
}

/** `ok` for a 2xx/3xx answer, `client` for 4xx, `server` for 5xx: the colour of the status. */
export function statusTone(status: number): 'ok' | 'client' | 'server' {
  if (status >= 500) return 'server';
  if (status >= 400) return 'client';
  return 'ok';
}

/** One line for a call: `POST /orders → 201 · 12 ms`. */
export function callSummary(call: Pick<WebhookCall, 'method' | 'path' | 'status' | 'durationMs'>): string {
  return `${call.method} ${call.path} → ${call.status} · ${formatMs(call.durationMs)}`;
}

/** Why a call did not succeed, in a sentence; null when it did. */
export function callProblem(call: WebhookCall): string | null {
  if (call.error) return call.error;
  const failed = call.outcome?.steps.find((step) => !step.ok);
  if (failed) {
    const where = failed.error?.line != null ? ` (line ${failed.error.line})` : '';
    return `${failed.name} failed${where}: ${failed.error ? `${failed.error.name}: ${failed.error.message}` : 'no error was reported'}`;
  }
  return call.ok ? null : `The call was answered with ${call.status}.`;
}

/** A curl command that calls `url` with a JSON body, to copy into a terminal. */
export function curlCommand(url: string): string {
  return `curl -i -X POST '${url.replace(/'/g, "'\\''")}' -H 'Content-Type: application/json' -d '{"hello":"world"}'`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
