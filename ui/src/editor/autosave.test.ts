import { describe, expect, it } from 'vitest';
import { Autosaver, type SaveState } from './autosave';

const DELAY_MS = 20;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(failFirst = 0, retryMs = 5_000) {
  const saves: [string, string][] = [];
  const states: SaveState[] = [];
  let failuresLeft = failFirst;
  const saver = new Autosaver(
    async (blockId, source) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('The folder is read-only.');
      }
      saves.push([blockId, source]);
    },
    DELAY_MS,
    (state) => states.push(state),
    retryMs,
  );
  return { saver, saves, states };
}

describe('Autosaver', () => {
  it('saves once, with the latest text, after typing pauses', async () => {
    const { saver, saves, states } = recorder();
    saver.schedule('a', 'one');
    saver.schedule('a', 'one two');
    expect(saves).toEqual([]);
    await wait(DELAY_MS * 3);
    expect(saves).toEqual([['a', 'one two']]);
    expect(states.at(-1)).toBe('saved');
  });

  it('saves at once when flushed', async () => {
    const { saver, saves } = recorder();
    saver.schedule('a', 'text');
    await saver.flush();
    expect(saves).toEqual([['a', 'text']]);
    await wait(DELAY_MS * 2);
    expect(saves).toEqual([['a', 'text']]);
  });

  it('saves the pending block before an edit to another block', async () => {
    const { saver, saves } = recorder();
    saver.schedule('a', 'for a');
    saver.schedule('b', 'for b');
    await saver.flush();
    expect(saves).toEqual([
      ['a', 'for a'],
      ['b', 'for b'],
    ]);
  });

  it('keeps an edit that failed to save and saves it on the next flush', async () => {
    const { saver, saves, states } = recorder(1);
    saver.schedule('a', 'precious');
    await saver.flush();
    expect(saves).toEqual([]);
    expect(states.at(-1)).toBe('failed');
    await saver.flush();
    expect(saves).toEqual([['a', 'precious']]);
    expect(states.at(-1)).toBe('saved');
  });

  it('tries a failed save again by itself until it lands', async () => {
    const { saver, saves, states } = recorder(2, DELAY_MS);
    saver.schedule('a', 'kept through two failures');
    await wait(DELAY_MS * 8);
    expect(saves).toEqual([['a', 'kept through two failures']]);
    expect(states.filter((state) => state === 'failed')).toHaveLength(2);
    expect(states.at(-1)).toBe('saved');
  });

  it('retries with the newest text when the user typed after a failure', async () => {
    const { saver, saves } = recorder(1, DELAY_MS * 4);
    saver.schedule('a', 'old');
    await saver.flush();
    saver.schedule('a', 'new');
    await wait(DELAY_MS * 3);
    expect(saves).toEqual([['a', 'new']]);
    saver.dispose();
  });
});
