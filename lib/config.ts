import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { parseEditors } from '@/lib/auth/roles';
import { REGION_PATTERN } from '@/lib/aws/ids';
import { PROFILE_NAME } from '@/lib/ec2/profiles';
import { hostName, isLoopbackHost } from '@/lib/http/host-check';
import { databaseUrlProblem, redactDatabaseUrl } from '@/lib/store/url';

/** Where the embedded demo account lives; the default fixture directory. */
export const DEMO_FIXTURE_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), 'fixtures', 'demo');

/** lib/ec2/fixture-read.ts explains both: a 150,000-interface dump is about 300 MB; V8 strings end near 512 MB. */
const DEFAULT_FIXTURE_MAX_BYTES = 500_000_000;
const DEFAULT_FIXTURE_READ_TIMEOUT_MS = 30_000;

/** Account-regions the fleet loads at once by default: polite to the EC2 API, fast enough for 300 of them. */
export const DEFAULT_FLEET_CONCURRENCY = 8;
/**
 * The same from fixture files, unless ATLAS_FLEET_CONCURRENCY says otherwise. A fixture load is CPU work on the
 * server's one JavaScript thread (JSON parsing, normalizing, analysis), not waiting on AWS: 8 interleaved loads
 * finish no sooner than 2 and each of them 4 times later, so the first rows show late (bench/README.md, the fleet).
 * Two keep the file reads of one load overlapping the CPU work of the other.
 */
export const DEFAULT_FIXTURE_FLEET_CONCURRENCY = 2;
const MAX_FLEET_CONCURRENCY = 64;
const MAX_FLEET_FIXTURE_DELAY_MS = 10_000;

const optionalNonEmpty = z
  .string()
  .trim()
  .min(1)
  .optional()
  .or(z.literal('').transform(() => undefined));

