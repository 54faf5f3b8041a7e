import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTopology } from '@/lib/analysis/analyze';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { normalizeTopology } from '@/lib/topology/normalize';
import { planFleet, writeFleet } from './lib/synth-fleet';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-fleet-synth-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir`, relative path -> sha256, so two trees compare byte for byte. */
function treeDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function topologyOf(dir: string, region: string) {
  const raw = await readRegion(new FixtureEc2Api(await readFixtureRegion(dir, region)));
  return normalizeTopology(raw, { source: 'fixture', fetchedAt: '2025-01-01T00:00:00.000Z' });
}

describe('synthetic fleets', () => {
  it('writes <account id>/account.json and <account id>/<region>/, the same bytes for the same seed', () => {
    const [a, b] = [tempDir(), tempDir()];
    writeFleet({ accounts: 4, regions: 2, seed: 3, broken: 0 }, a);
    writeFleet({ accounts: 4, regions: 2, seed: 3, broken: 0 }, b);
    const accounts = readdirSync(a).sort();
    expect(accounts).toHaveLength(4);
    for (const id of accounts) {
      expect(id).toMatch(/^\d{12}$/);
      expect(readdirSync(path.join(a, id)).sort()).toEqual(['account.json', 'eu-west-1', 'us-east-1']);
      const account = JSON.parse(readFileSync(path.join(a, id, 'account.json'), 'utf8'));
      expect(account).toMatchObject({ Id: id, Status: 'ACTIVE' });
      expect(account.Name).toEqual(expect.any(String));
      expect(account.Email).toMatch(/@example\.com$/);
    }
    expect(treeDigest(b)).toEqual(treeDigest(a));
  });

  it('gives every account its own owner id and ids, and some account-regions S3 through NAT', async () => {
    const dir = tempDir();
    const plans = writeFleet({ accounts: 8, regions: 2, seed: 1, broken: 0 }, dir);
    const withoutGateway = plans.flatMap((p) => p.regions.filter((r) => r.variant === 'no-gateway-endpoints').map((r) => ({ id: p.id, region: r.region })));
    const plain = plans.flatMap((p) => p.regions.filter((r) => r.variant === 'plain').map((r) => ({ id: p.id, region: r.region })));
    expect(withoutGateway.length).toBeGreaterThan(0);
    expect(plain.length).toBeGreaterThan(0);

    const first = withoutGateway[0]!;
    const t = await topologyOf(path.join(dir, first.id), first.region);
    expect(t.warnings).toEqual([]);
    const vpcs = JSON.parse(readFileSync(path.join(dir, first.id, first.region, 'describe-vpcs.json'), 'utf8')).Vpcs;
    expect(vpcs.every((v: { OwnerId: string }) => v.OwnerId === first.id)).toBe(true);
    const s3ViaNat = analyzeTopology(t).findings.filter((f) => f.rule === 'nat-to-gateway-service' && f.service === 's3');
    expect(s3ViaNat).toHaveLength(t.vpcs.length);

    const other = plain.find((p) => p.id !== first.id)!;
    const t2 = await topologyOf(path.join(dir, other.id), other.region);
    expect(analyzeTopology(t2).findings.filter((f) => f.rule === 'nat-to-gateway-service' && f.service === 's3')).toEqual([]);
    expect(new Set(t2.vpcs.map((v) => v.id)).has(t.vpcs[0]!.id)).toBe(false);
  });

  it('breaks describe-vpcs.json of --broken accounts after the first, so reading them names the file', async () => {
    const dir = tempDir();
    const plans = writeFleet({ accounts: 3, regions: 1, seed: 1, broken: 1 }, dir);
    expect(plans.map((p) => p.broken)).toEqual([false, true, false]);
    await expect(readFixtureRegion(path.join(dir, plans[1]!.id), 'us-east-1')).rejects.toThrow(/describe-vpcs\.json/);
    await expect(topologyOf(path.join(dir, plans[0]!.id), 'us-east-1')).resolves.toMatchObject({ region: 'us-east-1' });
  });

  it('mixes sizes and keeps long account names for the page to ellipsize', () => {
    const plans = planFleet({ accounts: 100, regions: 3, seed: 1, broken: 0 });
    const sizes = plans.flatMap((p) => p.regions.map((r) => r.size));
    expect(sizes.filter((s) => s === 'M').length).toBeGreaterThan(20);
    expect(sizes.filter((s) => s === 'S').length).toBeGreaterThan(150);
    expect(new Set(plans.map((p) => p.id)).size).toBe(100);
    const short = plans.map((p) => p.name).filter((n) => n.length <= 40);
    expect(new Set(short).size).toBe(short.length);
    expect(plans.filter((p) => p.name.length > 40).length).toBeGreaterThan(2);
  });

  it('refuses to clear a directory that is not a fleet, and the CLI says why', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'us-east-1'));
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(() => writeFleet({ accounts: 1, regions: 1, seed: 1, broken: 0 }, dir)).toThrow(/not a fleet directory/);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');

    const run = (args: string[]) => {
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'scripts/synth.ts', ...args], { encoding: 'utf8', stdio: 'pipe' });
        return { status: 0, stderr: '' };
      } catch (err) {
        const e = err as { status: number; stderr: string };
        return { status: e.status, stderr: e.stderr };
      }
    };
    expect(run(['--fleet', '10by3', '--out', dir])).toMatchObject({ status: 2, stderr: expect.stringContaining('--fleet "10by3" is not <accounts>x<regions>') });
    expect(run(['--fleet', '3x2', '--broken', '3', '--out', dir])).toMatchObject({ status: 2, stderr: expect.stringContaining('--broken must be an integer from 0 to 2') });
    expect(run(['--fleet', '3x2', '--size', 'S', '--out', dir])).toMatchObject({ status: 2, stderr: expect.stringContaining('leave out --size') });
    expect(run(['--fleet', '2x1', '--out', dir])).toMatchObject({ status: 1, stderr: expect.stringContaining('not a fleet directory') });
  });
});
