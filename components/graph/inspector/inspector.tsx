'use client';

/**
 * The side panel: everything known about the selected resource, straight from the topology. Related resources
 * are buttons that move the selection. Every value is rendered as text; names and tags come from users.
 * The body is the selected kind's panel (`panels.ts`); the header and the findings are the same for every kind.
 */

import { X } from 'lucide-react';
import { memo, useCallback } from 'react';
import { serviceLabel } from '@/lib/aws/services';
import type { TopologyIndex } from '@/lib/graph/topology-index';
import type { GraphNode } from '@/lib/graph/types';
import { cx } from '../format';
import { useGraph, useGraphStore } from '../graph-store';
import { KIND_STYLE } from '../kind-style';
import { KindChip } from '../node-parts';
import { FindingsSection } from './findings-section';
import type { InspectorPanelProps } from './panel';
import { INSPECTOR_PANELS, panelKind } from './panels';
import { Section } from './parts';
import { InspectorShell } from './shell';

/** The panel of the kind that describes `id`, or a "not found" note. */
function PanelBody(props: InspectorPanelProps) {
  const kind = panelKind(props.id, props.index, props.node);
  if (kind) return INSPECTOR_PANELS[kind].render(props);
  return (
    <Section title="Not found">
      <p className="text-sm text-slate-600 dark:text-slate-300">Nothing with this id is in the loaded topology.</p>
    </Section>
  );
}

function nameOf(id: string, node: GraphNode | undefined, index: TopologyIndex): string {
  const named =
    index.vpcs.get(id) ?? index.subnets.get(id) ?? index.routeTables.get(id) ?? index.endpoints.get(id) ?? index.internetGateways.get(id) ?? index.natGateways.get(id);
  if (named?.name) return named.name;
  const ep = index.endpoints.get(id);
  if (ep) return serviceLabel(ep.serviceShortName);
  if (node?.kind === 'az') return node.data.az;
  if (node?.kind === 'external') return node.data.label;
  const eni = index.networkInterfaces.get(id);
  if (eni?.privateIp) return eni.privateIp;
  return '';
}

/** The inspector panel for the selected node; reads the selection and what to describe it from the graph store. */
export const Inspector = memo(function Inspector() {
  const store = useGraphStore();
  const selectedId = useGraph((s) => s.view.selected);
  const data = useGraph((s) => s.inspector);
  const onClose = useCallback(() => store.dispatch({ type: 'select', id: null }), [store]);
  const onSelect = useCallback((id: string) => store.focusNode(id), [store]);
  const onSelectPath = useCallback((service: string | null) => store.dispatch({ type: 'path', service }), [store]);
  const holder = useGraph((s) => (s.view.selected === null ? undefined : s.holders.get(s.view.selected)));
  if (selectedId === null || data === null) return null;
  const { nodes, index, visible } = data;
  const node = nodes.get(selectedId);
  const kind = node?.kind ?? panelKind(selectedId, index, undefined);
  const name = nameOf(selectedId, node, index);
  return (
    <InspectorShell testId="graph-inspector">
      <header className="flex items-start gap-3 px-4 py-3 max-sm:pt-2">
        {kind ? <KindChip kind={kind} size="lg" /> : null}
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{kind ? KIND_STYLE[kind].label : 'Resource'}</p>
          <h2 className="truncate text-base font-semibold" title={name || selectedId}>
            {name || selectedId}
          </h2>
          <p data-testid="inspector-id" className="break-all font-mono text-[12px] text-slate-600 dark:text-slate-300">
            {selectedId}
          </p>
          {visible.has(selectedId) ? null : holder ? (
            <p data-testid="inspector-holder" className="mt-1 text-xs text-slate-600 dark:text-slate-300">
              Inside <span className="font-medium text-slate-800 dark:text-slate-100">{holder.title}</span>, drawn as one box.{' '}
              <button type="button" onClick={() => onSelect(selectedId)} className="font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-300">
                Open it
              </button>
            </p>
          ) : (
            <p className={cx('mt-1 text-xs text-amber-700 dark:text-amber-300')}>Hidden by the current filters.</p>
          )}
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close inspector"
          title="Close (Esc)"
          className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <X aria-hidden size={18} />
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto pb-6">
        <FindingsSection id={selectedId} findings={data.findings} readOnly={data.readOnly} {...(data.findingsHref ? { findingsHref: data.findingsHref } : {})} />
        <PanelBody
          id={selectedId}
          node={node}
          nodes={nodes}
          index={index}
          visible={visible}
          onSelect={onSelect}
          paths={data.paths}
          pathsAvailable={data.pathsAvailable}
          pathNames={data.pathNames}
          selectedPath={data.selectedPath}
          onSelectPath={onSelectPath}
        />
      </div>
    </InspectorShell>
  );
});
