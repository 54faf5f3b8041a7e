import 'server-only';
import { getConfig } from '@/lib/config';
import type { Source } from '@/lib/ec2/backend';
import { resolveProfile, resolveSource } from '@/lib/topology/resolve';

/** Whether this server may write to a source, and if not, why, in a sentence the form shows. */
export function writesState(source: Source): { enabled: boolean; reason: string | null } {
  if (source === 'fixture') return { enabled: true, reason: null };
  if (getConfig().liveWrites) return { enabled: true, reason: null };
  return {
    enabled: false,
    reason:
      'Live writes are off on this server: it creates, changes and deletes endpoints in AWS only when started with ATLAS_LIVE_WRITES=1. A dry run still checks the request and your permissions.',
  };
}

export type WriteScope = { ok: true; source: Source; profile: string | undefined; writes: { enabled: boolean; reason: string | null } } | { ok: false; error: string };

/** The source and profile a write request names, checked as pages check them, and whether writes are on. */
export async function resolveWriteScope(source: Source | undefined, profile: string | undefined): Promise<WriteScope> {
  const s = resolveSource(source);
  if ('error' in s) return { ok: false, error: s.error };
  const p = await resolveProfile(s.source, profile);
  if ('error' in p) return { ok: false, error: p.error };
  return { ok: true, source: s.source, profile: p.profile, writes: writesState(s.source) };
}
