import { execFileSync } from 'node:child_process';
import { createConnection } from './connection-form.mjs';
import { freshFolders, waitForBlockList, withApp } from './harness.mjs';
import { CONFIDENTIAL_CLIENT, startOAuthProvider } from './oauth-provider.mjs';
const afters = [];
const t = { name: 'explore', fullName: 'explore', after: (f) => afters.push(f) };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const x = (...a) => { try { return execFileSync('xdotool', a, { encoding: 'utf8' }).trim(); } catch (e) { return `ERR ${e.status}`; } };
try {
  const provider = await startOAuthProvider(t);
  await withApp(t, freshFolders(t), async ({ session }) => {
    await waitForBlockList(session);
    await createConnection(session, { kind: 'authorizationcode', name: 'Test Provider', fields: {
      authorizeUrl: provider.authorization_endpoint, tokenUrl: provider.token_endpoint, scopes: 'openid offline_access',
      clientId: CONFIDENTIAL_CLIENT.clientId, clientSecret: CONFIDENTIAL_CLIENT.clientSecret, redirectUri: CONFIDENTIAL_CLIENT.windowRedirectUri } });
    await session.click(await session.findByTestId('oauth-connect'));
    for (let i = 0; i < 8; i++) {
      await sleep(1000);
      const ids = x('search', '--onlyvisible', '--name', '.');
      console.log('t', i, 'handles', JSON.stringify(await session.windowHandles()));
      for (const id of ids.split('\n')) if (!id.startsWith('ERR')) console.log('  win', id, JSON.stringify(x('getwindowname', id)));
    }
    execFileSync('import', ['-window', 'root', '/tmp/oauth-explore/a.png']);
    try { console.log(execFileSync('/usr/bin/python3', ['/tmp/oauth-explore/dump.py'], { encoding: 'utf8', timeout: 30000 })); } catch (e) { console.log('DUMP FAILED', e.stdout, e.stderr); }
    const win = x('search', '--onlyvisible', '--name', '^Connect Test Provider$');
    console.log('consent win', win);
    x('windowfocus', '--sync', win);
    x('type', '--delay', '30', 'e2e-person');
    x('key', 'Tab');
    x('type', '--delay', '30', 'pw');
    execFileSync('import', ['-window', 'root', '/tmp/oauth-explore/b.png']);
    x('key', 'Return');
    for (let i = 0; i < 5; i++) { await sleep(1000); console.log('  name', JSON.stringify(x('getwindowname', win))); }
    execFileSync('import', ['-window', 'root', '/tmp/oauth-explore/c.png']);
    x('windowfocus', '--sync', win);
    x('key', 'Return');
    for (let i = 0; i < 5; i++) { await sleep(1000); console.log('  status', await session.text(await session.findByTestId('oauth-status'))); }
    execFileSync('import', ['-window', 'root', '/tmp/oauth-explore/d.png']);
  });
} finally { for (const f of afters.reverse()) await f(); }
