import { scopeQuery } from '@/lib/topology/scope-query';
import type { FleetAccount } from './types';

/**
 * How the fleet's links name an account-region. Client-safe: the server makes a row's link when it first lists the
 * row, and the page makes the same link when it rebuilds a row the server sent as account and region only
 * (lib/fleet/compact.ts).
 */

/** How links of the fleet name a scope: the source only when it is not the server's default one. */
export interface LinkScope {
  source: 'fixture' | 'live';
  /** Whether `source` differs from the server's default, so that links must say it. */
  sourceInUrl: boolean;
}

/** The scope part of a link to an account-region (region, source, profile, account). */
export function accountRegionQuery(account: FleetAccount, region: string, link: LinkScope, extra: Record<string, string> = {}): string {
  return scopeQuery(
    {
      region,
      source: link.source,
      sourceInUrl: link.sourceInUrl,
      profile: account.profile,
      // The default fixture account is the one a link without `account` opens.
      account: account.isDefault ? undefined : account.id,
    },
    extra,
  );
}
