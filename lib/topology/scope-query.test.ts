import { describe, expect, it } from 'vitest';
import { scopedHref, scopeQuery } from './scope-query';

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

describe('scopedHref', () => {
  it('puts the page’s scope on a link that names the region only, keeping the link’s own parameters and commas', () => {
    expect(scopedHref('/endpoints/new?region=eu-west-1&vpc=vpc-1&rtb=rtb-1,rtb-2', { region: 'eu-west-1', profile: 'ops', account: '111122223333' })).toBe(
      '/endpoints/new?region=eu-west-1&profile=ops&account=111122223333&vpc=vpc-1&rtb=rtb-1,rtb-2',
    );
    expect(scopedHref('/vpcs/vpc-1', { region: 'us-east-1', source: 'fixture', sourceInUrl: false })).toBe('/vpcs/vpc-1?region=us-east-1');
  });
});
