import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '@/lib/config';

/** writesState reads the process's configuration once; each case loads it afresh under its own environment. */
async function writesStateWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return (await import('./scope')).writesState;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('writes', () => {
  it('are always on for the fixture backend', async () => {
    const writesState = await writesStateWith({ ATLAS_LIVE_WRITES: '' });
    expect(writesState('fixture')).toEqual({ enabled: true, reason: null });
  });

  it('are off for live unless ATLAS_LIVE_WRITES=1, with a sentence that says so and offers the dry run', async () => {
    const off = await writesStateWith({ ATLAS_LIVE_WRITES: '' });
    expect(off('live')).toEqual({ enabled: false, reason: expect.stringMatching(/ATLAS_LIVE_WRITES=1.*dry run/) });
    const on = await writesStateWith({ ATLAS_LIVE_WRITES: '1', ATLAS_AUTH: 'proxy' });
    expect(on('live')).toEqual({ enabled: true, reason: null });
  });

  it('ATLAS_LIVE_WRITES accepts 1/0/true/false and names itself when wrong', () => {
    // Live writes need sign-in (lib/config.test.ts): these name an auth mode.
    expect(parseConfig({ ATLAS_LIVE_WRITES: '1', ATLAS_AUTH: 'proxy' }).liveWrites).toBe(true);
    expect(parseConfig({ ATLAS_LIVE_WRITES: 'true', ATLAS_AUTH: 'oidc', ATLAS_OIDC_ISSUER: 'https://idp.example.com', ATLAS_OIDC_CLIENT_ID: 'c', ATLAS_OIDC_CLIENT_SECRET: 's', ATLAS_SESSION_SECRET: 'x'.repeat(32) }).liveWrites).toBe(true);
    expect(parseConfig({ ATLAS_LIVE_WRITES: '0' }).liveWrites).toBe(false);
    expect(parseConfig({}).liveWrites).toBe(false);
    expect(() => parseConfig({ ATLAS_LIVE_WRITES: 'yes' })).toThrow(/ATLAS_LIVE_WRITES="yes": must be 1 \(on\) or 0 \(off\)/);
  });
});

describe('writes for a viewer', () => {
  it('offer viewers and the signed-out the dry run only, with a sentence that says why; editors get the server’s setting', async () => {
    vi.resetModules();
    const { writesStateFor } = await import('./scope');
    const base = { groups: [], anonymous: false };
    const viewer = { ...base, id: 'bob@x.io', name: 'Bob', email: 'bob@x.io', role: 'viewer' as const };
    const editor = { ...base, id: 'al@x.io', name: 'Al', email: 'al@x.io', role: 'editor' as const };
    expect(writesStateFor('fixture', viewer)).toEqual({ enabled: false, reason: expect.stringMatching(/^You are signed in as bob@x\.io, a viewer: only editors .*dry run/) });
    expect(writesStateFor('fixture', null)).toEqual({ enabled: false, reason: expect.stringMatching(/^Sign in to create/) });
    expect(writesStateFor('fixture', editor)).toEqual({ enabled: true, reason: null });
  });
});
