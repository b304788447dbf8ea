import { describe, expect, it } from 'vitest';
import { callProblem, callSummary, curlCommand, MAX_CALLS, statusTone, withCall, type WebhookCall } from './calls';

function call(overrides: Partial<WebhookCall> = {}): WebhookCall {
  return {
    method: 'POST',
    path: '/flow-1',
    flow: 'Flow 1',
    status: 200,
    ok: true,
    durationMs: 12.4,
    executionId: 'local-1-1',
    outcome: { ok: true, steps: [{ name: 'Code Block Trigger', ok: true, durationMs: 5, error: null }], response: null },
    error: null,
    ...overrides,
  };
}

describe('withCall', () => {
  it('puts the newest call first and keeps at most the limit', () => {
    let calls: WebhookCall[] = [];
    for (let i = 0; i < MAX_CALLS + 5; i++) calls = withCall(calls, call({ path: `/flow-1/${i}` }));
    expect(calls).toHaveLength(MAX_CALLS);
    expect(calls[0]?.path).toBe(`/flow-1/${MAX_CALLS + 4}`);
    expect(withCall([call()], call({ path: '/x' }), 1).map((c) => c.path)).toEqual(['/x']);
  });
});

describe('statusTone', () => {
  it('colours by the status class', () => {
    expect(statusTone(201)).toBe('ok');
    expect(statusTone(302)).toBe('ok');
    expect(statusTone(404)).toBe('client');
    expect(statusTone(500)).toBe('server');
  });
});

describe('callSummary', () => {
  it('names the method, path, status and duration', () => {
    expect(callSummary(call())).toBe('POST /flow-1 → 200 · 12 ms');
    expect(callSummary(call({ method: 'GET', status: 404, durationMs: 1500 }))).toBe('GET /flow-1 → 404 · 1.50 s');
  });
});

describe('callProblem', () => {
  it('is null for a call that succeeded', () => {
    expect(callProblem(call())).toBeNull();
  });
  it('names the failing step, its error and line', () => {
    const failed = call({
      ok: false,
      status: 500,
      outcome: {
        ok: false,
        steps: [{ name: 'Code Block Trigger', ok: false, durationMs: 3, error: { name: 'TypeError', message: 'x is undefined', line: 4 } }],
        response: null,
      },
    });
    expect(callProblem(failed)).toBe('Code Block Trigger failed (line 4): TypeError: x is undefined');
  });
  it('passes on why no flow ran', () => {
    expect(callProblem(call({ ok: false, status: 404, outcome: null, error: 'No flow is served at /x.' }))).toBe(
      'No flow is served at /x.',
    );
  });
});

describe('curlCommand', () => {
  it('posts JSON to the URL, quoted for a shell', () => {
    const url = 'http://127.0.0.1:8787/3f9c2a7be4d1608f5a2c9e7b1d4f6a8c0e2b4d6f/flow-1';
    expect(curlCommand(url)).toBe(`curl -i -X POST '${url}' -H 'Content-Type: application/json' -d '{"hello":"world"}'`);
    expect(curlCommand("http://h/it's")).toContain(`'http://h/it'\\''s'`);
  });
});
