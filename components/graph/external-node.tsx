import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NodeCard } from './node-parts';
import type { ExternalNode as ExternalNodeType } from './types';

function ExternalNodeView({ id, data, selected }: NodeProps<ExternalNodeType>) {
  // Blackhole placeholders have a synthetic id (`rtb-.../blackhole/10.0.0.0/8`); show what AWS would call it.
  const shownId = id.includes('/blackhole/') ? 'target deleted' : id;
  return (
    <NodeCard
      kind="external"
      title={data.missing ? `${data.label} (gone)` : data.label}
      subtitle={<span className="truncate font-mono">{shownId}</span>}
      selected={selected}
      danger={data.missing}
      dashed
      findings={data.findings}
      mark={data.mark}
    />
  );
}

export const ExternalNode = memo(ExternalNodeView);
