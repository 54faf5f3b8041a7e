import type { DiffMarks } from '@/lib/share/diff';

export const DIFF_COLOR = { added: '#16a34a', removed: '#dc2626', changed: '#d97706' } as const;

// Ids are AWS ids and `a->b` edge ids; inside a quoted attribute selector only `"` and `\` need escaping.
const q = (id: string) => `"${id.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/**
 * Colours the compared graph: a stylesheet that marks nodes and edges by their `data-id`, which React Flow puts
 * on every node and edge it draws. Until the canvas takes a `diff` prop itself, this is how the marks reach it
 * without the canvas knowing about comparisons.
 */
export function DiffStyle({ nodes, edges }: { nodes: DiffMarks; edges: DiffMarks }) {
  const rules: string[] = [];
  for (const kind of ['added', 'removed', 'changed'] as const) {
    const color = DIFF_COLOR[kind];
    const nodeSel = nodes[kind].map((id) => `.atlas-graph .react-flow__node[data-id=${q(id)}]`);
    if (nodeSel.length) {
      rules.push(
        `${nodeSel.map((s) => `${s} > *`).join(',\n')} { outline: 3px ${kind === 'removed' ? 'dashed' : 'solid'} ${color}; outline-offset: 3px; }`,
        `${nodeSel.join(',\n')} { overflow: visible; }`,
        `${nodeSel.map((s) => `${s}::after`).join(',\n')} { content: "${kind}"; position: absolute; top: -11px; right: 10px; z-index: 5; padding: 0 5px; border-radius: 4px; font: 600 10px/16px ui-sans-serif, system-ui, sans-serif; letter-spacing: 0.02em; text-transform: uppercase; color: #fff; background: ${color}; pointer-events: none; }`,
      );
      if (kind === 'removed') rules.push(`${nodeSel.map((s) => `${s} > *`).join(',\n')} { opacity: 0.7; }`);
    }
    const edgeSel = edges[kind].map((id) => `.atlas-graph .react-flow__edge[data-id=${q(id)}] .react-flow__edge-path`);
    if (edgeSel.length) {
      rules.push(
        `${edgeSel.join(',\n')} { stroke: ${color} !important; stroke-width: 3px !important;${kind === 'removed' ? ' stroke-dasharray: 6 4 !important;' : ''} }`,
      );
    }
  }
  if (rules.length === 0) return null;
  return <style data-testid="diff-style">{rules.join('\n')}</style>;
}
