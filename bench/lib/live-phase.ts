/**
 * Live figures: a moto server on loopback holding a synthetic account (created through the SDK), read
 * by the app's own load (LiveEc2Api + readRegion) and, in the same run, by the bare SDK paginators
 * (the same fourteen Describe chains in one Promise.all), so the ratio shows what our load adds. The
 * first nine chains alone (what a load read until the real-accounts work added five lists) are timed
 * too: the difference is what those five later lists cost a live load.
 */
import path from 'node:path';
// eslint-disable-next-line no-restricted-imports -- the raw-SDK baseline of the benchmark, against a local moto server only
import {
  DescribeVpcAttributeCommand,
  EC2Client,
  DescribeAvailabilityZonesCommand,
  paginateDescribeCarrierGateways,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeInternetGateways,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNatGateways,
  paginateDescribeNetworkInterfaces,
  paginateDescribePrefixLists,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeTransitGatewayVpcAttachments,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { LiveEc2Api } from '@/lib/ec2/live';
import { readRegion } from '@/lib/ec2/read-region';
import { replayIntoEc2 } from '../../scripts/lib/synth-moto';
import { synthRegion, type Size } from '../../scripts/lib/synth';
import { freePort, start, stop, waitForHttp } from './procs';
import { figure, rotate, since, type Figure } from './stats';

export interface LiveResult {
  size: Size;
  /** Requests it took to create the account in moto, and how long. */
  seedRequests: number;
  seedMs: number;
  /** LiveEc2Api + readRegion: our load. */
  oursMs: Figure;
  /** Promise.all of the SDK paginators of every list our load reads (fourteen). */
  rawMs: Figure;
  /** median(ours) / median(raw). */
  ratio: number | null;
  /**
   * The first nine chains alone, as raw paginators: what a load read before the five later lists (egress-only and
   * carrier gateways, transit gateway attachments, zones, managed prefix lists). Optional: results.json files
   * written before it have no such figure.
   */
  rawFirstNineMs?: Figure;
  /** median(ours) / median(first nine raw): our load now against the old baseline, the cost of the later lists included. */
  ratioFirstNine?: number | null;
  /**
   * The DescribeVpcAttribute calls our load makes (DNS support and hostnames, per VPC), alone, all in
   * parallel: readRegion starts them as soon as DescribeVpcs has answered, beside the other lists.
   */
  vpcAttributesMs: Figure;
  /** Requests per operation in one load, ours and raw. */
  oursCalls: Record<string, number>;
  rawCalls: Record<string, number>;
  /** Items read per list, to show both loads saw the same account. */
  items: Record<string, number>;
}

type Variant = 'ours' | 'raw' | 'rawNine';
const VARIANTS: readonly Variant[] = ['ours', 'raw', 'rawNine'];

/** Same page size as LiveEc2Api, so both sides make the same calls. */
const PAGE_SIZE = 100;

function countRequests(client: EC2Client): Record<string, number> {
  const counts: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = (context as { commandName?: string }).commandName ?? 'unknown';
      counts[op] = (counts[op] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'atlasBenchRequestCount', override: true },
  );
  return counts;
}

async function drain<P>(pages: AsyncIterable<P>, key: keyof P): Promise<number> {
  let n = 0;
  for await (const page of pages) n += ((page[key] as unknown[] | undefined) ?? []).length;
  return n;
}

/** The nine lists every load has read since the start, through the SDK paginators. */
function firstNine(client: EC2Client): Record<string, Promise<number>> {
  const cfg = { client, pageSize: PAGE_SIZE };
  return {
    vpcs: drain(paginateDescribeVpcs(cfg, {}), 'Vpcs'),
    subnets: drain(paginateDescribeSubnets(cfg, {}), 'Subnets'),
    routeTables: drain(paginateDescribeRouteTables(cfg, {}), 'RouteTables'),
    vpcEndpoints: drain(paginateDescribeVpcEndpoints(cfg, {}), 'VpcEndpoints'),
    networkInterfaces: drain(paginateDescribeNetworkInterfaces(cfg, {}), 'NetworkInterfaces'),
    securityGroups: drain(paginateDescribeSecurityGroups(cfg, {}), 'SecurityGroups'),
    internetGateways: drain(paginateDescribeInternetGateways(cfg, {}), 'InternetGateways'),
    natGateways: drain(paginateDescribeNatGateways(cfg, {}), 'NatGateways'),
    prefixLists: drain(paginateDescribePrefixLists(cfg, {}), 'PrefixLists'),
  };
}

/** The five lists added for real accounts (readRegion's LATER_LISTS). */
function laterFive(client: EC2Client): Record<string, Promise<number>> {
  const cfg = { client, pageSize: PAGE_SIZE };
  return {
    egressOnlyInternetGateways: drain(paginateDescribeEgressOnlyInternetGateways(cfg, {}), 'EgressOnlyInternetGateways'),
    carrierGateways: drain(paginateDescribeCarrierGateways(cfg, {}), 'CarrierGateways'),
    transitGatewayVpcAttachments: drain(paginateDescribeTransitGatewayVpcAttachments(cfg, {}), 'TransitGatewayVpcAttachments'),
    availabilityZones: client.send(new DescribeAvailabilityZonesCommand({})).then((p) => p.AvailabilityZones?.length ?? 0),
    managedPrefixLists: drain(paginateDescribeManagedPrefixLists(cfg, {}), 'PrefixLists'),
  };
}

