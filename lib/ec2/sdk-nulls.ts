import 'server-only';
import * as ec2 from '@aws-sdk/client-ec2';

/**
 * A Describe* response as the Go and Java SDKs marshal it to JSON: every member of every structure present, `null`
 * for each one AWS left out (a nil pointer, a nil list). Which members a structure has comes from the AWS SDK for
 * JavaScript's own schema of the operation's output (the model botocore's service-2.json also carries), so the
 * shape is AWS's, not a guess. Used to write fixtures/third-party/sdk-nulls and to check them.
 */

/**
 * A schema as the SDK writes it: `[3, ns, name, traits, memberNames, memberSchemas]` for a structure,
 * `[1, ns, name, traits, member]` for a list, `[2, ns, name, traits, key, value]` for a map, a number for a simple
 * type; references are thunks or `[schema, traits]` pairs.
 */
type SchemaRef = unknown;

function resolve(ref: SchemaRef): unknown {
  let s = typeof ref === 'function' ? (ref as () => unknown)() : ref;
  while (
    Array.isArray(s) &&
    s.length === 2 &&
    (typeof s[0] === 'function' || typeof s[0] === 'number' || Array.isArray(s[0])) &&
    typeof s[1] === 'object' &&
    s[1] !== null &&
    !Array.isArray(s[1])
  ) {
    s = typeof s[0] === 'function' ? (s[0] as () => unknown)() : s[0];
  }
  return s;
}

/** `describe-vpc-endpoints.json` -> the output schema of DescribeVpcEndpoints, or null for a file that is no Describe output. */
export function describeOutputSchema(file: string): SchemaRef | null {
  const m = /^describe-([a-z-]+)\.json$/.exec(file);
  if (!m) return null;
  const op = `Describe${m[1]!.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}Command`;
  const Command = (ec2 as unknown as Record<string, (new (input: object) => { schema: unknown[] }) | undefined>)[op];
  return Command ? resolve(new Command({}).schema[5]) : null;
}

/** `value` (shaped by `schema`) with every absent structure member set to null, depth first; unknown members kept. */
export function withSdkNulls(value: unknown, schema: SchemaRef): unknown {
  const s = resolve(schema);
  if (value === null || value === undefined || !Array.isArray(s)) return value;
  if (s[0] === 3 && typeof value === 'object' && !Array.isArray(value)) {
    const names = (s[4] ?? []) as string[];
    const members = (s[5] ?? []) as SchemaRef[];
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    names.forEach((name, i) => {
      out[name] = name in record ? withSdkNulls(record[name], members[i]) : null;
    });
    // What the model does not know (a field AWS added after this SDK) is kept as it is.
    for (const [k, v] of Object.entries(record)) if (!(k in out)) out[k] = v;
    return out;
  }
  if (s[0] === 1 && Array.isArray(value)) return value.map((v) => withSdkNulls(v, s[4]));
  if (s[0] === 2 && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSdkNulls(v, s[5])]));
  return value;
}
