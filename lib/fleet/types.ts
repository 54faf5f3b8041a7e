/**
 * The fleet: every account and region the server can read, in one view. This file is the contract between the
 * server side (`lib/fleet/state.ts`: `getFleetState`, `waitForFleet`) and the page, the snapshot and
 * `GET /api/fleet`, which return `FleetState` as JSON. Plain data only: client-safe, no AWS imports.
 *
 * Server functions (lib/fleet/state.ts, server-only):
 *   getFleetState({ source?, refresh? }): FleetState  starts a pass in the background when none ran yet (or
 *     `refresh`) and returns the current, possibly partial, state at once;
 *   waitForFleet({ source? }): Promise<FleetState>     resolves when the running pass has finished;
 *   getFleetUpdate({ source?, since? }): FleetUpdate   the rows changed since a version (lib/fleet/delta.ts);
 *   waitForFleetUpdate({ since, … }): Promise<FleetUpdate>  the same, once something changed (a long poll).
 *
 * Fixture layout: `ATLAS_FIXTURE_DIR/<12-digit account id>/<region>/describe-*.json`, with the account's name in
 * `ATLAS_FIXTURE_DIR/<account id>/account.json` in the shape of Organizations' `Account`
 * (`{"Id","Name","Email","Status"}`). The single-account layout `ATLAS_FIXTURE_DIR/<region>/` is one more account,
 * the default one (its links carry no `?account=`).
 */

import type { FindingRule, Severity } from '@/lib/analysis/findings';

export type { FindingRule, Severity } from '@/lib/analysis/findings';

/**
 * Where an account comes from: a profile of the shared AWS config files, the organization (ListAccounts, read
 * through AssumeRole into ATLAS_ORG_ROLE), or a folder of the fixture directory.
 */
export type AccountSource = 'profile' | 'organization' | 'fixture';

/** An AWS account id: twelve digits. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

export interface FleetAccount {
  /** The 12-digit account id: what `?account=` carries. */
  id: string;
  /** The account's name (Organizations' `Name`, the fixture's account.json, else the profile name or the id). */
  name: string;
  source: AccountSource;
  /** source 'profile': the profile of the shared config files that reads it. */
  profile?: string;
  /**
   * Fixture only: the account of the single-account layout (`ATLAS_FIXTURE_DIR/<region>/`), which links name
   * without `?account=`.
   */
  isDefault?: boolean;
}

/** The state of one account-region's load. */
export type FleetLoad =
  | { state: 'loading' }
  | { state: 'loaded'; loadedAt: string }
  /** AWS refused a call: `permission` is the IAM action that is missing (`sts:AssumeRole`, `ec2:DescribeVpcs`). */
  | { state: 'denied'; permission: string; message: string }
  | { state: 'failed'; reason: string };

export type FleetLoadState = FleetLoad['state'];

export interface FleetCounts {
  vpcs: number;
  subnets: number;
  /** Every VPC endpoint, of any type. */
  endpoints: number;
}

export interface FleetCost {
  /** NAT gateways' hourly charge per month (730 h), as lib/analysis/costs.ts prices it for the region. */
  natUsd: number;
  /** Interface endpoints' hourly charge per month (per AZ), as lib/analysis/costs.ts prices it. */
  interfaceEndpointUsd: number;
}

/**
 * One account-region. `counts`, `findings` and `monthlyCost` are null until the first load of it succeeds; a
 * refresh keeps the last ones (and the last `loadedAt` in `lastLoadedAt`) while it runs or when it fails.
 */
export interface FleetRow {
  accountId: string;
  accountName: string;
  accountSource: AccountSource;
  /**
   * The region, or null when the account's regions could not be listed (its role could not be assumed, or
   * ec2:DescribeRegions was refused): then the row stands for the whole account and `load` says why.
   */
  region: string | null;
  load: FleetLoad;
  /** When the counts below were read; set while a refresh of a loaded row runs or after it failed. */
  lastLoadedAt: string | null;
  counts: FleetCounts | null;
  /** Findings by the app's severities (high, medium, low, info). */
  findings: Record<Severity, number> | null;
  monthlyCost: FleetCost | null;
  /** What the last load could not read but did not fail on ("Missing permission ec2:DescribeNatGateways: …"). */
  warnings: string[];
  /** `?region=…&account=…` (and source when the fleet is not the server's default source): opens this scope's region page. */
  query: string;
}

/** One place a fleet finding is found: a VPC of an account-region. */
export interface FleetFindingItem {
  accountId: string;
  accountName: string;
  region: string;
  vpcId: string;
  vpcName: string;
  rule: FindingRule;
  /** The finding's own id (`<rule>:<resource ids>`), unique within its account-region. */
  findingId: string;
  title: string;
  severity: Severity;
  resourceIds: string[];
  /** For NAT-to-gateway-service findings: what the gateway endpoint would save a month; else null. */
  monthlyUsd: number | null;
  /** The VPC page in the right account and region with the finding's first resource selected. */
  href: string;
}

/** The findings of every account-region with one rule, grouped. */
export interface FleetFinding {
  rule: FindingRule;
  /** The rule's label ("S3/DynamoDB through NAT"). */
  title: string;
  /** The most severe severity among the items. */
  severity: Severity;
  /** Number of findings (a VPC may have several of one rule). */
  count: number;
  vpcCount: number;
  accountCount: number;
  /** Summed monthly money of the items that have one (NAT processing a gateway endpoint would save), else null. */
  monthlyUsd: number | null;
  items: FleetFindingItem[];
}

export interface FleetState {
  source: 'fixture' | 'live';
  /** When the current (or last) pass over the fleet began. */
  startedAt: string;
  /** When it ended; null while it runs. */
  finishedAt: string | null;
  /** Account-regions in the current pass, and how many of them have finished (loaded, denied or failed). */
  total: number;
  done: number;
  /** Every account the server found, in the order of the rows. */
  accounts: FleetAccount[];
  /** Sorted by account name, account id, region. */
  rows: FleetRow[];
  /** Most severe first, then by the number of VPCs. */
  findings: FleetFinding[];
  /** True while a pass runs over a fleet that had finished before: the rows keep their last result and its age. */
  refreshing: boolean;
  /** Fleet-wide problems that are not one row's: the organization could not be listed, a profile has no account. */
  notices: string[];
}

/** Which row: an account and a region (null for an account's placeholder row). */
export interface FleetRowRef {
  accountId: string;
  region: string | null;
}

/** A row with the findings of its last successful load (what the grouped findings are built from). */
export interface FleetRowUpdate {
  row: FleetRow;
  items: FleetFindingItem[];
}

/**
 * `GET /api/fleet?since=<version>`: what changed since the client's version (lib/fleet/delta.ts). The header
 * fields are as in FleetState; `rows` are the rows changed after `since` with their findings (every row when
 * `full`), `removed` the rows gone after it. `accounts` is there only when it changed (or `full`).
 */
export interface FleetUpdate extends Omit<FleetState, 'rows' | 'findings' | 'accounts'> {
  /** Opaque: pass it as `?since=` to get what changes after this answer. */
  version: string;
  /** True when `rows` is every row: the version asked for could not be answered with a delta. */
  full: boolean;
  rows: FleetRowUpdate[];
  removed: FleetRowRef[];
  accounts?: FleetAccount[];
}
