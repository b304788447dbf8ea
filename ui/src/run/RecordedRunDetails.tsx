// An expanded row of the history: what the recorded run returned (a block's result, a trigger's response), or for a
// flow run started by `context.invokeFlow`, its trigger's response and the error of the step that failed.
import { useEffect, useState } from 'react';
import { api } from '../common/backend';
import { useNotices } from '../common/notices';
import { ResultView, WebhookResponse } from './ResultView';
import { recordedAnswer, type RecordedAnswer } from './runLinks';

export function RecordedRunDetails({ runId }: { runId: number }) {
  const { reportError } = useNotices();
  const [answer, setAnswer] = useState<RecordedAnswer | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .historyGet(runId)
      .then((entry) => !cancelled && setAnswer(recordedAnswer(entry)))
      .catch((error: unknown) => !cancelled && reportError('The run could not be read from the history.', error));
    return () => {
      cancelled = true;
    };
  }, [runId, reportError]);

  return (
    <div className="history-run-details" data-testid="history-run-details">
      {answer === null && <p className="muted">Reading the run…</p>}
      {answer?.kind === 'unreadable' && (
        <p className="muted">This run was recorded in a form this version cannot show.</p>
      )}
      {answer?.kind === 'block' && <ResultView result={answer.result} response={answer.response} />}
      {answer?.kind === 'invoked-flow' && (
        <>
          <p className="muted">A run of the flow “{answer.flow}”, started by context.invokeFlow.</p>
          {answer.error && <p className="history-error">{answer.error}</p>}
          {answer.response ? (
            <WebhookResponse response={answer.response} />
          ) : (
            <p className="muted">Its trigger returned no response.</p>
          )}
        </>
      )}
    </div>
  );
}
