import { describe, expect, it } from 'vitest';
import { hclString, shellQuote, terraformName, toAwsCli, toTerraform } from './codegen';

const gateway = {
  type: 'gateway' as const,
  region: 'us-east-1',
  vpcId: 'vpc-0a05cda0235155c00',
  serviceName: 'com.amazonaws.us-east-1.s3',
  routeTableIds: ['rtb-0030079b1230b8a04', 'rtb-0a6d08db41ae6fdc8'],
  name: "shared's s3",
  policy: '{\n  "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}]\n}',
};
const iface = {
  type: 'interface' as const,
  region: 'eu-west-1',
  vpcId: 'vpc-09d5f99ae60fce1d3',
  serviceName: 'com.amazonaws.eu-west-1.sqs',
  subnetIds: ['subnet-082db7877fef1ffee', 'subnet-04f7b11f6b52b8fae'],
  securityGroupIds: ['sg-01e403ffafdba7223'],
  privateDnsEnabled: false,
};

describe('toAwsCli', () => {
  it('writes a gateway create with route tables, the policy in one line and the Name tag', () => {
    expect(toAwsCli(gateway)).toBe(
      [
        'aws ec2 create-vpc-endpoint',
        '--region us-east-1',
        '--vpc-id vpc-0a05cda0235155c00',
        '--vpc-endpoint-type Gateway',
        '--service-name com.amazonaws.us-east-1.s3',
        '--route-table-ids rtb-0030079b1230b8a04 rtb-0a6d08db41ae6fdc8',
        `--policy-document '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\${aws:username}/*"}]}'`,
        `--tag-specifications '[{"ResourceType":"vpc-endpoint","Tags":[{"Key":"Name","Value":"shared'\\''s s3"}]}]'`,
      ].join(' \\\n  '),
    );
  });

  it('writes an interface create with subnets, groups and private DNS off', () => {
    const cli = toAwsCli(iface);
    expect(cli).toContain('--vpc-endpoint-type Interface');
    expect(cli).toContain('--subnet-ids subnet-082db7877fef1ffee subnet-04f7b11f6b52b8fae');
    expect(cli).toContain('--security-group-ids sg-01e403ffafdba7223');
    expect(cli).toContain('--no-private-dns-enabled');
    expect(cli).not.toContain('--policy-document');
  });

  it('quotes for a POSIX shell', () => {
    expect(shellQuote('plain-id')).toBe('plain-id');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('toTerraform', () => {
  it('writes an aws_vpc_endpoint resource with jsonencode for the policy and escapes ${', () => {
    const tf = toTerraform(gateway);
    expect(tf).toContain('resource "aws_vpc_endpoint" "shared_s_s3" {');
    expect(tf).toContain('  vpc_id            = "vpc-0a05cda0235155c00"');
    expect(tf).toContain('  vpc_endpoint_type = "Gateway"');
    expect(tf).toContain('  route_table_ids   = ["rtb-0030079b1230b8a04", "rtb-0a6d08db41ae6fdc8"]');
    expect(tf).toContain('  policy = jsonencode({');
    expect(tf).toContain('"arn:aws:s3:::b/$${aws:username}/*"');
    expect(tf).toContain(`    Name = "shared's s3"`);
    expect(tf.trim().endsWith('}')).toBe(true);
  });

  it('writes interface attributes', () => {
    const tf = toTerraform(iface);
    expect(tf).toContain('resource "aws_vpc_endpoint" "sqs" {');
    expect(tf).toContain('  subnet_ids          = ["subnet-082db7877fef1ffee", "subnet-04f7b11f6b52b8fae"]');
    expect(tf).toContain('  private_dns_enabled = false');
  });

  it('names and quotes safely', () => {
    expect(terraformName({ name: '9 lives', serviceName: 'x' })).toBe('_9_lives');
    expect(hclString('a"b\\c%{x}')).toBe('"a\\"b\\\\c%%{x}"');
  });
});
