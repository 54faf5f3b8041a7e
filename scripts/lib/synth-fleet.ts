/**
 * Synthetic organizations for the fleet page and its benchmark (`npm run fixtures:synth -- --fleet 100x3`):
 * many accounts, each a folder `<out>/<12-digit account id>/` holding `account.json` (the shape of
 * Organizations' `Account`: Id, Arn, Email, Name, Status, JoinedMethod, JoinedTimestamp) and one
 * `<region>/describe-*.json` folder per region, the layout ATLAS_FIXTURE_DIR reads for several accounts.
 *
 * Deterministic from the seed: the seed picks each account-region's size (mostly S, some M), and which
 * of them lack gateway endpoints (S3 and DynamoDB through NAT) or have no NAT gateway. `broken` accounts (the
 * ones after the first) get a truncated describe-vpcs.json in every region,
 * the way an interrupted `aws ec2 describe-vpcs > file` leaves it, so their rows fail with the file's name.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest, hashInt } from './region-builder';
import { SIZE_SHAPES, seededRandom, synthRegion, type Size, type VpcShape } from './synth';

/** Regions in the order a fleet of R regions takes them. */
export const FLEET_REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1', 'ca-central-1'] as const;

export const MAX_FLEET_ACCOUNTS = 1000;

export interface FleetOptions {
  accounts: number;
  regions: number;
  seed: number;
  /** How many accounts get broken files: the ones right after the first (management) account, so their rows fail early in a pass. */
  broken: number;
}

export interface FleetAccountPlan {
  id: string;
  name: string;
  email: string;
  broken: boolean;
  regions: { region: string; size: Size; variant: FleetVariant; shapes: VpcShape[] }[];
}

/** What sets an account-region apart from its size's plain shape (and which findings it raises). */
export type FleetVariant = 'plain' | 'no-gateway-endpoints' | 'no-nat';

const TEAMS = [
  'payments', 'analytics', 'search', 'checkout', 'ledger', 'data-platform', 'ml-training', 'observability',
  'edge', 'mobile-api', 'billing', 'fraud', 'catalog', 'notifications', 'warehouse', 'security-tooling',
];
const ENVS = ['prod', 'staging', 'dev', 'sandbox'];
/** Some organizations name accounts in full sentences; the fleet table must ellipsize these. */
const LONG_NAMES = [
  'Customer Data Platform - Analytics Production (EU data residency)',
  'Shared Networking and Transit Hub - Production Landing Zone',
  'Legacy Monolith Migration - Temporary Staging Environment 2024',
];

/** A 12-digit account id from the seed and index: unique within one fleet, stable across runs. */
export function fleetAccountId(seed: number, index: number): string {
  const prefix = 100 + (hashInt(`fleet-account|${seed}`) % 800);
  return `${prefix}${String(index).padStart(9, '0')}`;
}

function accountName(index: number): string {
  if (index % 17 === 5) return LONG_NAMES[Math.floor(index / 17) % LONG_NAMES.length] as string;
  const team = TEAMS[index % TEAMS.length] as string;
  const env = ENVS[Math.floor(index / TEAMS.length) % ENVS.length] as string;
  const round = Math.floor(index / (TEAMS.length * ENVS.length));
  return round === 0 ? `${team}-${env}` : `${team}-${env}-${round + 1}`;
}

function variantShapes(size: Size, variant: FleetVariant): VpcShape[] {
  return SIZE_SHAPES[size].map((shape) => {
    if (variant === 'no-gateway-endpoints') return { ...shape, gatewayEndpoints: 0 };
    if (variant === 'no-nat') return { ...shape, natGateways: 0 };
    return { ...shape };
  });
}

/** The whole fleet as a plan: ids, names, sizes and variants, without building any EC2 state. */
export function planFleet(options: FleetOptions): FleetAccountPlan[] {
  if (!Number.isInteger(options.accounts) || options.accounts < 1 || options.accounts > MAX_FLEET_ACCOUNTS) {
    throw new Error(`a fleet has 1 to ${MAX_FLEET_ACCOUNTS} accounts, not ${options.accounts}`);
  }
  if (!Number.isInteger(options.regions) || options.regions < 1 || options.regions > FLEET_REGIONS.length) {
    throw new Error(`a fleet has 1 to ${FLEET_REGIONS.length} regions, not ${options.regions}`);
  }
  if (!Number.isInteger(options.broken) || options.broken < 0 || options.broken >= options.accounts) {
    throw new Error(`--broken must leave at least one account whole (0 to ${options.accounts - 1}), not ${options.broken}`);
  }
  return Array.from({ length: options.accounts }, (_, index) => {
    const rng = seededRandom(`${options.seed}|fleet|${index}`);
    const id = fleetAccountId(options.seed, index);
    const name = accountName(index);
    const regions = FLEET_REGIONS.slice(0, options.regions).map((region) => {
      const size: Size = rng() < 0.2 ? 'M' : 'S';
      const roll = rng();
      const variant: FleetVariant =
        roll < 0.3 ? 'no-gateway-endpoints' : roll < 0.4 ? 'no-nat' : 'plain';
      return { region, size, variant, shapes: variantShapes(size, variant) };
    });
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
    return { id, name, email: `aws+${slug}@example.com`, broken: index >= 1 && index <= options.broken, regions };
  });
}

/** Organizations' `Account` record for account.json. */
function accountRecord(plan: FleetAccountPlan, seed: number, index: number): Record<string, string> {
  const org = `o-${digest(`fleet-org|${seed}`).slice(0, 10)}`;
  const management = fleetAccountId(seed, 0);
  const joined = new Date(Date.UTC(2019, 0, 1) + (hashInt(`joined|${seed}|${index}`) % (5 * 365)) * 86_400_000);
  return {
    Id: plan.id,
    Arn: `arn:aws:organizations::${management}:account/${org}/${plan.id}`,
    Email: plan.email,
    Name: plan.name,
    Status: 'ACTIVE',
    JoinedMethod: index === 0 ? 'CREATED' : 'INVITED',
    JoinedTimestamp: joined.toISOString(),
  };
}

/**
 * Refuses to clear a directory that is not a fleet: `out` must be missing, empty, or hold only
 * 12-digit account folders (a fleet written before), so a wrong --out never deletes someone's files.
 */
function clearFleetDir(out: string): void {
  if (!existsSync(out)) return;
  const strangers = readdirSync(out).filter((name) => !/^\d{12}$/.test(name));
  if (strangers.length > 0) {
    throw new Error(`${out} is not a fleet directory (it holds ${strangers.slice(0, 3).join(', ')}); choose an empty or new --out`);
  }
  for (const name of readdirSync(out)) rmSync(join(out, name), { recursive: true, force: true });
}

/** Builds and writes the fleet into `out` (replacing a fleet written there before); returns the plan. */
export function writeFleet(options: FleetOptions, out: string): FleetAccountPlan[] {
  const plans = planFleet(options);
  clearFleetDir(out);
  plans.forEach((plan, index) => {
    const accountDir = join(out, plan.id);
    mkdirSync(accountDir, { recursive: true });
    writeFileSync(join(accountDir, 'account.json'), `${JSON.stringify(accountRecord(plan, options.seed, index), null, 4)}\n`);
    for (const r of plan.regions) {
      synthRegion({ size: r.size, seed: options.seed, region: r.region, shapes: r.shapes, account: plan.id }).finish(accountDir);
      if (plan.broken) {
        const file = join(accountDir, r.region, 'describe-vpcs.json');
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      }
    }
  });
  return plans;
}
