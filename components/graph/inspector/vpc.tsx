import { serviceLabel } from '@/lib/aws/services';
import type { Vpc } from '@/lib/topology/types';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, Mono, RefList, Section, TagsTable, type Row } from './parts';

function VpcPanel({ resource: vpc, index, onSelect, visible }: InspectorPanelProps & { resource: Vpc }) {
  const id = vpc.id;
  const tables = [...index.routeTables.values()].filter((rt) => rt.vpcId === id);
  const endpoints = [...index.endpoints.values()].filter((e) => e.vpcId === id);
  const igws = [...index.internetGateways.values()].filter((g) => g.vpcIds.includes(id));
  return (
    <>
      <Section title="VPC">
        <Fields
          rows={[
            ['IPv4 CIDRs', <Mono key="c">{vpc.cidrBlocks.join(', ') || '—'}</Mono>],
            ...(vpc.ipv6CidrBlocks.length > 0 ? ([['IPv6 CIDRs', <Mono key="6">{vpc.ipv6CidrBlocks.join(', ')}</Mono>]] as Row[]) : []),
            ['State', vpc.state],
            ['Default VPC', vpc.isDefault ? 'Yes' : 'No'],
            ['DNS support', vpc.dnsSupport === null ? 'Unknown' : vpc.dnsSupport ? 'Enabled' : 'Disabled'],
            ['DNS hostnames', vpc.dnsHostnames === null ? 'Unknown' : vpc.dnsHostnames ? 'Enabled' : 'Disabled'],
            ...(vpc.ownerId ? ([['Owner', <Mono key="o">{vpc.ownerId}</Mono>]] as Row[]) : []),
          ]}
        />
      </Section>
      <Section title="Endpoints">
        <RefList
          ids={endpoints.map((e) => e.id)}
          labels={new Map(endpoints.map((e) => [e.id, `${serviceLabel(e.serviceShortName)} (${e.type})`]))}
          onSelect={onSelect}
          visible={visible}
          empty="No VPC endpoints: traffic to AWS services follows the routes (NAT, internet gateway, or out of the VPC)."
        />
      </Section>
      <Section title="Route tables">
        <RefList ids={tables.map((t) => t.id)} labels={new Map(tables.map((t) => [t.id, `${t.name}${t.main ? ' (main)' : ''}`]))} onSelect={onSelect} visible={visible} empty="None." />
      </Section>
      {igws.length > 0 ? (
        <Section title="Internet gateways">
          <RefList ids={igws.map((g) => g.id)} onSelect={onSelect} visible={visible} empty="None." />
        </Section>
      ) : null}
      <TagsTable tags={vpc.tags} />
    </>
  );
}

/** A VPC: its CIDRs and DNS settings, and the endpoints, route tables and gateways in it. */
export const vpcPanel = definePanel((id, index) => index.vpcs.get(id), VpcPanel);
