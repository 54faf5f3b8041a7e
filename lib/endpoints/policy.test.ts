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
