#!/usr/bin/env node
// A real OpenID Connect provider on loopback for the Playwright `oidc` project (oidc-provider, the
// certified Node.js implementation), usable as a `webServer` command:
//
//   node scripts/e2e-oidc.mjs --port 3925 --redirect http://127.0.0.1:3924/api/auth/callback/oidc
//
// Issuer http://127.0.0.1:<port>; one confidential client (`vpc-atlas-e2e`, secret below) registered for
// the app's callback; two test users: `olivia` (Olivia Operator, in the group `atlas-editors`) and
// `victor` (Victor Viewer, no groups). Its login page is a plain form (name only, no password) with no
// external resources: oidc-provider's own development pages load a web font from the internet.
// Consent is skipped, as for a first-party client. Runs until it is killed.
/* global URLSearchParams */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values } = parseArgs({ options: { port: { type: 'string' }, redirect: { type: 'string', multiple: true } } });
const port = Number(values.port ?? 3925);
const redirects = values.redirect ?? [];
if (!Number.isInteger(port) || port <= 0 || !redirects.length) {
  console.error('e2e-oidc: usage: node scripts/e2e-oidc.mjs --port N --redirect <app callback URL> [--redirect …]');
  process.exit(2);
}

const CLIENT = { id: 'vpc-atlas-e2e', secret: 'e2e-client-secret-not-for-production' };
const USERS = {
  olivia: { name: 'Olivia Operator', email: 'olivia@example.com', groups: ['atlas-editors'] },
  victor: { name: 'Victor Viewer', email: 'victor@example.com', groups: [] },
};

const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      redirect_uris: redirects,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'groups'] },
  // The profile claims go into the ID token itself (the app reads them there), not only to /userinfo.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // A first-party client: no consent screen; the requested scopes are granted on login.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  async findAccount(_ctx, sub) {
    const user = USERS[sub];
    if (!user) return undefined;
    return {
      accountId: sub,
      claims: async () => ({ sub, name: user.name, preferred_username: sub, email: user.email, email_verified: true, groups: user.groups }),
    };
  },
});
// oidc-provider trusts X-Forwarded-* only behind a proxy; here it is reached directly.
provider.proxy = false;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, error) {
  const options = Object.entries(USERS)
    .map(([id, u]) => `<option value="${id}">${escape(u.name)} (${escape(u.email)})</option>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title><link rel="icon" href="data:,"></head>
<body><main><h1>Test identity provider</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">User</label> <select id="login" name="login">${options}</select>
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

const oidcHandler = provider.callback();
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', issuer);
  const m = url.pathname.match(/^\/interaction\/([\w-]+)(\/login)?$/);
  if (!m) return oidcHandler(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== m[1]) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(loginPage(details.uid));
    }
    if (req.method === 'POST' && m[2]) {
      const login = (await readForm(req)).get('login') ?? '';
      if (!USERS[login]) {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(loginPage(details.uid, 'Unknown user.'));
      }
      return await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    res.writeHead(405).end();
  } catch (err) {
    console.error('e2e-oidc: interaction failed', err);
    res.writeHead(400, { 'content-type': 'text/plain' }).end('The sign-in request expired or is unknown. Start again from the app.');
  }
});

server.listen(port, '127.0.0.1', () => console.log(`e2e-oidc: issuer ${issuer}, client ${CLIENT.id}, callbacks ${redirects.join(' ')}`));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
