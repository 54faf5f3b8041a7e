'use client';

import '@xyflow/react/dist/style.css';

import { ReactFlow } from '@xyflow/react';
import { MIN_ZOOM } from '@/lib/graph/view-url';

export interface NaiveNode {
  id: string;
  parentId?: string;
  position: { x: number; y: number };
  width: number;
  height: number;
  type: 'group' | 'default';
  data: { label: string };
}

export interface NaiveEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

/** React Flow with its defaults, for the benchmark baseline (see page.tsx). */
export function NaiveFlow({ nodes, edges }: { nodes: NaiveNode[]; edges: NaiveEdge[] }) {
  return (
    <div style={{ width: '100%', height: '100%' }}>
      <ReactFlow nodes={nodes} edges={edges} fitView minZoom={MIN_ZOOM} />
    </div>
  );
}
