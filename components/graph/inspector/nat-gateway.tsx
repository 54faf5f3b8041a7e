import type { NatGateway } from '@/lib/topology/types';
import { stateTone } from '../format';
import { Badge } from '../node-parts';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, Mono, Ref, RoutesPointingHere, Section, TagsTable, type Row } from './parts';
import { TrafficSection } from './traffic';

function NatGatewayPanel({ resource: nat, index, onSelect, visible }: InspectorPanelProps & { resource: NatGateway }) {
  return (
    <>
      <Section title="NAT gateway">
        <Fields
          rows={[
            ['State', <Badge key="s" tone={stateTone(nat.state)}>{nat.state}</Badge>],
            ['Connectivity', nat.connectivityType === 'private' ? 'Private: translates to other private networks, never to the internet' : nat.connectivityType],
            ...(nat.availabilityMode === 'regional'
              ? ([
                  ['Availability', `Regional: ${nat.azs.join(', ') || 'no AZ yet'}`],
                  ...(nat.routeTableId ? ([['Route table', <Ref key="r" id={nat.routeTableId} onSelect={onSelect} visible={visible} />]] as Row[]) : []),
                ] as Row[])
              : ([['Subnet', <Ref key="s" id={nat.subnetId} onSelect={onSelect} visible={visible} />]] as Row[])),
            ['Public IPs', <Mono key="p">{nat.publicIps.join(', ') || '—'}</Mono>],
            ['Private IPs', <Mono key="q">{nat.privateIps.join(', ') || '—'}</Mono>],
          ]}
        />
      </Section>
      <TrafficSection id={nat.id} kind="nat-gateway" vpcId={nat.vpcId} />
      <RoutesPointingHere id={nat.id} index={index} onSelect={onSelect} visible={visible} />
      <TagsTable tags={nat.tags} />
    </>
  );
}

/** A NAT gateway: its state, subnet and addresses, and the routes that send traffic to it. */
export const natGatewayPanel = definePanel((id, index) => index.natGateways.get(id), NatGatewayPanel);
