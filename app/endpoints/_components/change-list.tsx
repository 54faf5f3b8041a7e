import { EthernetPort, Minus, Plus, Route } from 'lucide-react';
import type { EndpointPreview } from '@/lib/endpoints/preview';

/**
 * What a request changes, in words: the routes and network interfaces it adds or removes. The same
 * `preview` drawn on the graph is `applyEndpointPreview` (lib/endpoints/ghost.ts) passed to the canvas
 * as its `ghost` (preview-graph.tsx): the new-endpoint form shows it under this list, the endpoint page
 * beside its editors.
 */
export function ChangeList({ preview, empty }: { preview: EndpointPreview; empty: string }) {
  const rows = [
    ...preview.addRoutes.map((r) => ({ key: `+r${r.routeTableId}`, add: true, icon: Route, text: <>Route <Code>{r.destination}</Code> → <Code>{r.target}</Code> in <b>{r.routeTableName}</b></>, note: `${r.subnetIds.length} subnet${r.subnetIds.length === 1 ? ' uses' : 's use'} this table` })),
    ...preview.removeRoutes.map((r) => ({ key: `-r${r.routeTableId}`, add: false, icon: Route, text: <>Route <Code>{r.destination}</Code> → <Code>{r.target}</Code> in <b>{r.routeTableName}</b></>, note: r.subnetIds.length === 1 ? '1 subnet loses this route' : `${r.subnetIds.length} subnets lose this route` })),
    ...preview.addNetworkInterfaces.map((n) => ({ key: `+n${n.subnetId}`, add: true, icon: EthernetPort, text: <>Network interface in <b>{n.subnetName}</b></>, note: `${n.az} · a free address of the subnet` })),
    ...preview.removeNetworkInterfaces.map((n) => ({ key: `-n${n.networkInterfaceId}`, add: false, icon: EthernetPort, text: <>Network interface <Code>{n.networkInterfaceId ?? ''}</Code> in <b>{n.subnetName}</b></>, note: `${n.az}${n.privateIp ? ` · ${n.privateIp}` : ''}` })),
  ];
  if (!rows.length) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="space-y-2" data-testid="change-list" aria-label={preview.summary.join(' ')}>
      {rows.map(({ key, add, icon: Icon, text, note }) => (
        <li key={key} className="flex gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
          <span
            className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full ${
              add ? 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300' : 'bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300'
            }`}
          >
            {add ? <Plus aria-label="adds" className="h-3.5 w-3.5" /> : <Minus aria-label="removes" className="h-3.5 w-3.5" />}
          </span>
          <span className="min-w-0">
            <span className="flex items-center gap-1.5">
              <Icon aria-hidden className="h-3.5 w-3.5 shrink-0 text-slate-400" />
              <span className="min-w-0 break-words">{text}</span>
            </span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">{note}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{children}</code>;
}
