// OAuth 2.0 for a saved connection: Connect (consent in a window), Open in system browser (consent in the person's
// browser, with the loopback redirect URI to register shown and copyable) or Fetch token, Cancel while waiting,
// Refresh now, Disconnect, the token's status counting down to its expiry, and the inspector of the last exchange.
import { useCallback, useEffect, useState } from 'react';
import { api, asBackendError, isKeyringCode, type ErrorCode, type TokenStatus, type UiErrorCode } from '../common/backend';
import { ExchangeInspector } from './ExchangeInspector';
import { useHostChange } from './HostChange';
import { useConnectionFailures } from './failures';
import { isExpired, tokenStatusText } from './tokenStatus';

interface Props {
  connectionName: string;
  /** The kind's token needs the person's consent in a browser (Connect), as Rust's kind says. */
  consent: boolean;
  /** The connection's "Consent in the system browser" setting: Connect opens the person's own browser. */
  consentInSystemBrowser: boolean;
  /** A token was fetched, refreshed or forgotten. */
  onTokenChanged: () => void;
}

type Action = 'connect' | 'browser' | 'refresh' | 'disconnect';

const TICK_MS = 1000;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** What a failed token action means to the person, shown under the buttons. */
function actionProblem(action: Action, code: ErrorCode | UiErrorCode, message: string): string {
  switch (code) {
    case 'consent_cancelled':
      return action === 'browser'
        ? 'Cancelled: stopped waiting for consent in the browser; nothing changed.'
        : 'Cancelled: the sign-in window was closed before consent was given; nothing changed.';
    case 'consent_timeout':
      return `No consent arrived in time. ${message}`;
    default:
      return message;
  }
}

