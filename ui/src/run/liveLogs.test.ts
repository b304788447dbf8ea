import { describe, expect, it } from 'vitest';
import { formatLogTime, withArrivalTimes, type TimedLogLine } from './liveLogs';

describe('withArrivalTimes', () => {
  const live: TimedLogLine[] = [
    { level: 'info', message: 'fetching page 1', atMs: 3.5 },
    { level: 'warn', message: 'the API is slow', atMs: 812 },
  ];

  it('gives each line of the outcome the time its live line arrived', () => {
    const final = [
      { level: 'info' as const, message: 'fetching page 1' },
      { level: 'warn' as const, message: 'the API is slow' },
    ];
    expect(withArrivalTimes(final, live)).toEqual(live);
  });

  it('leaves lines that did not arrive live (yet) without a time', () => {
    const final = [
      { level: 'info' as const, message: 'fetching page 1' },
      { level: 'warn' as const, message: 'the API is slow' },
      { level: 'info' as const, message: 'done' },
    ];
    expect(withArrivalTimes(final, live).map((line) => line.atMs)).toEqual([3.5, 812, null]);
  });

  it('never pairs a line with a live line that says something else', () => {
    const final = [{ level: 'info' as const, message: 'another run' }];
    expect(withArrivalTimes(final, live)).toEqual([{ level: 'info', message: 'another run', atMs: null }]);
  });
});

describe('formatLogTime', () => {
  it('shows seconds since the run started, to the millisecond', () => {
    expect(formatLogTime(0)).toBe('+0.000 s');
    expect(formatLogTime(1204.4)).toBe('+1.204 s');
    expect(formatLogTime(61_000)).toBe('+61.000 s');
  });
});
