import { memo } from 'react';
import { EdgeLabelRenderer, getSmoothStepPath, Position, type EdgeProps } from '@xyflow/react';
import type { AtlasEdge } from './types';

/**
 * The one edge type: an orthogonal line with rounded corners whose turn sits where the layout put it (in a lane
 * of the gap between two layers), its arrowhead, and an optional label as HTML above the boxes. Two `<path>`s
 * and no interaction path (edges are not selectable) nor SVG marker (React Flow re-derives its marker
 * definitions from every edge on each store update, which costs more than drawing the heads here).
 */
/** A filled arrowhead whose tip touches the target's side, pointing into it. */
function arrowHead(x: number, y: number, side: Position, size: number): string {
  const w = size * 0.55;
  switch (side) {
    case Position.Left:
      return `M${x},${y}L${x - size},${y - w}L${x - size},${y + w}Z`;
    case Position.Right:
      return `M${x},${y}L${x + size},${y - w}L${x + size},${y + w}Z`;
    case Position.Top:
      return `M${x},${y}L${x - w},${y - size}L${x + w},${y - size}Z`;
    default:
      return `M${x},${y}L${x - w},${y + size}L${x + w},${y + size}Z`;
  }
}

function AtlasEdgeView({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, style, label }: EdgeProps<AtlasEdge>) {
  const sideways = sourcePosition === Position.Left || sourcePosition === Position.Right;
  const bend = data?.bend;
  const [path] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    borderRadius: 8,
    offset: 12,
    ...(bend === undefined ? {} : sideways ? { centerX: bend } : { centerY: bend }),
  });
  let labelStyle: { transform: string } | null = null;
  if (label) {
    const atSource = data?.labelAt === 'source';
    const x = atSource ? sourceX : targetX;
    const y = atSource ? sourceY : targetY;
    const position = atSource ? sourcePosition : targetPosition;
    // Beside the end it belongs to, outside the box, clear of the arrowhead.
    const transform =
      position === Position.Left
        ? `translate(-100%, -50%) translate(${x - 16}px, ${y}px)`
        : position === Position.Right
          ? `translate(0, -50%) translate(${x + 16}px, ${y}px)`
          : position === Position.Top
            ? `translate(-50%, -100%) translate(${x}px, ${y - 16}px)`
            : `translate(-50%, 0) translate(${x}px, ${y + 16}px)`;
    labelStyle = { transform };
  }
  return (
    <>
      <path d={path} fill="none" className="react-flow__edge-path" style={style} />
      <path d={arrowHead(targetX, targetY, targetPosition, 4 + Number(style?.strokeWidth ?? 1.5) * 2.4)} fill={style?.stroke} stroke="none" className="atlas-edge-arrow" />
      {labelStyle ? (
        <EdgeLabelRenderer>
          <div className="atlas-edge-label" style={{ ...labelStyle, color: style?.stroke }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const AtlasEdgeComponent = memo(AtlasEdgeView);
