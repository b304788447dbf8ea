import { describe, expect, it } from 'vitest';
import { breakpointStore } from './breakpointStore';

describe('breakpointStore', () => {
  it('toggles breakpoints by line, keeps them in line order, and edits a condition or log message', async () => {
    const failures: unknown[] = [];
    breakpointStore.onSaveFailed = (error) => failures.push(error);
    await breakpointStore.open('code-block');
    expect(breakpointStore.snapshot()).toEqual([]);

    breakpointStore.toggle(7);
    breakpointStore.toggle(3);
    expect(breakpointStore.snapshot()).toEqual([{ line: 3 }, { line: 7 }]);

    breakpointStore.edit(7, { condition: 'i > 2' });
    breakpointStore.edit(3, { logMessage: 'i is {i}' });
    expect(breakpointStore.snapshot()).toEqual([
      { line: 3, logMessage: 'i is {i}' },
      { line: 7, condition: 'i > 2' },
    ]);
    breakpointStore.edit(7, { condition: '' });
    expect(breakpointStore.snapshot()[1]).toEqual({ line: 7 });

    breakpointStore.toggle(3);
    expect(breakpointStore.snapshot()).toEqual([{ line: 7 }]);

    // Outside the app nothing can be saved, and the person is told so rather than left believing it was kept.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failures.length).toBeGreaterThan(0);
    breakpointStore.onSaveFailed = null;
  });

  it('starts empty for another block', async () => {
    breakpointStore.toggle(1);
    await breakpointStore.open('another-block');
    expect(breakpointStore.snapshot()).toEqual([]);
  });
});
