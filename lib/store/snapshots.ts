import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { FleetState } from '@/lib/fleet/types';
import { FleetSnapshot, FleetStateSchema } from '@/lib/share/fleet-schema';
import { Snapshot, SnapshotId, SnapshotTitle, SnapshotView, TopologySchema, type SnapshotSummary } from '@/lib/share/schema';
import type { Topology } from '@/lib/topology/types';
import { isNamedError } from './errors';

/**
 * The snapshot rules every backend shares: ids, the size limit, what a valid snapshot is, and how a stored
 * row turns back into one. The backends (sqlite.ts, postgres.ts) only move rows.
 */

/** What a caller hands to `save`: everything but the id and the time, which the store assigns. */
export interface NewSnapshot {
  title: string;
  region: string;
  source: 'fixture' | 'live';
  vpcId?: string;
  /** The view's query string at save time (`sel=subnet-...&dir=down`). */
  view: string;
  topology: Topology;
}

/** A fleet page's table and findings to freeze (`saveFleet`). */
export interface NewFleetSnapshot {
  title: string;
  source: 'fixture' | 'live';
  /** The fleet page's query string at save time (`severity=high&sort=nat&desc=1`). */
  view: string;
  fleet: FleetState;
}

/**
 * What a fleet snapshot covers: its accounts and the distinct regions of its rows (null for a row saved before
 * the counts were kept whose JSON could not be counted).
 */
export interface FleetCoverage {
  accounts: number | null;
  regions: number | null;
}

/**
 * A row of the list; `corrupt` names what is wrong with a row that cannot be read (it can still be deleted).
 * `fleet` is set on a fleet snapshot (its `region` is '' and it has no VPC).
 */
export type SnapshotListEntry = SnapshotSummary & { corrupt?: string; fleet?: FleetCoverage };

/**
 * Saved snapshots of topologies and of the fleet, by random id, in one table (`kind` tells them apart).
 * Implementations must be safe for concurrent writers.
 */
export interface SnapshotStore {
  /** Validates and stores a snapshot; throws SnapshotTooLargeError or SnapshotInputError. */
  save(input: NewSnapshot): Promise<Snapshot>;
  /** The topology snapshot, or null when none has this id (or the id is malformed); throws CorruptSnapshotError. */
  get(id: string): Promise<Snapshot | null>;
  /** Validates and stores a fleet snapshot; throws SnapshotTooLargeError or SnapshotInputError. */
  saveFleet(input: NewFleetSnapshot): Promise<FleetSnapshot>;
  /** The fleet snapshot, or null when none has this id; throws CorruptSnapshotError. */
  getFleet(id: string): Promise<FleetSnapshot | null>;
  /** Topology and fleet snapshots, newest first, without their data. */
  list(options?: { limit?: number }): Promise<SnapshotListEntry[]>;
  /** False when there is no such snapshot. Throws SnapshotInputError for a bad title. */
  rename(id: string, title: string): Promise<boolean>;
  /** False when there is no such snapshot. */
  delete(id: string): Promise<boolean>;
  close(): void;
}

/**
 * One snapshot as both backends store it: the topology (or, `kind` 'fleet', the fleet state) as JSON text, the
 * time as ISO-8601 UTC text. A fleet row has region '' and no VPC.
 */
export interface SnapshotRow {
  id: string;
  title: string;
  created_at: string;
  region: string;
  source: string;
  vpc_id: string | null;
  view: string;
  topology: string;
  size_bytes: number;
  kind: SnapshotKind;
  /** Fleet rows: how many accounts and distinct regions the fleet covers; NULL on topology rows. */
  fleet_accounts: number | null;
  fleet_regions: number | null;
}

export type SnapshotKind = 'topology' | 'fleet';

export const SNAPSHOT_COLUMNS = ['id', 'title', 'created_at', 'region', 'source', 'vpc_id', 'view', 'topology', 'size_bytes', 'kind', 'fleet_accounts', 'fleet_regions'] as const;

/** 20 MB of JSON: a region with thousands of subnets fits; a runaway topology does not fill the disk. */
export const MAX_SNAPSHOT_BYTES = 20 * 1024 * 1024;

