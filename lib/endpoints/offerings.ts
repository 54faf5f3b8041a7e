import type { ServiceDetail } from '@/lib/ec2/types';
import { shortServiceName } from '@/lib/aws/services';
import type { EndpointKind, ServiceOffering } from './types';

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
