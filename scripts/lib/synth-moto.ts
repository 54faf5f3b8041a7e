/**
 * Replays a synthetic region (scripts/lib/synth.ts) into an EC2 API server through the AWS SDK, the way
 * a person would build it: VPCs, subnets, gateways, route tables with their associations and routes,
 * security groups, endpoints. The server picks its own ids; the replay maps ours to its.
 *
 * Meant for a local moto server only (`scripts/synth-to-moto.ts` refuses anything but loopback).
 * moto differences it steps around: a gateway endpoint adds its prefix-list routes itself (so those
 * routes are not replayed), and a new VPC comes with its main route table and default security group.
 */
// eslint-disable-next-line no-restricted-imports -- seeding a local moto server for the benchmark, never an AWS account
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateTransitGatewayCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  type IpPermission,
  type ResourceType,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { RegionBuilder, WRoute, WTag } from './region-builder';

/** Runs `fn` over `items` with at most `limit` calls in flight; resolves to the results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface ReplayStats {
  requests: number;
  ms: number;
  /** Our synthetic id -> the server's id, for every resource created or adopted. */
  idMap: Map<string, string>;
}

function tagSpec(type: ResourceType, tags: WTag[] | undefined) {
  const list = (tags ?? []).filter((t): t is Tag & { Key: string } => typeof t.Key === 'string');
  return list.length > 0 ? [{ ResourceType: type, Tags: list }] : undefined;
}

