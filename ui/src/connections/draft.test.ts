import { describe, expect, it } from 'vitest';
import type { ConnectionDraft, ConnectionKind } from '../common/backend';
import { draftProblems, headersToValue, privateKeyKind } from './draft';

const clientCredentials: ConnectionKind = {
  key: 'clientcredentials',
  label: 'OAuth 2.0 Client Credentials',
  description: 'OAuth 2.0 Client Credentials flow',
  inputs: [
    { key: 'tokenUrl', label: 'Token URL', comment: 'The OAuth 2.0 Token URL for the API', secret: false, required: true },
    { key: 'clientId', label: 'Client ID', comment: 'Client Identifier', secret: false, required: true },
    { key: 'clientSecret', label: 'Client Secret', comment: 'Client Secret', secret: true, required: true },
    { key: 'headers', label: 'Headers', comment: 'Additional header', secret: true, required: false },
  ],
};

function draft(change: Partial<ConnectionDraft> = {}): ConnectionDraft {
  return {
    previousName: null,
    name: 'Billing',
    kind: 'clientcredentials',
    inputs: { tokenUrl: 'https://auth.example.com/token', clientId: 'app' },
    secrets: { clientSecret: 's3cret' },
    ...change,
  };
}

describe('draftProblems', () => {
  it('accepts a complete draft', () => {
    expect(draftProblems(clientCredentials, draft(), [], {}, [])).toEqual({});
  });

  it('asks for the name and every required input', () => {
    const problems = draftProblems(clientCredentials, draft({ name: ' ', inputs: {}, secrets: {} }), [], {}, []);
    expect(Object.keys(problems).sort()).toEqual(['clientId', 'clientSecret', 'name', 'tokenUrl']);
  });

  it('counts a secret already in the keyring as given', () => {
    const problems = draftProblems(clientCredentials, draft({ secrets: {} }), [], { clientSecret: true }, []);
    expect(problems).toEqual({});
  });

  it('refuses a URL that is not http(s)', () => {
    const problems = draftProblems(clientCredentials, draft({ inputs: { tokenUrl: 'ftp://x', clientId: 'a' } }), [], {}, []);
    expect(problems.tokenUrl).toBe('Token URL must be an http:// or https:// URL.');
  });

  it('refuses a header name with a space and a name that is taken', () => {
    const problems = draftProblems(clientCredentials, draft(), [{ name: 'Bad Header', value: 'x' }], {}, ['Billing']);
    expect(problems.headers).toBe('“Bad Header” is not a valid header name.');
    expect(problems.name).toBe('A connection or config variable named “Billing” exists already.');
  });

  it('lets a connection keep its own name', () => {
    expect(draftProblems(clientCredentials, draft({ previousName: 'Billing' }), [], {}, ['Billing'])).toEqual({});
  });
});

describe('headersToValue', () => {
  it('stores header rows as a JSON object, and no rows as nothing', () => {
    expect(headersToValue([{ name: ' X-Tenant ', value: 'acme' }, { name: '', value: 'dropped' }])).toBe(
      '{"X-Tenant":"acme"}',
    );
    expect(headersToValue([])).toBe('');
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
