import 'server-only';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The profiles of the AWS shared config files, for the profile picker. Only section names and
 * `region` are read; access keys, secrets and session tokens in the same files are skipped
 * line by line and never kept, returned or logged.
 */
export interface AwsProfile {
  name: string;
  /** The profile's `region`, if the files set one. */
  region: string | null;
}

/** Names the picker offers and the URL accepts: what AWS CLI users write, nothing that needs quoting in INI. */
export const PROFILE_NAME = /^[A-Za-z0-9_.@+=,:/-]{1,128}$/;

export const ProfileName = z.string().regex(PROFILE_NAME, 'profile must be a profile name such as prod-readonly');
export type ProfileName = z.infer<typeof ProfileName>;

/** A profile name that must also be one of `profiles`: what `?profile=` is checked with. */
export function knownProfileName(profiles: readonly AwsProfile[]) {
  return ProfileName.refine((name) => profiles.some((p) => p.name === name), {
    error: 'profile is not in the AWS config files of this server',
  });
}

/** Where the SDK looks for the shared files: the same variables and defaults as the AWS CLI. */
export function sharedFilePaths(env: Record<string, string | undefined> = process.env): {
  configFile: string;
  credentialsFile: string;
} {
  const home = env.HOME || env.USERPROFILE || os.homedir();
  return {
    configFile: env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'),
  };
}

/**
 * The profiles one shared file declares. In the config file a profile is `[default]` or
 * `[profile name]` (other sections such as `[sso-session x]` and `[services x]` are not
 * profiles, and the SDK ignores a bare `[name]` there); in the credentials file every `[name]` is one.
 */
export function parseProfiles(text: string, kind: 'config' | 'credentials'): AwsProfile[] {
  const out: AwsProfile[] = [];
  let current: AwsProfile | null = null;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]]*?)\s*\]\s*(?:[#;].*)?$/.exec(line);
    if (section) {
      const header = section[1]!;
      let name: string | null = null;
      if (kind === 'credentials') name = header;
      else if (header === 'default') name = 'default';
      else if (/^profile\s+/.test(header)) name = header.replace(/^profile\s+/, '').trim();
      current = name !== null && PROFILE_NAME.test(name) ? { name, region: null } : null;
      if (current) {
        const seen = out.find((p) => p.name === current!.name);
        if (seen) current = seen;
        else out.push(current);
      }
      continue;
    }
    // Only top-level `region = x`; indented lines are sub-settings of the key above them.
    const region = /^region\s*=\s*([a-z0-9-]+)\s*$/.exec(line);
    if (current && region) current.region = region[1]!;
  }
  return out;
}

/** A shared file's text, or '' when it does not exist or cannot be read. Large files are cut at 1 MiB. */
async function readShared(file: string): Promise<string> {
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(1024 * 1024);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

/**
 * The profiles of the server's AWS shared config and credentials files (AWS_CONFIG_FILE,
 * AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and ~/.aws/credentials), `default` first,
 * then by name. Read on every call, so a profile added to the files shows without a restart.
 * A region in the config file wins over one in the credentials file, as in the SDK.
 */
export async function listProfiles(env: Record<string, string | undefined> = process.env): Promise<AwsProfile[]> {
  const { configFile, credentialsFile } = sharedFilePaths(env);
  const [config, credentials] = await Promise.all([readShared(configFile), readShared(credentialsFile)]);
  const byName = new Map<string, AwsProfile>();
  for (const p of parseProfiles(credentials, 'credentials')) byName.set(p.name, { ...p });
  for (const p of parseProfiles(config, 'config')) {
    const had = byName.get(p.name);
    byName.set(p.name, { name: p.name, region: p.region ?? had?.region ?? null });
  }
  return [...byName.values()].sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
  );
}
