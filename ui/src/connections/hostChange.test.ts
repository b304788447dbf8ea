import { describe, expect, it } from 'vitest';
import { hostChangeLines } from './HostChange';

describe('hostChangeLines', () => {
  it('names the connection, the setting, its URL and both hosts for each moved endpoint', () => {
    const lines = hostChangeLines([
      {
        connection: 'Acme',
        changes: [
          {
            setting: 'Token URL',
            url: 'https://evil.example/token',
            boundHost: 'https://login.acme.com',
            newHost: 'https://evil.example',
          },
          { setting: 'Revocation URL', url: 'https://x.example/revoke', boundHost: null, newHost: 'https://x.example' },
        ],
      },
    ]);
    expect(lines).toEqual([
      '“Acme”: Token URL https://evil.example/token is on https://evil.example; its secrets were stored for https://login.acme.com.',
      '“Acme”: Revocation URL https://x.example/revoke is on https://x.example; its secrets were stored for a host that was not recorded.',
    ]);
  });
});
