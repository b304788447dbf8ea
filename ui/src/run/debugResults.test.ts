import { describe, expect, it } from 'vitest';
import { debugTable } from './debugResults';

describe('debugTable', () => {
  it('is null for a run that was not in debug mode', () => {
    expect(debugTable(undefined)).toBeNull();
    expect(debugTable(null)).toBeNull();
  });

  it('lists marks, measurements and memory rows, with the allowance', () => {
    const table = debugTable({
      timeElapsed: {
        marks: { start: 1.25, end: 13.5 },
        measurements: { fetch: { marks: { start: 'start', end: 'end' }, duration: 12.25 } },
      },
      memoryUsage: [
        { mark: 'before', rss: 20.5 },
        { mark: 'after', rss: 30, detail: { rss: 30, heapTotal: 12, heapUsed: 8.25, external: 0, arrayBuffers: 0 } },
      ],
      allowedMemory: 256,
    });
    expect(table).toEqual({
      rows: [
        { kind: 'Mark', label: 'start', value: 'at 1.3 ms' },
        { kind: 'Mark', label: 'end', value: 'at 13.5 ms' },
        { kind: 'Measure', label: 'fetch (start → end)', value: '12.3 ms' },
        { kind: 'Memory', label: 'before', value: 'rss 20.5 MB' },
        { kind: 'Memory', label: 'after', value: 'rss 30.0 MB, heap 8.3 MB of 12.0 MB' },
      ],
      allowedMemoryMb: 256,
    });
  });

  it('shows a measurement between marks that were never set as unknown', () => {
    const table = debugTable({
      timeElapsed: { marks: {}, measurements: { gap: { marks: { start: 'a', end: 'b' }, duration: null } } },
      memoryUsage: [],
      allowedMemory: null,
    });
    expect(table?.rows).toEqual([{ kind: 'Measure', label: 'gap (a → b)', value: '—' }]);
    expect(table?.allowedMemoryMb).toBeNull();
  });
});
