// Asking before an OAuth connection's secrets go to a new host. The manifest can be edited outside the app (it is
// shared), so when a connection's Authorize, Token or Revocation URL points to another host than the one its stored
// secrets belong to, the app refuses (`host_changed`) and nothing is sent. Here the person sees the connection with
// its old and new hosts and decides: confirming drops the stored token (consent is needed again) and binds the new
// hosts; cancelling changes nothing.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, type BackendError, type ConnectionHostChange } from '../common/backend';
import { useNotices } from '../common/notices';
import './hostChange.css';

interface HostChangeApi {
  /**
   * After a run or a token action failed with `host_changed`: lists every connection whose hosts moved, asks, and on
   * confirmation drops their tokens and binds the new hosts. Resolves whether the person confirmed.
   */
  confirmStoredHostChanges: (failure: BackendError) => Promise<boolean>;
  /** A save refused with `host_changed` (its message names the connection and both hosts): resolves whether to save anyway. */
  confirmSaveHostChange: (failure: BackendError) => Promise<boolean>;
}

interface Question {
  /** Each moved endpoint as a line; empty when only the app's message says what moved. */
  lines: string[];
  message: string;
  confirmLabel: string;
  answer: (confirmed: boolean) => void;
}

/** What a run says once the person accepted new hosts: the dropped tokens must be obtained again first. */
export const HOST_CHANGE_ACCEPTED =
  'The new hosts are accepted and the stored tokens were dropped: connect the connection again (Connect or Fetch token), then run.';

/** One line per moved endpoint: the connection, the setting, its URL, and the old and new hosts. */
export function hostChangeLines(found: ConnectionHostChange[]): string[] {
  return found.flatMap(({ connection, changes }) =>
    changes.map(
      (change) =>
        `“${connection}”: ${change.setting} ${change.url} is on ${change.newHost}; its secrets were stored for ${
          change.boundHost ?? 'a host that was not recorded'
        }.`,
    ),
  );
}

const HostChangeContext = createContext<HostChangeApi>({
  confirmStoredHostChanges: () => Promise.resolve(false),
  confirmSaveHostChange: () => Promise.resolve(false),
});

export function useHostChange(): HostChangeApi {
  return useContext(HostChangeContext);
}

export function HostChangeProvider({ children }: { children: ReactNode }) {
  const { reportError } = useNotices();
  const [question, setQuestion] = useState<Question | null>(null);
  const open = useRef(false);

  const ask = useCallback(
    (lines: string[], message: string, confirmLabel: string) =>
      new Promise<boolean>((resolve) => {
        // One question at a time: a second one while the first is open is answered "no".
        if (open.current) {
          resolve(false);
          return;
        }
        open.current = true;
        setQuestion({
          lines,
          message,
          confirmLabel,
          answer: (confirmed) => {
            open.current = false;
            setQuestion(null);
            resolve(confirmed);
          },
        });
      }),
    [],
  );

  const value = useMemo<HostChangeApi>(
    () => ({
      confirmStoredHostChanges: async (failure) => {
        let found: ConnectionHostChange[];
        try {
          found = await api.connectionHostChanges();
        } catch (error) {
          reportError('The connections’ hosts could not be compared with the stored ones.', error);
          return false;
        }
        if (found.length === 0) return false;
        const confirmed = await ask(
          hostChangeLines(found),
          failure.message,
          'Use the new hosts and drop the tokens',
        );
        if (!confirmed) return false;
        try {
          for (const { connection } of found) await api.connectionAcceptHostChange(connection);
          return true;
        } catch (error) {
          reportError('The new hosts could not be accepted.', error);
          return false;
        }
      },
      confirmSaveHostChange: (failure) => ask([], failure.message, 'Save, drop the token and use the new host'),
    }),
    [ask, reportError],
  );

  return (
    <HostChangeContext.Provider value={value}>
      {children}
      {question && (
        <div className="modal-backdrop">
          <div
            className="modal"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="host-change-title"
            data-testid="host-change"
          >
            <h2 id="host-change-title">A connection points to a new host</h2>
            {question.lines.length > 0 ? (
              <>
                <ul data-testid="host-change-list">
                  {question.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <p className="help">
                  Nothing was sent to the new host. If you made this change, continue: the stored token is dropped and
                  you connect again. If you did not, cancel and restore the URL in blocksmith.json — someone may be
                  trying to collect your credentials.
                </p>
              </>
            ) : (
              // The app's own sentence names the connection, the URL, both hosts and what to do.
              <p data-testid="host-change-list">{question.message}</p>
            )}
            <div className="form-actions">
              <button type="button" className="danger" data-testid="host-change-confirm" onClick={() => question.answer(true)}>
                {question.confirmLabel}
              </button>
              <button type="button" className="primary" data-testid="host-change-cancel" onClick={() => question.answer(false)}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      )}
    </HostChangeContext.Provider>
  );
}
