'use client';

import { useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type PointerEvent } from 'react';
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

/** Where the viewport's rectangle goes on the minimap for React Flow's pan, zoom and pane size. */
export function viewportRect(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): { x: number; y: number; width: number; height: number } {
  const [tx, ty, zoom] = s.transform;
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
}

/**
 * The viewport's rectangle follows the pan and zoom by setting its attributes from a store subscription, not by a
 * React render: a pan changes the transform on every frame, and a render and commit per frame is time the frame
 * does not have on a big graph.
 */
function ViewportRect({ width, height, onMoved }: { width: number; height: number; onMoved?: () => void }) {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const rect = useRef<SVGRectElement>(null);
  const dragging = useRef(false);
  useLayoutEffect(() => {
    let last = '';
    const place = (s: ReactFlowState) => {
      const el = rect.current;
      if (!el) return;
      const r = viewportRect(s);
      const key = `${r.x} ${r.y} ${r.width} ${r.height}`;
      if (key === last) return;
      last = key;
      el.setAttribute('x', String(r.x));
      el.setAttribute('y', String(r.y));
      el.setAttribute('width', String(Math.max(0, r.width)));
      el.setAttribute('height', String(Math.max(0, r.height)));
    };
    place(flowStore.getState());
    return flowStore.subscribe(place);
  }, [flowStore]);
  const moveTo = useCallback(
    (e: PointerEvent<SVGRectElement>) => {
      const svg = e.currentTarget.ownerSVGElement;
      if (!svg) return;
      const r = svg.getBoundingClientRect();
      const gx = ((e.clientX - r.left) / r.width) * width;
      const gy = ((e.clientY - r.top) / r.height) * height;
      void flow.setCenter(gx, gy, { zoom: flowStore.getState().transform[2] });
    },
    [flow, flowStore, width, height],
  );
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
      <rect ref={rect} data-testid="minimap-viewport" fill="rgba(14,165,233,0.08)" stroke="#0ea5e9" strokeWidth={stroke} pointerEvents="none" />
    </>
  );
}

export const GraphOverview = memo(GraphOverviewView);
