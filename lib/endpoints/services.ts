import 'server-only';
import type { Ec2Api } from '@/lib/ec2/api';
import { getEc2Api, type Source } from '@/lib/ec2/backend';
import { toEc2Error } from '@/lib/ec2/errors';
import type { ServiceDetail } from '@/lib/ec2/types';
import type { EndpointKind, ServiceOffering } from './types';
import { appendAll } from '@/lib/arrays';

/** Items per DescribeVpcEndpointServices page; AWS accepts 5 to 1000. */
const PAGE_SIZE = 1000;

/** Every page of DescribeVpcEndpointServices (AWS: an empty or missing NextToken ends the list). */
export async function readAllServiceDetails(api: Pick<Ec2Api, 'describeVpcEndpointServices'>, pageSize = PAGE_SIZE): Promise<ServiceDetail[]> {
  const out: ServiceDetail[] = [];
  let token: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    let res;
    try {
      res = await api.describeVpcEndpointServices({ MaxResults: pageSize, NextToken: token });
    } catch (err) {
      throw toEc2Error(err, 'DescribeVpcEndpointServices');
    }
    appendAll(out, res.ServiceDetails);
    token = res.NextToken || undefined;
    if (!token) return out;
  }
  throw toEc2Error(new Error('DescribeVpcEndpointServices kept returning NextToken'), 'DescribeVpcEndpointServices');
}

import { shortServiceName } from '@/lib/aws/services';

export { shortServiceName };

/**
 * One offering per service name and endpoint type, sorted by short name. DescribeVpcEndpointServices
 * lists S3 and DynamoDB twice, once per type, each with its own AZs.
 */
export function toServiceOfferings(details: ServiceDetail[]): ServiceOffering[] {
  const seen = new Map<string, ServiceOffering>();
  for (const d of details) {
    if (!d.ServiceName) continue;
    for (const t of d.ServiceType ?? []) {
      const type = t.ServiceType as string | undefined;
      if (type !== 'Gateway' && type !== 'Interface') continue;
      const key = `${d.ServiceName}\u0000${type}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        serviceName: d.ServiceName,
        shortName: shortServiceName(d.ServiceName),
        type: type as EndpointKind,
        azs: [...(d.AvailabilityZones ?? [])].sort(),
        vpceDnsName: d.BaseEndpointDnsNames?.find((n) => n.endsWith('.vpce.amazonaws.com')) ?? null,
        privateDnsName: d.PrivateDnsName ?? d.PrivateDnsNames?.find((p) => p.PrivateDnsName)?.PrivateDnsName ?? null,
        ipAddressTypes: [...(d.SupportedIpAddressTypes ?? [])].map(String),
        policySupported: d.VpcEndpointPolicySupported ?? true,
        owner: d.Owner ?? 'amazon',
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.shortName.localeCompare(b.shortName) || a.type.localeCompare(b.type));
}

/** The endpoint services of a region from a source, as offerings the forms can show. */
export async function loadEndpointServices(source: Source, region: string, profile?: string, account?: string): Promise<ServiceOffering[]> {
  const api = await getEc2Api(source, region, profile, account);
  return toServiceOfferings(await readAllServiceDetails(api));
}
