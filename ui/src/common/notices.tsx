// Messages shown at the top of the window: failures stay until dismissed, confirmations fade on their own.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { asBackendError } from './backend';
import { CloseIcon } from './icons';

export type NoticeTone = 'error' | 'info';

export interface Notice {
  id: number;
  tone: NoticeTone;
  title: string;
  message: string;
}

interface NoticeApi {
  /** Shows a failed action: `title` says what the user tried, the error says why it failed. */
  reportError: (title: string, error: unknown) => void;
  notify: (message: string) => void;
}

const INFO_VISIBLE_MS = 4000;

const NoticeContext = createContext<NoticeApi | null>(null);
const NoticeListContext = createContext<{ notices: Notice[]; dismiss: (id: number) => void }>({
  notices: [],
  dismiss: () => undefined,
});

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  const push = useCallback(
    (tone: NoticeTone, title: string, message: string) => {
      const id = nextId.current++;
      setNotices((current) => {
        // The same failure repeated (e.g. every autosave while a folder is read-only) is shown once.
        const withoutRepeat = current.filter((notice) => !(notice.title === title && notice.message === message));
        return [...withoutRepeat, { id, tone, title, message }];
      });
      if (tone === 'info') window.setTimeout(() => dismiss(id), INFO_VISIBLE_MS);
    },
    [dismiss],
  );

  const api = useMemo<NoticeApi>(
    () => ({
      reportError: (title, error) => push('error', title, asBackendError(error).message),
      notify: (message) => push('info', message, ''),
    }),
    [push],
  );

  const list = useMemo(() => ({ notices, dismiss }), [notices, dismiss]);

  return (
    <NoticeContext.Provider value={api}>
      <NoticeListContext.Provider value={list}>{children}</NoticeListContext.Provider>
    </NoticeContext.Provider>
  );
}

export function useNotices(): NoticeApi {
  const api = useContext(NoticeContext);
  if (!api) throw new Error('useNotices must be used inside <NoticeProvider>.');
  return api;
}

export function NoticeBanner() {
  const { notices, dismiss } = useContext(NoticeListContext);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label="Messages">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid={notice.tone === 'error' ? 'error-banner' : 'info-banner'}
        >
          <div className="notice-text">
            <strong>{notice.title}</strong>
            {notice.message && <span>{notice.message}</span>}
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
