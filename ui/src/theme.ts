// The colour theme: the system's (followed as it changes) or the one the person chose in the top bar. One place
// decides whether the window is dark: it sets `data-theme` for styles.css and Monaco's theme to match.
import type { Theme } from './bindings';
import { monaco } from './editor/monaco';

export type { Theme };

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
let chosen: Theme = 'system';

/** Whether `theme` shows dark when the system's scheme is dark or not. */
export function isDark(theme: Theme, systemIsDark: boolean): boolean {
  return theme === 'dark' || (theme === 'system' && systemIsDark);
}

function apply() {
  const dark = isDark(chosen, systemDark.matches);
  // "system" leaves the CSS to follow the system's scheme itself; a chosen theme pins it.
  if (chosen === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = chosen;
  monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
}

export function applyTheme(theme: Theme) {
  chosen = theme;
  apply();
}

systemDark.addEventListener('change', apply);
apply();
