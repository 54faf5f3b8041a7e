import type { AzGraphNode } from '@/lib/graph/types';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, Ref, RefList, Section, subnetCidrLabel } from './parts';

function AzPanel({ resource: node, index, onSelect, visible }: InspectorPanelProps & { resource: AzGraphNode }) {
  const subnets = [...index.subnets.values()].filter((s) => s.vpcId === node.data.vpcId && s.az === node.data.az);
  return (
    <>
      <Section title="Availability zone">
        <Fields
          rows={[
            ['Zone', `${node.data.az}${node.data.azId ? ` (${node.data.azId})` : ''}`],
            ['VPC', <Ref key="v" id={node.data.vpcId} onSelect={onSelect} visible={visible} />],
          ]}
        />
      </Section>
      <Section title={`Subnets (${subnets.length})`}>
        <RefList ids={subnets.map((s) => s.id)} labels={new Map(subnets.map((s) => [s.id, subnetCidrLabel(s)]))} onSelect={onSelect} visible={visible} empty="None." />
      </Section>
    </>
  );
}

/** An availability zone group of the graph (AWS has no id for it): its zone id and the VPC's subnets in it. */
export const azPanel = definePanel((_id, _index, node) => (node?.kind === 'az' ? node : undefined), AzPanel);