const urlString = z
  .string()
  .trim()
  .refine((v) => v === '' || /^https?:\/\/[^\s/]+/.test(v), 'must be an http(s) URL such as http://127.0.0.1:5055')
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const AtlasEnv = z.object({
  ATLAS_SOURCE: z.enum(['fixture', 'live']).default('fixture'),
  ATLAS_FIXTURE_DIR: optionalNonEmpty,
  ATLAS_DATA_DIR: optionalNonEmpty,
  ATLAS_CACHE_TTL: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, 'must be a number of seconds such as 60')
    .optional()
    .transform((v) => (v ? Number(v) : 60)),
  // Per attempt; the SDK makes up to 3 attempts, so a hung connection ends after about 3 × this.
  ATLAS_EC2_TIMEOUT_MS: z
    .string()
    .trim()
    .regex(/^\d{3,6}$/, 'must be a number of milliseconds such as 10000')
    .optional()
    .or(z.literal('').transform(() => undefined))
    .transform((v) => (v ? Number(v) : 10_000)),
  AWS_PROFILE: optionalNonEmpty,
  AWS_REGION: z
    .string()
    .trim()
    .regex(/^([a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d)?$/, 'must be a region name such as us-east-1')
    .optional()
    .transform((v) => (v ? v : undefined)),
  AWS_ENDPOINT_URL: urlString,
  AWS_ENDPOINT_URL_EC2: urlString,
  // Live writes (CreateVpcEndpoint and friends against a real account) are off unless the operator says so.
  ATLAS_LIVE_WRITES: z
    .enum(['0', '1', 'true', 'false', ''], { error: 'must be 1 (on) or 0 (off)' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  // Small graphs drawn in the page's HTML (lib/graph/server-render.ts): sooner on screen, later to answer.
  ATLAS_SERVER_RENDER_GRAPH: z
    .enum(['0', '1', 'true', 'false', ''], { error: 'must be 1 (on) or 0 (off)' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  // Who may read and who may write; see lib/auth. `none`: everyone who reaches the port is an editor,
  // which is only fine on loopback (the default bind address).
  ATLAS_AUTH: z
    .enum(['none', 'proxy', 'oidc', ''], { error: 'must be none, proxy or oidc' })
    .optional()
    .transform((v) => (v ? v : 'none')),
  ATLAS_AUTH_HEADER: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9][a-z0-9-]*)?$/, 'must be an HTTP header name such as x-forwarded-email')
    .optional()
    .transform((v) => v || 'x-forwarded-email'),
  ATLAS_OIDC_ISSUER: urlString,
  ATLAS_OIDC_CLIENT_ID: optionalNonEmpty,
  ATLAS_OIDC_CLIENT_SECRET: optionalNonEmpty,
  // Signs and encrypts the session cookie in oidc mode (Auth.js's AUTH_SECRET is read when this is unset).
  ATLAS_SESSION_SECRET: optionalNonEmpty,
  AUTH_SECRET: optionalNonEmpty,
  ATLAS_EDITORS: z.string().optional(),
  // Unset: snapshots and the audit log live in ATLAS_DATA_DIR/snapshots.db (SQLite). Set: in this PostgreSQL database.
  ATLAS_DATABASE_URL: optionalNonEmpty.superRefine((v, ctx) => {
    const problem = v === undefined ? null : databaseUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  ATLAS_DATABASE_AUTH: z
    .enum(['password', 'rds-iam', ''], { error: 'must be password or rds-iam' })
    .optional()
    .transform((v) => (v ? v : 'password')),
  ATLAS_SNAPSHOTS: z
    .enum(['public', 'private', ''], { error: 'must be public or private' })
    .optional()
    .transform((v) => (v ? v : 'public')),
  // The host check (lib/http/host-check.ts) and host trust (lib/http/public-origin.ts) read these from the
  // environment themselves, in proxy.ts; they are validated here so a typo stops the start.
  ATLAS_PUBLIC_URL: urlString,
  ATLAS_ALLOWED_HOSTS: z
    .string()
    .trim()
    .regex(/^([\w.:[\]-]+([\s,]+|$))*$/, 'must list host names or addresses, separated by commas or spaces, such as atlas.example.com, 10.0.0.5')
    .optional(),
  ATLAS_TRUST_PROXY: z.enum(['0', '1', 'true', 'false', ''], { error: 'must be 1 (a proxy in front sets X-Forwarded-Host) or 0' }).optional(),
  // lib/ec2/fixture-read.ts: the largest fixture file read, and how long one read may take.
  ATLAS_FIXTURE_MAX_BYTES: z
    .string()
    .trim()
    .regex(/^(\d{1,10})?$/, 'must be a number of bytes such as 500000000')
    .optional()
    .transform((v) => (v ? Number(v) : DEFAULT_FIXTURE_MAX_BYTES)),
  ATLAS_FIXTURE_READ_TIMEOUT_MS: z
    .string()
    .trim()
    .regex(/^(\d{2,7})?$/, 'must be a number of milliseconds such as 30000')
    .optional()
    .transform((v) => (v ? Number(v) : DEFAULT_FIXTURE_READ_TIMEOUT_MS)),
  // The fleet (lib/fleet): the organization's accounts through a role in each, the regions read, how many at once.
  ATLAS_ORG_ROLE: z
    .string()
    .trim()
    // IAM role names: up to 64 of letters, digits and +=,.@_- (a path is not part of the name).
    .regex(/^([\w+=,.@-]{1,64})?$/, 'must be an IAM role name such as vpc-atlas-read (no ARN, no path)')
    .optional()
    .transform((v) => v || undefined),
  ATLAS_ORG_EXTERNAL_ID: z
    .string()
    .trim()
    // sts:AssumeRole's ExternalId: 2 to 1224 of letters, digits and +=,.@:/_-.
    .regex(/^([\w+=,.@:/-]{2,1224})?$/, 'must be 2 to 1224 letters, digits or +=,.@:/_- (the sts:ExternalId the member role’s trust policy requires)')
    .optional()
    .transform((v) => v || undefined),
  ATLAS_REGIONS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const names = (v ?? '').split(/[\s,]+/).filter(Boolean);
      const bad = names.filter((n) => !REGION_PATTERN.test(n));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `must list region names such as us-east-1,eu-west-1 (not ${bad.map((b) => JSON.stringify(b)).join(', ')})` });
      return names.length ? [...new Set(names)] : undefined;
    }),
  ATLAS_FLEET_CONCURRENCY: z
    .string()
    .trim()
    .regex(/^(\d{1,3})?$/, 'must be a number of account-regions such as 8')
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .refine((n) => n === undefined || (n >= 1 && n <= MAX_FLEET_CONCURRENCY), `must be between 1 and ${MAX_FLEET_CONCURRENCY}`),
  ATLAS_FLEET_FIXTURE_DELAY_MS: z
    .string()
    .trim()
    .regex(/^(\d{1,5})?$/, 'must be a number of milliseconds such as 50')
    .optional()
    .transform((v) => (v ? Number(v) : 0))
    .refine((n) => n <= MAX_FLEET_FIXTURE_DELAY_MS, `must be at most ${MAX_FLEET_FIXTURE_DELAY_MS}`),
  ATLAS_FLEET_PROFILES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = (v ?? '').trim();
      if (raw === '' || raw === '*') return '*' as const;
      if (raw === 'none') return [] as string[];
      const names = raw.split(/[\s,]+/).filter(Boolean);
      const bad = names.filter((n) => !PROFILE_NAME.test(n));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `must be *, none, or profile names separated by commas (not ${bad.map((b) => JSON.stringify(b)).join(', ')})` });
      return names;
    }),
});

