// Saves a block's source shortly after the user stops typing, and at once when asked (switching block, closing).
// A failed save (a folder that became read-only, a full disk) keeps the text queued and is tried again every
// few seconds, so the edit lands by itself once the folder is writable again.
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

interface PendingSave {
  blockId: string;
  source: string;
}

export class Autosaver {
  private pending: PendingSave | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly save: (blockId: string, source: string) => Promise<void>,
    private readonly delayMs: number,
    private readonly onState: (state: SaveState, error?: unknown) => void,
    private readonly retryMs = 5_000,
  ) {}

  /** Queues the latest source of a block; an edit to another block first saves the one pending. */
  schedule(blockId: string, source: string): void {
    if (this.pending && this.pending.blockId !== blockId) void this.flush();
    this.pending = { blockId, source };
    this.onState('pending');
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves what is pending now; resolves when every save started so far has finished. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const toSave = this.pending;
    this.pending = null;
    if (toSave) {
      // Saves run one after another, so an older source can never overwrite a newer one.
      this.inFlight = this.inFlight.then(() => this.saveOne(toSave));
    }
    return this.inFlight;
  }

  private async saveOne(toSave: PendingSave): Promise<void> {
    this.onState('saving');
    try {
      await this.save(toSave.blockId, toSave.source);
      if (!this.pending) this.onState('saved');
    } catch (error) {
      // Keep the unsaved source queued (unless newer text replaced it) and try again later.
      if (!this.pending) this.pending = toSave;
      this.onState('failed', error);
      if (this.timer === null) this.timer = setTimeout(() => void this.flush(), this.retryMs);
    }
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
  }
}
