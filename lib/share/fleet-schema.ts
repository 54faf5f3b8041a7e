/**
 * Zod schemas for a fleet snapshot: the fleet page's table and findings (`FleetState`, lib/fleet/types.ts)
 * frozen with the view they were looked at with. A stored row is parsed with these when it is read back, so a
 * damaged row is reported as corrupt instead of drawn half-way.
 */

import { z } from 'zod';
import { FINDING_RULES, SEVERITIES, type FindingRule, type Severity } from '@/lib/analysis/findings';
import type { FleetState } from '@/lib/fleet/types';
import { SnapshotId, SnapshotTitle, SnapshotView } from './schema';

const Sev = z.enum(SEVERITIES as [Severity, ...Severity[]]);
const Rule = z.enum(FINDING_RULES as [FindingRule, ...FindingRule[]]);
const AccountSource = z.enum(['profile', 'organization', 'fixture']);
const usd = z.number().finite().min(0);

const FleetLoad = z.discriminatedUnion('state', [
  z.object({ state: z.literal('loading') }),
  z.object({ state: z.literal('loaded'), loadedAt: z.string() }),
  z.object({ state: z.literal('denied'), permission: z.string(), message: z.string() }),
  z.object({ state: z.literal('failed'), reason: z.string() }),
]);

const FleetRowSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  accountSource: AccountSource,
  region: z.string().nullable(),
  load: FleetLoad,
  lastLoadedAt: z.string().nullable(),
  counts: z.object({ vpcs: z.number().int(), subnets: z.number().int(), endpoints: z.number().int() }).nullable(),
  findings: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int(), info: z.number().int() }).nullable(),
  monthlyCost: z.object({ natUsd: usd, interfaceEndpointUsd: usd }).nullable(),
  warnings: z.array(z.string()).default([]),
  query: z.string(),
});

const FleetFindingItemSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  region: z.string(),
  vpcId: z.string(),
  vpcName: z.string(),
  rule: Rule,
  findingId: z.string(),
  title: z.string(),
  severity: Sev,
  resourceIds: z.array(z.string()),
  monthlyUsd: usd.nullable(),
  href: z.string(),
});

const FleetFindingSchema = z.object({
  rule: Rule,
  title: z.string(),
  severity: Sev,
  count: z.number().int(),
  vpcCount: z.number().int(),
  accountCount: z.number().int(),
  monthlyUsd: usd.nullable(),
  items: z.array(FleetFindingItemSchema),
});

export const FleetStateSchema = z.object({
  source: z.enum(['fixture', 'live']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  accounts: z.array(
    z.object({ id: z.string(), name: z.string(), source: AccountSource, profile: z.string().optional(), isDefault: z.boolean().optional() }),
  ),
  rows: z.array(FleetRowSchema),
  findings: z.array(FleetFindingSchema),
  refreshing: z.boolean(),
  notices: z.array(z.string()),
});

// The schema and the hand-written contract must describe the same shape, both ways.
type Parsed = z.infer<typeof FleetStateSchema>;
const sameShape: [Parsed extends FleetState ? true : false, FleetState extends Parsed ? true : false] = [true, true];
void sameShape;

/** A frozen fleet: its table and findings, and the fleet page's filters and sort when it was saved. */
export const FleetSnapshot = z.object({
  id: SnapshotId,
  title: SnapshotTitle,
  createdAt: z.iso.datetime(),
  source: z.enum(['fixture', 'live']),
  view: SnapshotView,
  fleet: FleetStateSchema,
});
export type FleetSnapshot = z.infer<typeof FleetSnapshot>;

/** What the fleet page's "Share snapshot" sends: its query string and an optional title. The server reads the fleet itself. */
export const ShareFleetSnapshotInput = z.object({
  view: z.string().max(4000, 'view must be at most 4000 characters'),
  title: z.string().max(200, 'title must be at most 200 characters').optional(),
});
export type ShareFleetSnapshotInput = z.infer<typeof ShareFleetSnapshotInput>;
