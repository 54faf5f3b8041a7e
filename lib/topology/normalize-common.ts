import type { Tag } from '@/lib/ec2/types';
import type { DataWarning, Tags } from './types';

/** Helpers every normalization stage shares: tags, names, stable sorting, and records that cannot be read. */

export function tagsOf(tags: Tag[] | undefined | null): Tags {
  const out: Tags = {};
  if (!Array.isArray(tags)) return out;
  for (const t of tags) if (t && typeof t.Key === 'string' && t.Key) out[t.Key] = typeof t.Value === 'string' ? t.Value : '';
  return out;
}

/** The Name tag, else the id: what the console shows too. */
export function nameOf(tags: Tags, id: string): string {
  const n = tags.Name?.trim();
  return n ? n : id;
}

export const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A list field as a list: absent, null or (in a hand-edited file) not a list at all reads as empty. */
export function listOf<T>(xs: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(xs) ? xs : [];
}

/** Distinct non-empty strings, sorted. */
export const sorted = (xs: Iterable<string | undefined | null>) =>
  [...new Set([...xs].filter((x): x is string => typeof x === 'string' && x.length > 0))].sort();

/** AWS documents enum values with a capital (`PendingAcceptance`); the wire carries `pendingAcceptance`. */
export function awsState(state: string | undefined | null, fallback: string): string {
  if (typeof state !== 'string' || !state) return fallback;
  return state.charAt(0).toLowerCase() + state.slice(1);
}

/**
 * `compareCidrs` (numeric address, then prefix; text that is not IPv4 after, by text) with each string
 * parsed once: sorting an XL account's 1,000 subnets and its route tables' routes otherwise parses the
 * same few thousand CIDRs tens of thousands of times.
 */
export { ipv4CidrComparer as cidrComparer } from '@/lib/net/ipv4';

/**
 * Where a raw record came from, for a warning that names the place: a file and index, or a list and index.
 * `record` is the entry itself, which may be anything in a hand-edited list; `list` is the list it sits in.
 */
export type Origin = (record: unknown, index: number, list: readonly unknown[]) => { file: string; index: number };

/** One normalization run's collected data warnings. */
export class DataWarnings {
  readonly list: DataWarning[] = [];
  constructor(private readonly origin: Origin) {}

  add(kind: DataWarning['kind'], vpcId: string | null, message: string): void {
    this.list.push({ kind, vpcId, message });
  }

  /** A record that could not be used, named by where it came from. */
  skip(record: unknown, index: number, list: readonly unknown[], vpcId: string | null, reason: string): void {
    const at = this.origin(record, index, list);
    this.list.push({ kind: 'skipped', vpcId, message: `${at.file} record ${at.index}: skipped, ${reason}`, file: at.file, index: at.index });
  }

  /**
   * Maps each record of one list, in order. A record without its id, a second record with an id already seen,
   * or one whose fields break the mapping is skipped with a warning; it never fails the region.
   */
  each<R extends object, T extends { id: string }>(
    records: readonly R[] | undefined | null,
    idOf: (r: R) => unknown,
    vpcOf: (r: R) => unknown,
    map: (r: R, id: string) => T | null,
  ): T[] {
    const out: T[] = [];
    const seen = new Set<string>();
    const list = listOf(records);
    list.forEach((r, i) => {
      const vpc = r && typeof r === 'object' ? vpcOf(r) : undefined;
      const vpcId = typeof vpc === 'string' && vpc ? vpc : null;
      if (!r || typeof r !== 'object' || Array.isArray(r)) {
        this.skip(r, i, list, null, 'it is not an object');
        return;
      }
      const id = idOf(r);
      if (typeof id !== 'string' || !id) {
        this.skip(r, i, list, vpcId, 'it has no id');
        return;
      }
      if (seen.has(id)) {
        this.skip(r, i, list, vpcId, `${id} appears more than once (the first one is used)`);
        return;
      }
      seen.add(id);
      try {
        const t = map(r, id);
        if (t) out.push(t);
      } catch (err) {
        this.skip(r, i, list, vpcId, `${id} could not be read (${(err as Error).message})`);
      }
    });
    return out;
  }
}
