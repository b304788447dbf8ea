// A real OAuth 2.0 / OpenID Connect provider (oidc-provider 8) for Blocksmith's tests.
//
// Usage: node tests/oauth-server/server.mjs [--port N] [--access-token-ttl SECONDS] [--quirks A,B]
//   (or the environment variables OAUTH_TEST_PORT, OAUTH_TEST_ACCESS_TOKEN_TTL and OAUTH_TEST_QUIRKS).
// Port 0 (the default) picks a free port. Once listening, the server prints one line
// `READY <issuer>` on stdout, so a test can read the issuer (and so the port) from it.
//
// The clients, users and endpoints are described in README.md beside this file.

import http from 'node:http';
import * as querystring from 'node:querystring';
import { parseArgs } from 'node:util';

import Provider, { errors } from 'oidc-provider';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.OAUTH_TEST_PORT ?? '0' },
    'access-token-ttl': { type: 'string', default: process.env.OAUTH_TEST_ACCESS_TOKEN_TTL ?? '60' },
    quirks: { type: 'string', default: process.env.OAUTH_TEST_QUIRKS ?? '' },
  },
});

// Ways real providers deviate from RFC 6749 that the provider can be switched to, one per quirk, so a test
// shows Blocksmith copes with each (README.md lists which providers behave so).
const QUIRKS = {
  // `"expires_in": "3600"`, a string, as Azure AD v1 and B2C send it.
  'expires-in-string': 'token responses carry expires_in as a string',
  // `"scope": "api:read,api:write"`, as GitHub, Slack and Strava grant scopes.
  'comma-scopes': 'token responses separate the granted scopes with commas',
  // `access_token=…&token_type=…`, whatever the request's Accept header says, as GitHub's classic endpoint does.
  'form-encoded-tokens': 'token responses are application/x-www-form-urlencoded',
  // Access tokens are JWTs (RFC 9068) instead of opaque strings.
  'jwt-access-tokens': 'access tokens are JWTs',
};
const quirks = new Set(options.quirks.split(',').map((quirk) => quirk.trim()).filter(Boolean));
for (const quirk of quirks) {
  if (!(quirk in QUIRKS)) {
    console.error(`The quirk "${quirk}" is not one of: ${Object.keys(QUIRKS).join(', ')}.`);
    process.exit(2);
  }
}

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

// What the token endpoint last received (headers and form parameters), and the parameters of the last
// authorization request, for tests that check extra headers and parameters arrived.
let lastTokenRequest = null;
let lastAuthorizationRequest = null;
// The page each interaction started with, in order (`login` or `consent`): how a test tells whether a browser
// that kept the provider's cookies was asked to sign in again.
const prompts = [];

// The whole request body as text. The provider's own parser then finds the body already read and parses
// `ctx.req.body` instead (oidc-provider's documented fallback for an upstream parser).
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// A token response rewritten the way the switched-on quirks say; an error response is left as it is.
function withQuirks(ctx) {
  const body = ctx.body;
  if (ctx.status !== 200 || body === null || typeof body !== 'object' || !('access_token' in body)) return;
  const answer = { ...body };
  if (quirks.has('expires-in-string') && typeof answer.expires_in === 'number') {
    answer.expires_in = String(answer.expires_in);
  }
  if (quirks.has('comma-scopes') && typeof answer.scope === 'string') {
    answer.scope = answer.scope.split(' ').join(',');
  }
  if (quirks.has('form-encoded-tokens')) {
    ctx.body = querystring.stringify(answer);
    ctx.type = 'application/x-www-form-urlencoded';
  } else {
    ctx.body = answer;
  }
}

// The endpoints where a confidential client authenticates.
const CLIENT_AUTHENTICATING_PATHS = ['/token', '/token/revocation', '/token/introspection'];

// Why a request authenticates a confidential client in a way it is not registered for, or null.
// oidc-provider takes client_secret_basic and client_secret_post interchangeably; many providers take
// only one of them, so this provider refuses the other, as they do.
function clientAuthenticationMismatch(ctx, params) {
  const basic = /^basic /i.test(ctx.get('authorization'));
  const inBody = typeof params.client_secret === 'string';
  const clientId = basic
    ? decodeURIComponent(Buffer.from(ctx.get('authorization').slice(6), 'base64').toString().split(':')[0])
    : params.client_id;
  const registered = clients.find((client) => client.client_id === clientId)?.token_endpoint_auth_method;
  if (registered === 'client_secret_post' && basic) {
    return 'this client must send its secret in the request body (client_secret_post), not as HTTP Basic';
  }
  if (registered === 'client_secret_basic' && inBody) {
    return 'this client must send its secret as HTTP Basic (client_secret_basic), not in the request body';
  }
  return null;
}

async function testRoutes(ctx, next) {
  if (CLIENT_AUTHENTICATING_PATHS.includes(ctx.path) && ctx.method === 'POST') {
    const body = await readBody(ctx.req);
    ctx.req.body = body;
    const params = { ...querystring.parse(body) };
    if (ctx.path === '/token') {
      lastTokenRequest = { headers: { ...ctx.request.headers }, params, receivedAt: new Date().toISOString() };
    }
    const mismatch = clientAuthenticationMismatch(ctx, params);
    if (mismatch) {
      ctx.status = 401;
      ctx.body = { error: 'invalid_client', error_description: mismatch };
      return;
    }
    await next();
    if (ctx.path === '/token') withQuirks(ctx);
    return;
  }
  if (ctx.path === '/auth' && ctx.method === 'GET') {
    lastAuthorizationRequest = { params: { ...ctx.query }, receivedAt: new Date().toISOString() };
  }
  // `last-token-headers` is the older name of the same record.
  if (['/__test/last-token-request', '/__test/last-token-headers'].includes(ctx.path) && ctx.method === 'GET') {
    ctx.status = lastTokenRequest ? 200 : 404;
    ctx.body = lastTokenRequest ?? { error: 'no token request received yet' };
    return;
  }
  if (ctx.path === '/__test/last-authorization-request' && ctx.method === 'GET') {
    ctx.status = lastAuthorizationRequest ? 200 : 404;
    ctx.body = lastAuthorizationRequest ?? { error: 'no authorization request received yet' };
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
            accessTokenFormat: quirks.has('jwt-access-tokens') ? 'jwt' : 'opaque',
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
  for (const quirk of quirks) console.error(`quirk: ${QUIRKS[quirk]}`);
  console.log(`READY ${issuer}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  // Keep-alive connections may hold close() open; do not linger past a moment.
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
