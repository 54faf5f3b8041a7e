import http from 'node:http';
import { expect, test } from './fixtures';

/**
 * Issue 14 §1 against the real server: what a browser sends after a DNS-rebinding attack (its own name in Host,
 * a matching Origin) gets 421 with a sentence, for reads and server actions alike; loopback names still work.
 * Node's fetch will not send a Host of our choosing, so these requests go through node:http.
 */

function send(baseURL: string, path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; body: string }> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: base.hostname, port: base.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '[]' : undefined);
  });
}

test('a renamed host gets 421 for reads and server actions; loopback names are served', async ({ baseURL }) => {
  const port = new URL(baseURL!).port;
  const evil = `rebind.evil.example:${port}`;
  const read = await send(baseURL!, '/api/topology?region=us-east-1', { host: evil, origin: `http://${evil}` });
  expect(read.status).toBe(421);
  expect(JSON.parse(read.body)).toMatchObject({ code: 'HostNotAllowed', error: expect.stringContaining(`"${evil}"`) });
  expect(read.body).not.toContain('vpc-');

  const action = await send(baseURL!, '/settings', { host: evil, origin: `http://${evil}`, 'next-action': 'a'.repeat(42), 'content-type': 'text/plain' }, 'POST');
  expect(action.status).toBe(421);

  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
    const ok = await send(baseURL!, '/api/topology?region=us-east-1', { host });
    expect(ok.status, host).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ region: 'us-east-1' });
  }
});

test('a load balancer’s probe by address gets a bare liveness answer; the configured host gets the full health check', async ({ baseURL }) => {
  const probe = await send(baseURL!, '/api/health', { host: `10.0.3.7:${new URL(baseURL!).port}` });
  expect(probe.status).toBe(200);
  expect(JSON.parse(probe.body)).toEqual({ ok: true });
  const full = await send(baseURL!, '/api/health', { host: new URL(baseURL!).host });
  expect(JSON.parse(full.body)).toMatchObject({ ok: true, source: 'fixture', regions: expect.any(Number) });
});
