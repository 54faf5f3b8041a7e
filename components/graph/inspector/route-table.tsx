import { serviceLabel } from '@/lib/aws/services';
import type { RouteTable } from '@/lib/topology/types';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, Ref, RefList, RoutesTable, Section, subnetCidrLabel, TagsTable } from './parts';

function RouteTablePanel({ resource: rt, index, onSelect, visible }: InspectorPanelProps & { resource: RouteTable }) {
  const effective = index.subnetsByTable.get(rt.id) ?? [];
  const implicit = effective.filter((s) => !s.explicitRouteTable);
  const endpoints = index.endpointsByTable.get(rt.id) ?? [];
  const subnetLabel = (sid: string) => subnetCidrLabel(index.subnets.get(sid));
  return (
    <>
      <Section title="Route table">
        <Fields
          rows={[
            ['Main', rt.main ? 'Yes: subnets without an explicit association use it' : 'No'],
            ['VPC', <Ref key="v" id={rt.vpcId} onSelect={onSelect} visible={visible} />],
          ]}
        />
      </Section>
      <Section title={`Routes (${rt.routes.length})`}>
        <RoutesTable routes={rt.routes} index={index} onSelect={onSelect} visible={visible} />
      </Section>
      <Section title="Explicit subnet associations">
        <RefList ids={rt.subnetIds} labels={new Map(rt.subnetIds.map((s) => [s, subnetLabel(s)]))} onSelect={onSelect} visible={visible} empty="None." />
      </Section>
      {rt.main ? (
        <Section title="Implicit associations (main table)">
          <RefList ids={implicit.map((s) => s.id)} labels={new Map(implicit.map((s) => [s.id, subnetLabel(s.id)]))} onSelect={onSelect} visible={visible} empty="None." />
        </Section>
      ) : null}
      {rt.gatewayIds.length > 0 ? (
        <Section title="Gateway associations">
          <RefList ids={rt.gatewayIds} onSelect={onSelect} visible={visible} empty="None." />
        </Section>
      ) : null}
      <Section title="Gateway endpoints">
        <RefList
          ids={endpoints.map((e) => e.id)}
          labels={new Map(endpoints.map((e) => [e.id, serviceLabel(e.serviceShortName)]))}
          onSelect={onSelect}
          visible={visible}
          empty="None: S3 and DynamoDB traffic from these subnets does not use a gateway endpoint."
        />
      </Section>
      <TagsTable tags={rt.tags} />
    </>
  );
}

/** A route table: its routes, the subnets that use it (explicitly or as the main table), its gateway endpoints. */
export const routeTablePanel = definePanel((id, index) => index.routeTables.get(id), RouteTablePanel);
