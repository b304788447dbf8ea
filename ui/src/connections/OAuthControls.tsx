// OAuth 2.0 for a saved connection: Connect (consent in a window) or Fetch token, and the token's status.
import { useEffect, useState } from 'react';
import { api, type TokenStatus } from '../common/backend';
import { useNotices } from '../common/notices';
import { AUTHORIZATION_CODE_KIND } from './kinds';

interface Props {
  connectionName: string;
  kind: string;
}

function describe(status: TokenStatus | null): string {
  if (status === null) return 'Checking the token…';
  if (!status.connected) return 'Not connected yet.';
  const parts = ['Connected'];
  if (status.expiresAt) parts.push(`expires ${new Date(status.expiresAt).toLocaleString()}`);
  if (status.scopes) parts.push(`scopes: ${status.scopes}`);
  parts.push(status.hasRefreshToken ? 'refreshes automatically' : 'no refresh token');
  return parts.join(' · ');
}

export function OAuthControls({ connectionName, kind }: Props) {
  const { reportError } = useNotices();
  const [status, setStatus] = useState<TokenStatus | null>(null);
  const [connecting, setConnecting] = useState(false);
  const needsConsent = kind === AUTHORIZATION_CODE_KIND;

  useEffect(() => {
    let cancelled = false;
    api
      .oauthStatus(connectionName)
      .then((current) => !cancelled && setStatus(current))
      .catch((error: unknown) => {
        if (cancelled) return;
        setStatus({ connected: false, expiresAt: null, scopes: null, hasRefreshToken: false });
        reportError(`The token status of “${connectionName}” could not be read.`, error);
      });
    return () => {
      cancelled = true;
    };
  }, [connectionName, reportError]);

  const connect = async () => {
    setConnecting(true);
    try {
      setStatus(await api.oauthConnect(connectionName));
    } catch (error) {
      reportError(
        needsConsent ? `“${connectionName}” could not be connected.` : `No token could be fetched for “${connectionName}”.`,
        error,
      );
    } finally {
      setConnecting(false);
    }
  };

  return (
    <div className="oauth-controls">
      <button type="button" data-testid="oauth-connect" onClick={() => void connect()} disabled={connecting}>
        {needsConsent ? 'Connect' : 'Fetch token'}
      </button>
      <p className="oauth-status" data-testid="oauth-status" aria-live="polite">
        {connecting ? (
          <>
            <span className="spinner" aria-hidden="true" />{' '}
            {needsConsent ? 'Waiting for consent in the sign-in window…' : 'Requesting a token…'}
          </>
        ) : (
          describe(status)
        )}
      </p>
    </div>
  );
}
