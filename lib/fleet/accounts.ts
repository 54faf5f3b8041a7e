import 'server-only';
import { getConfig } from '@/lib/config';
import { callerAccount, listOrganizationAccounts } from '@/lib/ec2/accounts';
import { listProfiles } from '@/lib/ec2/profiles';
import { listFixtureAccounts, type FoundAccounts } from './fixture-accounts';
import type { FleetAccount } from './types';

/**
 * Which accounts the fleet reads, from three places that combine: the profiles of the shared AWS config files
 * (ATLAS_FLEET_PROFILES, all by default; each profile's account from sts:GetCallerIdentity), the organization
 * (ATLAS_ORG_ROLE: organizations:ListAccounts, active accounts only, each read through the role), and in fixture
 * mode the account folders of ATLAS_FIXTURE_DIR. An account named twice is read once, the first way (a profile
 * before the organization). Nothing here throws: what cannot be used is a notice.
 */

export type { FoundAccounts } from './fixture-accounts';

/** The accounts of the profiles the fleet reads, or of the server's own credentials when there are none. */
async function profileAccounts(notices: string[]): Promise<FleetAccount[]> {
  const { profiles: wanted, orgRole } = getConfig().fleet;
  const inFiles = await listProfiles();
  let names: string[];
  if (wanted === '*') names = inFiles.map((p) => p.name);
  else {
    names = wanted.filter((n) => inFiles.some((p) => p.name === n));
    const missing = wanted.filter((n) => !names.includes(n));
    if (missing.length) notices.push(`ATLAS_FLEET_PROFILES names ${missing.join(', ')}, not in the AWS config files of this server.`);
  }
  if (!names.length) {
    // Neither profiles nor an organization: the fleet is the account the server's own credentials read.
    if (orgRole) return [];
    try {
      const id = await callerAccount();
      return [{ id, name: id, source: 'profile' }];
    } catch (err) {
      notices.push(`The server’s own account could not be read: ${(err as Error).message}`);
      return [];
    }
  }
  const found = await Promise.all(
    names.map(async (profile): Promise<FleetAccount | null> => {
      try {
        return { id: await callerAccount(profile), name: profile, source: 'profile', profile };
      } catch (err) {
        notices.push(`Profile ${profile}: ${(err as Error).message}`);
        return null;
      }
    }),
  );
  return found.filter((a): a is FleetAccount => a !== null);
}

async function organizationAccounts(notices: string[]): Promise<FleetAccount[]> {
  if (!getConfig().fleet.orgRole) return [];
  try {
    return (await listOrganizationAccounts()).map((a) => ({ id: a.id, name: a.name, source: 'organization' as const }));
  } catch (err) {
    notices.push(`${(err as Error).message} Only the accounts of profiles are read.`);
    return [];
  }
}

/** Every account the fleet of a source reads, in the order of the fleet's rows' accounts, with what could not be used. */
export async function discoverAccounts(source: 'fixture' | 'live'): Promise<FoundAccounts> {
  const found = source === 'fixture' ? listFixtureAccounts(getConfig().fixtureDir) : discoverLive();
  known.set(source, { at: Date.now(), accounts: found.then((f) => f.accounts) });
  found.catch(() => known.delete(source));
  return found;
}

/** How long the accounts a page checks `?account=` against are reused (a fleet pass refreshes them too). */
const KNOWN_TTL_MS = 10 * 60_000;
// Per process, like every cache the pages and route handlers share.
const known: Map<string, { at: number; accounts: Promise<FleetAccount[]> }> = ((
  globalThis as { __atlasKnownAccounts?: Map<string, { at: number; accounts: Promise<FleetAccount[]> }> }
).__atlasKnownAccounts ??= new Map());

/** The accounts of a source as last discovered (discovered now when not within the last 10 minutes). */
export async function knownAccounts(source: 'fixture' | 'live'): Promise<FleetAccount[]> {
  const hit = known.get(source);
  if (hit && Date.now() - hit.at < KNOWN_TTL_MS) return hit.accounts;
  return (await discoverAccounts(source)).accounts;
}

/**
 * The accounts of a source without asking AWS: fixture folders (cheap, read when not cached), live only as a
 * fleet pass or an `?account=` link last discovered them (a page does not wait for STS and Organizations).
 */
export async function peekKnownAccounts(source: 'fixture' | 'live'): Promise<FleetAccount[]> {
  const hit = known.get(source);
  if (hit) return hit.accounts.catch(() => []);
  if (source === 'fixture') return knownAccounts(source).catch(() => []);
  return [];
}

async function discoverLive(): Promise<FoundAccounts> {
  const notices: string[] = [];
  const [profiles, organization] = await Promise.all([profileAccounts(notices), organizationAccounts(notices)]);
  const seen = new Set<string>();
  const accounts: FleetAccount[] = [];
  for (const a of [...profiles, ...organization]) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    accounts.push(a);
  }
  return { accounts, notices: notices.sort() };
}
