import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import type { Viewer } from '@/lib/auth/types';
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

/**
 * writesState for one viewer: a viewer (or nobody signed in) gets the dry run only, with a sentence that
 * says why. The pages hide Create, Save and Delete with it; the actions check the role again themselves.
 */
export function writesStateFor(source: Source, viewer: Viewer | null): { enabled: boolean; reason: string | null } {
  if (!viewer) return { enabled: false, reason: 'Sign in to create, change or delete endpoints. A dry run still checks the request.' };
  if (!hasRole(viewer.role, 'editor')) {
    return {
      enabled: false,
      reason: `You are signed in as ${viewer.email ?? viewer.name}, a viewer: only editors create, change or delete endpoints. A dry run still checks the request.`,
    };
  }
  return writesState(source);
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