export interface FleetConfig {
  /** ATLAS_ORG_ROLE: the role to assume in every active account of the organization; undefined: no organization. */
  orgRole: string | undefined;
  /** ATLAS_ORG_EXTERNAL_ID: the ExternalId sent with every AssumeRole. */
  orgExternalId: string | undefined;
  /** ATLAS_REGIONS: only these regions; undefined: the regions enabled in each account (DescribeRegions), or its fixture folders. */
  regions: string[] | undefined;
  /** ATLAS_FLEET_CONCURRENCY: account-regions loading at once from AWS (default 8). */
  concurrency: number;
  /** The same from fixture files: ATLAS_FLEET_CONCURRENCY when set, else 2 (see DEFAULT_FIXTURE_FLEET_CONCURRENCY). */
  fixtureConcurrency: number;
  /**
   * ATLAS_FLEET_FIXTURE_DELAY_MS: how long each fixture account-region waits in its slot before it is read (default 0),
   * as a read from AWS would, to rehearse how a fleet's rows stream in (demos; e2e/fleet.spec.ts, whose passes would
   * otherwise end before the page can be watched on a fast machine). Live reads never wait for it.
   */
  fixtureDelayMs: number;
  /** ATLAS_FLEET_PROFILES: the profiles of the shared config files the fleet reads ('*': all of them). */
  profiles: '*' | string[];
}

export interface AtlasConfig {
  /** The source pages use when the URL names none. */
  source: 'fixture' | 'live';
  /**
   * Whether `source=live` may be asked for: ATLAS_SOURCE=live, or an EC2 endpoint or a profile
   * was given. Fixture mode is always available.
   */
  liveConfigured: boolean;
  /** Milliseconds an EC2 request may stay silent before it is cut off (each attempt). */
  ec2TimeoutMs: number;
  /** ATLAS_FIXTURE_MAX_BYTES and ATLAS_FIXTURE_READ_TIMEOUT_MS: what lib/ec2/fixture-read.ts allows one fixture file. */
  fixtureRead: { maxBytes: number; timeoutMs: number };
  fixtureDir: string;
  dataDir: string;
  /** Seconds a live topology is reused before the source is read again. */
  cacheTtlSeconds: number;
  /** The region shown when the URL names none. */
  defaultRegion: string;
  awsProfile: string | undefined;
  awsEndpoint: string | undefined;
  /** ATLAS_LIVE_WRITES=1: forms may create, modify and delete endpoints in live mode. Fixture mode always writes. */
  liveWrites: boolean;
  /** ATLAS_DATABASE_URL: the PostgreSQL store shared by replicas; undefined: the SQLite file in dataDir. */
  databaseUrl: string | undefined;
  /**
   * ATLAS_SERVER_RENDER_GRAPH=1: a small graph's canvas is rendered on the server and hydrated (`serverRendersCanvas`);
   * off (the default), every canvas mounts in the browser after hydration. See bench/README.md, session 8: on the S
   * account the picture is on screen about twice as soon, but the page answers later and blocks its main thread longer.
   */
  serverRenderGraph: boolean;
  /** password: from the URL, PGPASSWORD or ~/.pgpass; rds-iam: a fresh RDS IAM token per connection. */
  databaseAuth: 'password' | 'rds-iam';
  auth: AuthConfig;
  fleet: FleetConfig;
}

