import { compactPolicy } from './policy';
import { maxOf } from '@/lib/arrays';
import { withoutAwsPrefix } from '@/lib/aws/services';

/**
 * The request as an AWS CLI command and as a Terraform `aws_vpc_endpoint` resource, so a person can
 * run it elsewhere or keep it in code. Pure; the output does not depend on anything but the input.
 */

export interface CodegenInput {
  type: 'gateway' | 'interface';
  region: string;
  vpcId: string;
  serviceName: string;
  name?: string;
  policy?: string;
  routeTableIds?: string[];
  subnetIds?: string[];
  securityGroupIds?: string[];
  privateDnsEnabled?: boolean;
  ipAddressType?: 'ipv4' | 'dualstack' | 'ipv6';
}

/** Quotes a word for a POSIX shell: plain when safe, else in single quotes ('\'' for a quote inside). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_.,:/=@+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `aws ec2 create-vpc-endpoint …`, one option per line. */
export function toAwsCli(input: CodegenInput): string {
  const lines: string[] = ['aws ec2 create-vpc-endpoint', `--region ${shellQuote(input.region)}`, `--vpc-id ${shellQuote(input.vpcId)}`];
  lines.push(`--vpc-endpoint-type ${input.type === 'gateway' ? 'Gateway' : 'Interface'}`);
  lines.push(`--service-name ${shellQuote(input.serviceName)}`);
  if (input.type === 'gateway') {
    if (input.routeTableIds?.length) lines.push(`--route-table-ids ${input.routeTableIds.map(shellQuote).join(' ')}`);
  } else {
    if (input.subnetIds?.length) lines.push(`--subnet-ids ${input.subnetIds.map(shellQuote).join(' ')}`);
    if (input.securityGroupIds?.length) lines.push(`--security-group-ids ${input.securityGroupIds.map(shellQuote).join(' ')}`);
    lines.push(input.privateDnsEnabled === false ? '--no-private-dns-enabled' : '--private-dns-enabled');
    if (input.ipAddressType && input.ipAddressType !== 'ipv4') lines.push(`--ip-address-type ${input.ipAddressType}`);
  }
  if (input.policy?.trim()) lines.push(`--policy-document ${shellQuote(compactPolicy(input.policy))}`);
  if (input.name?.trim()) {
    const tags = [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: input.name.trim() }] }];
    lines.push(`--tag-specifications ${shellQuote(JSON.stringify(tags))}`);
  }
  return lines.join(' \\\n  ');
}

/** A Terraform resource name: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function terraformName(input: Pick<CodegenInput, 'name' | 'serviceName'>): string {
  const base = (input.name?.trim() || withoutAwsPrefix(input.serviceName)).toLowerCase();
  const slug = base.replace(/[^a-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'endpoint';
  return /^[a-z_]/.test(slug) ? slug : `_${slug}`;
}

/** An HCL quoted string: backslash, quote and the template sequences `${` and `%{` escaped. */
export function hclString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{')}"`;
}

const hclList = (ids: string[]) => `[${ids.map(hclString).join(', ')}]`;

/** A Terraform `aws_vpc_endpoint` resource for the request, aligned the way `terraform fmt` aligns it. */
export function toTerraform(input: CodegenInput): string {
  const attrs: Array<[string, string]> = [
    ['vpc_id', hclString(input.vpcId)],
    ['service_name', hclString(input.serviceName)],
    ['vpc_endpoint_type', hclString(input.type === 'gateway' ? 'Gateway' : 'Interface')],
  ];
  if (input.type === 'gateway') attrs.push(['route_table_ids', hclList(input.routeTableIds ?? [])]);
  else {
    attrs.push(['subnet_ids', hclList(input.subnetIds ?? [])]);
    if (input.securityGroupIds?.length) attrs.push(['security_group_ids', hclList(input.securityGroupIds)]);
    attrs.push(['private_dns_enabled', String(input.privateDnsEnabled !== false)]);
    if (input.ipAddressType && input.ipAddressType !== 'ipv4') attrs.push(['ip_address_type', hclString(input.ipAddressType)]);
  }
  const width = maxOf(attrs.map(([k]) => k.length), 0);
  const body = attrs.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`);
  if (input.policy?.trim()) {
    let policy: string;
    try {
      // jsonencode keeps the policy as data Terraform can diff; the JSON object is valid HCL object syntax
      // once its strings are HCL-escaped.
      policy = `jsonencode(${hclValue(JSON.parse(input.policy), 1)})`;
    } catch {
      policy = hclString(input.policy);
    }
    body.push('', `  policy = ${policy}`);
  }
  if (input.name?.trim()) body.push('', '  tags = {', `    Name = ${hclString(input.name.trim())}`, '  }');
  return [`resource "aws_vpc_endpoint" ${hclString(terraformName(input))} {`, ...body, '}'].join('\n');
}

/** A JSON value as HCL, indented two spaces per level. */
function hclValue(v: unknown, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    if (v.every((x) => typeof x !== 'object' || x === null)) return `[${v.map((x) => hclValue(x, depth)).join(', ')}]`;
    return `[\n${v.map((x) => `${pad}${hclValue(x, depth + 1)},`).join('\n')}\n${end}]`;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (!entries.length) return '{}';
    const keys = entries.map(([k]) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : hclString(k)));
    const width = maxOf(keys.map((k) => k.length), 0);
    return `{\n${entries.map(([, x], i) => `${pad}${keys[i]!.padEnd(width)} = ${hclValue(x, depth + 1)}`).join('\n')}\n${end}}`;
  }
  if (typeof v === 'string') return hclString(v);
  return JSON.stringify(v);
}
