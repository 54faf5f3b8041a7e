#!/usr/bin/env node
// A real authenticating reverse proxy on loopback, for e2e/reverse-proxy.spec.ts: what oauth2-proxy or an
// ingress with forward auth does in front of `ATLAS_AUTH=proxy`, reduced to its contract:
//
//   node scripts/e2e-auth-proxy.mjs --port 3231 --target http://127.0.0.1:3230 \
//        --user viewer@example.com=viewer-pass --user editor@example.com=editor-pass [--header x-forwarded-email]
//
// A request must authenticate with HTTP Basic as one of the users; without it the proxy answers 401 itself and
// nothing reaches the app. Every identity header the client sent is removed and the proxy writes its own (the
// authenticated user), with X-Forwarded-Host/-Proto/-For, then streams the request to the target and the answer
// back. Prints `ready` once listening. Runs until it is killed.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { port: { type: 'string' }, target: { type: 'string' }, user: { type: 'string', multiple: true }, header: { type: 'string' } },
});
const port = Number(values.port);
const target = values.target ? new URL(values.target) : null;
const header = (values.header ?? 'x-forwarded-email').toLowerCase();
const users = new Map((values.user ?? []).map((u) => [u.slice(0, u.indexOf('=')), u.slice(u.indexOf('=') + 1)]));
if (!Number.isInteger(port) || port <= 0 || !target || users.size === 0) {
  console.error('e2e-auth-proxy: usage: node scripts/e2e-auth-proxy.mjs --port N --target http://127.0.0.1:M --user email=password [--user …]');
  process.exit(2);
}
if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
  console.error('e2e-auth-proxy: the target must be on loopback');
  process.exit(2);
}

/** The user HTTP Basic names with the right password, or null. */
function authenticated(authorization) {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = decoded.slice(0, colon);
  return colon > 0 && users.get(user) === decoded.slice(colon + 1) ? user : null;
}

const server = http.createServer((req, res) => {
  const user = authenticated(req.headers.authorization);
  if (!user) {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="vpc-atlas e2e"', 'content-type': 'text/plain' });
    res.end('The proxy needs you to sign in.\n');
    return;
  }
  const headers = { ...req.headers };
  // The client's own identity and forwarding headers are never passed on: only what this proxy writes.
  for (const name of Object.keys(headers)) {
    if (name === header || name.startsWith('x-forwarded-') || name === 'authorization') delete headers[name];
  }
  headers[header] = user;
  headers['x-forwarded-host'] = req.headers.host ?? `127.0.0.1:${port}`;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  const upstream = http.request(
    { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`The app did not answer: ${err.message}\n`);
  });
  req.pipe(upstream);
});

server.listen(port, '127.0.0.1', () => console.log('ready'));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
