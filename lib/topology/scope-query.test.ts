import { describe, expect, it } from 'vitest';
import { scopeQuery } from './scope-query';

describe('scopeQuery', () => {
  it('keeps the region, and the source and profile the URL chose, then the extras', () => {
    expect(scopeQuery({ region: 'eu-west-1' })).toBe('region=eu-west-1');
    expect(scopeQuery({ region: 'us-east-1', source: 'live', profile: 'prod ro', sourceInUrl: true }, { vpc: 'vpc-1', sel: 'vpce-1' })).toBe(
      'region=us-east-1&source=live&profile=prod+ro&vpc=vpc-1&sel=vpce-1',
    );
  });

  it('leaves out a source the server chose, so the server chooses again', () => {
    expect(scopeQuery({ region: 'us-east-1', source: 'fixture', sourceInUrl: false })).toBe('region=us-east-1');
    expect(scopeQuery({ region: 'us-east-1', source: 'fixture' })).toBe('region=us-east-1&source=fixture');
  });

  it('carries the fleet’s account after the profile, so a shared link opens the same account', () => {
    expect(scopeQuery({ region: 'eu-west-1', account: '111122223333' }, { sel: 'vpce-1' })).toBe('region=eu-west-1&account=111122223333&sel=vpce-1');
    expect(scopeQuery({ region: 'eu-west-1', source: 'live', profile: 'ops', account: '111122223333' })).toBe(
      'region=eu-west-1&source=live&profile=ops&account=111122223333',
    );
    expect(scopeQuery({ region: 'eu-west-1', account: undefined })).toBe('region=eu-west-1');
  });

  it('lets an extra replace a scope key rather than repeat it', () => {
    expect(scopeQuery({ region: 'us-east-1' }, { region: 'eu-west-1' })).toBe('region=eu-west-1');
  });
});