export type AuthMode = 'none' | 'proxy' | 'oidc';

export interface AuthConfig {
  /** none: no sign-in, everyone is an editor; proxy: a trusted header names the user; oidc: sign-in with an OpenID provider. */
  mode: AuthMode;
  /** proxy mode: the request header that carries the user's email (lower case). */
  header: string;
  /** oidc mode: the provider and this app's client registration at it. */
  oidc: { issuer: string; clientId: string; clientSecret: string; sessionSecret: string } | null;
  /** ATLAS_EDITORS, lower-cased: emails, and (oidc mode) group names from the ID token's `groups` claim. */
  editors: string[];
  /** public: `/s/<id>` opens for anyone with the link; private: it needs sign-in like every other page. */
  snapshots: 'public' | 'private';
}


/** A configuration error that names the variable at fault; start-up stops on it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the server's configuration from environment variables.
 * Throws ConfigError naming the variable when a value is wrong.
 */
export function parseConfig(env: Record<string, string | undefined>): AtlasConfig {
  const parsed = AtlasEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const raw = env[name];
      // A database URL may carry a password: it is shown with the password hidden.
      const got = raw !== undefined && name === 'ATLAS_DATABASE_URL' ? redactDatabaseUrl(raw) : raw;
      return `${name}${got !== undefined ? `=${JSON.stringify(got)}` : ''}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.ATLAS_LIVE_WRITES && e.ATLAS_AUTH === 'none') {
    problems.push(
      'ATLAS_LIVE_WRITES=1 needs sign-in: with ATLAS_AUTH=none anyone who reaches the port could create and delete endpoints in your AWS account. Set ATLAS_AUTH=proxy (behind an authenticating proxy) or ATLAS_AUTH=oidc, and list the editors in ATLAS_EDITORS.',
    );
  }
  if (e.ATLAS_ORG_EXTERNAL_ID && !e.ATLAS_ORG_ROLE) {
    problems.push('ATLAS_ORG_EXTERNAL_ID is set but ATLAS_ORG_ROLE is not: name the role to assume in each member account (ATLAS_ORG_ROLE=vpc-atlas-read)');
  }
  if (e.ATLAS_DATABASE_AUTH === 'rds-iam') {
    const sslmode = e.ATLAS_DATABASE_URL ? new URL(e.ATLAS_DATABASE_URL).searchParams.get('sslmode') : null;
    if (!e.ATLAS_DATABASE_URL) problems.push('ATLAS_DATABASE_AUTH=rds-iam needs ATLAS_DATABASE_URL (postgres://USER@HOST.REGION.rds.amazonaws.com:5432/DATABASE?sslmode=verify-full)');
    else if (!sslmode || !['require', 'verify-ca', 'verify-full'].includes(sslmode)) {
      problems.push('ATLAS_DATABASE_AUTH=rds-iam needs TLS: add ?sslmode=verify-full&sslrootcert=PATH (or sslmode=require) to ATLAS_DATABASE_URL; RDS refuses IAM tokens without it');
    }
  }
  let oidc: AuthConfig['oidc'] = null;
  if (e.ATLAS_AUTH === 'oidc') {
    const sessionSecret = e.ATLAS_SESSION_SECRET ?? e.AUTH_SECRET;
    for (const [name, value] of [
      ['ATLAS_OIDC_ISSUER', e.ATLAS_OIDC_ISSUER],
      ['ATLAS_OIDC_CLIENT_ID', e.ATLAS_OIDC_CLIENT_ID],
      ['ATLAS_OIDC_CLIENT_SECRET', e.ATLAS_OIDC_CLIENT_SECRET],
    ] as const) {
      if (!value) problems.push(`${name}: required when ATLAS_AUTH=oidc`);
    }
    if (!sessionSecret) problems.push('ATLAS_SESSION_SECRET: required when ATLAS_AUTH=oidc (32 or more random characters, e.g. `openssl rand -base64 32`); it signs the session cookies');
    else if (sessionSecret.length < 32) problems.push('ATLAS_SESSION_SECRET: must be at least 32 characters');
    if (e.ATLAS_OIDC_ISSUER && e.ATLAS_OIDC_CLIENT_ID && e.ATLAS_OIDC_CLIENT_SECRET && sessionSecret) {
      oidc = { issuer: e.ATLAS_OIDC_ISSUER, clientId: e.ATLAS_OIDC_CLIENT_ID, clientSecret: e.ATLAS_OIDC_CLIENT_SECRET, sessionSecret };
    }
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    source: e.ATLAS_SOURCE,
    liveConfigured: e.ATLAS_SOURCE === 'live' || !!(e.AWS_ENDPOINT_URL ?? e.AWS_ENDPOINT_URL_EC2 ?? e.AWS_PROFILE ?? e.ATLAS_ORG_ROLE),
    ec2TimeoutMs: e.ATLAS_EC2_TIMEOUT_MS,
    fixtureRead: { maxBytes: e.ATLAS_FIXTURE_MAX_BYTES, timeoutMs: e.ATLAS_FIXTURE_READ_TIMEOUT_MS },
    fixtureDir: path.resolve(/* turbopackIgnore: true */ e.ATLAS_FIXTURE_DIR ?? DEMO_FIXTURE_DIR),
    dataDir: path.resolve(/* turbopackIgnore: true */ e.ATLAS_DATA_DIR ?? '.data'),
    cacheTtlSeconds: e.ATLAS_CACHE_TTL,
    defaultRegion: e.AWS_REGION ?? 'us-east-1',
    awsProfile: e.AWS_PROFILE,
    awsEndpoint: e.AWS_ENDPOINT_URL_EC2 ?? e.AWS_ENDPOINT_URL,
    liveWrites: e.ATLAS_LIVE_WRITES,
    databaseUrl: e.ATLAS_DATABASE_URL,
    serverRenderGraph: e.ATLAS_SERVER_RENDER_GRAPH,
    databaseAuth: e.ATLAS_DATABASE_AUTH,
    auth: {
      mode: e.ATLAS_AUTH,
      header: e.ATLAS_AUTH_HEADER,
      oidc,
      editors: parseEditors(e.ATLAS_EDITORS),
      snapshots: e.ATLAS_SNAPSHOTS,
    },
    fleet: {
      orgRole: e.ATLAS_ORG_ROLE,
      orgExternalId: e.ATLAS_ORG_EXTERNAL_ID,
      regions: e.ATLAS_REGIONS,
      concurrency: e.ATLAS_FLEET_CONCURRENCY ?? DEFAULT_FLEET_CONCURRENCY,
      fixtureConcurrency: e.ATLAS_FLEET_CONCURRENCY ?? DEFAULT_FIXTURE_FLEET_CONCURRENCY,
      fixtureDelayMs: e.ATLAS_FLEET_FIXTURE_DELAY_MS,
      profiles: e.ATLAS_FLEET_PROFILES,
    },
  };
}

/** Whether an address to listen on is the local machine only (127.0.0.0/8, ::1, localhost). */
/** What the fixture source is called on pages: "demo data" only for the embedded demo account, else "fixture data". */
export function fixtureDataLabel(config: Pick<AtlasConfig, 'fixtureDir'>): 'demo data' | 'fixture data' {
  return path.resolve(config.fixtureDir) === path.resolve(DEMO_FIXTURE_DIR) ? 'demo data' : 'fixture data';
}

export function isLoopback(host: string): boolean {
  return isLoopbackHost(hostName(host) ?? '');
}

/**
 * The warning to print when the server listens beyond this machine without sign-in, or null.
 * `host` is the address it binds (unknown: null, no warning).
 */
export function bindWarning(host: string | null, mode: AuthMode): string | null {
  if (host === null || mode !== 'none' || isLoopback(host)) return null;
  const line = '!'.repeat(78);
  return [
    line,
    `!! vpc-atlas listens on ${host} WITHOUT AUTHENTICATION (ATLAS_AUTH=none).`,
    '!! Anyone who can reach this port can read your VPC topology and use the forms as an editor.',
    '!! Set ATLAS_AUTH=proxy (behind an authenticating proxy) or ATLAS_AUTH=oidc, or bind 127.0.0.1.',
    line,
  ].join('\n');
}

let cached: AtlasConfig | undefined;

/** The process's configuration, parsed once. */
export function getConfig(): AtlasConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
