// The top bar's theme choice: follow the system, or always light or dark. Remembered in the app's settings and
// applied at the next start before the workspace opens.
import { useEffect, useState } from 'react';
import { api, type Theme } from '../common/backend';
import { useNotices } from '../common/notices';
import { applyTheme } from '../theme';

const LABELS: Record<Theme, string> = { system: 'System theme', light: 'Light', dark: 'Dark' };

export function ThemePicker() {
  const { reportError } = useNotices();
  const [theme, setTheme] = useState<Theme>('system');

  useEffect(() => {
    api
      .preferencesRead()
      .then((preferences) => {
        setTheme(preferences.theme);
        applyTheme(preferences.theme);
      })
      // The system's theme stays: nothing else depends on the saved choice.
      .catch(() => undefined);
  }, []);

  const choose = async (next: Theme) => {
    setTheme(next);
    applyTheme(next);
    try {
      await api.themeSet(next);
    } catch (error) {
      reportError('The theme could not be remembered for the next start.', error);
    }
  };

  return (
    <select
      aria-label="Theme"
      value={theme}
      onChange={(event) => void choose(event.target.value as Theme)}
      data-testid="theme"
    >
      {(Object.keys(LABELS) as Theme[]).map((choice) => (
        <option key={choice} value={choice}>
          {LABELS[choice]}
        </option>
      ))}
    </select>
  );
}
