import 'server-only';
import path from 'node:path';
import { z } from 'zod';

/** Where the embedded demo account lives; the default fixture directory. */
export const DEMO_FIXTURE_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), 'fixtures', 'demo');

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
});

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
      const got = env[name];
      return `${name}${got !== undefined ? `=${JSON.stringify(got)}` : ''}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    source: e.ATLAS_SOURCE,
    liveConfigured: e.ATLAS_SOURCE === 'live' || !!(e.AWS_ENDPOINT_URL ?? e.AWS_ENDPOINT_URL_EC2 ?? e.AWS_PROFILE),
    ec2TimeoutMs: e.ATLAS_EC2_TIMEOUT_MS,
    fixtureDir: path.resolve(/* turbopackIgnore: true */ e.ATLAS_FIXTURE_DIR ?? DEMO_FIXTURE_DIR),
    dataDir: path.resolve(/* turbopackIgnore: true */ e.ATLAS_DATA_DIR ?? '.data'),
    cacheTtlSeconds: e.ATLAS_CACHE_TTL,
    defaultRegion: e.AWS_REGION ?? 'us-east-1',
    awsProfile: e.AWS_PROFILE,
    awsEndpoint: e.AWS_ENDPOINT_URL_EC2 ?? e.AWS_ENDPOINT_URL,
    liveWrites: e.ATLAS_LIVE_WRITES,
  };
}

let cached: AtlasConfig | undefined;

/** The process's configuration, parsed once. */
export function getConfig(): AtlasConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
