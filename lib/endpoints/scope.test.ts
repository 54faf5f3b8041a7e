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
    const on = await writesStateWith({ ATLAS_LIVE_WRITES: '1' });
    expect(on('live')).toEqual({ enabled: true, reason: null });
  });

  it('ATLAS_LIVE_WRITES accepts 1/0/true/false and names itself when wrong', () => {
    expect(parseConfig({ ATLAS_LIVE_WRITES: '1' }).liveWrites).toBe(true);
    expect(parseConfig({ ATLAS_LIVE_WRITES: 'true' }).liveWrites).toBe(true);
    expect(parseConfig({ ATLAS_LIVE_WRITES: '0' }).liveWrites).toBe(false);
    expect(parseConfig({}).liveWrites).toBe(false);
    expect(() => parseConfig({ ATLAS_LIVE_WRITES: 'yes' })).toThrow(/ATLAS_LIVE_WRITES="yes": must be 1 \(on\) or 0 \(off\)/);
  });
});
