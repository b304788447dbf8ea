// Under the top bar: the question an import's name clash asks, and what the last import brought in. Over the
// window: the hint shown while a file is dragged onto it.
import { CloseIcon } from '../common/icons';
import { useImport } from './ImportProvider';
import './export.css';

export function ImportPanel() {
  const { question, summary, importing, importRenamed, cancelQuestion, dismissSummary } = useImport();
  if (!question && !summary) return null;
  return (
    <div className="import-panel" role="region" aria-label="Import">
      {question && (
        <div className="notice import-question" role="alertdialog" data-testid="import-clash">
          <div className="notice-text">
            <strong>Some names already exist. Import with renamed copies?</strong>
            <span>{question.message}</span>
          </div>
          <button
            type="button"
            className="primary"
            disabled={importing}
            onClick={() => void importRenamed()}
            data-testid="import-rename"
          >
            Import renamed copies
          </button>
          <button type="button" onClick={cancelQuestion} data-testid="import-cancel">
            Cancel
          </button>
        </div>
      )}
      {summary && (
        <div className="notice notice-info" role="status" data-testid="import-summary">
          <div className="notice-text">
            <strong>{summary.headline}</strong>
            {summary.lines.length > 0 && (
              <ul className="import-lines">
                {summary.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissSummary}>
            <CloseIcon />
          </button>
        </div>
      )}
    </div>
  );
}

export function DropHint() {
  const { dragging } = useImport();
  if (!dragging) return null;
  return (
    <div className="drop-hint" data-testid="drop-hint">
      <span>Drop a bundle (.json) or integration YAML (.yml, .yaml) to import it</span>
    </div>
  );
}
