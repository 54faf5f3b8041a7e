import { describe, expect, it } from 'vitest';
import { buildPolicy, compactPolicy, iamPrefix, invalidNames, policyTemplates, POLICY_MAX_CHARS, splitNames, validatePolicy } from './policy';

describe('policy templates', () => {
  it('offers bucket and table restrictions only for S3 and DynamoDB', () => {
    expect(policyTemplates('s3').map((t) => t.id)).toEqual(['full-access', 'read-only', 's3-buckets']);
    expect(policyTemplates('dynamodb').map((t) => t.id)).toEqual(['full-access', 'read-only', 'dynamodb-tables']);
    expect(policyTemplates('ssm').map((t) => t.id)).toEqual(['full-access', 'read-only']);
  });

  it('builds a full-access policy AWS accepts', () => {
    const doc = JSON.parse(buildPolicy('full-access', { serviceShortName: 's3', region: 'us-east-1' }));
    expect(doc.Statement).toEqual([{ Sid: 'FullAccess', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]);
  });

  it('builds read-only policies with the service’s IAM prefix', () => {
    expect(JSON.parse(buildPolicy('read-only', { serviceShortName: 's3', region: 'us-east-1' })).Statement[0].Action).toContain('s3:GetObject');
    expect(JSON.parse(buildPolicy('read-only', { serviceShortName: 'ecr.dkr', region: 'us-east-1' })).Statement[0].Action).toEqual(['ecr:Describe*', 'ecr:Get*', 'ecr:List*']);
    expect(iamPrefix('monitoring')).toBe('cloudwatch');
  });

  it('restricts S3 to named buckets and their objects', () => {
    const doc = JSON.parse(buildPolicy('s3-buckets', { serviceShortName: 's3', region: 'us-east-1', names: ['acme-logs', 'acme-data'] }));
    expect(doc.Statement[0].Resource).toEqual(['arn:aws:s3:::acme-logs', 'arn:aws:s3:::acme-logs/*', 'arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*']);
  });

  it('restricts DynamoDB to named tables of the VPC owner’s account', () => {
    const doc = JSON.parse(buildPolicy('dynamodb-tables', { serviceShortName: 'dynamodb', region: 'eu-west-1', accountId: '111122223333', names: ['orders'] }));
    expect(doc.Statement[0].Resource).toEqual(['arn:aws:dynamodb:eu-west-1:111122223333:table/orders', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/*']);
  });

  it('every template passes validation', () => {
    for (const t of ['full-access', 'read-only', 's3-buckets', 'dynamodb-tables'] as const) {
      expect(validatePolicy(buildPolicy(t, { serviceShortName: 's3', region: 'us-east-1', names: ['a-bucket'] })).errors).toEqual([]);
    }
  });

  it('splits typed names and checks them', () => {
    expect(splitNames('a-bucket, b-bucket\nc-bucket  a-bucket')).toEqual(['a-bucket', 'b-bucket', 'c-bucket']);
    expect(invalidNames('s3-buckets', ['ok-bucket', 'Bad_Bucket', 'ab'])).toHaveLength(2);
    expect(invalidNames('dynamodb-tables', ['Orders_v2', 'x'])).toHaveLength(1);
  });
});

describe('validatePolicy', () => {
  it('accepts an empty policy (AWS’s default applies)', () => {
    expect(validatePolicy('  ')).toEqual({ errors: [], warnings: [] });
  });

  it('names line and column of a JSON error', () => {
    expect(validatePolicy('{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}').errors).toEqual(['Not valid JSON at line 3, column 24: trailing comma before “}”.']);
  });

  it('needs a Statement', () => {
    expect(validatePolicy('{"Version": "2012-10-17"}').errors[0]).toMatch(/needs a Statement/);
    expect(validatePolicy('{"Statement": []}').errors[0]).toMatch(/needs a Statement/);
  });

  it('needs a Principal, an Effect and an Action in each statement', () => {
    const r = validatePolicy('{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Principal": "*", "Resource": "*"}]}');
    expect(r.errors).toEqual([
      'Statement 1 needs a Principal: endpoint policies are resource policies ("Principal": "*" means any caller in the VPC).',
      'Statement 2 needs "Effect": "Allow" or "Deny".',
      'Statement 2 needs an Action (or NotAction).',
    ]);
  });

  it('refuses more than 20,480 characters', () => {
    const doc = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: 'x'.repeat(POLICY_MAX_CHARS) }] });
    expect(validatePolicy(doc).errors[0]).toMatch(/AWS accepts at most 20,480/);
  });

  it('refuses a wrong Version and warns when nothing is allowed', () => {
    expect(validatePolicy('{"Version": "2020-01-01", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}').errors[0]).toMatch(/Version must be/);
    expect(validatePolicy('{"Statement": {"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}}').warnings[0]).toMatch(/Nothing is allowed/);
  });

  it('compacts JSON for the CLI and leaves other text alone', () => {
    expect(compactPolicy('{\n "a": 1\n}')).toBe('{"a":1}');
    expect(compactPolicy('{oops')).toBe('{oops');
  });
});

describe('validatePolicy at AWS’s length limit, whitespace counted', () => {
  const allow = '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}';
  // Pretty-printed policies are mostly indentation: AWS counts every space and new line.
  const padded = (length: number) => allow.replace('{"Statement"', `{${Array.from({ length: length - allow.length }, (_, i) => (i % 2 ? '\n' : ' ')).join('')}"Statement"`);

  it('accepts a policy of exactly 20,480 characters', () => {
    const doc = padded(POLICY_MAX_CHARS);
    expect(doc).toHaveLength(20_480);
    expect(validatePolicy(doc)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses 20,481 characters, even though most of them are whitespace', () => {
    const doc = padded(POLICY_MAX_CHARS) + ' ';
    expect(doc).toHaveLength(20_481);
    expect(doc.replace(/\s/g, '').length).toBeLessThan(100);
    expect(validatePolicy(doc).errors).toEqual(['The policy is 20,481 characters long; AWS accepts at most 20,480 (whitespace counts).']);
  });
});

describe('policy templates, as the editor offers them', () => {
  const opts = { serviceShortName: 's3', region: 'us-east-1' };

  it('names and explains each template', () => {
    expect(policyTemplates('s3')).toEqual([
      { id: 'full-access', label: 'Full access', description: 'AWS’s default: any principal, any action, any resource.' },
      { id: 'read-only', label: 'Read-only', description: 'Only s3 read actions pass through the endpoint.' },
      { id: 's3-buckets', label: 'Named buckets only', description: 'Requests to other buckets are refused at the endpoint.', namesLabel: 'Bucket names' },
    ]);
    expect(policyTemplates('dynamodb')[2]).toEqual({ id: 'dynamodb-tables', label: 'Named tables only', description: 'Requests to other tables are refused at the endpoint.', namesLabel: 'Table names' });
    expect(policyTemplates('ecr.api')[1]!.description).toBe('Only ecr read actions pass through the endpoint.');
  });

  it('maps service names to IAM action prefixes', () => {
    expect(['ecr.api', 'ecr.dkr', 'kinesis-streams', 'monitoring', 'execute-api', 'ssm', 'sagemaker.runtime'].map(iamPrefix)).toEqual(['ecr', 'ecr', 'kinesis', 'cloudwatch', 'execute-api', 'ssm', 'sagemaker']);
  });

  it('writes whole documents: version, statement id, actions and resources', () => {
    const parse = (t: Parameters<typeof buildPolicy>[0], o = opts) => JSON.parse(buildPolicy(t, o));
    expect(buildPolicy('full-access', opts)).toBe(JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'FullAccess', Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, null, 2));
    expect(parse('read-only')).toEqual({ Version: '2012-10-17', Statement: [{ Sid: 'ReadOnly', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetBucketLocation', 's3:ListBucket'], Resource: '*' }] });
    expect(parse('read-only', { serviceShortName: 'dynamodb', region: 'us-east-1' }).Statement[0].Action).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:ListTables',
      'dynamodb:Query',
      'dynamodb:Scan',
    ]);
    // Without names the templates show where the names go.
    expect(parse('s3-buckets')).toEqual({ Version: '2012-10-17', Statement: [{ Sid: 'NamedBucketsOnly', Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::BUCKET', 'arn:aws:s3:::BUCKET/*'] }] });
    expect(parse('dynamodb-tables', { serviceShortName: 'dynamodb', region: 'eu-west-1', names: [] } as never)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'NamedTablesOnly', Effect: 'Allow', Principal: '*', Action: 'dynamodb:*', Resource: ['arn:aws:dynamodb:eu-west-1:*:table/TABLE', 'arn:aws:dynamodb:eu-west-1:*:table/TABLE/index/*'] }],
    });
    expect(parse('dynamodb-tables', { serviceShortName: 'dynamodb', region: 'eu-west-1' }).Statement[0].Resource[0]).toBe('arn:aws:dynamodb:eu-west-1:*:table/TABLE');
  });
});

describe('names typed into the template', () => {
  it('splits on commas, blanks and new lines, once each', () => {
    expect(splitNames(' a-bucket,,b-bucket\t\n c-bucket ')).toEqual(['a-bucket', 'b-bucket', 'c-bucket']);
    expect(splitNames('a-bucket,b-bucket')).toEqual(['a-bucket', 'b-bucket']);
    expect(splitNames('')).toEqual([]);
  });

  it('says which names break the rules, and why', () => {
    expect(invalidNames('s3-buckets', ['ok-bucket', 'Bad_Bucket'])).toEqual(['“Bad_Bucket” is not a valid bucket name (3–63 lowercase letters, digits, dots, hyphens)']);
    expect(invalidNames('dynamodb-tables', ['Orders_v2', 'x'])).toEqual(['“x” is not a valid table name (3–255 letters, digits, _ - .)']);
    expect(invalidNames('full-access', ['Bad_Bucket', 'x'])).toEqual([]);
    expect(invalidNames('read-only', ['x'])).toEqual([]);
  });

  it.each([
    ['abc', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['ab', false],
    ['my.bucket-1', true],
    ['my..bucket', false],
    ['xn--bucket', false],
    ['-bucket', false],
    ['bucket-', false],
    ['bucket!', false],
  ])('bucket name %j valid: %s', (name, valid) => {
    expect(invalidNames('s3-buckets', [name])).toHaveLength(valid ? 0 : 1);
  });

  it.each([
    ['abc', true],
    ['A_b.c-9', true],
    ['T'.repeat(255), true],
    ['T'.repeat(256), false],
    ['ab', false],
    ['!abc', false],
    ['abc!', false],
  ])('table name %j valid: %s', (name, valid) => {
    expect(invalidNames('dynamodb-tables', [name])).toHaveLength(valid ? 0 : 1);
  });
});

describe('validatePolicy, statement by statement', () => {
  const ok = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' };
  const check = (doc: unknown) => validatePolicy(JSON.stringify(doc));

  it('wants a JSON object at the top', () => {
    for (const doc of [[ok], 'text', 3, null]) expect(check(doc)).toEqual({ errors: ['A policy is a JSON object such as {"Statement": [...]}.'], warnings: [] });
  });

  it('wants each statement to be an object, named by its number when there are several', () => {
    expect(check({ Statement: ['x'] }).errors).toEqual(['The statement must be an object.']);
    expect(check({ Statement: [ok, null, [ok]] }).errors).toEqual(['Statement 2 must be an object.', 'Statement 3 must be an object.']);
  });

  it('accepts NotPrincipal, NotAction and NotResource in place of the positive forms', () => {
    expect(check({ Statement: { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, NotAction: 's3:Delete*', NotResource: 'arn:aws:s3:::x' } })).toEqual({ errors: [], warnings: [] });
  });

  it('warns about a statement without Resource, naming it', () => {
    expect(check({ Statement: [ok, { Effect: 'Allow', Principal: '*', Action: '*' }] })).toEqual({ errors: [], warnings: ['Statement 2 has no Resource; AWS reads that as every resource of the action.'] });
  });

  it('accepts both policy language versions', () => {
    for (const Version of ['2012-10-17', '2008-10-17']) expect(check({ Version, Statement: ok })).toEqual({ errors: [], warnings: [] });
    expect(check({ Version: 2012, Statement: ok }).errors).toEqual(['Version must be "2012-10-17" (or the older "2008-10-17"), not 2012.']);
  });

  it('warns that nothing is allowed only when no statement allows', () => {
    expect(check({ Statement: [{ ...ok, Effect: 'Deny' }, ok] }).warnings).toEqual([]);
    expect(check({ Statement: [ok, { ...ok, Effect: 'Deny' }] }).warnings).toEqual([]);
  });
});
