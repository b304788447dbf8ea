// "Save as test" on a run: asks for the case's name, then has the app run the block (or, for a flow run, the whole
// flow with that run's trigger input) once more, live, recording what it fetches (the History keeps no responses,
// time or random values to replay), and saves that run as a test case. `SaveRunAsTest` puts the buttons a History
// row offers: its block's case, and for a step of a flow run or a webhook call the whole flow's too.
import { useState } from 'react';
import { api, type CaseRun, type RunSummary } from '../common/backend';
import { useNotices } from '../common/notices';
import { announceCasesChanged } from './caseEvents';
import { savedCaseFile, saveTargetsOf, saveTargetText, type SaveTarget } from './saveTargets';
import './tests.css';

interface Props {
  target: SaveTarget;
  /** Whether the block's run was a step of a flow run (its button then says it saves the step). */
  inFlow?: boolean;
}

function record(target: SaveTarget, name: string): Promise<CaseRun> {
  return target.kind === 'flow'
    ? api.testCaseFromFlowRun(target.flowRun, name)
    : api.testCaseFromRun(target.runId, name);
}

export function SaveAsTest({ target, inFlow = false }: Props) {
  const { reportError, notify } = useNotices();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const text = saveTargetText(target, inFlow);

  const save = async () => {
    setSaving(true);
    try {
      const recorded = await record(target, name);
      notify(`Saved the test case “${recorded.case}” (${savedCaseFile(recorded)}).`);
      setNaming(false);
      setName('');
      announceCasesChanged(recorded);
    } catch (error) {
      reportError('The run could not be saved as a test.', error);
    } finally {
      setSaving(false);
    }
  };

  if (!naming) {
    return (
      <button type="button" data-testid={text.testId} onClick={() => setNaming(true)} title={text.title}>
        {text.button}
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
      <span className="muted">{text.note}</span>
    </form>
  );
}

/** The "Save as test" buttons of one History row. */
export function SaveRunAsTest({ run }: { run: Pick<RunSummary, 'id' | 'flowRun'> }) {
  const inFlow = run.flowRun !== null;
  return (
    <>
      {saveTargetsOf(run).map((target) => (
        <SaveAsTest key={target.kind} target={target} inFlow={inFlow} />
      ))}
    </>
  );
}
