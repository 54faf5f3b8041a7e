import 'server-only';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { appendAll } from '@/lib/arrays';
import { REGION_PATTERN } from '@/lib/aws/ids';
import type { DataWarning } from '@/lib/topology/types';
import type { RawRegion } from './api';
import { readFixtureText } from './fixture-read';
import { FIXTURE_FILES, type FixtureFileKey } from './fixture-schema';
import type { ServiceDetail } from './types';

export { FIXTURE_FILES, type FixtureFileKey } from './fixture-schema';

/**
 * Reading a directory of `aws ec2 describe-* --output json` files, one folder per region, written by the AWS
 * CLI or by any other producer (SDK marshallers write `null` for every absent field; `null` means absent).
 * A file is checked for structure: valid JSON, its list, each record an object with its id. A record that is
 * not is skipped and a field of the wrong type dropped, each with a warning naming the file, the index and the
 * reason; neither fails the region. What does fail it (a missing describe-vpcs.json, a file that is not JSON or
 * has no list) is reported for every file at once, in a stable order.
 */

export interface FixtureProblem {
  file: string;
  jsonPath: string;
  message: string;
}

/** A region whose fixture files could not be read: every problem, the first one's file and JSON path. */
export class FixtureError extends Error {
  readonly file: string;
  readonly jsonPath: string;
  readonly problems: FixtureProblem[];
  constructor(file: string, jsonPath: string, message: string, more: FixtureProblem[] = []) {
    const problems = [{ file, jsonPath, message }, ...more];
    super(problems.map((p) => `${p.file}${p.jsonPath ? ` at ${p.jsonPath}` : ''}: ${p.message}`).join('; '));
    this.name = 'FixtureError';
    this.file = file;
    this.jsonPath = jsonPath;
    this.problems = problems;
  }
}

/** `['Subnets', 3, 'CidrBlock']` -> `$.Subnets[3].CidrBlock`. */
export function jsonPathOf(p: ReadonlyArray<PropertyKey>): string {
  return (
    '$' +
    p
      .map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(String(k)) ? `.${String(k)}` : `[${JSON.stringify(String(k))}]`))
      .join('')
  );
}

type Rec = Record<string, unknown>;

export interface FixtureRegionData extends Omit<RawRegion, 'warnings' | 'vpcDns' | 'dataWarnings' | 'origins'> {
  services: ServiceDetail[];
  serviceNames: string[];
  vpcAttributes: Array<{ VpcId: string; EnableDnsSupport?: { Value?: boolean }; EnableDnsHostnames?: { Value?: boolean } }>;
}

/** What reading a region's files said besides the data: records skipped, and where each kept record came from. */
export interface FixtureReadNotes {
  dataWarnings: DataWarning[];
  origins: WeakMap<object, { file: string; index: number }>;
}

// Kept beside the data rather than in it: the data is cloned and saved as JSON, these are not.
const notesByData = new WeakMap<FixtureRegionData, FixtureReadNotes>();

/** The notes of data `readFixtureRegion` returned (none for data built otherwise). */
export function fixtureReadNotes(data: FixtureRegionData): FixtureReadNotes | undefined {
  return notesByData.get(data);
}

/** `null` means absent: object fields that are null are dropped, and null items of a list. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(dropNulls);
  if (value && typeof value === 'object') {
    const out: Rec = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
    return out;
  }
  return value;
}

/** An object's own fields that are not null (one level). */
function withoutNullFields(value: Rec): Rec {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** JSON.parse with an error that says line and column (V8 says only a character position, or nothing at the end). */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const { line, column } = lineAndColumn(text, at ? Number(at[1]) : text.length);
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'the text ends too early');
    throw new FixtureError(file, '', `not valid JSON at line ${line}, column ${column}: ${reason}`);
  }
}

interface ParsedFile {
  records: Rec[];
  /** services only: the ServiceNames list. */
  names?: string[];
  warnings: DataWarning[];
  origins: Array<[Rec, number]>;
}

const vpcOf = (r: Rec) => (typeof r.VpcId === 'string' && r.VpcId ? r.VpcId : null);

/**
 * Checks one record against its file's structure. Returns null when it cannot be used (not an object, no id);
 * otherwise the record, with each field of the wrong type dropped and named in `dropped`.
 */
function checkRecord(key: FixtureFileKey, value: unknown, dropped: string[]): Rec | null {
  const spec = FIXTURE_FILES[key];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const rec = value as Rec;
  if (typeof rec[spec.id] !== 'string' || !rec[spec.id]) return null;
  // Each round drops the field (or list item) of the first problem; a record has few fields, so this ends.
  for (let round = 0; round < 100; round++) {
    const result = spec.record.safeParse(rec);
    if (result.success) return rec;
    const issue = result.error.issues[0]!;
    const where = issue.path;
    if (where.length === 0 || (where.length === 1 && where[0] === spec.id)) return null;
    let parent: unknown = rec;
    for (const k of where.slice(0, -1)) parent = (parent as Rec)[k as string];
    const last = where[where.length - 1]!;
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else delete (parent as Rec)[last as string];
    dropped.push(`${jsonPathOf(where)} (${issue.message})`);
  }
  return null;
}

