import { describe, expect, it } from 'vitest';
import { DEFAULT_PANE_WIDTHS, PANE_BOUNDS, resized } from './paneWidths';

describe('resized', () => {
  it('moves one pane by the drag and leaves the other', () => {
    expect(resized(DEFAULT_PANE_WIDTHS, 'sidebar', 40)).toEqual({ sidebar: 290, runPanel: 380 });
    expect(resized(DEFAULT_PANE_WIDTHS, 'runPanel', -30.4)).toEqual({ sidebar: 250, runPanel: 350 });
  });

  it('keeps each pane within its bounds', () => {
    expect(resized(DEFAULT_PANE_WIDTHS, 'sidebar', -1000).sidebar).toBe(PANE_BOUNDS.sidebar.min);
    expect(resized(DEFAULT_PANE_WIDTHS, 'runPanel', 5000).runPanel).toBe(PANE_BOUNDS.runPanel.max);
  });
});
