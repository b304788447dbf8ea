// The lines one run has logged so far, as they arrive: a run hook follows its run id, and lines of any other run
// are ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNotices } from '../common/notices';
import { listenToRunLogs, type TimedLogLine } from './liveLogs';

export interface LiveLogs {
  lines: TimedLogLine[];
  /** Shows the lines of run `runId` from now on, forgetting those shown before; null follows no run. */
  follow: (runId: string | null) => void;
}

export function useLiveLogs(): LiveLogs {
  const { reportError } = useNotices();
  const [lines, setLines] = useState<TimedLogLine[]>([]);
  const followed = useRef<string | null>(null);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    listenToRunLogs((arrived) => {
      const mine = arrived.filter((entry) => entry.runId === followed.current).map((entry) => entry.line);
      if (mine.length > 0) setLines((shown) => [...shown, ...mine]);
    })
      .then((unlisten) => {
        if (unmounted) unlisten();
        else stop = unlisten;
      })
      .catch((error: unknown) => reportError('Log lines cannot be shown while a run goes on.', error));
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [reportError]);

  const follow = useCallback((runId: string | null) => {
    followed.current = runId;
    setLines([]);
  }, []);

  return { lines, follow };
}
