// One debug run as the Debug view drives it, of a block or of a whole flow: starts it, follows its notices
// (paused, resumed, logpoints, a flow's next step, the answers to its questions) and asks the paused frame for its
// stack, scopes, variables and expressions. Each question carries a request number; its answer comes back as a
// notice with the same number.
import type { RunOutcome } from '../bindings';
import type { FlowOutcome, JsonValue } from '../common/backend';
import {
  debugApi,
  type Answer,
  type DebugCommand,
  type DebugNoticeEvent,
  type DebugStartOptions,
  type ScopeInfo,
  type StackFrame,
  type StopReason,
  type VariableInfo,
} from './debugApi';

export type DebugPhase = 'idle' | 'running' | 'paused' | 'ended';

export interface PausedAt {
  reason: StopReason;
  line: number;
  column: number;
  /** Why, in words (an exception's `Name: message`, a `debugger` statement). */
  text: string | null;
}

/** What a debug run runs: one block (the editor's text), or a flow's saved blocks in order. */
export type DebugTarget = { kind: 'block'; blockId: string } | { kind: 'flow'; flow: string };

export interface DebugSnapshot {
  phase: DebugPhase;
  target: DebugTarget | null;
  /** The block the debugger's lines belong to: the debugged block, or the flow's step running now. */
  runningBlockId: string | null;
  /** In a flow's run, the display name of the step running now. */
  stepName: string | null;
  paused: PausedAt | null;
  frames: StackFrame[];
  /** The frame the scopes, watches, console and hovers read: 0 (the paused one) until another is chosen. */
  selectedFrame: number;
  scopes: ScopeInfo[];
  /** What the logpoints printed, in order. */
  logpoints: string[];
  outcome: RunOutcome | null;
  flowOutcome: FlowOutcome | null;
  /** Why the run could not be debugged (not why the block failed: that is in `outcome`). */
  failure: string | null;
}

export interface Evaluated {
  result: string;
  type: string;
  variablesReference: number;
}

export const IDLE: DebugSnapshot = {
  phase: 'idle',
  target: null,
  runningBlockId: null,
  stepName: null,
  paused: null,
  frames: [],
  selectedFrame: 0,
  scopes: [],
  logpoints: [],
  outcome: null,
  flowOutcome: null,
  failure: null,
};

type Pending = { resolve: (answer: Answer) => void; reject: (error: Error) => void };

let nextRunNumber = 0;

export class DebugSession {
  private state: DebugSnapshot = IDLE;
  private runId: string | null = null;
  private nextRequest = 1;
  private pending = new Map<number, Pending>();
  private unlisten: (() => void) | null = null;
  private readonly onChange: (state: DebugSnapshot) => void;

  constructor(onChange: (state: DebugSnapshot) => void) {
    this.onChange = onChange;
  }

  get snapshot(): DebugSnapshot {
    return this.state;
  }

  /** Debugs block `blockId` (the editor's `source`, the run's `input`); resolves when the run has ended. */
  async start(blockId: string, source: string, input: JsonValue, options: DebugStartOptions): Promise<void> {
    await this.run({ kind: 'block', blockId }, blockId, async (runId) => {
      const outcome = await debugApi.debugBlock(runId, blockId, source, input, options);
      return { outcome };
    });
  }

  /** Debugs every step of `flow` as Run flow runs it (`payload` null: the trigger's saved sample), each step with
   * its saved breakpoints; resolves when the run has ended. */
  async startFlow(flow: string, payload: JsonValue | null, options: DebugStartOptions): Promise<void> {
    await this.run({ kind: 'flow', flow }, null, async (runId) => {
      const flowOutcome = await debugApi.debugFlow(runId, flow, payload, options);
      return { flowOutcome };
    });
  }

  /** Forgets an ended run, so the view is ready for the next. */
  clear(): void {
    if (this.state.phase === 'ended') this.update(IDLE);
  }

