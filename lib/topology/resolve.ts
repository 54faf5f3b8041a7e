import 'server-only';
import { getConfig } from '@/lib/config';
import type { Source } from '@/lib/ec2/backend';
import { knownProfileName, listProfiles, type AwsProfile } from '@/lib/ec2/profiles';

/** The sources this server can read: fixture always, live when it is configured. */
export function availableSources(): Source[] {
  return getConfig().liveConfigured ? ['fixture', 'live'] : ['fixture'];
}

/**
 * The source a request may use: the configured one by default. Live is offered when the server
 * was started with ATLAS_SOURCE=live, an EC2 endpoint (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EC2)
 * or AWS_PROFILE; it needs credentials or an endpoint to talk to.
 */
export function resolveSource(requested: Source | undefined): { source: Source } | { error: string } {
  const config = getConfig();
  const source = requested ?? config.source;
  if (source === 'live' && !config.liveConfigured) {
    return { error: 'source: live mode is not configured on this server (start it with ATLAS_SOURCE=live).' };
  }
  return { source };
}

/**
 * The profile a live request may use: one of the server's shared AWS config files, checked
 * against their list. Unset (or fixture) means the SDK's default chain.
 */
export async function resolveProfile(
  source: Source,
  requested: string | undefined,
): Promise<{ profile: string | undefined; profiles: AwsProfile[] } | { error: string; profiles: AwsProfile[] }> {
  if (source !== 'live') return { profile: undefined, profiles: [] };
  const profiles = await listProfiles();
  if (requested === undefined || requested === '') return { profile: undefined, profiles };
  const parsed = knownProfileName(profiles).safeParse(requested);
  // The schema's messages start with the field: `profile is not in the AWS config files ...`.
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'profile is not valid', profiles };
  return { profile: parsed.data, profiles };
}

export function defaultRegion(): string {
  return getConfig().defaultRegion;
}
