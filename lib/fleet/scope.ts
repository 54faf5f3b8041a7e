import 'server-only';
import { z } from 'zod';
import { knownAccounts } from './accounts';
import { ACCOUNT_ID_PATTERN, type FleetAccount } from './types';

/** `?account=`: an account of the fleet, by its 12-digit id. */
export const AccountId = z.string().regex(ACCOUNT_ID_PATTERN, 'account must be a 12-digit AWS account id such as 111122223333');
export type AccountId = z.infer<typeof AccountId>;

/** What `loadTopology` (and the other readers of a region) get for an account: its profile, or its id. */
export interface AccountLoad {
  profile?: string;
  account?: string;
}

/**
 * How an account is read: a profile account through its profile, an organization account through ATLAS_ORG_ROLE
 * (its id), a fixture account from its folder (its id); the default fixture account as if no account were named.
 */
export function accountLoad(account: FleetAccount | undefined): AccountLoad {
  if (!account || account.isDefault) return {};
  if (account.source === 'profile') return account.profile ? { profile: account.profile } : {};
  return { account: account.id };
}

/**
 * The account a request names with `?account=`, checked against the accounts of the source's fleet. Unset or
 * empty: none (the server's default account). An id that is not one of the fleet's is an error that names it.
 */
export async function resolveAccount(
  source: 'fixture' | 'live',
  requested: string | undefined,
): Promise<{ account: FleetAccount | undefined } | { error: string }> {
  if (requested === undefined || requested === '') return { account: undefined };
  const parsed = AccountId.safeParse(requested);
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const account = (await knownAccounts(source)).find((a) => a.id === parsed.data);
  if (!account) return { error: `account ${parsed.data} is not one of the accounts this server reads (${source} data)` };
  return { account };
}
