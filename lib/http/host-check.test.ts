import { describe, expect, it } from 'vitest';
import { hostName, hostProblem, hostSettingsFromEnv } from './host-check';

describe('hostName', () => {
  it('takes the host out of Host values, addresses and bind settings', () => {
    expect(hostName('Atlas.Example.COM:3000')).toBe('atlas.example.com');
    expect(hostName('atlas.example.com.')).toBe('atlas.example.com');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('::1')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });

  it('answers null for what is not a host', () => {
    for (const v of ['', 'evil.example/path', 'a b', 'evil.example@127.0.0.1', '[zz]:1', null]) expect(hostName(v), String(v)).toBeNull();
  });
});

describe('hostSettingsFromEnv', () => {
  it('adds the bind address unless it is a wildcard, the public URL’s host and the listed hosts', () => {
    expect(hostSettingsFromEnv({ ATLAS_BIND: '10.0.0.5', ATLAS_PUBLIC_URL: 'https://Atlas.Example.com/x', ATLAS_ALLOWED_HOSTS: 'a.example, b.example:8080\nhttp://c.example' }).allowed.sort()).toEqual(
      ['10.0.0.5', 'a.example', 'atlas.example.com', 'b.example', 'c.example'],
    );
    expect(hostSettingsFromEnv({ ATLAS_BIND: '0.0.0.0' }).allowed).toEqual([]);
    expect(hostSettingsFromEnv({ HOSTNAME: '::' }).allowed).toEqual([]);
    // A shell's HOSTNAME is the machine's name, not a bind address: not added.
    expect(hostSettingsFromEnv({ HOSTNAME: 'build-box-7' }).allowed).toEqual([]);
  });
});

describe('hostProblem', () => {
  it('names the refused host (shortened) and what to set', () => {
    const problem = hostProblem(new Headers({ host: `x${'y'.repeat(300)}.example` }), hostSettingsFromEnv({}));
    expect(problem).toMatch(/does not answer to the host "xy+"/);
    expect(problem).toContain('ATLAS_ALLOWED_HOSTS');
    expect(problem!.length).toBeLessThan(400);
  });

  it('refuses a request with no Host at all', () => {
    expect(hostProblem(new Headers(), hostSettingsFromEnv({}))).toMatch(/host ""/);
  });
});
