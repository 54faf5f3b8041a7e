import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const DEMO_REGION = path.resolve(__dirname, '../../fixtures/demo/eu-west-1');
const root = mkdtempSync(path.join(tmpdir(), 'atlas-fixture-accounts-'));
vi.stubEnv('ATLAS_FIXTURE_DIR', root);
vi.stubEnv('ATLAS_DATA_DIR', path.join(root, '.data'));

const { listFixtureAccounts } = await import('./fixture-accounts');

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

/** A fixture directory of its own per test; `accounts` maps a folder to its account.json text (null: none). */
function fixtureDir(name: string, accounts: Record<string, string | null>, top?: string | null) {
  const dir = path.join(root, name);
  for (const [id, file] of Object.entries(accounts)) {
    cpSync(DEMO_REGION, path.join(dir, id, 'eu-west-1'), { recursive: true });
    if (file !== null) writeFileSync(path.join(dir, id, 'account.json'), file);
  }
  if (top !== undefined) {
    cpSync(DEMO_REGION, path.join(dir, 'eu-west-1'), { recursive: true });
    if (top !== null) writeFileSync(path.join(dir, 'account.json'), top);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('listFixtureAccounts', () => {
  it('reads account.json as Organizations writes it, bare or wrapped by describe-account, and sorts folders by name', async () => {
    const dir = fixtureDir('names', {
      '100000000001': JSON.stringify({ Id: '100000000001', Name: 'zulu', Email: 'z@example.com', Status: 'ACTIVE' }),
      '100000000002': JSON.stringify({ Account: { Id: '100000000002', Name: 'alpha', State: 'ACTIVE', JoinedMethod: 'CREATED' } }),
    });
    expect(await listFixtureAccounts(dir)).toEqual({
      accounts: [
        { id: '100000000002', name: 'alpha', source: 'fixture' },
        { id: '100000000001', name: 'zulu', source: 'fixture' },
      ],
      notices: [],
      // The regions found on the way, so that a fleet pass does not list them again.
      regions: new Map([
        ['100000000001', ['eu-west-1']],
        ['100000000002', ['eu-west-1']],
      ]),
    });
  });

  it('names an account by its id, with a notice that says why, when account.json is missing, not JSON, or wrong', async () => {
    const dir = fixtureDir('bad', {
      '200000000001': null,
      '200000000002': '{"Id": "200000000002", "Name": ',
      '200000000003': JSON.stringify({ Id: '42', Name: 'short' }),
      '200000000004': JSON.stringify({ Id: '999999999999', Name: 'moved' }),
    });
    const { accounts, notices } = await listFixtureAccounts(dir);
    expect(accounts.map((a) => [a.id, a.name])).toEqual([
      ['200000000001', '200000000001'],
      ['200000000002', '200000000002'],
      ['200000000003', '200000000003'],
      ['200000000004', 'moved'],
    ]);
    expect(notices).toEqual([
      expect.stringMatching(/^200000000002\/account\.json is not JSON \(.+\); the account is named by its id\.$/),
      '200000000003/account.json: Id: Id must be a 12-digit account id; the account is named by its id.',
      '200000000004/account.json says Id 999999999999; the folder’s name, 200000000004, is used.',
    ]);
  });

  it('reads an account folder that is a symbolic link, and skips a file named like an account', async () => {
    const dir = fixtureDir('linked', { '500000000001': null });
    // The folder's target inside the fixture directory (a link out of it would not have its account.json read).
    fixtureDir(path.join('linked', 'kept'), { '500000000002': JSON.stringify({ Id: '500000000002', Name: 'linked' }) });
    symlinkSync(path.join(dir, 'kept', '500000000002'), path.join(dir, '500000000002'));
    writeFileSync(path.join(dir, '500000000003'), 'not a folder');
    const { accounts, regions } = await listFixtureAccounts(dir);
    expect(accounts.map((a) => [a.id, a.name])).toEqual([
      ['500000000001', '500000000001'],
      ['500000000002', 'linked'],
    ]);
    expect([...regions!.keys()].sort()).toEqual(['500000000001', '500000000002']);
  });

  it('does not follow account.json out of the fixture directory', async () => {
    const dir = fixtureDir('link', { '300000000001': null });
    const outside = path.join(root, 'secret.json');
    writeFileSync(outside, JSON.stringify({ Id: '300000000001', Name: 'leaked' }));
    symlinkSync(outside, path.join(dir, '300000000001', 'account.json'));
    const { accounts, notices } = await listFixtureAccounts(dir);
    expect(accounts).toEqual([{ id: '300000000001', name: '300000000001', source: 'fixture' }]);
    expect(notices).toEqual([expect.stringContaining('300000000001/account.json: leads outside the fixture directory')]);
  });

  it('takes the single-account layout as the default account, named by the top account.json, else by the data’s owner', async () => {
    const named = fixtureDir('top-named', { '400000000001': null }, JSON.stringify({ Id: '400000000009', Name: 'Management' }));
    expect((await listFixtureAccounts(named)).accounts).toEqual([
      { id: '400000000009', name: 'Management', source: 'fixture', isDefault: true },
      { id: '400000000001', name: '400000000001', source: 'fixture' },
    ]);
    // Without account.json: the OwnerId the dump's VPCs carry; the demo's is 111122223333.
    const unnamed = fixtureDir('top-unnamed', {}, null);
    expect((await listFixtureAccounts(unnamed)).accounts).toEqual([{ id: '111122223333', name: 'top-unnamed', source: 'fixture', isDefault: true }]);
  });

  it('reads an account once when the top regions belong to an account that has a folder too', async () => {
    const dir = fixtureDir('twice', { '111122223333': null }, null);
    cpSync(DEMO_REGION, path.join(dir, '111122223333', 'us-east-1'), { recursive: true });
    const { accounts, notices, regions } = await listFixtureAccounts(dir);
    expect(accounts).toEqual([{ id: '111122223333', name: '111122223333', source: 'fixture' }]);
    // The folder's regions, not the top's.
    expect(regions).toEqual(new Map([['111122223333', ['eu-west-1', 'us-east-1']]]));
    expect(notices).toEqual([expect.stringContaining('belong to account 111122223333, which has a folder of its own')]);
  });
});
