import 'server-only';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Ec2Api } from './api';
import { REGION_PATTERN } from '@/lib/aws/ids';
import { toEc2Error } from './errors';
import { FIXTURE_FILES } from './fixture-files';
import { nextTokenPager, type Pager } from './read-region';
import type { DescribeVpcEndpointServicesCommandOutput } from './types';
import { appendAll } from '@/lib/arrays';
import { writeFileAtomic } from '@/lib/fs/atomic';

/**
 * `fixtures:capture`: writes one region of an EC2 API (AWS, LocalStack, moto, or the fixture
 * backend itself) as the directory of `aws ec2 describe-* --output json` files that the fixture
 * backend reads.
 */

/** Pager key -> the list key inside its file (as the CLI names it) and the EC2 action. */
const LISTS = [
  ['vpcs', 'Vpcs', 'DescribeVpcs'],
  ['subnets', 'Subnets', 'DescribeSubnets'],
  ['routeTables', 'RouteTables', 'DescribeRouteTables'],
  ['internetGateways', 'InternetGateways', 'DescribeInternetGateways'],
  ['natGateways', 'NatGateways', 'DescribeNatGateways'],
  ['securityGroups', 'SecurityGroups', 'DescribeSecurityGroups'],
  ['vpcEndpoints', 'VpcEndpoints', 'DescribeVpcEndpoints'],
  ['networkInterfaces', 'NetworkInterfaces', 'DescribeNetworkInterfaces'],
  ['prefixLists', 'PrefixLists', 'DescribePrefixLists'],
] as const satisfies ReadonlyArray<readonly [keyof Pager & keyof typeof FIXTURE_FILES, string, string]>;

/**
 * Lists added later. A source that denies one or does not know it (an older emulator) leaves its file out with
 * a warning: the fixture then has none of those, as the captured account had before they were read.
 */
const LATER_LISTS = [
  ['egressOnlyInternetGateways', 'EgressOnlyInternetGateways', 'DescribeEgressOnlyInternetGateways'],
  ['carrierGateways', 'CarrierGateways', 'DescribeCarrierGateways'],
  ['transitGatewayVpcAttachments', 'TransitGatewayVpcAttachments', 'DescribeTransitGatewayVpcAttachments'],
  ['availabilityZones', 'AvailabilityZones', 'DescribeAvailabilityZones'],
  ['managedPrefixLists', 'PrefixLists', 'DescribeManagedPrefixLists'],
] as const satisfies ReadonlyArray<readonly [keyof Pager & keyof typeof FIXTURE_FILES, string, string]>;

/** DescribeVpcAttribute answers one VPC and one attribute per call; this many calls run at once. */
const ATTRIBUTE_CONCURRENCY = 8;

/** Guards against an endpoint that keeps answering with a NextToken. */
const MAX_PAGES = 10_000;

const CAPTURE_FILE = /^(describe-[a-z0-9-]+|vpc-attributes|cloudwatch-metrics)\.json$/;

export class CaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureError';
  }
}

export interface CaptureResult {
  /** The region folder that was written: `<outDir>/<region>`. */
  dir: string;
  /** Each file written and how many items it holds. */
  files: Array<{ file: string; items: number }>;
  /** What could not be captured but did not stop the capture. */
  warnings: string[];
}

/**
 * The JSON the AWS CLI prints with `--output json`: 4-space indent, dates as ISO 8601 strings
 * (the SDK's Date objects serialize that way), a final newline.
 */
export function cliJson(value: unknown): string {
  return JSON.stringify(value, null, 4) + '\n';
}

async function allServices(api: Ec2Api) {
  const names: string[] = [];
  const details: NonNullable<DescribeVpcEndpointServicesCommandOutput['ServiceDetails']> = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api.describeVpcEndpointServices(token ? { NextToken: token } : {});
    appendAll(names, page.ServiceNames);
    appendAll(details, page.ServiceDetails);
    token = page.NextToken || undefined;
    if (!token) return { ServiceNames: names, ServiceDetails: details };
  }
  throw new CaptureError('DescribeVpcEndpointServices kept returning NextToken without end.');
}

type Attribute = 'enableDnsSupport' | 'enableDnsHostnames';

async function vpcAttributes(api: Ec2Api, vpcIds: string[], warnings: string[]) {
  let denied = false;
  const read = async (VpcId: string, Attribute: Attribute) => {
    try {
      const out = await api.describeVpcAttribute({ VpcId, Attribute });
      return Attribute === 'enableDnsSupport' ? out.EnableDnsSupport : out.EnableDnsHostnames;
    } catch (err) {
      const e = toEc2Error(err, 'DescribeVpcAttribute');
      if (e.kind !== 'access-denied') throw e;
      denied = true;
      return undefined;
    }
  };
  const out: Array<{ VpcId: string; EnableDnsSupport?: { Value?: boolean }; EnableDnsHostnames?: { Value?: boolean } }> = [];
  for (let i = 0; i < vpcIds.length; i += ATTRIBUTE_CONCURRENCY) {
    const batch = await Promise.all(
      vpcIds.slice(i, i + ATTRIBUTE_CONCURRENCY).map(async (VpcId) => {
        const [support, hostnames] = await Promise.all([read(VpcId, 'enableDnsSupport'), read(VpcId, 'enableDnsHostnames')]);
        const entry: (typeof out)[number] = { VpcId };
        if (typeof support?.Value === 'boolean') entry.EnableDnsSupport = { Value: support.Value };
        if (typeof hostnames?.Value === 'boolean') entry.EnableDnsHostnames = { Value: hostnames.Value };
        return entry;
      }),
    );
    appendAll(out, batch);
  }
  if (denied) {
    warnings.push('Missing permission ec2:DescribeVpcAttribute: VPC DNS settings were not captured and will show as unknown.');
  }
  return out;
}

