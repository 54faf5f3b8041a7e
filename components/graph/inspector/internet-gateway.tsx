import type { InternetGateway } from '@/lib/topology/types';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, RefList, RoutesPointingHere, Section, TagsTable } from './parts';

function InternetGatewayPanel({ resource: igw, index, onSelect, visible }: InspectorPanelProps & { resource: InternetGateway }) {
  return (
    <>
      <Section title="Internet gateway">
        <Fields rows={[['Attached to', igw.vpcIds.length === 0 ? 'Nothing (detached)' : <RefList key="v" ids={igw.vpcIds} onSelect={onSelect} visible={visible} empty="" />]]} />
      </Section>
      <RoutesPointingHere id={igw.id} index={index} onSelect={onSelect} visible={visible} />
      <TagsTable tags={igw.tags} />
    </>
  );
}

/** An internet gateway: the VPCs it is attached to and the routes that send traffic to it. */
export const internetGatewayPanel = definePanel((id, index) => index.internetGateways.get(id), InternetGatewayPanel);
