import { ArrowRight, EthernetPort, Minus, Plus, Route } from 'lucide-react';
import type { EndpointPreview } from '@/lib/endpoints/preview';

/** One effect of a change: what it adds, removes or changes, with the thing's kind as an icon and a line of detail. */
export interface ChangeRow {
  key: string;
  tone: 'add' | 'remove' | 'change';
  icon: typeof Plus;
  text: React.ReactNode;
  note?: string;
}

const TONES = {
  add: { className: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300', Icon: Plus, label: 'adds' },
  remove: { className: 'bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300', Icon: Minus, label: 'removes' },
  change: { className: 'bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300', Icon: ArrowRight, label: 'changes' },
} as const;

export function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{children}</code>;
}

/** The rows of a change as a list (`summary`: the same in a sentence, for screen readers), or `empty` when there are none. */
export function ChangeRows({ rows, summary, empty }: { rows: ChangeRow[]; summary: string[]; empty: string }) {
  if (!rows.length) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="space-y-2" data-testid="change-list" aria-label={summary.join(' ')}>
      {rows.map(({ key, tone, icon: Icon, text, note }) => {
        const mark = TONES[tone];
        return (
          <li key={key} className="flex gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
            <span className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full ${mark.className}`}>
              <mark.Icon aria-label={mark.label} className="h-3.5 w-3.5" />
            </span>
            <span className="min-w-0">
              <span className="flex items-center gap-1.5">
                <Icon aria-hidden className="h-3.5 w-3.5 shrink-0 text-slate-400" />
                <span className="min-w-0 break-words">{text}</span>
              </span>
              {note && <span className="block break-words text-xs text-slate-500 dark:text-slate-400">{note}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * What a request changes, in words: the routes and network interfaces it adds or removes. The same
 * `preview` drawn on the graph is `applyEndpointPreview` (lib/endpoints/ghost.ts) passed to the canvas
 * as its `ghost` (preview-graph.tsx): the new-endpoint form shows it under this list, the endpoint page
 * beside its editors.
 */
export function ChangeList({ preview, empty }: { preview: EndpointPreview; empty: string }) {
  const rows: ChangeRow[] = [
    ...preview.addRoutes.map((r) => ({ key: `+r${r.routeTableId}`, tone: 'add' as const, icon: Route, text: <>Route <Code>{r.destination}</Code> → <Code>{r.target}</Code> in <b>{r.routeTableName}</b></>, note: `${r.subnetIds.length} subnet${r.subnetIds.length === 1 ? ' uses' : 's use'} this table` })),
    ...preview.removeRoutes.map((r) => ({ key: `-r${r.routeTableId}`, tone: 'remove' as const, icon: Route, text: <>Route <Code>{r.destination}</Code> → <Code>{r.target}</Code> in <b>{r.routeTableName}</b></>, note: r.subnetIds.length === 1 ? '1 subnet loses this route' : `${r.subnetIds.length} subnets lose this route` })),
    ...preview.addNetworkInterfaces.map((n) => ({ key: `+n${n.subnetId}`, tone: 'add' as const, icon: EthernetPort, text: <>Network interface in <b>{n.subnetName}</b></>, note: `${n.az} · a free address of the subnet` })),
    ...preview.removeNetworkInterfaces.map((n) => ({ key: `-n${n.networkInterfaceId}`, tone: 'remove' as const, icon: EthernetPort, text: <>Network interface <Code>{n.networkInterfaceId ?? ''}</Code> in <b>{n.subnetName}</b></>, note: `${n.az}${n.privateIp ? ` · ${n.privateIp}` : ''}` })),
  ];
  return <ChangeRows rows={rows} summary={preview.summary} empty={empty} />;
}
