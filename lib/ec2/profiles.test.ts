import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownProfileName, listProfiles, parseProfiles, sharedFilePaths } from './profiles';

const CONFIG = `# shared config
[default]
region = us-east-1
output = json

[profile prod-readonly]  ; the one most people use
region=eu-west-1
aws_access_key_id = AKIACONFIGSECRET0001
aws_secret_access_key = config-secret-value
s3 =
  region = ap-south-1

[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333

[sso-session corp]
sso_region = us-east-1

[services local]
ec2 =
  endpoint_url = http://127.0.0.1:5000

[not-a-profile-in-config]
region = us-west-2

[profile has space]
region = us-west-1
`;

const CREDENTIALS = `[default]
aws_access_key_id = AKIADEFAULTSECRET001
aws_secret_access_key = default-secret-value

[ci]
aws_access_key_id = AKIACISECRET00000001
aws_secret_access_key = ci-secret-value
aws_session_token = ci-session-token
region = ca-central-1

[prod-readonly]
aws_access_key_id = AKIAPRODSECRET000001
aws_secret_access_key = prod-secret-value
`;

describe('parseProfiles', () => {
  it('reads [default] and [profile x] from the config file, with their region, and skips other sections', () => {
    expect(parseProfiles(CONFIG, 'config')).toEqual([
      { name: 'default', region: 'us-east-1' },
      { name: 'prod-readonly', region: 'eu-west-1' },
      { name: 'sso-dev', region: null },
    ]);
  });

  it('reads every [x] of the credentials file', () => {
    expect(parseProfiles(CREDENTIALS, 'credentials').map((p) => p.name)).toEqual(['default', 'ci', 'prod-readonly']);
  });

  it('keeps nothing but names and regions', () => {
    const text = JSON.stringify([parseProfiles(CONFIG, 'config'), parseProfiles(CREDENTIALS, 'credentials')]);
    expect(text).not.toMatch(/AKIA|secret|token/);
  });

  it('copes with CRLF, empty and garbage files', () => {
    expect(parseProfiles('[default]\r\nregion = us-east-2\r\n', 'config')).toEqual([{ name: 'default', region: 'us-east-2' }]);
    expect(parseProfiles('', 'config')).toEqual([]);
    expect(parseProfiles('\u0000\u0001 not ini at all [', 'credentials')).toEqual([]);
  });
});

describe('listProfiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-profiles-'));
    await writeFile(path.join(dir, 'config'), CONFIG);
    await writeFile(path.join(dir, 'credentials'), CREDENTIALS);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('merges both files, default first, config region over credentials region', async () => {
    const profiles = await listProfiles({
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    });
    expect(profiles).toEqual([
      { name: 'default', region: 'us-east-1' },
      { name: 'ci', region: 'ca-central-1' },
      { name: 'prod-readonly', region: 'eu-west-1' },
      { name: 'sso-dev', region: null },
    ]);
  });

  it('falls back to ~/.aws and treats missing files as no profiles', async () => {
    expect(sharedFilePaths({ HOME: '/home/u' })).toEqual({
      configFile: '/home/u/.aws/config',
      credentialsFile: '/home/u/.aws/credentials',
    });
    expect(await listProfiles({ HOME: path.join(dir, 'nobody') })).toEqual([]);
  });
});

describe('knownProfileName', () => {
  const schema = knownProfileName([{ name: 'default', region: null }, { name: 'prod-readonly', region: null }]);
  it('accepts a listed profile and rejects others with a message that names the field', () => {
    expect(schema.safeParse('prod-readonly').success).toBe(true);
    const unknown = schema.safeParse('admin');
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/^profile is not in the AWS config files/);
    const odd = schema.safeParse('a b<script>');
    expect(odd.error?.issues[0]?.message).toMatch(/^profile must be a profile name/);
  });
});