export class SnapshotTooLargeError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, 'SnapshotTooLargeError');
  }
  readonly sizeBytes: number;
  readonly limitBytes: number;
  constructor(sizeBytes: number, limitBytes: number) {
    super(
      `This snapshot would be ${formatMegabytes(sizeBytes)}, over the limit of ${formatMegabytes(limitBytes)}. ` +
        'Share one VPC instead of the whole region.',
    );
    this.name = 'SnapshotTooLargeError';
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }
}

/** A stored row that does not parse as a snapshot: damaged on disk, or written by a build with another shape. */
export class CorruptSnapshotError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, 'CorruptSnapshotError');
  }
  readonly id: string;
  constructor(id: string, detail: string) {
    super(`Snapshot ${id} is stored but cannot be read: ${detail}`);
    this.name = 'CorruptSnapshotError';
    this.id = id;
  }
}

/** The input to save or rename is not valid; the message names the field. */
export class SnapshotInputError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isNamedError(value, 'SnapshotInputError');
  }
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotInputError';
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The first issue, prefixed with its field unless the message names it; `field` names a value parsed on its own (no path). */
function describeZodIssue(error: z.ZodError, unnamed = 'input'): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.join('.') || unnamed;
  return issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
}

/** 16 random bytes (128 bits) as base64url: 22 URL-safe characters. */
export function newSnapshotId(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether `id` could be a snapshot id; anything else is answered as "no such snapshot" without a query. */
export function isSnapshotId(id: string): boolean {
  return SnapshotId.safeParse(id).success;
}

const NewSnapshotInput = z.object({
  title: SnapshotTitle,
  region: Snapshot.shape.region,
  source: Snapshot.shape.source,
  vpcId: Snapshot.shape.vpcId,
  view: SnapshotView,
  topology: TopologySchema,
});

/**
 * Checks a new snapshot (size first: parsing a 200 MB topology only to refuse it would be wasted time) and
 * gives it an id and a time. Throws SnapshotTooLargeError or SnapshotInputError; nothing is written yet.
 */
export function prepareSnapshot(input: NewSnapshot, maxBytes: number): { snapshot: Snapshot; row: SnapshotRow } {
  const sizeBytes = Buffer.byteLength(JSON.stringify(input.topology), 'utf8');
  if (sizeBytes > maxBytes) throw new SnapshotTooLargeError(sizeBytes, maxBytes);
  const parsed = NewSnapshotInput.safeParse(input);
  if (!parsed.success) throw new SnapshotInputError(describeZodIssue(parsed.error));
  const { vpcId, ...rest } = parsed.data;
  const snapshot: Snapshot = { id: newSnapshotId(), createdAt: new Date().toISOString(), ...rest, ...(vpcId ? { vpcId } : {}) };
  const row: SnapshotRow = {
    id: snapshot.id,
    title: snapshot.title,
    created_at: snapshot.createdAt,
    region: snapshot.region,
    source: snapshot.source,
    vpc_id: snapshot.vpcId ?? null,
    view: snapshot.view,
    topology: JSON.stringify(parsed.data.topology),
    size_bytes: sizeBytes,
    kind: 'topology',
    fleet_accounts: null,
    fleet_regions: null,
  };
  return { snapshot, row };
}

const NewFleetSnapshotInput = z.object({ title: SnapshotTitle, source: FleetSnapshot.shape.source, view: SnapshotView, fleet: FleetStateSchema });

/** As `prepareSnapshot`, for a fleet: checks the size, then the shape; gives it an id and a time. */
export function prepareFleetSnapshot(input: NewFleetSnapshot, maxBytes: number): { snapshot: FleetSnapshot; row: SnapshotRow } {
  const json = JSON.stringify(input.fleet);
  const sizeBytes = Buffer.byteLength(json, 'utf8');
  if (sizeBytes > maxBytes) throw new SnapshotTooLargeError(sizeBytes, maxBytes);
  const parsed = NewFleetSnapshotInput.safeParse(input);
  if (!parsed.success) throw new SnapshotInputError(describeZodIssue(parsed.error));
  const snapshot: FleetSnapshot = { id: newSnapshotId(), createdAt: new Date().toISOString(), ...parsed.data };
  const row: SnapshotRow = {
    id: snapshot.id,
    title: snapshot.title,
    created_at: snapshot.createdAt,
    region: '',
    source: snapshot.source,
    vpc_id: null,
    view: snapshot.view,
    topology: JSON.stringify(parsed.data.fleet),
    size_bytes: sizeBytes,
    kind: 'fleet',
    fleet_accounts: parsed.data.fleet.accounts.length,
    fleet_regions: new Set(parsed.data.fleet.rows.flatMap((r) => (r.region === null ? [] : [r.region]))).size,
  };
  return { snapshot, row };
}

/** A stored fleet row as a fleet snapshot; throws CorruptSnapshotError when it does not parse. */
export function fleetSnapshotFromRow(row: SnapshotRow): FleetSnapshot {
  let fleet: unknown;
  try {
    fleet = JSON.parse(row.topology);
  } catch (err) {
    throw new CorruptSnapshotError(row.id, `its fleet is not valid JSON (${(err as Error).message}).`);
  }
  const parsed = FleetSnapshot.safeParse({ id: row.id, title: row.title, createdAt: row.created_at, source: row.source, view: row.view, fleet });
  if (!parsed.success) throw new CorruptSnapshotError(row.id, `${describeZodIssue(parsed.error)}.`);
  return parsed.data;
}

/** The new title, trimmed; throws SnapshotInputError naming the field. */
export function parseSnapshotTitle(title: string): string {
  const parsed = SnapshotTitle.safeParse(title);
  // The title on its own has no path: without 'title' the message read "input: title must not be empty".
  if (!parsed.success) throw new SnapshotInputError(describeZodIssue(parsed.error, 'title'));
  return parsed.data;
}

/** A stored row as a snapshot; throws CorruptSnapshotError when it does not parse. */
export function snapshotFromRow(row: SnapshotRow): Snapshot {
  let topology: unknown;
  try {
    topology = JSON.parse(row.topology);
  } catch (err) {
    throw new CorruptSnapshotError(row.id, `its topology is not valid JSON (${(err as Error).message}).`);
  }
  const parsed = Snapshot.safeParse({ ...summaryFields(row), topology });
  if (!parsed.success) throw new CorruptSnapshotError(row.id, `${describeZodIssue(parsed.error)}.`);
  return parsed.data;
}

function summaryFields(row: Omit<SnapshotRow, 'topology'>) {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    region: row.region,
    source: row.source,
    ...(row.vpc_id === null ? {} : { vpcId: row.vpc_id }),
    view: row.view,
  };
}

