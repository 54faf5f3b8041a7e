import { describe, expect, it } from 'vitest';
import { changedEndpoint, toDryRunAnswer } from './results';

describe('toDryRunAnswer', () => {
  it('keeps AWS’s two answers as they are', () => {
    expect(toDryRunAnswer({ allowed: true, code: 'DryRunOperation', message: 'Allowed: …' })).toEqual({ allowed: true, message: 'Allowed: …' });
    expect(toDryRunAnswer({ allowed: false, code: 'UnauthorizedOperation', message: 'Not permitted: …' })).toEqual({ allowed: false, message: 'Not permitted: …' });
  });

  it('flags a DryRun an emulator ignored, so the form does not show it as allowed', () => {
    const message = 'The EC2 endpoint ignored DryRun and ran ModifyVpcEndpoint for real (AWS never does this; moto and LocalStack do).';
    expect(toDryRunAnswer({ allowed: true, code: 'DryRunIgnored', message })).toEqual({ allowed: true, message, ignored: true });
  });
});

describe('changedEndpoint', () => {
  it('is true after a save and after a DryRun an emulator ran for real, so the page reads the endpoint again', () => {
    expect(changedEndpoint({ ok: true, kind: 'done', message: 'Saved: 1 change to vpce-1 applied.' })).toBe(true);
    const ignored = toDryRunAnswer({ allowed: true, code: 'DryRunIgnored', message: 'The EC2 endpoint ignored DryRun and ran ModifyVpcEndpoint for real.' });
    expect(changedEndpoint({ ok: true, kind: 'dry-run', dryRun: ignored })).toBe(true);
  });

  it('is false for AWS’s own DryRun answers and for refusals: nothing changed', () => {
    for (const code of ['DryRunOperation', 'UnauthorizedOperation']) {
      expect(changedEndpoint({ ok: true, kind: 'dry-run', dryRun: toDryRunAnswer({ allowed: code === 'DryRunOperation', code, message: '…' }) })).toBe(false);
    }
    expect(changedEndpoint({ ok: false, error: 'Two chosen subnets share an availability zone.', fieldErrors: {} })).toBe(false);
  });
});
