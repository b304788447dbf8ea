import { describe, expect, it } from 'vitest';
import type { ConnectionDraft, ConnectionKind } from '../common/backend';
import kindsFixture from './fixtures/connection-kinds.json';
import {
  buildDraft,
  draftProblems,
  formInputs,
  headersFromValue,
  headersToValue,
  privateKeyKind,
} from './draft';

// The six kinds as the app's `connection_kinds` answers them.
const kinds = kindsFixture as ConnectionKind[];

function kind(key: string): ConnectionKind {
  const found = kinds.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`The fixture has no kind “${key}”.`);
  return found;
}

const clientCredentials = kind('clientcredentials');
const authorizationCode = kind('authorizationcode');

function draft(change: Partial<ConnectionDraft> = {}): ConnectionDraft {
  return {
    original: null,
    name: 'Billing',
    kind: 'clientcredentials',
    values: { tokenUrl: 'https://auth.example.com/token', clientId: 'app' },
    secrets: { clientSecret: 's3cret' },
    ...change,
  };
}

const inputs = clientCredentials.inputs;

describe('formInputs', () => {
  it('shows a kind\'s settings after its inputs, as Rust defines them', () => {
    const keys = formInputs(authorizationCode).map((input) => input.key);
    expect(keys.slice(-8)).toEqual([
      'issuer',
      'redirectUri',
      'rememberLogin',
      'systemBrowser',
      'revocationUrl',
      'clientAuthentication',
      'authorizeParams',
      'tokenParams',
    ]);
    const redirect = formInputs(authorizationCode).find((input) => input.key === 'redirectUri');
    expect(redirect?.comment).toContain('defaults to http://127.0.0.1:8914/callback');
    expect(formInputs(clientCredentials).map((input) => input.key)).toEqual([
      ...clientCredentials.inputs.map((input) => input.key),
      'revocationUrl',
      'clientAuthentication',
      'tokenParams',
    ]);
  });
});

describe('buildDraft', () => {
  it('sends every non-secret field trimmed and only the secrets typed anew', () => {
    const built = buildDraft('clientcredentials', inputs, {
      original: 'Billing',
      name: ' Billing 2 ',
      fields: { tokenUrl: ' https://auth.example.com/token ', clientId: 'app' },
      secrets: { clientSecret: '' },
      headerRows: [{ name: 'X-Tenant', value: 'acme' }],
    });
    expect(built).toEqual({
      original: 'Billing',
      name: 'Billing 2',
      kind: 'clientcredentials',
      values: { tokenUrl: 'https://auth.example.com/token', scopes: '', clientId: 'app' },
      secrets: { headers: '{"X-Tenant":"acme"}' },
    });
  });

  it('sends the redirect URI as a value of an authorization code connection', () => {
    const built = buildDraft('authorizationcode', formInputs(authorizationCode), {
      original: null,
      name: 'Acme',
      fields: { redirectUri: 'http://127.0.0.1:9000/callback' },
      secrets: {},
      headerRows: [],
    });
    expect(built.values.redirectUri).toBe('http://127.0.0.1:9000/callback');
    expect(built.secrets).toEqual({});
  });

  it('sends "remember provider login" as true or false for authorization code only', () => {
    const form = (fields: Record<string, string>) => ({
      original: null,
      name: 'Acme',
      fields,
      secrets: {},
      headerRows: [],
    });
    const authorization = formInputs(authorizationCode);
    expect(buildDraft('authorizationcode', authorization, form({ rememberLogin: 'true' })).values.rememberLogin).toBe(
      'true',
    );
    expect(buildDraft('authorizationcode', authorization, form({})).values.rememberLogin).toBe('false');
    expect(buildDraft('clientcredentials', inputs, form({ rememberLogin: 'true' })).values).not.toHaveProperty(
      'rememberLogin',
    );
  });
});

