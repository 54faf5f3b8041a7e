import type { NetworkInterface } from '@/lib/topology/types';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, Mono, Ref, SecurityGroups, Section, TagsTable, type Row } from './parts';

function NetworkInterfacePanel({ resource: eni, index, onSelect, visible }: InspectorPanelProps & { resource: NetworkInterface }) {
  return (
    <>
      <Section title="Network interface">
        <Fields
          rows={[
            ['Private IPs', <Mono key="p">{(eni.privateIps.length > 0 ? eni.privateIps : [eni.privateIp ?? '—']).join(', ')}</Mono>],
            ['Subnet', <Ref key="s" id={eni.subnetId} onSelect={onSelect} visible={visible} />],
            ['Availability zone', eni.az],
            ...(eni.endpointId ? ([['Endpoint', <Ref key="e" id={eni.endpointId} onSelect={onSelect} visible={visible} />]] as Row[]) : []),
            ['Status', eni.status],
            ['Type', eni.interfaceType],
            ...(eni.description ? ([['Description', eni.description]] as Row[]) : []),
          ]}
        />
      </Section>
      <Section title="Security groups">
        <SecurityGroups ids={eni.securityGroupIds} index={index} />
      </Section>
      <TagsTable tags={eni.tags} />
    </>
  );
}

/**
 * Any network interface of the topology, not only an endpoint's: a route may target an ENI the graph draws as an
 * external target, and this panel then describes it.
 */
export const endpointEniPanel = definePanel((id, index) => index.networkInterfaces.get(id), NetworkInterfacePanel);
