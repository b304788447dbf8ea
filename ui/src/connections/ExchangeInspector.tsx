// The inspector: the last token request and response of a connection (method, URL, headers, form, status, body),
// as the app recorded them with every secret masked, and what the token it gave is: the scopes granted beside the
// requested ones, the expiry, and a JWT access or ID token's header and claims (decoded in Rust, signature left
// out). Read when opened and after each token action.
import { useEffect, useState } from 'react';
import { api, type DecodedJwt, type IssuedToken, type NameValue, type TokenExchange } from '../common/backend';
import { claimText, expiryText, readableBody, scopeRows } from './exchange';
import { useConnectionFailures } from './failures';

interface Props {
  connectionName: string;
  /** Changes after each token action, so an open inspector reads the new exchange. */
  version: number;
}

function NameValueTable({ caption, rows }: { caption: string; rows: NameValue[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="exchange-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${index}-${row.name}`}>
            <th scope="row">{row.name}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A decoded JWT part (header or claims) as name/value rows. */
function jwtRows(part: DecodedJwt['claims']): NameValue[] {
  return Object.entries(part).map(([name, value]) => ({ name, value: claimText(name, value) }));
}

function JwtView({ title, jwt, testId }: { title: string; jwt: DecodedJwt; testId: string }) {
  return (
    <div data-testid={testId}>
      <h5>{title}</h5>
      <p className="muted">Decoded for reading; the signature is left out and not checked.</p>
      <NameValueTable caption="Header" rows={jwtRows(jwt.header)} />
      <NameValueTable caption="Claims" rows={jwtRows(jwt.claims)} />
    </div>
  );
}

function IssuedTokenView({ issued }: { issued: IssuedToken }) {
  const rows = scopeRows(issued.requestedScopes, issued.grantedScopes);
  return (
    <div data-testid="oauth-inspector-token">
      <h5>Token</h5>
      <p className="exchange-line">{expiryText(issued.expiresAt, Date.now() / 1000)}</p>
      {rows.length > 0 && (
        <table className="exchange-table" data-testid="oauth-inspector-scopes">
          <caption>
            Scopes
            {issued.grantedScopes === null && ' (the response named none, so the requested ones were granted)'}
          </caption>
          <thead>
            <tr>
              <th scope="col">scope</th>
              <th scope="col">requested</th>
              <th scope="col">granted</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.scope}>
                <th scope="row">{row.scope}</th>
                <td>{row.requested ? 'yes' : 'no'}</td>
                <td>{row.granted ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {issued.scopeAsSent !== null && (
        <p className="exchange-line">
          Scope as sent (what a block sees): <code>{issued.scopeAsSent}</code>
        </p>
      )}
      {issued.accessToken && (
        <JwtView title="Access token (JWT)" jwt={issued.accessToken} testId="oauth-inspector-access-token" />
      )}
      {issued.idToken && <JwtView title="ID token" jwt={issued.idToken} testId="oauth-inspector-id-token" />}
    </div>
  );
}

function ExchangeView({ exchange }: { exchange: TokenExchange }) {
  const { request, response, failure, issued } = exchange;
  return (
    <div className="exchange">
      <h5>Request</h5>
      <p className="exchange-line">
        <code>
          {request.method} {request.url}
        </code>
      </p>
      <NameValueTable caption="Headers" rows={request.headers} />
      <NameValueTable caption="Form" rows={request.form} />
      <h5>Response</h5>
      {response ? (
        <>
          <p className="exchange-line">
            Status <code>{response.status}</code>
          </p>
          <NameValueTable caption="Headers" rows={response.headers} />
          {response.body !== '' && <pre className="code-block">{readableBody(response.body)}</pre>}
        </>
      ) : (
        <p className="muted">No response arrived.</p>
      )}
      {failure && <p className="field-problem">{failure}</p>}
      {issued && <IssuedTokenView issued={issued} />}
    </div>
  );
}

export function ExchangeInspector({ connectionName, version }: Props) {
  const failures = useConnectionFailures();
  const [open, setOpen] = useState(false);
  const [exchange, setExchange] = useState<TokenExchange | null | undefined>(undefined);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    api
      .oauthLastExchange(connectionName)
      .then((read) => !cancelled && setExchange(read))
      .catch((error: unknown) => {
        if (!cancelled) failures.report(`The last token exchange of “${connectionName}” could not be read.`, error);
      });
    return () => {
      cancelled = true;
    };
  }, [open, connectionName, version, failures]);

  return (
    <details
      className="exchange-inspector"
      data-testid="oauth-inspector"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>Last token request and response</summary>
      {exchange === undefined && open && <p className="muted">Reading…</p>}
      {exchange === null && <p className="muted">No token request has been made since Blocksmith started.</p>}
      {exchange !== undefined && exchange !== null && <ExchangeView exchange={exchange} />}
    </details>
  );
}
