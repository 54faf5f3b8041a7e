'use client';

import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { endpointPreview, type EndpointPreview } from '@/lib/endpoints/preview';
import type { Endpoint, Topology } from '@/lib/topology/types';
import { PreviewGraph } from '../../_components/preview-graph';

/**
 * The endpoint page's graph and the editors that draw on it. Each editor reports the change it holds (a route
 * table editor, the interface editor, the delete confirmation while open); the graph draws one of them as a
 * ghost. A page has at most one editor of routes or subnets (a gateway's tables, or an interface's subnets) and
 * the delete form; while the delete is open it is drawn, as it is the more drastic.
 */

type Editor = 'route-tables' | 'interface' | 'delete';
type Pending = Partial<Record<Editor, EndpointPreview>>;
type Report = (editor: Editor, preview: EndpointPreview | null) => void;

const PendingContext = createContext<Pending>({});
const ReportContext = createContext<Report | null>(null);

/** Around the page's editors and its graph; without it (a viewer's page) the graph shows the endpoint as it is. */
export function PendingChangeProvider({ children }: { children: React.ReactNode }) {
  const [pending, setPending] = useState<Pending>({});
  const report = useMemo<Report>(
    () => (editor, preview) =>
      setPending((p) => {
        if (!preview) {
          if (!(editor in p)) return p;
          const next = { ...p };
          delete next[editor];
          return next;
        }
        return { ...p, [editor]: preview };
      }),
    [],
  );
  return (
    <ReportContext.Provider value={report}>
      <PendingContext.Provider value={pending}>{children}</PendingContext.Provider>
    </ReportContext.Provider>
  );
}

/**
 * Tells the graph the change `editor` holds now (null: none). Editors recompute their preview on every render,
 * so it is compared by content; the graph debounces it further.
 */
export function useReportPendingChange(editor: Editor, preview: EndpointPreview | null): void {
  const report = useContext(ReportContext);
  const key = preview ? JSON.stringify(preview) : '';
  const [latest, setLatest] = useState<{ key: string; preview: EndpointPreview | null }>({ key, preview });
  if (latest.key !== key) setLatest({ key, preview });
  useEffect(() => {
    report?.(editor, latest.preview);
  }, [report, editor, latest]);
  useEffect(() => () => report?.(editor, null), [report, editor]);
}

/** The delete the page's graph draws while its confirmation is open, for the list of what will change beside it. */
export function usePendingDelete(): EndpointPreview | undefined {
  return useContext(PendingContext).delete;
}

/** The endpoint in its VPC on the compact graph, framed on it and what it uses, with the pending change drawn over it. */
export function EndpointGraph({ endpoint, topology, height }: { endpoint: Endpoint; topology: Topology; height?: string }) {
  const pending = useContext(PendingContext);
  const idle = useMemo(() => endpointPreview(endpoint), [endpoint]);
  const preview = pending.delete ?? pending.interface ?? pending['route-tables'] ?? idle;
  const frame = useMemo(() => [endpoint.id, ...endpoint.routeTableIds, ...endpoint.subnetIds], [endpoint]);
  return <PreviewGraph topology={topology} preview={preview} frame={frame} label="The endpoint on the graph" height={height} />;
}
