import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixtureError, readFixtureRegion } from './fixture-files';
import { readFixtureText } from './fixture-read';

/**
 * Issue 14 §4: a fixture file is a regular file inside the fixture directory, under a size cap, read with
 * a timeout. Whoever can put a file into the directory must not be able to show the server's other files to
 * every viewer (a symbolic link to /etc/passwd), or hang a region for good (a FIFO).
 */

const REGION = 'us-east-1';
const VPCS = JSON.stringify({ Vpcs: [{ VpcId: 'vpc-0aaa0000000000001', CidrBlock: '10.0.0.0/16', State: 'available' }] });
const SECRET = 'root:x:0:0:SECRET-LINE-OF-ANOTHER-FILE';
let root: string;
let fixtureDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'atlas-fixture-read-'));
  fixtureDir = path.join(root, 'fixtures');
  await mkdir(path.join(fixtureDir, REGION), { recursive: true });
  await writeFile(path.join(fixtureDir, REGION, 'describe-vpcs.json'), VPCS);
  // A file outside the fixture directory, shaped like a fixture so that reading it would "work".
  await writeFile(path.join(root, 'secret.json'), JSON.stringify({ Subnets: [{ SubnetId: SECRET, VpcId: 'vpc-0aaa0000000000001', CidrBlock: '10.0.0.0/24' }] }));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function regionError(): Promise<FixtureError> {
  const err = await readFixtureRegion(fixtureDir, REGION).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FixtureError);
  return err as FixtureError;
}

describe('readFixtureRegion refuses what is not a fixture file', () => {
  it('a symbolic link that leads out of the fixture directory: the error names the file and the rule, never the target’s content', async () => {
    await symlink(path.join(root, 'secret.json'), path.join(fixtureDir, REGION, 'describe-subnets.json'));
    const err = await regionError();
    expect(err.message).toContain('us-east-1/describe-subnets.json');
    expect(err.message).toMatch(/outside the fixture directory/);
    expect(err.message).not.toContain('SECRET');
    expect(err.message).not.toContain(root);
  });

  it('a symbolic link inside the fixture directory is followed', async () => {
    await writeFile(path.join(fixtureDir, 'shared-subnets.json'), JSON.stringify({ Subnets: [] }));
    await symlink(path.join(fixtureDir, 'shared-subnets.json'), path.join(fixtureDir, REGION, 'describe-subnets.json'));
    const data = await readFixtureRegion(fixtureDir, REGION);
    expect(data.vpcs.map((v) => v.VpcId)).toEqual(['vpc-0aaa0000000000001']);
    expect(data.subnets).toEqual([]);
  });

  it('a FIFO is refused at once instead of hanging the region', async () => {
    execFileSync('mkfifo', [path.join(fixtureDir, REGION, 'describe-subnets.json')]);
    const started = Date.now();
    const err = await regionError();
    expect(err.message).toContain('us-east-1/describe-subnets.json');
    expect(err.message).toMatch(/not a regular file/);
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 5_000);

  it('a directory in a file’s place is refused with the same rule', async () => {
    await mkdir(path.join(fixtureDir, REGION, 'describe-subnets.json'));
    expect((await regionError()).message).toMatch(/describe-subnets\.json: .*not a regular file/);
  });
});

describe('readFixtureText', () => {
  it('reads a regular file inside the directory', async () => {
    expect(await readFixtureText(fixtureDir, path.join(fixtureDir, REGION, 'describe-vpcs.json'))).toBe(VPCS);
  });

  it('refuses a file over the size cap, naming the cap and the variable that sets it', async () => {
    const err = await readFixtureText(fixtureDir, path.join(fixtureDir, REGION, 'describe-vpcs.json'), { maxBytes: 10, timeoutMs: 1_000 }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/is \d+ bytes, over the 10-byte cap \(ATLAS_FIXTURE_MAX_BYTES\)/);
  });

  it('answers ENOENT for a missing file (an optional file is then "none")', async () => {
    const err = await readFixtureText(fixtureDir, path.join(fixtureDir, REGION, 'describe-subnets.json')).catch((e: NodeJS.ErrnoException) => e);
    expect((err as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('refuses a path that is outside the directory without being a link', async () => {
    const err = await readFixtureText(fixtureDir, path.join(fixtureDir, '..', 'secret.json')).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/outside the fixture directory/);
  });
});
