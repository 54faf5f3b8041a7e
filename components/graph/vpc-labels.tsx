import { useStore, ViewportPortal } from '@xyflow/react';
import { memo } from 'react';

export interface VpcLabel {
  id: string;
  name: string;
  /** The VPC's box in graph coordinates. */
  x: number;
  y: number;
  width: number;
}

/**
 * Zoomed far out, the VPCs' names over their boxes, at a size that can be read (15 px on screen, smaller only when
 * the box is too narrow for it). A VPC's own header band is sized for the full-detail picture, so its name would
 * shrink to specks there; drawn in the viewport above the nodes, on the box's top border, it stays clear of the
 * AZ columns' headers. Text only: the pointer goes through to the boxes.
 */
function VpcLabelsView({ labels }: { labels: readonly VpcLabel[] }) {
  // Quantised like the nodes' scaled text, so a zoom gesture re-renders it rarely.
  const zoom = useStore((s) => Math.max(0.02, Math.round(s.transform[2] * 50) / 50));
  const inset = 10 / zoom;
  return (
    <ViewportPortal>
      {labels.map((l) => (
        <div
          key={l.id}
          data-testid="vpc-label"
          data-vpc-id={l.id}
          title={l.name}
          className="pointer-events-none absolute left-0 top-0 truncate rounded-md bg-white/90 px-[0.4em] py-[0.1em] font-semibold leading-tight text-indigo-900 shadow-sm ring-1 ring-indigo-200 dark:bg-slate-900/90 dark:text-indigo-100 dark:ring-indigo-800"
          style={{
            // Centred on the box's top border, like a fieldset's legend: clear of the AZs' own headers below it.
            transform: `translate(${l.x + inset}px, ${l.y}px) translateY(-50%)`,
            fontSize: Math.min(15 / zoom, l.width / 12),
            maxWidth: Math.max(0, l.width - 2 * inset),
            // Over the nodes and edges of the viewport, under the panels.
            zIndex: 5,
          }}
        >
          {l.name}
        </div>
      ))}
    </ViewportPortal>
  );
}

export const VpcLabels = memo(VpcLabelsView);
