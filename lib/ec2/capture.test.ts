import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { Topology } from '@/lib/topology/types';
import { captureRegion, CaptureError, cliJson } from './capture';
import { FixtureApiError, FixtureEc2Api } from './fixture';
import { listFixtureRegions, readFixtureRegion } from './fixture-files';
import { readRegion } from './read-region';

/**
 * captureRegion on the fixture backend (the live backend is held to it in live.live.test.ts):
 * the demo account must survive a capture round trip, and a failed capture must leave nothing.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DEMO = path.join(ROOT, 'fixtures', 'demo');
const at = { fetchedAt: '2025-01-01T00:00:00.000Z' };

async function topologyOf(dir: string, region: string): Promise<Topology> {
  return normalizeTopology(await readRegion(new FixtureEc2Api(await readFixtureRegion(dir, region))), { source: 'fixture', ...at });
}

describe('captureRegion', () => {
  let out: string;
  beforeEach(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'atlas-capture-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('round-trips every demo region to the same topology', async () => {
    const regions = await listFixtureRegions(DEMO);
    expect(regions.length).toBeGreaterThanOrEqual(2);
    for (const region of regions) {
      const api = new FixtureEc2Api(await readFixtureRegion(DEMO, region));
      const result = await captureRegion(api, out);
      expect(result.dir).toBe(path.join(out, region));
      expect(await topologyOf(out, region)).toEqual(await topologyOf(DEMO, region));
    }
    expect((await readdir(out)).sort()).toEqual([...regions].sort());
  });

  it('writes the CLI format: one list key, 4-space indent, final newline', async () => {
    const api = new FixtureEc2Api(await readFixtureRegion(DEMO, 'us-east-1'));
    await captureRegion(api, out);
    const text = await readFile(path.join(out, 'us-east-1', 'describe-subnets.json'), 'utf8');
    expect(text).toMatch(/^\{\n {4}"Subnets": \[\n {8}\{\n/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(cliJson({ When: new Date('2024-05-06T07:08:09Z') })).toBe('{\n    "When": "2024-05-06T07:08:09.000Z"\n}\n');
  });

  it('leaves no region folder and no staging folder when a call fails', async () => {
    const api = new FixtureEc2Api(await readFixtureRegion(DEMO, 'us-east-1'));
    api.describeRouteTables = async () => {
      throw new FixtureApiError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
    };
    const err = await captureRegion(api, out).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'access-denied', message: expect.stringContaining('ec2:DescribeRouteTables') });
    expect(await readdir(out)).toEqual([]);
  });

  it('keeps the earlier capture when a new one fails, and replaces it when one succeeds', async () => {
    const data = await readFixtureRegion(DEMO, 'us-east-1');
    await captureRegion(new FixtureEc2Api(data), out);
    const before = await readFile(path.join(out, 'us-east-1', 'describe-vpcs.json'), 'utf8');

    const failing = new FixtureEc2Api(data);
    failing.describeSubnets = async () => {
      throw new FixtureApiError('RequestLimitExceeded', 'Request limit exceeded.', 503);
    };
    await expect(captureRegion(failing, out)).rejects.toMatchObject({ kind: 'throttled' });
    expect(await readdir(out)).toEqual(['us-east-1']);
    expect(await readFile(path.join(out, 'us-east-1', 'describe-vpcs.json'), 'utf8')).toBe(before);

    const fewer = new FixtureEc2Api({ ...data, vpcs: data.vpcs.slice(0, 1) });
    await captureRegion(fewer, out);
    expect(await readdir(out)).toEqual(['us-east-1']);
    expect(JSON.parse(await readFile(path.join(out, 'us-east-1', 'describe-vpcs.json'), 'utf8')).Vpcs).toHaveLength(1);
  });

  it('refuses to replace a folder that holds anything but capture files', async () => {
    await mkdir(path.join(out, 'us-east-1'));
    await writeFile(path.join(out, 'us-east-1', 'notes.txt'), 'mine');
    const api = new FixtureEc2Api(await readFixtureRegion(DEMO, 'us-east-1'));
    const err = await captureRegion(api, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureError);
    expect((err as Error).message).toContain('notes.txt');
    expect(await readdir(path.join(out, 'us-east-1'))).toEqual(['notes.txt']);
  });

  it('refuses a region name that is not one, before touching the disk', async () => {
    const data = await readFixtureRegion(DEMO, 'us-east-1');
    await expect(captureRegion(new FixtureEc2Api({ ...data, region: '../elsewhere' }), out)).rejects.toBeInstanceOf(CaptureError);
    expect(await readdir(out)).toEqual([]);
  });

  it('records DNS settings as unknown, with a warning, when DescribeVpcAttribute is denied', async () => {
    const api = new FixtureEc2Api(await readFixtureRegion(DEMO, 'us-east-1'));
    api.describeVpcAttribute = async () => {
      throw new FixtureApiError('UnauthorizedOperation', 'not authorized', 403);
    };
    const result = await captureRegion(api, out);
    expect(result.warnings.join('\n')).toContain('ec2:DescribeVpcAttribute');
    const attrs = JSON.parse(await readFile(path.join(out, 'us-east-1', 'vpc-attributes.json'), 'utf8'));
    expect(attrs.VpcAttributes.every((a: object) => Object.keys(a).join() === 'VpcId')).toBe(true);
  });
});

describe('npm run fixtures:capture (argument handling)', () => {
  const run = promisify(execFile);
  const capture = (args: string[], extraEnv: Record<string, string> = {}) =>
    run(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'capture.ts'), ...args], {
      cwd: ROOT,
      // No endpoint and no credentials: these runs must stop before any call.
      env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: tmpdir(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...extraEnv },
      timeout: 30_000,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
    );

  it('prints usage with --help', async () => {
    const r = await capture(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--region');
    expect(r.stdout).toContain('--out');
  });

  it('exits 1 with the reason, and writes nothing, when the endpoint cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const addr = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const port = typeof addr === 'object' && addr ? addr.port : 1;
    const out = await mkdtemp(path.join(tmpdir(), 'atlas-capture-cli-'));
    try {
      const r = await capture(['--region', 'us-east-1', '--out', out], {
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ENDPOINT_URL_EC2: `http://127.0.0.1:${port}`,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/could not be reached/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(await readdir(out)).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 30_000);

  it.concurrent.each([
    [['--out', '/tmp/x'], /--region is required/],
    [['--region', 'us-east-1'], /--out is required/],
    [['--region', 'Mars-1', '--out', '/tmp/x'], /not a region name/],
    [['--region', 'us-east-1', '--out', '/tmp/x', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['--region', 'us-east-1', '--out', '/tmp/x', 'stray'], /positional/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await capture(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