  private async run(
    target: DebugTarget,
    runningBlockId: string | null,
    debug: (runId: string) => Promise<Pick<DebugSnapshot, 'outcome'> | Pick<DebugSnapshot, 'flowOutcome'>>,
  ): Promise<void> {
    if (this.state.phase === 'running' || this.state.phase === 'paused') return;
    nextRunNumber += 1;
    const runId = `debug-${Date.now()}-${nextRunNumber}`;
    this.runId = runId;
    this.unlisten?.();
    this.unlisten = await debugApi.listen((notice) => this.heard(notice));
    this.update({ ...IDLE, phase: 'running', target, runningBlockId });
    try {
      const ended = await debug(runId);
      if (this.runId === runId) this.update({ ...this.state, ...ended, phase: 'ended', paused: null });
    } catch (error) {
      if (this.runId === runId) {
        this.update({ ...this.state, phase: 'ended', paused: null, failure: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      this.settleAll('The debug run ended.');
    }
  }

  /** Continue, step over, step into, step out or pause. */
  move(command: Extract<DebugCommand, { command: 'continue' | 'next' | 'stepIn' | 'stepOut' | 'pause' }>): void {
    if (this.runId) void debugApi.command(this.runId, command);
  }

  /** Ends the run at once. */
  stop(): void {
    if (this.runId && (this.state.phase === 'running' || this.state.phase === 'paused')) void debugApi.stop(this.runId);
  }

  async variables(variablesReference: number): Promise<VariableInfo[]> {
    const answer = await this.ask((request) => ({ command: 'variables', request, variablesReference, start: null, count: null }));
    return 'variables' in answer ? answer.variables : [];
  }

  /** Shows frame `frameId` of the call stack: its scopes, and the frame expressions evaluate in. */
  async selectFrame(frameId: number): Promise<void> {
    try {
      const scopes = await this.ask((request) => ({ command: 'scopes', request, frameId }));
      if (this.state.phase !== 'paused') return;
      this.update({ ...this.state, selectedFrame: frameId, scopes: 'scopes' in scopes ? scopes.scopes : [] });
    } catch {
      // The run went on before it answered: there is no frame to show.
    }
  }

  /** Evaluates `expression` in the selected frame; rejects with the error it threw. */
  async evaluate(expression: string): Promise<Evaluated> {
    const frameId = this.state.selectedFrame;
    const answer = await this.ask((request) => ({ command: 'evaluate', request, expression, frameId }));
    if ('result' in answer) return { result: answer.result, type: answer.type, variablesReference: answer.variablesReference };
    throw new Error('The debugger gave no value.');
  }

  dispose(): void {
    this.unlisten?.();
    this.unlisten = null;
    this.settleAll('The Debug view closed.');
  }

  private ask(command: (request: number) => DebugCommand): Promise<Answer> {
    const runId = this.runId;
    if (!runId || this.state.phase !== 'paused') return Promise.reject(new Error('The block is not paused.'));
    const request = this.nextRequest++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(request, { resolve, reject });
      void debugApi.command(runId, command(request)).then((sent) => {
        if (!sent) this.settle(request, new Error('The debug run has ended.'));
      });
    });
  }

  private heard(notice: DebugNoticeEvent): void {
    if (notice.runId !== this.runId) return;
    if (notice.stepStarted) {
      this.update({ ...this.state, runningBlockId: notice.stepStarted.blockId, stepName: notice.stepStarted.name });
    }
    if (!notice.event) return;
    const event = notice.event;
    switch (event.event) {
      case 'stopped':
        this.update({
          ...this.state,
          phase: 'paused',
          paused: { reason: event.reason, line: event.line, column: event.column, text: event.text ?? null },
          frames: [],
          selectedFrame: 0,
          scopes: [],
        });
        void this.describePause();
        break;
      case 'continued':
        this.settleAll('The block went on.');
        if (this.state.phase === 'paused') this.update({ ...this.state, phase: 'running', paused: null, frames: [], scopes: [] });
        break;
      case 'logPoint':
        this.update({ ...this.state, logpoints: [...this.state.logpoints, event.message] });
        break;
      case 'answer':
        this.pending.get(event.request)?.resolve(event.body);
        this.pending.delete(event.request);
        break;
      case 'refused':
        this.settle(event.request, new Error(event.message));
        break;
    }
  }

  /** The stack and the paused frame's scopes, asked for as soon as the run pauses. */
  private async describePause(): Promise<void> {
    try {
      const trace = await this.ask((request) => ({ command: 'stackTrace', request }));
      const scopes = await this.ask((request) => ({ command: 'scopes', request, frameId: 0 }));
      if (this.state.phase !== 'paused') return;
      this.update({
        ...this.state,
        frames: 'stackFrames' in trace ? trace.stackFrames : [],
        scopes: 'scopes' in scopes ? scopes.scopes : [],
      });
    } catch {
      // The run went on (or ended) before it answered: there is nothing paused to describe.
    }
  }

  private settle(request: number, error: Error): void {
    this.pending.get(request)?.reject(error);
    this.pending.delete(request);
  }

  private settleAll(reason: string): void {
    for (const request of [...this.pending.keys()]) this.settle(request, new Error(reason));
  }

  private update(state: DebugSnapshot): void {
    this.state = state;
    this.onChange(state);
  }
}
