import { describe, expect, it } from 'vitest';
import { toDryRunAnswer } from './results';

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
