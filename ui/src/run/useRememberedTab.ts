// The run panel's selected tab, kept for the window's session (sessionStorage): switching blocks or closing a
// flow run view keeps it, a new start of the app begins at the first tab.
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'blocksmith.runPanel.tab';

function storedTab(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Storage refused (e.g. a sandboxed page): the tab is simply not remembered.
  }
}

/**
 * The selected tab's id (the remembered one, else `initial`) and its setter. The caller shows its first tab when
 * the id names none of the tabs it has now (e.g. State for a block outside any flow).
 */
export function useRememberedTab(initial: string): [string, (id: string) => void] {
  const [selected, setSelected] = useState<string>(() => storedTab() ?? initial);
  const select = useCallback((id: string) => {
    setSelected(id);
    try {
      sessionStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Not remembered; the selection itself still changes.
    }
  }, []);
  return [selected, select];
}
