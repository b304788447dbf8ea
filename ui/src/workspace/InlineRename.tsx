// A name that turns into a text field for renaming: Enter or leaving the field commits, Escape cancels.
import { useState, type KeyboardEvent } from 'react';

interface Props {
  name: string;
  onRename: (name: string) => void;
  onCancel: () => void;
}

export function InlineRename({ name, onRename, onCancel }: Props) {
  const [draft, setDraft] = useState(name);

  const commit = () => {
    const trimmed = draft.trim();
    if (trimmed === '' || trimmed === name) onCancel();
    else onRename(trimmed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') onCancel();
  };

  return (
    <input
      className="inline-rename"
      aria-label={`New name for ${name}`}
      data-testid="rename-input"
      autoFocus
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={commit}
    />
  );
}
