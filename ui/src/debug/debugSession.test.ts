import { describe, expect, it, vi } from 'vitest';
import type { DebugNoticeEvent } from './debugApi';

// The app's side is replaced here: the notices a flow's debug run sends are played by hand, and the run ends when
// the test says so. What is checked is how the session follows them.
const app = vi.hoisted(() => ({
  hear: null as ((notice: DebugNoticeEvent) => void) | null,
  endFlow: null as ((outcome: unknown) => void) | null,
  asked: [] as Array<{ runId: string; flow: string }>,
}));
vi.mock('./debugApi', () => ({
  debugApi: {
    listen: async (onNotice: (notice: DebugNoticeEvent) => void) => {
      app.hear = onNotice;
      return () => undefined;
    },
    debugFlow: (runId: string, flow: string) => {
      app.asked.push({ runId, flow });
      return new Promise((resolve) => {
        app.endFlow = resolve;
      });
    },
    command: async () => true,
  },
}));

const { DebugSession } = await import('./debugSession');

describe('DebugSession of a flow', () => {
  it('follows the step running, pauses in its block, and ends with the flow outcome', async () => {
    const session = new DebugSession(() => undefined);
    const ended = session.startFlow('Flow 1', null, { exceptions: { uncaught: false, all: false }, stopOnEntry: false });
    await vi.waitFor(() => expect(app.asked).toHaveLength(1));
    const runId = app.asked[0]!.runId;
    expect(session.snapshot).toMatchObject({ phase: 'running', target: { kind: 'flow', flow: 'Flow 1' }, runningBlockId: null });

    const hear = app.hear!;
    hear({ runId, event: null, stepStarted: { name: 'Code Block Trigger', blockId: 'code-block-trigger', path: '/w/t.js' } });
    hear({ runId: 'another-run', event: null, stepStarted: { name: 'Elsewhere', blockId: 'elsewhere', path: '/w/e.js' } });
    hear({ runId, event: { event: 'stopped', reason: 'breakpoint', line: 2, column: 3 }, stepStarted: null });
    expect(session.snapshot).toMatchObject({
      phase: 'paused',
      runningBlockId: 'code-block-trigger',
      stepName: 'Code Block Trigger',
      paused: { line: 2, reason: 'breakpoint' },
    });

    hear({ runId, event: { event: 'continued' }, stepStarted: null });
    hear({ runId, event: null, stepStarted: { name: 'Code Block', blockId: 'code-block', path: '/w/s.js' } });
    expect(session.snapshot).toMatchObject({ phase: 'running', runningBlockId: 'code-block', stepName: 'Code Block' });

    const outcome = { ok: true, steps: [], response: null };
    app.endFlow!(outcome);
    await ended;
    expect(session.snapshot).toMatchObject({ phase: 'ended', flowOutcome: outcome, outcome: null, paused: null });
    session.clear();
    expect(session.snapshot.phase).toBe('idle');
  });
});
