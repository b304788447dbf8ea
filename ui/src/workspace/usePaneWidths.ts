// The workbench's side pane widths: read from the app's settings at start, changed by the splitters, and saved when
// a drag ends. The widths reach styles.css as custom properties on the workbench.
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { api } from '../common/backend';
import { DEFAULT_PANE_WIDTHS, resized, type Pane, type PaneWidths } from './paneWidths';

export function usePaneWidths() {
  const [widths, setWidths] = useState<PaneWidths>(DEFAULT_PANE_WIDTHS);
  const latest = useRef(widths);
  latest.current = widths;
  /** The widths when the current drag began; null between drags. */
  const dragBase = useRef<PaneWidths | null>(null);

  useEffect(() => {
    api
      .preferencesRead()
      .then((preferences) => {
        if (preferences.paneWidths && dragBase.current === null) setWidths(preferences.paneWidths);
      })
      // The default widths stay: remembering them is a convenience.
      .catch(() => undefined);
  }, []);

  const drag = useCallback((pane: Pane, delta: number) => {
    dragBase.current ??= latest.current;
    setWidths(resized(dragBase.current, pane, delta));
  }, []);

  const done = useCallback(() => {
    dragBase.current = null;
    void api.paneWidthsRemember(latest.current).catch(() => undefined);
  }, []);

  const style = {
    '--sidebar-width': `${widths.sidebar}px`,
    '--run-panel-width': `${widths.runPanel}px`,
  } as CSSProperties;
  return { style, drag, done };
}
