/**
 * A link preview picture, drawn by next/og (Satori) on the server: a header with what the link shows, and the
 * laid-out diagram as boxes and lines. Satori understands a subset of CSS: every element with more than one
 * child needs `display: flex`, and positions are absolute pixels.
 */

import { KIND_STYLE } from '@/components/graph/kind-style';
import { EDGE_COLOR } from '@/components/graph/kind-style';
import type { NodeKind } from '@/lib/graph/types';
import type { DiagramPreview, PreviewBox, PreviewLine } from '@/lib/share/preview';

export const PREVIEW_SIZE = { width: 1200, height: 630 };
export const PREVIEW_HEADER = 116;
export const PREVIEW_MARGIN = 28;
/** The notice strip's height: it fits in the bottom margin. */
const PREVIEW_NOTICE = PREVIEW_MARGIN;

const GROUP_FILL: Partial<Record<NodeKind, string>> = { vpc: '#eef2ff', az: '#f8fafc', subnet: '#eff6ff' };

function lineColor(l: PreviewLine): string {
  if (l.blackhole) return EDGE_COLOR.blackhole;
  if (l.kind === 'association') return EDGE_COLOR.association;
  if (l.kind === 'endpointEni') return EDGE_COLOR.endpointEni;
  return EDGE_COLOR.route;
}

function Box({ box, scale }: { box: PreviewBox; scale: number }) {
  const font = Math.max(9, Math.min(18, Math.round(15 * scale * 1.6)));
  const roomForText = box.height >= font * 1.4 && box.width >= font * 4;
  const twoLines = !box.group && box.height >= font * 2.8;
  return (
    <div
      style={{
        position: 'absolute',
        left: box.x,
        top: box.y,
        width: box.width,
        height: box.height,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: box.group ? 'flex-start' : 'center',
        padding: box.group ? `${Math.max(2, Math.round(6 * scale * 1.6))}px ${Math.max(3, Math.round(8 * scale * 1.6))}px` : `0 ${Math.max(3, Math.round(8 * scale))}px`,
        border: `${box.group ? 1.5 : 2}px solid ${KIND_STYLE[box.kind].minimap}`,
        borderRadius: box.kind === 'vpc' ? 10 : 6,
        background: box.group ? (GROUP_FILL[box.kind] ?? '#ffffff') : '#ffffff',
        overflow: 'hidden',
      }}
    >
      {roomForText ? (
        <div style={{ display: 'block', fontSize: font, fontWeight: 600, color: '#0f172a', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{box.title}</div>
      ) : null}
      {roomForText && twoLines && box.subtitle ? (
        <div style={{ display: 'block', fontSize: Math.max(8, font - 3), color: '#475569', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{box.subtitle}</div>
      ) : null}
    </div>
  );
}

export interface PreviewCardProps {
  title: string;
  /** One line of facts: "Snapshot · us-east-1 · fixture · captured 2025-01-01 10:00 UTC". */
  facts: string;
  diagram: DiagramPreview | null;
  /** Shown instead of a diagram (nothing to draw, or the layout failed). */
  emptyText?: string;
  /** A value of the link that was not used ("Ignored region: …; showing us-east-1."): a strip along the bottom edge. */
  notice?: string | undefined;
}

/** The 1200 × 630 Open Graph picture. */
export function PreviewCard({ title, facts, diagram, emptyText = 'No VPCs to draw.', notice }: PreviewCardProps) {
  const groups = diagram?.boxes.filter((b) => b.group) ?? [];
  const leaves = diagram?.boxes.filter((b) => !b.group) ?? [];
  return (
    <div style={{ position: 'relative', width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#f8fafc', fontFamily: 'sans-serif' }}>
      <div
        style={{
          height: PREVIEW_HEADER,
          display: 'flex',
          alignItems: 'center',
          gap: 22,
          padding: `0 ${PREVIEW_MARGIN + 8}px`,
          background: '#ffffff',
          borderBottom: '1px solid #e2e8f0',
        }}
      >
        <svg width="64" height="64" viewBox="0 0 32 32">
          <rect width="32" height="32" rx="7" fill="#0f766e" />
          <circle cx="9" cy="10" r="3.5" fill="#fff" />
          <circle cx="23" cy="10" r="3.5" fill="#fff" />
          <circle cx="16" cy="23" r="3.5" fill="#fff" />
          <path d="M9 10L16 23L23 10" stroke="#fff" strokeWidth="2" fill="none" />
        </svg>
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
          <div style={{ display: 'flex', fontSize: 40, fontWeight: 700, color: '#0f172a', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {title}
          </div>
          <div style={{ display: 'flex', fontSize: 24, color: '#475569', marginTop: 4 }}>{facts}</div>
        </div>
        <div style={{ display: 'flex', fontSize: 22, fontWeight: 600, color: '#0f766e' }}>vpc-atlas</div>
      </div>
      <div style={{ position: 'relative', display: 'flex', flex: 1, margin: PREVIEW_MARGIN }}>
        {diagram && diagram.boxes.length > 0 ? (
          <div style={{ position: 'absolute', left: 0, top: 0, width: diagram.width, height: diagram.height, display: 'flex' }}>
            {groups.map((b) => (
              <Box key={b.id} box={b} scale={diagram.scale} />
            ))}
            <svg width={diagram.width} height={diagram.height} style={{ position: 'absolute', left: 0, top: 0 }}>
              {diagram.lines.map((l, i) => (
                <line
                  key={i}
                  x1={l.x1}
                  y1={l.y1}
                  x2={l.x2}
                  y2={l.y2}
                  stroke={lineColor(l)}
                  strokeWidth={Math.max(1, 2 * Math.min(1, diagram.scale * 1.6))}
                  strokeDasharray={l.dashed || l.blackhole ? '6 4' : undefined}
                />
              ))}
            </svg>
            {leaves.map((b) => (
              <Box key={b.id} box={b} scale={diagram.scale} />
            ))}
          </div>
        ) : (
          <div style={{ display: 'flex', flex: 1, alignItems: 'center', justifyContent: 'center', fontSize: 32, color: '#64748b' }}>{emptyText}</div>
        )}
      </div>
      {notice ? (
        // Over the bottom margin, clear of the diagram.
        <div
          style={{
            position: 'absolute',
            left: 0,
            right: 0,
            bottom: 0,
            height: PREVIEW_NOTICE,
            display: 'block',
            padding: `0 ${PREVIEW_MARGIN + 8}px`,
            lineHeight: `${PREVIEW_NOTICE}px`,
            fontSize: 17,
            color: '#92400e',
            background: '#fef3c7',
            borderTop: '1px solid #fcd34d',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {/* It echoes the link: control characters out, or the renderer, finding no glyph, fetches a web font. */}
          {notice.replace(/\p{Cc}/gu, '')}
        </div>
      ) : null}
    </div>
  );
}