describe('draftProblems', () => {
  it('accepts a complete draft', () => {
    expect(draftProblems(inputs, draft(), [], {}, [])).toEqual({});
  });

  it('asks for the name and every required input', () => {
    const problems = draftProblems(inputs, draft({ name: '', values: {}, secrets: {} }), [], {}, []);
    expect(Object.keys(problems).sort()).toEqual(['clientId', 'name', 'tokenUrl']);
  });

  it('asks for a required secret unless the keyring holds it', () => {
    const apiKey = kind('apikey').inputs;
    const typedNone = draft({ kind: 'apikey', values: {}, secrets: {} });
    expect(draftProblems(apiKey, typedNone, [], {}, [])).toEqual({ apiKey: 'API Key is required.' });
    expect(draftProblems(apiKey, typedNone, [], { apiKey: true }, [])).toEqual({});
  });

  it('refuses a URL input that is not http(s), the redirect URI included', () => {
    const problems = draftProblems(
      formInputs(authorizationCode),
      draft({ values: { tokenUrl: 'ftp://x', clientId: 'a', redirectUri: 'callback' } }),
      [],
      {},
      [],
    );
    expect(problems.tokenUrl).toBe('Token URL must be an http:// or https:// URL.');
    expect(problems.redirectUri).toBe('Redirect URI must be an http:// or https:// URL.');
  });

  it('refuses a plain http Token URL or Issuer off this machine', () => {
    const problems = draftProblems(
      formInputs(authorizationCode),
      draft({ values: { tokenUrl: 'http://id.example/token', clientId: 'a', issuer: 'http://id.example' } }),
      [],
      {},
      [],
    );
    expect(problems.tokenUrl).toBe('Token URL must use https:// (plain http only on 127.0.0.1, localhost or [::1]).');
    expect(problems.issuer).toBe('Issuer must use https:// (plain http only on 127.0.0.1, localhost or [::1]).');
    for (const local of ['http://127.0.0.1:4010/token', 'http://localhost/token', 'http://[::1]:9/token']) {
      expect(
        draftProblems(formInputs(authorizationCode), draft({ values: { tokenUrl: local, clientId: 'a' } }), [], {}, [])
          .tokenUrl,
      ).toBeUndefined();
    }
  });

  it('refuses a private key that is not PEM', () => {
    const problems = draftProblems(
      kind('privatekey').inputs,
      draft({ kind: 'privatekey', values: { username: 'deploy' }, secrets: { privateKey: 'ssh-rsa AAAA' } }),
      [],
      {},
      [],
    );
    expect(problems.privateKey).toMatch(/must be a PEM private key/);
  });

  it('refuses a header name with a space and a name that is taken', () => {
    const problems = draftProblems(inputs, draft(), [{ name: 'Bad Header', value: 'x' }], {}, ['Billing']);
    expect(problems.headers).toBe('“Bad Header” is not a valid header name.');
    expect(problems.name).toBe('A connection or config variable named “Billing” exists already.');
  });

  it('lets a connection keep its own name', () => {
    expect(draftProblems(inputs, draft({ original: 'Billing' }), [], {}, ['Billing'])).toEqual({});
  });
});

describe('headersToValue', () => {
  it('stores header rows as a JSON object, and no rows as nothing', () => {
    expect(headersToValue([{ name: ' X-Tenant ', value: 'acme' }, { name: '', value: 'dropped' }])).toBe(
      '{"X-Tenant":"acme"}',
    );
    expect(headersToValue([])).toBe('');
  });

  it('reads a stored value back into rows, and anything else as no rows', () => {
    expect(headersFromValue('{"X-Tenant":"acme","X-Count":2}')).toEqual([
      { name: 'X-Tenant', value: 'acme' },
      { name: 'X-Count', value: '2' },
    ]);
    expect(headersFromValue('[1]')).toEqual([]);
    expect(headersFromValue('not json')).toEqual([]);
  });
});

describe('privateKeyKind', () => {
  it('names the PEM armour it finds', () => {
    expect(privateKeyKind('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n')).toBe('a PKCS#8 private key');
    expect(privateKeyKind('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----')).toBe(
      'a PKCS#1 (RSA) private key',
    );
    expect(privateKeyKind('-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----')).toBe(
      'an OpenSSH private key',
    );
  });

  it('finds nothing in text that is not a whole PEM key', () => {
    expect(privateKeyKind('ssh-rsa AAAAB3Nza')).toBeNull();
    expect(privateKeyKind('-----BEGIN PRIVATE KEY-----\nMIIE')).toBeNull();
  });
});
