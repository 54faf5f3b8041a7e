import { SubnetPaths } from '@/components/analysis/subnet-paths';
import type { Subnet } from '@/lib/topology/types';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, Mono, Ref, RefList, RoutesTable, Section, TagsTable, type Row } from './parts';

function SubnetPanel({
  resource: subnet,
  index,
  nodes,
  onSelect,
  visible,
  paths,
  pathsAvailable,
  pathNames,
  selectedPath,
  onSelectPath,
}: InspectorPanelProps & { resource: Subnet }) {
  const id = subnet.id;
  const rt = subnet.routeTableId ? index.routeTables.get(subnet.routeTableId) : undefined;
  const nats = index.natGatewaysBySubnet.get(id) ?? [];
  const enis = (index.networkInterfacesBySubnet.get(id) ?? []).filter((e) => e.endpointId !== null || nodes.get(e.id)?.kind === 'endpointEni');
  return (
    <>
      <Section title="Subnet">
        <Fields
          rows={[
            ['CIDR', <Mono key="c">{subnet.cidr}</Mono>],
            ...(subnet.ipv6Cidrs.length > 0 ? ([['IPv6 CIDRs', <Mono key="6">{subnet.ipv6Cidrs.join(', ')}</Mono>]] as Row[]) : []),
            ['Availability zone', `${subnet.az}${subnet.azId ? ` (${subnet.azId})` : ''}${subnet.zoneType !== 'availability-zone' ? ` · ${subnet.zoneType}` : ''}`],
            ...(subnet.ipv6Native
              ? ([['Addressing', `IPv6-only${subnet.enableDns64 ? ' · DNS64 on' : ''}`]] as Row[])
              : ([['Free IPs', subnet.availableIps === null ? 'Unknown' : String(subnet.availableIps)]] as Row[])),
            ['Reachability', subnet.public ? 'Public: default route to an internet gateway' : 'Private'],
            ['Auto-assign public IP', subnet.mapPublicIpOnLaunch ? 'Yes' : 'No'],
            ['VPC', <Ref key="v" id={subnet.vpcId} onSelect={onSelect} visible={visible} />],
          ]}
        />
      </Section>
      <section className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
        {paths.length > 0 ? (
          <>
            <SubnetPaths paths={paths} names={pathNames} selectedService={selectedPath} {...(onSelectPath ? { onSelectService: onSelectPath } : {})} />
            <p className="mt-1.5 text-xs text-slate-500 dark:text-slate-400">Select a row to highlight the path on the graph.</p>
          </>
        ) : (
          <p data-testid="subnet-paths-missing" className="text-sm text-slate-500 dark:text-slate-400">
            {pathsAvailable ? 'No paths to resolve for this subnet.' : 'Working out how this subnet reaches AWS services…'}
          </p>
        )}
      </section>
      <Section title="Route table">
        {subnet.routeTableId ? (
          <>
            <p className="mb-2 text-sm">
              <Ref id={subnet.routeTableId} onSelect={onSelect} visible={visible} {...(rt?.name ? { label: rt.name } : {})} />
              <span className="text-slate-600 dark:text-slate-300">
                {subnet.explicitRouteTable ? ' — explicit association' : " — implicit, through the VPC's main route table"}
              </span>
            </p>
            {rt ? <RoutesTable routes={rt.routes} index={index} onSelect={onSelect} visible={visible} /> : null}
          </>
        ) : (
          <p className="text-sm text-slate-500">No route table found.</p>
        )}
      </Section>
      {nats.length > 0 ? (
        <Section title="NAT gateways">
          <RefList ids={nats.map((n) => n.id)} labels={new Map(nats.map((n) => [n.id, n.publicIps.join(', ') || n.state]))} onSelect={onSelect} visible={visible} empty="None." />
        </Section>
      ) : null}
      <Section title="Endpoint network interfaces">
        <RefList
          ids={enis.map((e) => e.id)}
          labels={new Map(enis.map((e) => [e.id, [e.privateIp, e.endpointId].filter(Boolean).join(' · ')]))}
          onSelect={onSelect}
          visible={visible}
          empty="No interface endpoint has a network interface here."
        />
      </Section>
      <TagsTable tags={subnet.tags} />
    </>
  );
}

/** A subnet: its addresses, how it reaches AWS services, its route table, and what sits in it. */
export const subnetPanel = definePanel((id, index) => index.subnets.get(id), SubnetPanel);
