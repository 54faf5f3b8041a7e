'use client';

import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useEffect, useRef, type PointerEvent } from 'react';
import type { Box } from '@/lib/graph/geometry';
import type { NodeKind } from '@/lib/graph/types';
import { KIND_STYLE } from './kind-style';

export interface GraphOverviewProps {
  /** Absolute boxes of the laid-out nodes, with their kinds. */
  boxes: readonly (Box & { kind: NodeKind })[];
  width: number;
  height: number;
  /** Called when a click or drag on the minimap has moved the view. */
  onMoved?: () => void;
}

const SIZE = 200;
const GROUP_FILL: Partial<Record<NodeKind, string>> = {
  vpc: 'rgba(129,140,248,0.16)',
  az: 'rgba(148,163,184,0.22)',
  subnet: 'rgba(96,165,250,0.45)',
};

/**
 * The minimap: the whole layout painted once on a `<canvas>` (one fill per box, no element nor store subscription
 * per node, unlike React Flow's MiniMap, which re-renders a component per node on every change), and the
 * viewport as a rectangle that follows the pan and zoom. Click or drag on it to move there.
 */
function GraphOverviewView({ boxes, width, height, onMoved }: GraphOverviewProps) {
  const scale = SIZE / Math.max(width, height, 1);
  const w = Math.max(40, Math.round(width * scale));
  const h = Math.max(40, Math.round(height * scale));
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio * (w / width), 0, 0, ratio * (h / height), 0, 0);
    ctx.clearRect(0, 0, width, height);
    for (const b of boxes) {
      ctx.fillStyle = GROUP_FILL[b.kind] ?? KIND_STYLE[b.kind].minimap;
      ctx.fillRect(b.x, b.y, b.width, b.height);
    }
  }, [boxes, width, height, w, h]);
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <div
      data-testid="graph-overview"
      className="overflow-hidden rounded-lg border border-slate-200 bg-white/90 shadow-sm dark:border-slate-700 dark:bg-slate-900/90"
      style={{ width: w + 8, height: h + 8, padding: 4 }}
    >
      <div className="relative" style={{ width: w, height: h }}>
        <canvas ref={canvas} width={Math.round(w * ratio)} height={Math.round(h * ratio)} style={{ width: w, height: h }} className="absolute inset-0" />
        <svg role="img" aria-label="Minimap" width={w} height={h} viewBox={`0 0 ${width} ${height}`} className="absolute inset-0 block">
          <ViewportRect width={width} height={height} {...(onMoved ? { onMoved } : {})} />
        </svg>
      </div>
    </div>
  );
}

const transformSelector = (s: ReactFlowState) => ({ tx: s.transform[0], ty: s.transform[1], zoom: s.transform[2], w: s.width, h: s.height });

function ViewportRect({ width, height, onMoved }: { width: number; height: number; onMoved?: () => void }) {
  const flow = useReactFlow();
  const { tx, ty, zoom, w, h } = useStore(transformSelector, (a, b) => a.tx === b.tx && a.ty === b.ty && a.zoom === b.zoom && a.w === b.w && a.h === b.h);
  const dragging = useRef(false);
  const moveTo = useCallback(
    (e: PointerEvent<SVGRectElement>) => {
      const svg = e.currentTarget.ownerSVGElement;
      if (!svg) return;
      const r = svg.getBoundingClientRect();
      const gx = ((e.clientX - r.left) / r.width) * width;
      const gy = ((e.clientY - r.top) / r.height) * height;
      void flow.setCenter(gx, gy, { zoom });
    },
    [flow, width, height, zoom],
  );
  const x = -tx / zoom;
  const y = -ty / zoom;
  const vw = w / zoom;
  const vh = h / zoom;
  const stroke = Math.max(width, height) / 120;
  return (
    <>
      <rect
        x={0}
        y={0}
        width={width}
        height={height}
        fill="transparent"
        className="cursor-pointer"
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (dragging.current) moveTo(e);
        }}
        onPointerUp={() => {
          dragging.current = false;
          onMoved?.();
        }}
      />
      <rect
        x={x}
        y={y}
        width={vw}
        height={vh}
        fill="rgba(14,165,233,0.08)"
        stroke="#0ea5e9"
        strokeWidth={stroke}
        pointerEvents="none"
      />
    </>
  );
}

export const GraphOverview = memo(GraphOverviewView);