/** Names in `dir` that a capture would not have written, or null when `dir` does not exist. */
async function foreignEntries(dir: string): Promise<string[] | null> {
  try {
    return (await fs.readdir(dir)).filter((n) => !CAPTURE_FILE.test(n));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') throw new CaptureError(`${dir} exists and is not a folder.`);
    throw err;
  }
}

/**
 * Reads every Describe call of `api`'s region, all pages, and writes `<outDir>/<region>/describe-*.json`
 * (plus `vpc-attributes.json` with each VPC's DNS settings) as the AWS CLI would.
 *
 * Strict: a call that fails (denied, throttled, unreachable) fails the capture, because a snapshot
 * missing, say, its subnets would read back as an account without subnets. Only DescribeVpcAttribute
 * may be denied: those settings have an "unknown" in the fixture format.
 *
 * Nothing is half-written: the files go to a temporary folder beside the target, which replaces the
 * region folder only when complete. An existing region folder is replaced only if it holds nothing
 * but capture files.
 */
export async function captureRegion(api: Ec2Api & { pager?: Pager }, outDir: string): Promise<CaptureResult> {
  const region = api.region;
  // The region becomes a folder name: nothing but a region name may get there.
  if (!REGION_PATTERN.test(region)) throw new CaptureError(`"${region}" is not a region name like us-east-1.`);
  const target = path.resolve(outDir, region);
  const foreign = await foreignEntries(target);
  if (foreign?.length) {
    throw new CaptureError(
      `Refusing to replace ${target}: it holds files that are not part of a capture (${foreign.slice(0, 5).join(', ')}).`,
    );
  }

  const pager = api.pager ?? nextTokenPager(api);
  const warnings: string[] = [];
  const [lists, services] = await Promise.all([
    Promise.all(
      LISTS.map(async ([key, listKey, operation]) => {
        try {
          return [key, listKey, (await pager[key]()) as unknown[]] as const;
        } catch (err) {
          throw toEc2Error(err, operation);
        }
      }),
    ),
    allServices(api).catch((err: unknown) => {
      if (err instanceof CaptureError) throw err;
      throw toEc2Error(err, 'DescribeVpcEndpointServices');
    }),
  ]);
  const later = await Promise.all(
    LATER_LISTS.map(async ([key, listKey, operation]) => {
      try {
        let items = (await pager[key]()) as unknown[];
        // Each customer-managed list carries its entries (GetManagedPrefixListEntries), as the fixture format reads them.
        if (key === 'managedPrefixLists') {
          items = await Promise.all(
            (items as Array<{ PrefixListId?: string; OwnerId?: string }>).map(async (l) =>
              l.OwnerId === 'AWS' || !l.PrefixListId ? l : { ...l, Entries: await pager.prefixListEntries(l.PrefixListId) },
            ),
          );
        }
        return [key, listKey, items] as const;
      } catch (err) {
        const e = toEc2Error(err, operation);
        if (e.kind !== 'access-denied' && !/InvalidAction|NotImplemented|Unsupported|UnknownOperation/i.test(e.code)) throw e;
        warnings.push(`${operation} could not be read (${e.code}): ${FIXTURE_FILES[key].file} was not written.`);
        return null;
      }
    }),
  );
  const vpcList = (lists.find(([key]) => key === 'vpcs')?.[2] ?? []) as Array<{ VpcId?: string }>;
  const vpcs = vpcList.flatMap((v) => (v.VpcId ? [v.VpcId] : []));
  const attributes = await vpcAttributes(api, vpcs, warnings);

  const contents: Array<{ file: string; body: unknown; items: number }> = [
    ...[...lists, ...later.filter((l) => l !== null)].map(([key, listKey, items]) => ({ file: FIXTURE_FILES[key].file, body: { [listKey]: items }, items: items.length })),
    { file: FIXTURE_FILES.services.file, body: services, items: services.ServiceNames.length },
    { file: FIXTURE_FILES.vpcAttributes.file, body: { VpcAttributes: attributes }, items: attributes.length },
  ];

  await fs.mkdir(path.resolve(outDir), { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const staging = path.resolve(outDir, `.${region}.capture-${suffix}`);
  const previous = path.resolve(outDir, `.${region}.previous-${suffix}`);
  await fs.mkdir(staging);
  try {
    for (const c of contents) await writeFileAtomic(path.join(staging, c.file), cliJson(c.body));
    let moved = false;
    if (foreign) {
      await fs.rename(target, previous);
      moved = true;
    }
    try {
      await fs.rename(staging, target);
    } catch (err) {
      if (moved) await fs.rename(previous, target);
      throw err;
    }
    if (moved) await fs.rm(previous, { recursive: true, force: true });
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true });
    throw err;
  }

  return { dir: target, files: contents.map((c) => ({ file: c.file, items: c.items })), warnings };
}
