// A real OAuth 2.0 / OpenID Connect provider (oidc-provider 8) for Blocksmith's tests.
//
// Usage: node tests/oauth-server/server.mjs [--port N] [--access-token-ttl SECONDS]
//   (or the environment variables OAUTH_TEST_PORT and OAUTH_TEST_ACCESS_TOKEN_TTL).
// Port 0 (the default) picks a free port. Once listening, the server prints one line
// `READY <issuer>` on stdout, so a test can read the issuer (and so the port) from it.
//
// The clients, users and endpoints are described in README.md beside this file.

import http from 'node:http';
import { parseArgs } from 'node:util';

import Provider, { errors } from 'oidc-provider';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.OAUTH_TEST_PORT ?? '0' },
    'access-token-ttl': { type: 'string', default: process.env.OAUTH_TEST_ACCESS_TOKEN_TTL ?? '60' },
  },
});

const port = Number.parseInt(options.port, 10);
const accessTokenTtlSeconds = Number.parseInt(options['access-token-ttl'], 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`The port "${options.port}" is not a number between 0 and 65535.`);
  process.exit(2);
}
if (!Number.isInteger(accessTokenTtlSeconds) || accessTokenTtlSeconds < 1) {
  console.error(`The access token TTL "${options['access-token-ttl']}" is not a positive number of seconds.`);
  process.exit(2);
}

// The one API the tokens are for. oidc-provider only puts non-OpenID scopes into access tokens
// issued for a resource server, so every token request resolves to this one by default.
const TEST_API = 'urn:blocksmith:test-api';
const TEST_API_SCOPES = 'api:read api:write';

const REDIRECT_URIS = [
  // A native client may use any port on a loopback redirect URI (RFC 8252 section 7.3).
  'http://127.0.0.1/callback',
  'http://localhost/callback',
  // Any registered URL works for the app's window, which intercepts the navigation.
  'https://blocksmith.example/oauth/callback',
];

const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'];

const clients = [
  {
    client_id: 'blocksmith-confidential',
    client_secret: 'confidential-secret',
    application_type: 'native',
    grant_types: GRANT_TYPES,
    response_types: ['code'],
    redirect_uris: REDIRECT_URIS,
    token_endpoint_auth_method: 'client_secret_basic',
  },
  {
    client_id: 'blocksmith-confidential-post',
    client_secret: 'confidential-post-secret',
    application_type: 'native',
    grant_types: GRANT_TYPES,
    response_types: ['code'],
    redirect_uris: REDIRECT_URIS,
    token_endpoint_auth_method: 'client_secret_post',
  },
  {
    client_id: 'blocksmith-public',
    application_type: 'native',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: REDIRECT_URIS,
    token_endpoint_auth_method: 'none',
  },
];

// What the token endpoint last received, for tests that check extra headers arrived.
let lastTokenRequest = null;
// The page each interaction started with, in order (`login` or `consent`): how a test tells whether a browser
// that kept the provider's cookies was asked to sign in again.
const prompts = [];

async function testRoutes(ctx, next) {
  if (ctx.path === '/token' && ctx.method === 'POST') {
    lastTokenRequest = { headers: { ...ctx.request.headers }, receivedAt: new Date().toISOString() };
  }
  if (ctx.path === '/__test/last-token-headers' && ctx.method === 'GET') {
    ctx.status = lastTokenRequest ? 200 : 404;
    ctx.body = lastTokenRequest ?? { error: 'no token request received yet' };
    return;
  }
  if (ctx.path === '/__test/prompts' && ctx.method === 'GET') {
    ctx.body = { prompts };
    return;
  }
  if (ctx.path === '/__test/health' && ctx.method === 'GET') {
    ctx.body = { ok: true };
    return;
  }
  await next();
}

const server = http.createServer();
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients,
    cookies: {
      keys: ['blocksmith-test-cookie-key'],
      // Lax rather than the default None: a cookie marked None without Secure is refused by
      // browsers, and the test provider speaks plain HTTP.
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    scopes: ['openid', 'offline_access'],
    pkce: { required: () => true, methods: ['S256'] },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => TEST_API,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resourceIndicator) => {
          if (resourceIndicator !== TEST_API) {
            throw new errors.InvalidTarget();
          }
          return {
            scope: TEST_API_SCOPES,
            accessTokenTTL: accessTokenTtlSeconds,
            accessTokenFormat: 'opaque',
          };
        },
      },
    },
    // Refresh tokens for every client allowed the refresh grant, not only for `offline_access`,
    // as many OAuth 2.0 providers do.
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      ClientCredentials: accessTokenTtlSeconds,
      AuthorizationCode: 60,
      Grant: 3600,
      Interaction: 600,
      RefreshToken: 24 * 3600,
      Session: 3600,
      IdToken: 3600,
    },
    findAccount: async (ctx, accountId) => ({
      accountId,
      claims: async () => ({ sub: accountId }),
    }),
  });
  provider.on('interaction.started', (ctx, prompt) => prompts.push(prompt.name));
  provider.use(testRoutes);
  server.on('request', provider.callback());
  console.log(`READY ${issuer}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  // Keep-alive connections may hold close() open; do not linger past a moment.
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
