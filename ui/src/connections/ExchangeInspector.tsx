// The inspector: the last token request and response of a connection (method, URL, headers, form, status, body),
// as the app recorded them with every secret masked. Read when opened and after each token action.
import { useEffect, useState } from 'react';
import { api, type NameValue, type TokenExchange } from '../common/backend';
import { readableBody } from './exchange';
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

function ExchangeView({ exchange }: { exchange: TokenExchange }) {
  const { request, response, failure } = exchange;
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
