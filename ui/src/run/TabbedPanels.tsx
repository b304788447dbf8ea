// A strip of tabs over their panels, keyboard-accessible as the WAI-ARIA tabs pattern has it: the selected tab is
// the one focus stop (Tab moves on to its panel), arrows, Home and End move between tabs and select as they go.
// Every panel stays mounted, hidden when not selected, so each keeps its state (scroll, expanded rows, a
// comparison) while another is shown.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabAfterKey, type TabSpec } from './runTabs';

export interface TabbedPanel extends TabSpec {
  content: ReactNode;
}

interface Props {
  /** Names the strip for screen readers, e.g. "Run". */
  label: string;
  /** Prefix of the tabs' and panels' element ids and test ids: `run-tab-result`, `run-tabpanel-result`. */
  idPrefix: string;
  panels: readonly TabbedPanel[];
  selected: string;
  onSelect: (id: string) => void;
}

export function TabbedPanels({ label, idPrefix, panels, selected, onSelect }: Props) {
  const strip = useRef<HTMLDivElement>(null);
  const tabId = (id: string) => `${idPrefix}-tab-${id}`;
  const panelId = (id: string) => `${idPrefix}-tabpanel-${id}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabAfterKey(
      panels.map((panel) => panel.id),
      selected,
      event.key,
    );
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    strip.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(next))}`)?.focus();
  };

  return (
    <div className="tabbed-panels">
      <div className="tab-strip" role="tablist" aria-label={label} ref={strip} onKeyDown={onKeyDown}>
        {panels.map((panel) => {
          const isSelected = panel.id === selected;
          return (
            <button
              key={panel.id}
              type="button"
              role="tab"
              id={tabId(panel.id)}
              data-testid={tabId(panel.id)}
              aria-selected={isSelected}
              aria-controls={panelId(panel.id)}
              tabIndex={isSelected ? 0 : -1}
              className="tab"
              onClick={() => onSelect(panel.id)}
            >
              {panel.label}
              {panel.badge && (
                <span
                  className={`tab-badge tab-badge-${panel.badge.tone}`}
                  data-testid={`${tabId(panel.id)}-badge`}
                  title={panel.badge.description}
                >
                  {panel.badge.text}
                  <span className="visually-hidden">, {panel.badge.description}</span>
                </span>
              )}
            </button>
          );
        })}
      </div>
      {panels.map((panel) => (
        <div
          key={panel.id}
          role="tabpanel"
          id={panelId(panel.id)}
          aria-labelledby={tabId(panel.id)}
          className="tab-panel"
          hidden={panel.id !== selected}
          tabIndex={0}
        >
          {panel.content}
        </div>
      ))}
    </div>
  );
}
