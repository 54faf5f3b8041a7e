import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_FIXTURE_DIR, parseConfig } from './config';

describe('parseConfig', () => {
  it('defaults to the embedded demo fixtures and .data/', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ source: 'fixture', fixtureDir: DEMO_FIXTURE_DIR, dataDir: path.resolve('.data'), defaultRegion: 'us-east-1' });
  });

  it('reads live mode and the SDK’s endpoint variables, EC2-specific first', () => {
    const c = parseConfig({
      ATLAS_SOURCE: 'live',
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:5055',
      AWS_PROFILE: 'ro',
    });
    expect(c).toMatchObject({ source: 'live', defaultRegion: 'eu-west-1', awsEndpoint: 'http://127.0.0.1:5055', awsProfile: 'ro' });
  });

  it.each([
    [{ ATLAS_SOURCE: 'aws' }, 'ATLAS_SOURCE="aws"'],
    [{ AWS_REGION: 'virginia' }, 'AWS_REGION="virginia": must be a region name'],
    [{ AWS_ENDPOINT_URL_EC2: 'localhost:5055' }, 'AWS_ENDPOINT_URL_EC2="localhost:5055": must be an http(s) URL'],
  ])('stops on a wrong value and names the variable: %j', (env, expected) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(expected);
  });

  it('offers live mode when ATLAS_SOURCE=live, an endpoint or a profile is set; fixture stays the default', () => {
    expect(parseConfig({}).liveConfigured).toBe(false);
    expect(parseConfig({ ATLAS_SOURCE: 'live' }).liveConfigured).toBe(true);
    expect(parseConfig({ AWS_ENDPOINT_URL: 'http://127.0.0.1:5055' })).toMatchObject({ source: 'fixture', liveConfigured: true });
    expect(parseConfig({ AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:5055' }).liveConfigured).toBe(true);
    expect(parseConfig({ AWS_PROFILE: 'ro' }).liveConfigured).toBe(true);
    expect(parseConfig({ AWS_PROFILE: '' }).liveConfigured).toBe(false);
  });

  it('reads the EC2 request timeout in milliseconds, 10 s by default', () => {
    expect(parseConfig({}).ec2TimeoutMs).toBe(10_000);
    expect(parseConfig({ ATLAS_EC2_TIMEOUT_MS: '2500' }).ec2TimeoutMs).toBe(2500);
    expect(() => parseConfig({ ATLAS_EC2_TIMEOUT_MS: '2s' })).toThrow('ATLAS_EC2_TIMEOUT_MS="2s": must be a number of milliseconds');
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ ATLAS_FIXTURE_DIR: '', AWS_ENDPOINT_URL: '' })).toMatchObject({ fixtureDir: DEMO_FIXTURE_DIR, awsEndpoint: undefined });
  });
});
