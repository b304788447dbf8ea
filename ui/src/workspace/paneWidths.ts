// The side panes' widths: dragged with the splitters, kept within bounds so that no pane disappears, and the
// editor always the widest pane (styles.css caps each side pane at a share of the window as well).
export interface PaneWidths {
  sidebar: number;
  runPanel: number;
}

export type Pane = keyof PaneWidths;

export const DEFAULT_PANE_WIDTHS: PaneWidths = { sidebar: 250, runPanel: 380 };

/** The narrowest and widest each pane may be dragged to, in CSS pixels. */
export const PANE_BOUNDS: Record<Pane, { min: number; max: number }> = {
  sidebar: { min: 180, max: 520 },
  runPanel: { min: 280, max: 900 },
};

/** `widths` with `pane` moved by `delta` pixels (positive widens it), within its bounds. */
export function resized(widths: PaneWidths, pane: Pane, delta: number): PaneWidths {
  const { min, max } = PANE_BOUNDS[pane];
  return { ...widths, [pane]: Math.round(Math.min(max, Math.max(min, widths[pane] + delta))) };
}
