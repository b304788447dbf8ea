import { describe, expect, it } from 'vitest';
import { errorBadge, logCountBadge, tabAfterKey, tabForRun } from './runTabs';

const IDS = ['result', 'logs', 'input', 'history', 'state'];

describe('tabAfterKey', () => {
  it('moves with the arrows and wraps around at both ends', () => {
    expect(tabAfterKey(IDS, 'result', 'ArrowRight')).toBe('logs');
    expect(tabAfterKey(IDS, 'state', 'ArrowRight')).toBe('result');
    expect(tabAfterKey(IDS, 'result', 'ArrowLeft')).toBe('state');
    expect(tabAfterKey(IDS, 'input', 'ArrowLeft')).toBe('logs');
  });

  it('goes to the first and last tab with Home and End', () => {
    expect(tabAfterKey(IDS, 'input', 'Home')).toBe('result');
    expect(tabAfterKey(IDS, 'input', 'End')).toBe('state');
  });

  it('ignores other keys', () => {
    expect(tabAfterKey(IDS, 'input', 'Enter')).toBeNull();
    expect(tabAfterKey([], 'input', 'ArrowRight')).toBeNull();
  });
});

describe('badges', () => {
  it('counts log lines, none before the first', () => {
    expect(logCountBadge(0)).toBeNull();
    expect(logCountBadge(1)).toMatchObject({ text: '1', description: '1 line logged' });
    expect(logCountBadge(12)).toMatchObject({ text: '12', description: '12 lines logged' });
    expect(logCountBadge(4000)?.text).toBe('999+');
  });

  it('marks a failed run', () => {
    expect(errorBadge(false)).toBeNull();
    expect(errorBadge(true)).toMatchObject({ text: '!', tone: 'danger' });
  });
});

describe('tabForRun', () => {
  it('keeps Result or Logs and shows Result from any other tab', () => {
    expect(tabForRun('logs', ['result', 'logs'], 'result')).toBe('logs');
    expect(tabForRun('result', ['result', 'logs'], 'result')).toBe('result');
    expect(tabForRun('history', ['result', 'logs'], 'result')).toBe('result');
  });
});