/** Parses one fixture file's text: its records, and a warning for each record skipped or field dropped. */
export function parseFixtureFile(key: FixtureFileKey, text: string, displayName: string): ParsedFile {
  const spec = FIXTURE_FILES[key];
  // Without the word null in it, the text has no null to drop: skip a walk over every value (most files).
  const hasNull = text.includes('null');
  const parsedJson = parseJson(text, displayName);
  // Nulls are dropped inside each record, not from the file's list: a null record is skipped with a warning,
  // and the records after it keep the index they have in the file.
  const json = hasNull && parsedJson && typeof parsedJson === 'object' && !Array.isArray(parsedJson) ? withoutNullFields(parsedJson as Rec) : parsedJson;
  // `aws ec2 describe-vpcs --query Vpcs` prints the list alone; accept it as the file's list.
  const list = Array.isArray(json) ? json : json && typeof json === 'object' ? (json as Rec)[spec.list] : undefined;
  const names = key === 'services' && json && typeof json === 'object' && !Array.isArray(json) ? (json as Rec).ServiceNames : undefined;
  if (list === undefined && key === 'services' && Array.isArray(names)) return { records: [], names: names.filter((n): n is string => typeof n === 'string'), warnings: [], origins: [] };
  if (!Array.isArray(list)) {
    throw new FixtureError(displayName, Array.isArray(json) || !json || typeof json !== 'object' ? '$' : jsonPathOf([spec.list]), `expected a list of records under "${spec.list}"`);
  }
  const out: ParsedFile = { records: [], warnings: [], origins: [] };
  if (Array.isArray(names)) out.names = names.filter((n): n is string => typeof n === 'string');
  list.forEach((entry: unknown, index) => {
    const value = hasNull ? dropNulls(entry) : entry;
    const dropped: string[] = [];
    const rec = checkRecord(key, value, dropped);
    const place = `${displayName} record ${index}`;
    const vpcId = value && typeof value === 'object' ? vpcOf(value as Rec) : null;
    if (!rec) {
      const reason = !value || typeof value !== 'object' || Array.isArray(value) ? 'it is not an object' : `it has no ${spec.id}`;
      out.warnings.push({ kind: 'skipped', vpcId, message: `${place}: skipped, ${reason}.`, file: displayName, index });
      return;
    }
    if (dropped.length) {
      out.warnings.push({ kind: 'skipped', vpcId, message: `${place} (${String(rec[spec.id])}): ignored ${dropped.join(', ')}.`, file: displayName, index });
    }
    out.records.push(rec);
    out.origins.push([rec, index]);
  });
  return out;
}

/** Region folders under a fixture directory: those that hold a describe-vpcs.json. */
export async function listFixtureRegions(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return [];
  }
  const names = entries.filter((name) => REGION_PATTERN.test(name)).sort();
  // A folder without describe-vpcs.json is not a region of this fixture. The folders are checked at once.
  const isRegion = await Promise.all(
    names.map((name) => fs.access(path.join(/* turbopackIgnore: true */ dir, name, FIXTURE_FILES.vpcs.file)).then(() => true, () => false)),
  );
  return names.filter((_, i) => isRegion[i]);
}

/**
 * Reads `<dir>/<region>/describe-*.json`. A missing optional file means "none of those". A missing
 * describe-vpcs.json, or files that are not JSON or hold no list, throw one FixtureError naming them all.
 */
export async function readFixtureRegion(dir: string, region: string): Promise<FixtureRegionData> {
  const base = path.join(/* turbopackIgnore: true */ dir, region);
  const keys = Object.keys(FIXTURE_FILES) as FixtureFileKey[];
  const results = await Promise.all(
    keys.map(async (key): Promise<ParsedFile | FixtureProblem | undefined> => {
      const { file, required } = FIXTURE_FILES[key];
      const display = `${region}/${file}`;
      try {
        const text = await readFixtureText(dir, path.join(/* turbopackIgnore: true */ base, file));
        return parseFixtureFile(key, text, display);
      } catch (err) {
        if (err instanceof FixtureError) return err.problems[0];
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return required ? { file: display, jsonPath: '', message: 'file is missing' } : undefined;
        return { file: display, jsonPath: '', message: (err as Error).message };
      }
    }),
  );
  const problems = results.filter((r): r is FixtureProblem => !!r && 'message' in r);
  if (problems.length) throw new FixtureError(problems[0]!.file, problems[0]!.jsonPath, problems[0]!.message, problems.slice(1));

  const parsed = Object.fromEntries(keys.map((k, i) => [k, results[i] as ParsedFile | undefined])) as Record<FixtureFileKey, ParsedFile | undefined>;
  const notes: FixtureReadNotes = { dataWarnings: [], origins: new WeakMap() };
  for (const key of keys) {
    const p = parsed[key];
    if (!p) continue;
    appendAll(notes.dataWarnings, p.warnings);
    for (const [rec, index] of p.origins) notes.origins.set(rec, { file: `${region}/${FIXTURE_FILES[key].file}`, index });
  }
  const records = <T>(key: FixtureFileKey) => (parsed[key]?.records ?? []) as unknown as T;
  const services = records<ServiceDetail[]>('services');
  // The records were checked against loose supersets of the SDK shapes, so they are SDK values.
  const data: FixtureRegionData = {
    region,
    vpcs: records('vpcs'),
    subnets: records('subnets'),
    routeTables: records('routeTables'),
    internetGateways: records('internetGateways'),
    natGateways: records('natGateways'),
    securityGroups: records('securityGroups'),
    vpcEndpoints: records('vpcEndpoints'),
    networkInterfaces: records('networkInterfaces'),
    prefixLists: records('prefixLists'),
    egressOnlyInternetGateways: records('egressOnlyInternetGateways'),
    carrierGateways: records('carrierGateways'),
    transitGatewayVpcAttachments: records('transitGatewayVpcAttachments'),
    availabilityZones: records('availabilityZones'),
    managedPrefixLists: records('managedPrefixLists'),
    services,
    serviceNames: parsed.services?.names ?? services.map((s) => s.ServiceName ?? '').filter(Boolean),
    vpcAttributes: records('vpcAttributes'),
  };
  notesByData.set(data, notes);
  return data;
}
