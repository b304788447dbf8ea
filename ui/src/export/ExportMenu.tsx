// The top bar's Export menu: the selected block as JavaScript (to a file or the clipboard), the selected block's
// flow or the whole workspace as integration YAML, the workspace as a bundle. Import has its own button (ImportButton).
import { save } from '@tauri-apps/plugin-dialog';
import { useCallback, useRef, useState } from 'react';
import { api } from '../common/backend';
import { useNotices } from '../common/notices';
import { useDismiss } from '../common/useDismiss';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { EXPORT_MENU, isUnavailable, planExport, type ExportChoice } from './exportChoices';
import './export.css';

interface BlockCopy {
  description: string;
  contents: string;
}

/** Closes the menu on a click outside it or on Escape, as a menu does. */
export function ExportMenu() {
  const { workspace, selectedBlockId, update } = useWorkspace();
  const { notify, reportError } = useNotices();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const container = useDismiss(open, close);
  /** The selected block's source, read when the menu opens, for Copy to clipboard. */
  const [blockCopy, setBlockCopy] = useState<BlockCopy | null>(null);
  const menuOpening = useRef(0);
  /** The bundle carries the blocks' test cases and their cassettes (the menu's checkbox). */
  const [includeTests, setIncludeTests] = useState(false);

  if (!workspace) return null;

  /** Saves pending edits first, so the export holds what the editor shows; answers the plan or null. */
  async function planWithEditsSaved(choice: ExportChoice) {
    setOpen(false);
    const current = await update('Pending edits could not be saved before exporting.', () => api.workspaceCurrent());
    if (!current) return null;
    const plan = planExport(choice, current, selectedBlockId, { includeTests });
    if (isUnavailable(plan)) {
      reportError('There is nothing to export.', new Error(plan.unavailable));
      return null;
    }
    return plan;
  }

  /** Opens the menu and reads the selected block's source (pending edits saved first) for Copy to clipboard. */
  async function openMenu() {
    const opening = ++menuOpening.current;
    setOpen(true);
    setBlockCopy(null);
    const current = await update('Pending edits could not be saved before exporting.', () => api.workspaceCurrent());
    const plan = current && planExport('blockJavaScript', current, selectedBlockId);
    if (!plan || isUnavailable(plan)) return;
    try {
      const { contents } = await api.exportPreview(plan.request);
      // A later opening of the menu, or another selection, has its own read.
      if (opening === menuOpening.current) setBlockCopy({ description: plan.description, contents });
    } catch (error) {
      reportError(`${plan.description} could not be read for copying.`, error);
    }
  }

  async function exportToFile(choice: ExportChoice) {
    const plan = await planWithEditsSaved(choice);
    if (!plan) return;
    try {
      const { fileName } = await api.exportPreview(plan.request);
      const path = await save({ title: `Export ${plan.description}`, defaultPath: fileName, filters: [plan.filter] });
      if (!path) return;
      await api.exportToFile(plan.request, path);
      notify(`Exported ${plan.description} to ${path}.`);
    } catch (error) {
      reportError(`${plan.description} could not be exported.`, error);
    }
  }

  function copyBlock() {
    if (!blockCopy) return;
    setOpen(false);
    // WebKit lets a page write to the clipboard only while it handles the click, not after awaiting the backend:
    // that is why the text was read when the menu opened.
    navigator.clipboard.writeText(blockCopy.contents).then(
      () => notify(`Copied ${blockCopy.description} to the clipboard.`),
      (error: unknown) => reportError(`${blockCopy.description} could not be copied to the clipboard.`, error),
    );
  }

  const blockPlan = planExport('blockJavaScript', workspace, selectedBlockId);
  return (
    <div className="dropdown-menu" ref={container}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? setOpen(false) : void openMenu())}
        data-testid="export"
      >
        Export ▾
      </button>
      {open && (
        <div className="dropdown-menu-items" role="menu">
          {EXPORT_MENU.map(({ choice, label, testId }) => {
            const plan = planExport(choice, workspace, selectedBlockId, { includeTests });
            return (
              <button
                key={choice}
                type="button"
                role="menuitem"
                disabled={isUnavailable(plan)}
                title={isUnavailable(plan) ? plan.unavailable : `Export ${plan.description}`}
                onClick={() => void exportToFile(choice)}
                data-testid={testId}
              >
                {label}
              </button>
            );
          })}
          <label className="menu-option" title="Test cases and their recorded HTTP, which never hold a secret">
            <input
              type="checkbox"
              role="menuitemcheckbox"
              aria-checked={includeTests}
              checked={includeTests}
              onChange={(event) => setIncludeTests(event.target.checked)}
              data-testid="export-include-tests"
            />
            Include tests in the bundle
          </label>
          <button
            type="button"
            role="menuitem"
            disabled={blockCopy === null}
            title={isUnavailable(blockPlan) ? blockPlan.unavailable : `Copy ${blockPlan.description}`}
            onClick={copyBlock}
            data-testid="export-copy"
          >
            Copy block to clipboard
          </button>
        </div>
      )}
    </div>
  );
}
