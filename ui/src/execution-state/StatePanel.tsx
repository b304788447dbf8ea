// What blocks keep between runs: this flow's `instanceState` and the shared `crossFlowState`, each resettable.
import { useCallback, useEffect, useState } from 'react';
import { api, asBackendError, COMMAND_MISSING, type PersistedState } from '../common/backend';
import { useNotices } from '../common/notices';
import { JsonTree } from '../run/JsonTree';

interface Props {
  flow: string;
  /** Changes whenever a run finishes, so the state is read again. */
  refreshKey: unknown;
}

export function StatePanel({ flow, refreshKey }: Props) {
  const { reportError } = useNotices();
  const [state, setState] = useState<PersistedState | null>(null);
  // A build without persisted state hides the panel rather than reporting a failure after every run.
  const [stateMissing, setStateMissing] = useState(false);

  const handle = useCallback(
    (what: string) => (error: unknown) => {
      if (asBackendError(error).code === COMMAND_MISSING) setStateMissing(true);
      else reportError(what, error);
    },
    [reportError],
  );

  useEffect(() => {
    let cancelled = false;
    api
      .stateRead()
      .then((read) => !cancelled && setState(read))
      .catch((error: unknown) => !cancelled && handle('The saved state could not be read.')(error));
    return () => {
      cancelled = true;
    };
  }, [refreshKey, handle]);

  if (stateMissing || !state) return null;

  const resetInstance = () =>
    api.stateResetInstance(flow).then(setState, handle(`The instanceState of “${flow}” could not be reset.`));
  const resetCrossFlow = () =>
    api.stateResetCrossFlow().then(setState, handle('The crossFlowState could not be reset.'));

  return (
    <details className="run-output state-panel" data-testid="state">
      <summary>
        <h4>State</h4>
      </summary>
      <div className="section-toolbar">
        <h5>instanceState of “{flow}”</h5>
        <button type="button" className="link-button" onClick={() => void resetInstance()} data-testid="reset-instance-state">
          Reset
        </button>
      </div>
      <JsonTree value={state.instanceState[flow] ?? {}} rootName="instanceState" />
      <div className="section-toolbar">
        <h5>crossFlowState</h5>
        <button type="button" className="link-button" onClick={() => void resetCrossFlow()} data-testid="reset-cross-flow-state">
          Reset
        </button>
      </div>
      <JsonTree value={state.crossFlowState} rootName="crossFlowState" />
    </details>
  );
}
