import { awsServiceParts } from '@/lib/aws/services';
import type { RawRegion } from '@/lib/ec2/api';
import { awsState, byId, listOf, nameOf, sorted, tagsOf, type DataWarnings } from './normalize-common';
import type { Endpoint, EndpointDnsOptions } from './types';

/** `com.amazonaws.us-east-1.ecr.dkr` -> `ecr.dkr`; other service names keep their last label; '' stays ''. */
export function serviceShortName(serviceName: string, region?: string): string {
  if (!serviceName) return '';
  const aws = awsServiceParts(serviceName);
  if (aws && aws.region !== 'vpce' && (!region || aws.region === region || /\d$/.test(aws.region))) return aws.service;
  const parts = serviceName.split('.');
  return parts[parts.length - 1] ?? serviceName;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);

function dnsOptionsOf(d: unknown): EndpointDnsOptions | null {
  if (!d || typeof d !== 'object') return null;
  const o = d as Record<string, unknown>;
  return {
    dnsRecordIpType: str(o.DnsRecordIpType),
    privateDnsOnlyForInboundResolverEndpoint: bool(o.PrivateDnsOnlyForInboundResolverEndpoint),
    privateDnsPreference: str(o.PrivateDnsPreference),
    privateDnsSpecifiedDomains: sorted(listOf(o.PrivateDnsSpecifiedDomains as string[] | undefined)),
  };
}

function prefixesOf(list: unknown): string[] {
  return sorted(listOf(list as Array<{ IpPrefixes?: string[] }> | undefined).flatMap((p) => listOf(p?.IpPrefixes)));
}

/**
 * VPC endpoints of every type, the type carried as AWS says it (a type added later too). Deleted endpoints
 * linger in DescribeVpcEndpoints for a while and route nothing: they are left out, with a warning.
 */
export function normalizeEndpoints(raw: RawRegion, w: DataWarnings): Endpoint[] {
  return w
    .each(
      raw.vpcEndpoints,
      (e) => e.VpcEndpointId,
      (e) => e.VpcId,
      (e, id): Endpoint | null => {
        if (!str(e.VpcId)) throw new Error('it names no VPC');
        const state = awsState(e.State, 'unknown');
        if (state === 'deleted') {
          w.add('left-out', e.VpcId!, `Endpoint ${id} is deleted; it is left out.`);
          return null;
        }
        const tags = tagsOf(e.Tags);
        const subnetIds = sorted(listOf(e.SubnetIds));
        const serviceName = str(e.ServiceName) ?? '';
        const type =
          str(e.VpcEndpointType) ??
          (e.ResourceConfigurationArn ? 'Resource' : e.ServiceNetworkArn ? 'ServiceNetwork' : subnetIds.length ? 'Interface' : 'Gateway');
        const region = str(e.ServiceRegion);
        return {
          id,
          vpcId: e.VpcId!,
          name: nameOf(tags, id),
          type,
          serviceName,
          serviceShortName: serviceShortName(serviceName, region ?? raw.region),
          serviceNetworkArn: str(e.ServiceNetworkArn),
          resourceConfigurationArn: str(e.ResourceConfigurationArn),
          serviceRegion: region && region !== raw.region ? region : null,
          state,
          failureReason: str(e.FailureReason),
          routeTableIds: sorted(listOf(e.RouteTableIds)),
          subnetIds,
          networkInterfaceIds: sorted(listOf(e.NetworkInterfaceIds)),
          securityGroupIds: sorted(listOf(e.Groups).map((g) => g?.GroupId)),
          privateDnsEnabled: e.PrivateDnsEnabled === true,
          policy: str(e.PolicyDocument),
          dnsEntries: listOf(e.DnsEntries)
            .filter((d) => str(d?.DnsName))
            .map((d) => ({ dnsName: d.DnsName!, hostedZoneId: str(d.HostedZoneId) })),
          dnsOptions: dnsOptionsOf(e.DnsOptions),
          ipAddressType: str(e.IpAddressType),
          ipv4Prefixes: prefixesOf(e.Ipv4Prefixes),
          ipv6Prefixes: prefixesOf(e.Ipv6Prefixes),
          ownerId: str(e.OwnerId),
          requesterManaged: e.RequesterManaged === true,
          createdAt: e.CreationTimestamp && !Number.isNaN(new Date(e.CreationTimestamp).getTime()) ? new Date(e.CreationTimestamp).toISOString() : null,
          lastError: str(e.LastError?.Code) ? { code: e.LastError!.Code!, message: str(e.LastError!.Message) ?? '' } : null,
          tags,
        };
      },
    )
    .sort(byId);
}

/** The last path segment of an ARN: `arn:aws:vpc-lattice:...:servicenetwork/sn-0abc` -> `sn-0abc`. */
export function arnName(arn: string): string {
  const tail = arn.split(':').slice(5).join(':');
  const parts = tail.split('/');
  return parts[parts.length - 1] || arn;
}

/**
 * What a person calls an endpoint: its Name tag; else what it reaches: the service's short name for AWS
 * services, the resource configuration or service network for VPC Lattice endpoints, the service name for
 * a PrivateLink service of another account; else its id.
 */
export function endpointLabel(e: Pick<Endpoint, 'id' | 'name' | 'serviceName' | 'serviceShortName' | 'serviceNetworkArn' | 'resourceConfigurationArn'>): string {
  if (e.name && e.name !== e.id) return e.name;
  if (e.resourceConfigurationArn) return arnName(e.resourceConfigurationArn);
  if (e.serviceNetworkArn) return arnName(e.serviceNetworkArn);
  if (/^(?:com|cn\.com)\.amazonaws\./.test(e.serviceName) && !e.serviceName.includes('.vpce.')) return e.serviceShortName || e.id;
  return e.serviceName || e.id;
}
