// The open block's breakpoints, shared by the editor's gutter (which toggles them) and the Debug view (which
// edits their condition or log message and starts runs with them). Saved per block in the workspace's
// `.blocksmith/` through the app, never in the block's file.
import { useSyncExternalStore } from 'react';
import { debugApi, type SavedBreakpoint } from './debugApi';

type Listener = () => void;

class BreakpointStore {
  private blockId: string | null = null;
  private breakpoints: SavedBreakpoint[] = [];
  private listeners = new Set<Listener>();
  /** Told when a save fails, so the person learns their breakpoint was not kept. */
  onSaveFailed: ((error: unknown) => void) | null = null;

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = () => this.breakpoints;

  /** Loads the saved breakpoints of `blockId` (none while it loads, or for no block). */
  async open(blockId: string | null): Promise<void> {
    this.blockId = blockId;
    this.set([]);
    if (blockId === null) return;
    try {
      const saved = await debugApi.breakpoints(blockId);
      if (this.blockId === blockId) this.set(saved);
    } catch {
      // Outside the app, or a block just deleted: it simply has no breakpoints.
    }
  }

  /** Adds a breakpoint on `line`, or removes the one there. */
  toggle(line: number): void {
    const exists = this.breakpoints.some((breakpoint) => breakpoint.line === line);
    this.replace(
      exists
        ? this.breakpoints.filter((breakpoint) => breakpoint.line !== line)
        : [...this.breakpoints, { line }].sort((a, b) => a.line - b.line),
    );
  }

  /** Changes the condition or log message of the breakpoint on `line` (an empty text clears it). */
  edit(line: number, change: { condition?: string; logMessage?: string }): void {
    this.replace(
      this.breakpoints.map((breakpoint) => {
        if (breakpoint.line !== line) return breakpoint;
        const edited = { ...breakpoint, ...change };
        return {
          line,
          ...(edited.condition ? { condition: edited.condition } : {}),
          ...(edited.logMessage ? { logMessage: edited.logMessage } : {}),
        };
      }),
    );
  }

  private replace(breakpoints: SavedBreakpoint[]): void {
    this.set(breakpoints);
    const blockId = this.blockId;
    if (blockId === null) return;
    debugApi.saveBreakpoints(blockId, breakpoints).catch((error: unknown) => this.onSaveFailed?.(error));
  }

  private set(breakpoints: SavedBreakpoint[]): void {
    this.breakpoints = breakpoints;
    for (const listener of this.listeners) listener();
  }
}

export const breakpointStore = new BreakpointStore();

/** The open block's breakpoints, re-rendering when they change. */
export function useBreakpoints(): SavedBreakpoint[] {
  return useSyncExternalStore(breakpointStore.subscribe, breakpointStore.snapshot);
}
