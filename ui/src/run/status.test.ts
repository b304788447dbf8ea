import { describe, expect, it } from 'vitest';
import { errorTitle, formatDuration, statusText } from './status';

describe('statusText', () => {
  it('says what each phase of a run is', () => {
    expect(statusText({ phase: 'idle' }, 0)).toBe('Idle');
    expect(statusText({ phase: 'running', startedAtMs: 1000 }, 2240)).toBe('Running… 1.2 s');
    expect(statusText({ phase: 'succeeded', durationMs: 12 }, 0)).toBe('Succeeded in 12 ms');
    expect(statusText({ phase: 'stopped' }, 0)).toBe('Stopped');
    const error = { name: 'TypeError', message: 'x is not a function', line: 3, column: 1, stack: null };
    expect(statusText({ phase: 'failed', error, durationMs: 4 }, 0)).toBe('Failed: TypeError: x is not a function');
  });
});

describe('errorTitle', () => {
  it('shows the name alone when the message is empty', () => {
    const error = { name: 'Error', message: '', line: null, column: null, stack: null };
    expect(errorTitle(error)).toBe('Error');
    expect(statusText({ phase: 'failed', error, durationMs: 1 }, 0)).toBe('Failed: Error');
    expect(errorTitle({ ...error, name: 'RangeError', message: '  ' })).toBe('RangeError');
    expect(errorTitle({ ...error, name: '', message: 'boom' })).toBe('Error: boom');
  });
});

describe('formatDuration', () => {
  it('uses milliseconds below a second and seconds above', () => {
    expect(formatDuration(0.4)).toBe('0 ms');
    expect(formatDuration(999)).toBe('999 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(31_000)).toBe('31.0 s');
  });
});
