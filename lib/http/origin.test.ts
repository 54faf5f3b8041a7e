import { describe, expect, it } from 'vitest';
import { checkOrigin, originProblem } from './origin';

function req(method: string, headers: Record<string, string>): Request {
  return new Request('http://127.0.0.1:3000/api/snapshots', { method, headers });
}

describe('checkOrigin', () => {
  it('lets a same-origin POST through', () => {
    expect(checkOrigin(req('POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(checkOrigin(req('DELETE', { host: 'Atlas.Example.com', origin: 'https://atlas.example.com' }))).toBeNull();
  });

  it('refuses a POST from another origin with 403 and a message', async () => {
    const res = checkOrigin(req('POST', { host: '127.0.0.1:3000', origin: 'https://evil.example' }));
    expect(res?.status).toBe(403);
    const body = await res!.json();
    expect(body).toEqual({ error: expect.stringContaining('https://evil.example does not match'), code: 'CrossOriginRefused' });
  });

  it('compares ports and schemes’ hosts exactly', () => {
    expect(originProblem(req('PUT', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' }))).toMatch(/does not match/);
    expect(originProblem(req('PATCH', { host: 'atlas.example.com', origin: 'https://atlas.example.com.evil.example' }))).toMatch(/does not match/);
  });

  it('uses X-Forwarded-Host when a trusted proxy (ATLAS_TRUST_PROXY=1) set it', () => {
    expect(
      originProblem(req('POST', { host: '127.0.0.1:3000', 'x-forwarded-host': 'atlas.example.com', origin: 'https://atlas.example.com' }), true),
    ).toBeNull();
    expect(
      originProblem(req('POST', { host: 'atlas.example.com', 'x-forwarded-host': 'other.example', origin: 'https://atlas.example.com' }), true),
    ).toMatch(/does not match/);
  });

  it('ignores X-Forwarded-Host a client wrote itself, without a trusted proxy', () => {
    expect(
      originProblem(req('POST', { host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' }), false),
    ).toMatch(/does not match this server \(127\.0\.0\.1:3000\)/);
  });

  it('refuses Origin null and garbage', () => {
    expect(originProblem(req('POST', { host: 'a', origin: 'null' }))).toMatch(/null/);
    expect(originProblem(req('POST', { host: 'a', origin: 'not a url' }))).toMatch(/not a URL/);
  });

  it('without Origin, trusts Sec-Fetch-Site when a browser sent it, and lets non-browser clients through', () => {
    expect(originProblem(req('POST', { host: 'a', 'sec-fetch-site': 'cross-site' }))).toMatch(/cross-site/);
    expect(originProblem(req('POST', { host: 'a', 'sec-fetch-site': 'same-site' }))).toMatch(/same-site/);
    expect(originProblem(req('POST', { host: 'a', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(originProblem(req('POST', { host: 'a' }))).toBeNull();
  });

  it('does not get in the way of reads', () => {
    expect(checkOrigin(req('GET', { host: '127.0.0.1:3000', origin: 'https://evil.example' }))).toBeNull();
    expect(checkOrigin(req('HEAD', { host: '127.0.0.1:3000', origin: 'https://evil.example' }))).toBeNull();
  });
});
