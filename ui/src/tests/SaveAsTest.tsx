// "Save as test" on a run of the History: asks for the case's name, then has the app run the block once more,
// live, with that run's input, recording what it fetches (the History keeps no responses, time or random values
// to replay), and saves that run as a test case.
import { useState } from 'react';
import { api } from '../common/backend';
import { useNotices } from '../common/notices';
import { announceCasesChanged } from './caseEvents';
import './tests.css';

interface Props {
  blockId: string;
  runId: number;
}

export function SaveAsTest({ blockId, runId }: Props) {
  const { reportError, notify } = useNotices();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      const recorded = await api.testCaseFromRun(runId, name);
      notify(`Saved the test case “${recorded.case}” (tests/${recorded.blockId}/${recorded.caseId}.json).`);
      setNaming(false);
      setName('');
      announceCasesChanged(blockId);
    } catch (error) {
      reportError('The run could not be saved as a test.', error);
    } finally {
      setSaving(false);
    }
  };

  if (!naming) {
    return (
      <button
        type="button"
        data-testid="save-as-test"
        onClick={() => setNaming(true)}
        title="Runs the block once more, live, with this run's input, records what it fetches, and saves it as a test case"
      >
        Save as test
      </button>
    );
  }
  return (
    <form
      className="save-as-test"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <input
        aria-label="Test case name"
        data-testid="save-as-test-name"
        placeholder="Case name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoFocus
      />
      <button type="submit" data-testid="save-as-test-confirm" disabled={saving || name.trim() === ''}>
        {saving ? 'Recording…' : 'Record and save'}
      </button>
      <button type="button" onClick={() => setNaming(false)} disabled={saving}>
        Cancel
      </button>
      <span className="muted">Runs the block once more, live, to record what it fetches.</span>
    </form>
  );
}