/** All the chains at once; items read per list. */
async function settle(chains: Record<string, Promise<number>>): Promise<Record<string, number>> {
  const keys = Object.keys(chains);
  const counts = await Promise.all(keys.map((k) => chains[k] as Promise<number>));
  return Object.fromEntries(keys.map((k, i) => [k, counts[i] as number]));
}

/** The raw baseline: every Describe chain our load makes, through the SDK paginators, all at once. */
const rawLoad = (client: EC2Client) => settle({ ...firstNine(client), ...laterFive(client) });

export async function benchLive(opts: { root: string; sizes: Size[]; runs: number; seed: number; region: string; log: (s: string) => void }): Promise<LiveResult[]> {
  const liveSizes = opts.sizes.filter((s) => s === 'M' || s === 'L');
  if (liveSizes.length === 0) return [];
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const moto = start('moto', path.join(opts.root, '.venv', 'bin', 'moto_server'), ['-H', '127.0.0.1', '-p', String(port)], {
    cwd: opts.root,
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
    quiet: true,
  });
  const results: LiveResult[] = [];
  try {
    await waitForHttp(`${endpoint}/moto-api/data.json`, moto, 30_000);
    for (const size of liveSizes) {
      await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
      const seeder = new EC2Client({ region: opts.region, endpoint, credentials });
      opts.log(`live ${size}: creating the account in moto…`);
      const seeded = await replayIntoEc2(synthRegion({ size, seed: opts.seed, region: opts.region }), seeder, 12);
      seeder.destroy();
      opts.log(`live ${size}: ${seeded.requests} requests in ${(seeded.ms / 1000).toFixed(1)} s`);

      const ours = new LiveEc2Api({ region: opts.region, endpoint, requestTimeout: 60_000 });
      const oursCalls = countRequests(ours.client);
      const raw = new EC2Client({ region: opts.region, endpoint, credentials });
      const rawCalls = countRequests(raw);
      // Its own client, so the raw request counts stay those of one full load.
      const rawNine = new EC2Client({ region: opts.region, endpoint, credentials });
      const times: Record<Variant, number[]> = { ours: [], raw: [], rawNine: [] };
      const attrMs: number[] = [];
      const vpcIds = (await ours.describeVpcs({})).Vpcs?.flatMap((v) => (v.VpcId ? [v.VpcId] : [])) ?? [];
      const attributesAlone = async () => {
        const t = performance.now();
        await Promise.all(
          vpcIds.flatMap((VpcId) =>
            (['enableDnsSupport', 'enableDnsHostnames'] as const).map((Attribute) => raw.send(new DescribeVpcAttributeCommand({ VpcId, Attribute }))),
          ),
        );
        return since(t);
      };
      let items: Record<string, number> = {};
      const one = async (which: Variant, keep: boolean) => {
        const t = performance.now();
        if (which === 'ours') {
          const region = await readRegion(ours);
          if (region.warnings.length > 0) throw new Error(`live load warned: ${region.warnings.join('; ')}`);
          if (region.unread?.length) throw new Error(`live load left lists unread: ${region.unread.join(', ')}`);
        } else if (which === 'raw') {
          items = await rawLoad(raw);
        } else {
          await settle(firstNine(rawNine));
        }
        const ms = since(t);
        if (keep) times[which].push(ms);
      };
      // Warm the clients (connections, credentials, moto's own caches), then rotate which goes first.
      for (const which of VARIANTS) await one(which, false);
      for (const k of Object.keys(oursCalls)) delete oursCalls[k];
      for (const k of Object.keys(rawCalls)) delete rawCalls[k];
      for (let i = 0; i < opts.runs; i++) {
        for (const which of rotate(VARIANTS, i)) await one(which, true);
      }
      // Separately, so the request counts above stay those of one load each.
      const rawCallsBefore = { ...rawCalls };
      for (let i = 0; i < opts.runs; i++) attrMs.push(await attributesAlone());
      for (const k of Object.keys(rawCalls)) rawCalls[k] = rawCallsBefore[k] ?? 0;
      for (const k of Object.keys(rawCalls)) if (rawCalls[k] === 0) delete rawCalls[k];
      const perLoad = (counts: Record<string, number>) =>
        Object.fromEntries(Object.entries(counts).sort().map(([k, v]) => [k, Math.round((v / opts.runs) * 10) / 10]));
      const o = figure(times.ours);
      const r = figure(times.raw);
      const r9 = figure(times.rawNine);
      const ratio = (a: Figure, b: Figure) => (a.median !== null && b.median ? Math.round((a.median / b.median) * 100) / 100 : null);
      results.push({
        size,
        seedRequests: seeded.requests,
        seedMs: Math.round(seeded.ms),
        oursMs: o,
        rawMs: r,
        ratio: ratio(o, r),
        rawFirstNineMs: r9,
        ratioFirstNine: ratio(o, r9),
        vpcAttributesMs: figure(attrMs),
        oursCalls: perLoad(oursCalls),
        rawCalls: perLoad(rawCalls),
        items,
      });
      rawNine.destroy();
      ours.client.destroy();
      raw.destroy();
    }
  } finally {
    await stop(moto);
  }
  return results;
}