const Summary = Snapshot.omit({ topology: true });
const FleetSummary = FleetSnapshot.omit({ fleet: true });

const count = (n: number | string | null | undefined): number | null => (n === null || n === undefined ? null : Number(n));

/** A listed row (no topology); a row that does not parse is still listed, marked corrupt, so it can be deleted. */
export function listEntryFromRow(row: Omit<SnapshotRow, 'topology'>): SnapshotListEntry {
  const fleet = row.kind === 'fleet' ? { fleet: { accounts: count(row.fleet_accounts), regions: count(row.fleet_regions) } } : {};
  const parsed = row.kind === 'fleet' ? FleetSummary.safeParse(summaryFields(row)) : Summary.safeParse(summaryFields(row));
  if (parsed.success) return { region: '', ...parsed.data, sizeBytes: Number(row.size_bytes), ...fleet };
  return {
    id: String(row.id),
    title: String(row.title ?? '(unreadable)'),
    createdAt: String(row.created_at ?? ''),
    region: String(row.region ?? ''),
    source: row.source === 'live' ? 'live' : 'fixture',
    view: '',
    sizeBytes: Number(row.size_bytes) || 0,
    corrupt: describeZodIssue(parsed.error),
    ...fleet,
  };
}

/** The list's page size: 500 unless asked, never more than 5000. */
export function listLimit(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 500, 5000));
}
