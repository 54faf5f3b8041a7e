/**
 * Live figures: a moto server on loopback holding a synthetic account (created through the SDK), read
 * by the app's own load (LiveEc2Api + readRegion) and, in the same run, by the bare SDK paginators
 * (all nine Describe chains in one Promise.all), so the ratio shows what our load adds.
 */
import path from 'node:path';
// eslint-disable-next-line no-restricted-imports -- the raw-SDK baseline of the benchmark, against a local moto server only
import {
  DescribeVpcAttributeCommand,
  EC2Client,
  paginateDescribeInternetGateways,
  paginateDescribeNatGateways,
  paginateDescribeNetworkInterfaces,
  paginateDescribePrefixLists,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { LiveEc2Api } from '@/lib/ec2/live';
import { readRegion } from '@/lib/ec2/read-region';
import { replayIntoEc2 } from '../../scripts/lib/synth-moto';
import { synthRegion, type Size } from '../../scripts/lib/synth';
import { freePort, start, stop, waitForHttp } from './procs';
import { figure, since, type Figure } from './stats';

export interface LiveResult {
  size: Size;
  /** Requests it took to create the account in moto, and how long. */
  seedRequests: number;
  seedMs: number;
  /** LiveEc2Api + readRegion: our load. */
  oursMs: Figure;
  /** Promise.all of the nine SDK paginators. */
  rawMs: Figure;
  /** median(ours) / median(raw). */
  ratio: number | null;
  /**
   * The DescribeVpcAttribute calls our load makes (DNS support and hostnames, per VPC), alone, all in
   * parallel: readRegion starts them only after all nine Describe chains have finished.
   */
  vpcAttributesMs: Figure;
  /** Requests per operation in one load, ours and raw. */
  oursCalls: Record<string, number>;
  rawCalls: Record<string, number>;
  /** Items read per list, to show both loads saw the same account. */
  items: Record<string, number>;
}

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

/** The raw baseline: every Describe chain our load makes, through the SDK paginators, all at once. */
async function rawLoad(client: EC2Client): Promise<Record<string, number>> {
  const cfg = { client, pageSize: PAGE_SIZE };
  const [vpcs, subnets, routeTables, vpcEndpoints, networkInterfaces, securityGroups, internetGateways, natGateways, prefixLists] =
    await Promise.all([
      drain(paginateDescribeVpcs(cfg, {}), 'Vpcs'),
      drain(paginateDescribeSubnets(cfg, {}), 'Subnets'),
      drain(paginateDescribeRouteTables(cfg, {}), 'RouteTables'),
      drain(paginateDescribeVpcEndpoints(cfg, {}), 'VpcEndpoints'),
      drain(paginateDescribeNetworkInterfaces(cfg, {}), 'NetworkInterfaces'),
      drain(paginateDescribeSecurityGroups(cfg, {}), 'SecurityGroups'),
      drain(paginateDescribeInternetGateways(cfg, {}), 'InternetGateways'),
      drain(paginateDescribeNatGateways(cfg, {}), 'NatGateways'),
      drain(paginateDescribePrefixLists(cfg, {}), 'PrefixLists'),
    ]);
  return { vpcs, subnets, routeTables, vpcEndpoints, networkInterfaces, securityGroups, internetGateways, natGateways, prefixLists };
}

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
      const oursMs: number[] = [];
      const rawMs: number[] = [];
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
      const one = async (which: 'ours' | 'raw', keep: boolean) => {
        const t = performance.now();
        if (which === 'ours') {
          const region = await readRegion(ours);
          if (region.warnings.length > 0) throw new Error(`live load warned: ${region.warnings.join('; ')}`);
        } else {
          items = await rawLoad(raw);
        }
        const ms = since(t);
        if (keep) (which === 'ours' ? oursMs : rawMs).push(ms);
      };
      // Warm both clients (connections, credentials, moto's own caches), then alternate which goes first.
      await one('ours', false);
      await one('raw', false);
      for (const k of Object.keys(oursCalls)) delete oursCalls[k];
      for (const k of Object.keys(rawCalls)) delete rawCalls[k];
      for (let i = 0; i < opts.runs; i++) {
        const order: ('ours' | 'raw')[] = i % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'];
        for (const which of order) await one(which, true);
      }
      // Separately, so the request counts above stay those of one load each.
      const rawCallsBefore = { ...rawCalls };
      for (let i = 0; i < opts.runs; i++) attrMs.push(await attributesAlone());
      for (const k of Object.keys(rawCalls)) rawCalls[k] = rawCallsBefore[k] ?? 0;
      for (const k of Object.keys(rawCalls)) if (rawCalls[k] === 0) delete rawCalls[k];
      const perLoad = (counts: Record<string, number>) =>
        Object.fromEntries(Object.entries(counts).sort().map(([k, v]) => [k, Math.round((v / opts.runs) * 10) / 10]));
      const o = figure(oursMs);
      const r = figure(rawMs);
      results.push({
        size,
        seedRequests: seeded.requests,
        seedMs: Math.round(seeded.ms),
        oursMs: o,
        rawMs: r,
        ratio: o.median !== null && r.median ? Math.round((o.median / r.median) * 100) / 100 : null,
        vpcAttributesMs: figure(attrMs),
        oursCalls: perLoad(oursCalls),
        rawCalls: perLoad(rawCalls),
        items,
      });
      ours.client.destroy();
      raw.destroy();
    }
  } finally {
    await stop(moto);
  }
  return results;
}
