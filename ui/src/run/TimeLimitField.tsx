// The block's own time limit in seconds; empty means the default.
import { useState } from 'react';
import { api, type BlockView } from '../common/backend';
import { useWorkspace } from '../workspace/WorkspaceContext';

const DEFAULT_LIMIT_SECONDS = 30;
const MAX_LIMIT_SECONDS = 3600;

function secondsText(block: BlockView): string {
  return block.timeoutMs === null || block.timeoutMs === undefined ? '' : String(block.timeoutMs / 1000);
}

export function TimeLimitField({ block }: { block: BlockView }) {
  const { update } = useWorkspace();
  const [text, setText] = useState(secondsText(block));
  const seconds = text.trim() === '' ? null : Number(text);
  const invalid = seconds !== null && (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_LIMIT_SECONDS);

  const commit = () => {
    if (invalid || text === secondsText(block)) return;
    const timeoutMs = seconds === null ? null : Math.round(seconds * 1000);
    void update(`The time limit of “${block.name}” could not be saved.`, () =>
      api.blockSetTimeout(block.id, timeoutMs),
    );
  };

  return (
    <label className="time-limit" title={`How long a run may take before it is stopped (1–${MAX_LIMIT_SECONDS} s)`}>
      Time limit
      <input
        type="number"
        min={1}
        max={MAX_LIMIT_SECONDS}
        step="any"
        inputMode="decimal"
        data-testid="time-limit"
        placeholder={String(DEFAULT_LIMIT_SECONDS)}
        value={text}
        aria-invalid={invalid}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      s
    </label>
  );
}