export function OAuthControls({ connectionName, consent, consentInSystemBrowser, onTokenChanged }: Props) {
  const failures = useConnectionFailures();
  const hostChange = useHostChange();
  const canConsent = consent;
  /** `undefined` until the first status arrives; `null` when there is no token. */
  const [status, setStatus] = useState<TokenStatus | null | undefined>(undefined);
  const [busy, setBusy] = useState<Action | null>(null);
  const [consentNeeded, setConsentNeeded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(nowSeconds);
  const [exchangeVersion, setExchangeVersion] = useState(0);
  /** The loopback redirect URI of the system browser flow, shown from its first use on. */
  const [browserRedirectUri, setBrowserRedirectUri] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api
      .oauthStatus(connectionName)
      .then((current) => !cancelled && setStatus(current))
      .catch((error: unknown) => {
        if (cancelled) return;
        setStatus(null);
        failures.report(`The token status of “${connectionName}” could not be read.`, error);
      });
    return () => {
      cancelled = true;
    };
  }, [connectionName, failures]);

  // The countdown ticks each second while there is an expiry ahead.
  const ticking = status != null && status.expiresAt !== null && !isExpired(status, now);
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(nowSeconds()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [ticking]);

  const perform = useCallback(
    async (action: Action, what: string, call: () => Promise<TokenStatus | null>) => {
      setBusy(action);
      setProblem(null);
      /** The call; when it is refused because the connection now points to another host, asks the person first. */
      const attempt = async (): Promise<TokenStatus | null> => {
        try {
          return await call();
        } catch (error) {
          const failure = asBackendError(error);
          if (failure.code !== 'host_changed' || !(await hostChange.confirmStoredHostChanges(failure))) {
            throw failure;
          }
          // The token was dropped and the new hosts bound: connecting again is what was asked for; anything else
          // has no token left to act on.
          onTokenChanged();
          return action === 'connect' || action === 'browser' ? call() : null;
        }
      };
      try {
        setStatus(await attempt());
        setConsentNeeded(false);
        onTokenChanged();
      } catch (error) {
        const failure = asBackendError(error);
        if (failure.code === 'needs_consent') {
          // The app kept the mark with the token: the list shows it too.
          setConsentNeeded(true);
          onTokenChanged();
        }
        if (isKeyringCode(failure.code)) failures.report(what, failure);
        else setProblem(`${what} ${actionProblem(action, failure.code, failure.message)}`);
      } finally {
        setNow(nowSeconds());
        setBusy(null);
        setExchangeVersion((version) => version + 1);
      }
    },
    [failures, hostChange, onTokenChanged],
  );

  const connect = () =>
    canConsent && consentInSystemBrowser
      ? connectInBrowser()
      : canConsent
      ? perform('connect', `“${connectionName}” could not be connected.`, () => api.oauthConnect(connectionName))
      : perform('connect', `No token could be fetched for “${connectionName}”.`, () =>
          api.oauthFetchToken(connectionName),
        );
  const connectInBrowser = () =>
    perform('browser', `“${connectionName}” could not be connected in the browser.`, async () => {
      setCopied(false);
      setBrowserRedirectUri(await api.oauthSystemBrowserRedirectUri(connectionName));
      return api.oauthConnectInBrowser(connectionName);
    });
  const cancel = () => {
    api.oauthCancel().catch((error: unknown) => failures.report('Connecting could not be cancelled.', error));
  };
  const copyRedirectUri = () => {
    if (browserRedirectUri === null) return;
    // WebKit allows a clipboard write only while it handles the click, so nothing is awaited before it.
    navigator.clipboard.writeText(browserRedirectUri).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const refresh = () =>
    perform('refresh', `The token of “${connectionName}” could not be refreshed.`, () =>
      api.oauthRefresh(connectionName),
    );
  const disconnect = () =>
    perform('disconnect', `“${connectionName}” could not be disconnected.`, async () => {
      await api.oauthDisconnect(connectionName);
      return null;
    });

  let statusLine;
  if (busy === 'connect') {
    statusLine = (
      <>
        <span className="spinner" aria-hidden="true" /> {canConsent ? 'Waiting for consent…' : 'Requesting a token…'}
      </>
    );
  } else if (busy === 'browser') {
    statusLine = (
      <>
        <span className="spinner" aria-hidden="true" /> Waiting for consent in your browser…
      </>
    );
  } else if (busy === 'refresh') {
    statusLine = (
      <>
        <span className="spinner" aria-hidden="true" /> Refreshing the token…
      </>
    );
  } else if (status === undefined) {
    statusLine = 'Checking the token…';
  } else {
    statusLine = tokenStatusText(status, now, canConsent, consentNeeded);
  }

  const hasToken = status != null;
  return (
    <div className="oauth-controls">
      {/* Four buttons do not fit the side panel's width in one row. */}
      <div className="form-actions" style={{ flexWrap: 'wrap' }}>
        <button
          type="button"
          className={hasToken ? undefined : 'primary'}
          data-testid="oauth-connect"
          title={
            canConsent && consentInSystemBrowser
              ? 'Opens your own browser to sign in: this connection asks for consent in the system browser'
              : undefined
          }
          onClick={() => void connect()}
          disabled={busy !== null}
        >
          {canConsent ? 'Connect' : 'Fetch token'}
        </button>
        {canConsent && !consentInSystemBrowser && (
          <button
            type="button"
            data-testid="oauth-system-browser"
            title="For providers that refuse embedded browsers: sign in with your own browser"
            onClick={() => void connectInBrowser()}
            disabled={busy !== null}
          >
            Open in system browser
          </button>
        )}
        {(busy === 'connect' || busy === 'browser') && canConsent && (
          <button type="button" data-testid="oauth-cancel" onClick={cancel}>
            Cancel
          </button>
        )}
        {hasToken && (
          <button type="button" data-testid="oauth-refresh" onClick={() => void refresh()} disabled={busy !== null}>
            Refresh now
          </button>
        )}
        {hasToken && (
          <button
            type="button"
            data-testid="oauth-disconnect"
            onClick={() => void disconnect()}
            disabled={busy !== null}
          >
            Disconnect
          </button>
        )}
      </div>
      <p
        className="oauth-status"
        data-testid="oauth-status"
        data-state={
          busy ??
          (status === null
            ? 'disconnected'
            : status === undefined
              ? 'checking'
              : consentNeeded || status.needsConsent
                ? 'needs-consent'
                : 'connected')
        }
        aria-live="polite"
      >
        {statusLine}
      </p>
      {browserRedirectUri !== null && (
        <div className="form-field">
          <label htmlFor="oauth-redirect-uri">Redirect URI to register with the provider</label>
          <div className="form-actions" style={{ flexWrap: 'wrap' }}>
            <input
              id="oauth-redirect-uri"
              data-testid="oauth-redirect-uri"
              readOnly
              style={{ flex: '1 1 12em', minWidth: 0 }}
              value={browserRedirectUri}
              onFocus={(event) => event.target.select()}
            />
            <button type="button" data-testid="oauth-copy-redirect-uri" onClick={copyRedirectUri}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <p className="help">The system browser returns here, to Blocksmith listening on this machine only.</p>
        </div>
      )}
      {problem && (
        <p className="field-problem" role="alert" data-testid="oauth-problem">
          {problem}
        </p>
      )}
      <ExchangeInspector connectionName={connectionName} version={exchangeVersion} />
    </div>
  );
}
