import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindWarning, ConfigError, DEMO_FIXTURE_DIR, fixtureDataLabel, isLoopback, parseConfig } from './config';

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

  it('defaults to no sign-in, the x-forwarded-email header and public snapshot links', () => {
    expect(parseConfig({}).auth).toEqual({ mode: 'none', header: 'x-forwarded-email', oidc: null, editors: [], snapshots: 'public' });
    expect(parseConfig({ ATLAS_AUTH: 'proxy', ATLAS_AUTH_HEADER: 'X-Auth-Request-Email', ATLAS_EDITORS: 'A@x.io, b@x.io', ATLAS_SNAPSHOTS: 'private' }).auth).toEqual({
      mode: 'proxy',
      header: 'x-auth-request-email',
      oidc: null,
      editors: ['a@x.io', 'b@x.io'],
      snapshots: 'private',
    });
    expect(() => parseConfig({ ATLAS_AUTH: 'basic' })).toThrow('ATLAS_AUTH="basic": must be none, proxy or oidc');
    expect(() => parseConfig({ ATLAS_SNAPSHOTS: 'open' })).toThrow('ATLAS_SNAPSHOTS="open": must be public or private');
    expect(() => parseConfig({ ATLAS_AUTH_HEADER: 'x email' })).toThrow('ATLAS_AUTH_HEADER="x email": must be an HTTP header name');
  });

  it('draws small graphs in the HTML only when asked to', () => {
    expect(parseConfig({}).serverRenderGraph).toBe(false);
    expect(parseConfig({ ATLAS_SERVER_RENDER_GRAPH: '1' }).serverRenderGraph).toBe(true);
    expect(parseConfig({ ATLAS_SERVER_RENDER_GRAPH: 'false' }).serverRenderGraph).toBe(false);
    expect(() => parseConfig({ ATLAS_SERVER_RENDER_GRAPH: 'yes' })).toThrow('ATLAS_SERVER_RENDER_GRAPH="yes": must be 1 (on) or 0 (off)');
  });

  it('refuses live writes without sign-in, and says why', () => {
    expect(() => parseConfig({ ATLAS_LIVE_WRITES: '1' })).toThrow(ConfigError);
    expect(() => parseConfig({ ATLAS_LIVE_WRITES: '1', ATLAS_AUTH: 'none' })).toThrow(/ATLAS_LIVE_WRITES=1 needs sign-in: with ATLAS_AUTH=none anyone who reaches the port could create/);
    expect(parseConfig({ ATLAS_LIVE_WRITES: '1', ATLAS_AUTH: 'proxy' }).liveWrites).toBe(true);
    expect(parseConfig({ ATLAS_LIVE_WRITES: '0' }).liveWrites).toBe(false);
  });

  it('needs the issuer, the client and a session secret of 32+ characters for oidc', () => {
    const oidc = {
      ATLAS_AUTH: 'oidc',
      ATLAS_OIDC_ISSUER: 'https://login.example.com/realms/ops',
      ATLAS_OIDC_CLIENT_ID: 'vpc-atlas',
      ATLAS_OIDC_CLIENT_SECRET: 'shh',
      ATLAS_SESSION_SECRET: 's'.repeat(32),
    };
    expect(parseConfig(oidc).auth.oidc).toEqual({ issuer: oidc.ATLAS_OIDC_ISSUER, clientId: 'vpc-atlas', clientSecret: 'shh', sessionSecret: 's'.repeat(32) });
    expect(parseConfig({ ...oidc, ATLAS_SESSION_SECRET: '', AUTH_SECRET: 'a'.repeat(40) }).auth.oidc?.sessionSecret).toBe('a'.repeat(40));
    expect(() => parseConfig({ ATLAS_AUTH: 'oidc' })).toThrow(/ATLAS_OIDC_ISSUER: required when ATLAS_AUTH=oidc[\s\S]*ATLAS_OIDC_CLIENT_ID[\s\S]*ATLAS_OIDC_CLIENT_SECRET[\s\S]*ATLAS_SESSION_SECRET: required/);
    expect(() => parseConfig({ ...oidc, ATLAS_SESSION_SECRET: 'short' })).toThrow('ATLAS_SESSION_SECRET: must be at least 32 characters');
    expect(() => parseConfig({ ...oidc, ATLAS_OIDC_ISSUER: 'login.example.com' })).toThrow('ATLAS_OIDC_ISSUER="login.example.com": must be an http(s) URL');
  });

  it('reads the fixture file limits, and refuses what is not a number', () => {
    expect(parseConfig({}).fixtureRead).toEqual({ maxBytes: 500_000_000, timeoutMs: 30_000 });
    expect(parseConfig({ ATLAS_FIXTURE_MAX_BYTES: '1000', ATLAS_FIXTURE_READ_TIMEOUT_MS: '250' }).fixtureRead).toEqual({ maxBytes: 1000, timeoutMs: 250 });
    expect(() => parseConfig({ ATLAS_FIXTURE_MAX_BYTES: '1GB' })).toThrow(/ATLAS_FIXTURE_MAX_BYTES="1GB": must be a number of bytes/);
  });

  it('checks the host settings proxy.ts reads: public URL, allowed hosts, proxy trust', () => {
    expect(() => parseConfig({ ATLAS_PUBLIC_URL: 'https://atlas.example.com', ATLAS_ALLOWED_HOSTS: 'atlas.internal, 10.0.0.5:3000 [::1]', ATLAS_TRUST_PROXY: '1' })).not.toThrow();
    expect(() => parseConfig({ ATLAS_ALLOWED_HOSTS: 'atlas.example.com/path' })).toThrow(/ATLAS_ALLOWED_HOSTS=.*must list host names/);
    expect(() => parseConfig({ ATLAS_TRUST_PROXY: 'yes' })).toThrow(/ATLAS_TRUST_PROXY="yes"/);
    expect(() => parseConfig({ ATLAS_PUBLIC_URL: 'atlas.example.com' })).toThrow(/ATLAS_PUBLIC_URL=.*http\(s\) URL/);
  });

  it('reads ATLAS_DATABASE_URL, and names it with the password hidden when it is wrong', () => {
    expect(parseConfig({}).databaseUrl).toBeUndefined();
    const url = 'postgres://atlas:s3cret@db.internal:5432/atlas?sslmode=verify-full';
    expect(parseConfig({ ATLAS_DATABASE_URL: url }).databaseUrl).toBe(url);
    for (const [value, why] of [
      ['mysql://atlas:s3cret@db/atlas', /must be a PostgreSQL URL/],
      ['postgres://atlas:s3cret@db.internal:5432/atlas?sslmode=sometimes', /sslmode=sometimes/],
      ['postgres://atlas:s3cret@:5432/atlas', /is not a valid URL/],
    ] as const) {
      const err = (() => {
        try {
          parseConfig({ ATLAS_DATABASE_URL: value });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(err).toBeInstanceOf(ConfigError);
      expect(err?.message).toMatch(/ATLAS_DATABASE_URL="[a-z]+:\/\/atlas:\*\*\*@/);
      expect(err?.message).toMatch(why);
      expect(err?.message).not.toContain('s3cret');
    }
  });

  it('signs in to PostgreSQL with RDS IAM tokens only over TLS', () => {
    expect(parseConfig({}).databaseAuth).toBe('password');
    const rds = 'postgres://atlas@atlas.c9akciq32.eu-west-1.rds.amazonaws.com:5432/atlas';
    expect(parseConfig({ ATLAS_DATABASE_URL: `${rds}?sslmode=verify-full`, ATLAS_DATABASE_AUTH: 'rds-iam' }).databaseAuth).toBe('rds-iam');
    expect(() => parseConfig({ ATLAS_DATABASE_URL: rds, ATLAS_DATABASE_AUTH: 'rds-iam' })).toThrow(/ATLAS_DATABASE_AUTH=rds-iam needs TLS: add \?sslmode=verify-full/);
    expect(() => parseConfig({ ATLAS_DATABASE_AUTH: 'rds-iam' })).toThrow(/rds-iam needs ATLAS_DATABASE_URL/);
    expect(() => parseConfig({ ATLAS_DATABASE_AUTH: 'iam' })).toThrow(/ATLAS_DATABASE_AUTH="iam": must be password or rds-iam/);
  });

  it('warns loudly when listening beyond loopback without sign-in', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.5', 'example.com'].some(isLoopback)).toBe(false);
    expect(bindWarning('127.0.0.1', 'none')).toBeNull();
    expect(bindWarning(null, 'none')).toBeNull();
    expect(bindWarning('0.0.0.0', 'proxy')).toBeNull();
    expect(bindWarning('0.0.0.0', 'none')).toMatch(/listens on 0\.0\.0\.0 WITHOUT AUTHENTICATION \(ATLAS_AUTH=none\)/);
  });

  it('reads the fleet settings: the organization role and external id, the regions, the concurrency and the profiles', () => {
    expect(parseConfig({}).fleet).toEqual({ orgRole: undefined, orgExternalId: undefined, regions: undefined, concurrency: 8, fixtureConcurrency: 2, fixtureDelayMs: 0, profiles: '*' });
    const c = parseConfig({
      ATLAS_ORG_ROLE: 'vpc-atlas-read',
      ATLAS_ORG_EXTERNAL_ID: 'atlas-7f3a',
      ATLAS_REGIONS: 'us-east-1, eu-west-1 eu-west-1',
      ATLAS_FLEET_CONCURRENCY: '16',
      ATLAS_FLEET_PROFILES: 'prod-ro,dev',
      ATLAS_FLEET_FIXTURE_DELAY_MS: '50',
    });
    expect(c.fleet).toEqual({ orgRole: 'vpc-atlas-read', orgExternalId: 'atlas-7f3a', regions: ['us-east-1', 'eu-west-1'], concurrency: 16, fixtureConcurrency: 16, fixtureDelayMs: 50, profiles: ['prod-ro', 'dev'] });
    // The organization alone makes live mode available.
    expect(c.liveConfigured).toBe(true);
    expect(parseConfig({ ATLAS_FLEET_PROFILES: 'none' }).fleet.profiles).toEqual([]);
    expect(parseConfig({ ATLAS_REGIONS: '', ATLAS_ORG_ROLE: '' }).fleet).toMatchObject({ regions: undefined, orgRole: undefined });
  });

  it.each([
    [{ ATLAS_ORG_ROLE: 'arn:aws:iam::111122223333:role/x' }, 'ATLAS_ORG_ROLE="arn:aws:iam::111122223333:role/x": must be an IAM role name'],
    [{ ATLAS_ORG_ROLE: 'r', ATLAS_ORG_EXTERNAL_ID: 'x' }, 'ATLAS_ORG_EXTERNAL_ID="x": must be 2 to 1224'],
    [{ ATLAS_ORG_EXTERNAL_ID: 'abc123' }, 'ATLAS_ORG_EXTERNAL_ID is set but ATLAS_ORG_ROLE is not'],
    [{ ATLAS_REGIONS: 'us-east-1,virginia' }, 'ATLAS_REGIONS="us-east-1,virginia": must list region names such as us-east-1,eu-west-1 (not "virginia")'],
    [{ ATLAS_FLEET_CONCURRENCY: '0' }, 'ATLAS_FLEET_CONCURRENCY="0": must be between 1 and 64'],
    [{ ATLAS_FLEET_CONCURRENCY: 'eight' }, 'ATLAS_FLEET_CONCURRENCY="eight": must be a number of account-regions such as 8'],
    [{ ATLAS_FLEET_FIXTURE_DELAY_MS: '10001' }, 'ATLAS_FLEET_FIXTURE_DELAY_MS="10001": must be at most 10000'],
    [{ ATLAS_FLEET_FIXTURE_DELAY_MS: '0.5s' }, 'ATLAS_FLEET_FIXTURE_DELAY_MS="0.5s": must be a number of milliseconds such as 50'],
    [{ ATLAS_FLEET_PROFILES: 'prod ro;x' }, 'ATLAS_FLEET_PROFILES="prod ro;x": must be *, none, or profile names'],
  ])('stops on a wrong fleet setting and names it: %j', (env, expected) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(expected);
  });
});


describe('fixtureDataLabel', () => {
  it('calls only the embedded demo account demo data', () => {
    expect(fixtureDataLabel(parseConfig({}))).toBe('demo data');
    expect(fixtureDataLabel(parseConfig({ ATLAS_FIXTURE_DIR: 'fixtures/demo/' }))).toBe('demo data');
    expect(fixtureDataLabel(parseConfig({ ATLAS_FIXTURE_DIR: 'fixtures/real-shapes' }))).toBe('fixture data');
  });
});