/** Creates everything `b` holds in the EC2 API behind `client`, with at most `concurrency` requests in flight. */
export async function replayIntoEc2(b: RegionBuilder, client: EC2Client, concurrency = 12): Promise<ReplayStats> {
  const started = performance.now();
  const idMap = new Map<string, string>();
  let requests = 0;
  // Counts every request the replay sends, retries excluded.
  client.middlewareStack.add(
    (next) => async (args) => {
      requests++;
      return next(args);
    },
    { step: 'initialize', name: 'atlasSynthRequestCount', override: true },
  );
  const map = (id: string | undefined): string => {
    const mapped = id === undefined ? undefined : idMap.get(id);
    if (mapped === undefined) throw new Error(`replay: nothing created yet for ${id}`);
    return mapped;
  };

  // VPCs, with DNS hostnames as the fixture says (DNS support is on by default).
  const attributes = new Map(b.vpcs.map((v) => [v.id, v.dnsHostnames]));
  await mapLimit(b.vpcWires, concurrency, async (v) => {
    const out = await client.send(
      new CreateVpcCommand({ CidrBlock: v.CidrBlock, TagSpecifications: tagSpec('vpc', v.Tags) }),
    );
    const id = out.Vpc?.VpcId;
    if (!id) throw new Error('CreateVpc returned no VpcId');
    idMap.set(v.VpcId ?? '', id);
    if (attributes.get(v.VpcId ?? '')) await client.send(new ModifyVpcAttributeCommand({ VpcId: id, EnableDnsHostnames: { Value: true } }));
  });

  // Subnets, internet gateways, security groups and transit gateways only need their VPC.
  const tgwIds = new Set<string>();
  for (const t of b.routeTables) for (const r of t.routes) if (r.TransitGatewayId) tgwIds.add(r.TransitGatewayId);
  await Promise.all([
    mapLimit(b.subnets, concurrency, async (s) => {
      const out = await client.send(
        new CreateSubnetCommand({
          VpcId: map(s.vpc.id),
          CidrBlock: s.cidr,
          AvailabilityZone: s.az,
          TagSpecifications: tagSpec('subnet', s.wire.Tags),
        }),
      );
      idMap.set(s.id, out.Subnet?.SubnetId ?? '');
    }),
    mapLimit(b.igws, concurrency, async (g) => {
      const out = await client.send(
        new CreateInternetGatewayCommand({ TagSpecifications: tagSpec('internet-gateway', g.Tags) }),
      );
      const id = out.InternetGateway?.InternetGatewayId ?? '';
      idMap.set(g.InternetGatewayId ?? '', id);
      for (const a of g.Attachments ?? []) await client.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: map(a.VpcId) }));
    }),
    mapLimit(b.sgWires, concurrency, async (g) => {
      if (g.GroupName === 'default') {
        // Every VPC has its default group already; its rules are the AWS defaults the fixture also has.
        return;
      }
      const out = await client.send(
        new CreateSecurityGroupCommand({
          VpcId: map(g.VpcId),
          GroupName: g.GroupName,
          Description: g.Description,
          TagSpecifications: tagSpec('security-group', g.Tags),
        }),
      );
      idMap.set(g.GroupId ?? '', out.GroupId ?? '');
    }),
    mapLimit([...tgwIds], concurrency, async (tgw) => {
      const out = await client.send(new CreateTransitGatewayCommand({ Description: 'synthetic hub' }));
      idMap.set(tgw, out.TransitGateway?.TransitGatewayId ?? '');
    }),
  ]);

  // Security group rules: CIDR rules only (the synthetic groups have no group references).
  await mapLimit(
    b.sgWires.filter((g) => g.GroupName !== 'default' && (g.IpPermissions ?? []).length > 0),
    concurrency,
    async (g) => {
      const perms: IpPermission[] = (g.IpPermissions ?? []).map((p) => ({
        IpProtocol: p.IpProtocol,
        FromPort: p.FromPort,
        ToPort: p.ToPort,
        IpRanges: p.IpRanges,
      }));
      await client.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: map(g.GroupId), IpPermissions: perms }));
    },
  );

  // NAT gateways, each with a new Elastic IP, in their public subnet.
  await mapLimit(b.natWires, concurrency, async (n) => {
    const eip = await client.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const out = await client.send(
      new CreateNatGatewayCommand({
        SubnetId: map(n.SubnetId),
        AllocationId: eip.AllocationId,
        TagSpecifications: tagSpec('natgateway', n.Tags),
      }),
    );
    idMap.set(n.NatGatewayId ?? '', out.NatGateway?.NatGatewayId ?? '');
  });

  // Route tables: adopt each VPC's main table, create the others, then associate and add routes.
  await mapLimit(b.routeTables, concurrency, async (t) => {
    if (t.main) {
      const out = await client.send(
        new DescribeRouteTablesCommand({
          Filters: [
            { Name: 'vpc-id', Values: [map(t.vpc.id)] },
            { Name: 'association.main', Values: ['true'] },
          ],
        }),
      );
      const id = out.RouteTables?.[0]?.RouteTableId;
      if (!id) throw new Error(`no main route table in ${map(t.vpc.id)}`);
      idMap.set(t.id, id);
      const tags = (t.wire.Tags ?? []).filter((x): x is Tag & { Key: string } => typeof x.Key === 'string');
      if (tags.length > 0) await client.send(new CreateTagsCommand({ Resources: [id], Tags: tags }));
    } else {
      const out = await client.send(
        new CreateRouteTableCommand({ VpcId: map(t.vpc.id), TagSpecifications: tagSpec('route-table', t.wire.Tags) }),
      );
      idMap.set(t.id, out.RouteTable?.RouteTableId ?? '');
    }
  });
  const associations = b.routeTables.flatMap((t) => t.associations.filter((a) => a.SubnetId).map((a) => ({ table: t.id, subnet: a.SubnetId as string })));
  const routes = b.routeTables.flatMap((t) =>
    t.routes
      // local routes come with the table; prefix-list routes come with the gateway endpoint.
      .filter((r) => r.GatewayId !== 'local' && !r.DestinationPrefixListId)
      .map((r) => ({ table: t.id, route: r })),
  );
  await Promise.all([
    mapLimit(associations, concurrency, (a) => client.send(new AssociateRouteTableCommand({ RouteTableId: map(a.table), SubnetId: map(a.subnet) }))),
    mapLimit(routes, concurrency, ({ table, route }) => client.send(new CreateRouteCommand({ RouteTableId: map(table), ...routeTarget(route, map) }))),
  ]);

  // Endpoints last: they need route tables, subnets and security groups.
  await mapLimit(b.endpointWires, concurrency, async (e) => {
    const type = e.VpcEndpointType === 'Gateway' ? 'Gateway' : 'Interface';
    const out = await client.send(
      new CreateVpcEndpointCommand({
        VpcId: map(e.VpcId),
        ServiceName: e.ServiceName,
        VpcEndpointType: type,
        PolicyDocument: e.PolicyDocument,
        ...(type === 'Gateway'
          ? { RouteTableIds: (e.RouteTableIds ?? []).map(map) }
          : {
              SubnetIds: (e.SubnetIds ?? []).map(map),
              SecurityGroupIds: (e.Groups ?? []).map((g) => map(g.GroupId)),
              PrivateDnsEnabled: e.PrivateDnsEnabled,
            }),
        TagSpecifications: tagSpec('vpc-endpoint', e.Tags),
      }),
    );
    idMap.set(e.VpcEndpointId ?? '', out.VpcEndpoint?.VpcEndpointId ?? '');
  });

  return { requests, ms: performance.now() - started, idMap };
}

function routeTarget(r: WRoute, map: (id: string | undefined) => string) {
  const dest = r.DestinationIpv6CidrBlock ? { DestinationIpv6CidrBlock: r.DestinationIpv6CidrBlock } : { DestinationCidrBlock: r.DestinationCidrBlock };
  if (r.NatGatewayId) return { ...dest, NatGatewayId: map(r.NatGatewayId) };
  if (r.TransitGatewayId) return { ...dest, TransitGatewayId: map(r.TransitGatewayId) };
  if (r.GatewayId) return { ...dest, GatewayId: map(r.GatewayId) };
  if (r.VpcPeeringConnectionId) throw new Error('replay: peering routes are not supported');
  throw new Error(`replay: a route to ${JSON.stringify(r)} has no target this replay knows`);
}
