import 'server-only';
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FIXTURE_FILES, listFixtureRegions } from '@/lib/ec2/fixture-files';
import { readFixtureText } from '@/lib/ec2/fixture-read';
import { ACCOUNT_ID_PATTERN, type FleetAccount } from './types';

/**
 * The accounts of a fixture directory: every `<12-digit id>/` folder that holds region folders, named by its
 * `account.json` (Organizations' `Account`: `{"Id","Name","Email","Status"}`), and the single-account layout
 * (`<region>/` folders at the top), which is the default account.
 */

/** account.json: Organizations' `Account` record (DescribeAccount's `Account`, one of ListAccounts' `Accounts`). */
export const AccountFile = z.looseObject({
  Id: z.string().regex(ACCOUNT_ID_PATTERN, 'Id must be a 12-digit account id'),
  Name: z.string().trim().min(1, 'Name must not be empty').max(128).optional(),
  Email: z.string().optional(),
  Status: z.string().optional(),
  State: z.string().optional(),
});
export type AccountFile = z.infer<typeof AccountFile>;

export const ACCOUNT_FILE = 'account.json';

/** What a search for accounts found, and what it could not use. */
export interface FoundAccounts {
  accounts: FleetAccount[];
  notices: string[];
  /** Fixture accounts only: each account's region folders by account id, as the search found them (not listed twice). */
  regions?: Map<string, string[]>;
}

/** A folder's account.json, or null when it has none; a bad one is a notice and null. */
async function readAccountFile(root: string, folder: string, notices: string[]): Promise<AccountFile | null> {
  const file = path.join(/* turbopackIgnore: true */ folder, ACCOUNT_FILE);
  const shown = path.relative(root, file) || ACCOUNT_FILE;
  let text: string;
  try {
    text = await readFixtureText(root, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') notices.push(`${shown}: ${(err as Error).message}; the account is named by its id.`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    notices.push(`${shown} is not JSON (${(err as Error).message}); the account is named by its id.`);
    return null;
  }
  // `aws organizations describe-account` wraps it: {"Account": {...}}.
  const record = json && typeof json === 'object' && 'Account' in json ? (json as { Account: unknown }).Account : json;
  const parsed = AccountFile.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    notices.push(`${shown}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}; the account is named by its id.`);
    return null;
  }
  return parsed.data;
}

/** The owner of the first VPC of a region folder: the id AWS wrote into the dump. */
async function ownerInData(dir: string, region: string): Promise<string | null> {
  try {
    const text = await readFixtureText(dir, path.join(/* turbopackIgnore: true */ dir, region, FIXTURE_FILES.vpcs.file));
    const vpcs = (JSON.parse(text) as { Vpcs?: Array<{ OwnerId?: unknown }> }).Vpcs ?? [];
    const owner = vpcs.find((v) => typeof v?.OwnerId === 'string' && ACCOUNT_ID_PATTERN.test(v.OwnerId))?.OwnerId;
    return typeof owner === 'string' ? owner : null;
  } catch {
    // The region's load reports what is wrong with the file.
    return null;
  }
}

const inactive = (a: AccountFile) => {
  const state = a.State ?? a.Status;
  return state !== undefined && state !== 'ACTIVE';
};

/**
 * The accounts of the fixture directory `dir`: the default one first (when `<region>/` folders sit at the top),
 * then the account folders by name. A folder without region folders, or whose account.json says it is not
 * ACTIVE, is left out with a notice.
 */
export async function listFixtureAccounts(dir: string): Promise<FoundAccounts> {
  const notices: string[] = [];
  const accounts: FleetAccount[] = [];
  const regions = new Map<string, string[]>();
  const topRegions = await listFixtureRegions(dir);
  if (topRegions.length) {
    const file = await readAccountFile(dir, dir, notices);
    const id = file?.Id ?? (await ownerInData(dir, topRegions[0]!)) ?? '000000000000';
    accounts.push({ id, name: file?.Name ?? path.basename(dir), source: 'fixture', isDefault: true });
    regions.set(id, topRegions);
  }
  let entries: Dirent[] = [];
  try {
    entries = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => ACCOUNT_ID_PATTERN.test(e.name)).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    // No directory: no accounts; the region page says what is missing.
  }
  const folders: FleetAccount[] = [];
  await Promise.all(
    entries.map(async (entry) => {
      const id = entry.name;
      const folder = path.join(/* turbopackIgnore: true */ dir, id);
      // The listing says what most entries are; a symbolic link (or a file system that does not say) is asked.
      const isDir = entry.isDirectory() || (!entry.isFile() && (await fs.stat(folder).then((s) => s.isDirectory(), () => false)));
      if (!isDir) return;
      const found = await listFixtureRegions(folder);
      if (!found.length) {
        notices.push(`${id}/ holds no region folder with describe-vpcs.json; it is not read.`);
        return;
      }
      const file = await readAccountFile(dir, folder, notices);
      if (file && file.Id !== id) notices.push(`${id}/${ACCOUNT_FILE} says Id ${file.Id}; the folder’s name, ${id}, is used.`);
      if (file && inactive(file)) {
        notices.push(`${id}/${ACCOUNT_FILE}: the account is ${file.State ?? file.Status}, not ACTIVE; it is not read.`);
        return;
      }
      folders.push({ id, name: file?.Name ?? id, source: 'fixture' });
      // Set after the top regions': an id that is both is read from its folder (below).
      regions.set(id, found);
    }),
  );
  folders.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  // The default account's id may also be a folder's: one account, one place; the folder wins.
  const top = accounts[0];
  if (top && folders.some((a) => a.id === top.id)) {
    accounts.shift();
    notices.push(`The regions at the top of the fixture directory belong to account ${top.id}, which has a folder of its own; only ${top.id}/ is read.`);
  }
  return { accounts: [...accounts, ...folders], notices: notices.sort(), regions };
}
