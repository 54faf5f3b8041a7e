import type { ExternalGraphNode } from '@/lib/graph/types';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, RoutesPointingHere, Section } from './parts';

function ExternalPanel({ id, resource: node, index, onSelect, visible }: InspectorPanelProps & { resource: ExternalGraphNode }) {
  return (
    <>
      <Section title="Route target">
        <Fields
          rows={[
            ['Kind', node.data.label],
            ['Status', node.data.missing ? 'Gone: routes to it drop traffic (blackhole)' : 'Outside this VPC'],
          ]}
        />
      </Section>
      {/* A blackhole whose target AWS no longer names has a synthetic id that no route points at. */}
      <RoutesPointingHere id={id.includes('/blackhole/') ? '' : id} index={index} onSelect={onSelect} visible={visible} />
    </>
  );
}

/** A route target outside the drawn VPC (peering, transit gateway, ...) or one that is gone. */
export const externalPanel = definePanel((_id, _index, node) => (node?.kind === 'external' ? node : undefined), ExternalPanel);
