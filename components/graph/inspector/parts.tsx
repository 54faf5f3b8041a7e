/**
 * The building blocks every inspector panel is made of: titled sections, label/value rows, links that move the
 * selection, and the tables (routes, security groups, tags) several kinds share. Every value is rendered as text.
 */

import type { ReactNode } from 'react';
import { prefixListLabel } from '@/lib/graph/build';
import type { TopologyIndex } from '@/lib/graph/topology-index';
import type { Route, SecurityGroupRule, Subnet, Tags } from '@/lib/topology/types';
import { stateTone } from '../format';
import { useGraph } from '../graph-store';
import { Badge } from '../node-parts';

export type Select = (id: string) => void;

/** A row of `Fields`; panels build optional rows as `[...] as Row[]`. */
export type Row = [label: string, value: ReactNode];

/** `name · 10.0.1.0/24`, or the CIDR alone for an unnamed subnet. */
export function subnetCidrLabel(subnet: Subnet | undefined): string {
  return subnet ? `${subnet.name ? `${subnet.name} · ` : ''}${subnet.cidr}` : '';
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}

export function Fields({ rows }: { rows: Row[] }) {
  return (
    <dl className="grid grid-cols-[8.5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Mono({ children }: { children: ReactNode }) {
  return <span className="font-mono text-[12.5px]">{children}</span>;
}

export function Ref({ id, label, onSelect, visible }: { id: string; label?: string; onSelect: Select; visible: ReadonlySet<string> }) {
  const shown = visible.has(id);
  // Inside a closed overview group: selecting it opens the group (`focusNode`), so the link says which.
  const holder = useGraph((s) => (shown ? undefined : s.holders.get(id)));
  return (
    <button
      type="button"
      onClick={() => onSelect(id)}
      data-ref={id}
      title={shown ? `Select ${id}` : holder ? `Open ${holder.title} and select ${id}` : `Select ${id} (hidden by the current filters)`}
      className="max-w-full truncate rounded text-left font-mono text-[12.5px] pointer-coarse:-my-1 pointer-coarse:py-1 text-sky-700 underline decoration-sky-300 underline-offset-2 hover:decoration-sky-600 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300 dark:decoration-sky-700"
    >
      {id}
      {label ? <span className="font-sans text-slate-600 no-underline dark:text-slate-300"> · {label}</span> : null}
      {shown ? null : <span className="font-sans text-xs text-slate-500">{holder ? ` (in ${holder.title})` : ' (hidden)'}</span>}
    </button>
  );
}

export function RefList({ ids, labels, onSelect, visible, empty }: { ids: string[]; labels?: Map<string, string>; onSelect: Select; visible: ReadonlySet<string>; empty: string }) {
  if (ids.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="space-y-1">
      {ids.map((id) => {
        const label = labels?.get(id);
        return (
          <li key={id}>
            <Ref id={id} onSelect={onSelect} visible={visible} {...(label ? { label } : {})} />
          </li>
        );
      })}
    </ul>
  );
}

export function TagsTable({ tags }: { tags: Tags }) {
  const entries = Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return null;
  return (
    <Section title="Tags">
      <table className="w-full table-fixed text-sm">
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key} className="align-top">
              <td className="w-2/5 break-words py-0.5 pr-2 font-mono text-[12px] text-slate-600 dark:text-slate-300">{key}</td>
              <td className="break-words py-0.5 font-mono text-[12px]">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/**
 * Rows of ids, CIDRs and states. Where they do not fit the inspector (a phone's sheet, a target marked hidden) the
 * columns share its width: a long CIDR or id wraps inside its cell rather than pushing the last column out of sight,
 * except in the `whole` column (the ids a person taps), and a state's badge never does.
 */
export function Table({ head, rows, whole }: { head: string[]; rows: ReactNode[][]; whole?: number }) {
  return (
    <div className="overflow-x-auto [&_td:not([data-whole])_.font-mono]:[overflow-wrap:anywhere] [&_td:not([data-whole])_button]:whitespace-normal">
      <table className="w-full text-left text-[12.5px]">
        <thead>
          <tr className="text-slate-500 dark:text-slate-400">
            {head.map((h) => (
              <th key={h} className="pb-1 pr-3 font-medium max-sm:pr-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i} className="border-t border-slate-100 align-top dark:border-slate-800">
              {cells.map((c, j) => (
                <td key={j} data-whole={j === whole ? '' : undefined} className="py-1 pr-3 data-whole:whitespace-nowrap max-sm:pr-2">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RoutesTable({ routes, index, onSelect, visible }: { routes: Route[]; index: TopologyIndex; onSelect: Select; visible: ReadonlySet<string> }) {
  return (
    <Table
      head={['Destination', 'Target', 'State']}
      whole={1}
      rows={routes.map((r) => [
        <Mono key="d">{r.destinationType === 'prefix-list' ? prefixListLabel(r.destination, index.prefixLists) : r.destination}</Mono>,
        r.targetType === 'local' || r.target === '' ? (
          <Mono key="t">{r.target || '—'}</Mono>
        ) : (
          <Ref key="t" id={r.target} onSelect={onSelect} visible={visible} />
        ),
        <Badge key="s" tone={r.state === 'blackhole' ? 'red' : stateTone(r.state)}>
          {r.state}
        </Badge>,
      ])}
    />
  );
}

function ports(rule: SecurityGroupRule): string {
  if (rule.fromPort === null || rule.fromPort === -1) return 'All';
  return rule.toPort === null || rule.toPort === rule.fromPort ? String(rule.fromPort) : `${rule.fromPort}–${rule.toPort}`;
}

function protocol(p: string): string {
  return p === '-1' ? 'All' : p.toUpperCase();
}

export function SecurityGroups({ ids, index }: { ids: string[]; index: TopologyIndex }) {
  if (ids.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>;
  return (
    <div className="space-y-3">
      {ids.map((id) => {
        const sg = index.securityGroups.get(id);
        return (
          <div key={id}>
            <div className="text-sm">
              <Mono>{id}</Mono>
              {sg ? <span className="text-slate-600 dark:text-slate-300"> · {sg.name || sg.groupName}</span> : null}
            </div>
            {sg ? (
              sg.inbound.length === 0 ? (
                <p className="text-sm text-amber-700 dark:text-amber-300">No inbound rules: nothing can reach the endpoint.</p>
              ) : (
                <Table
                  head={['Inbound', 'Ports', 'Source']}
                  rows={sg.inbound.map((rule) => [
                    protocol(rule.protocol),
                    ports(rule),
                    <span key="src" className="font-mono text-[12px]">
                      {[
                        ...rule.cidrs,
                        ...rule.ipv6Cidrs,
                        ...rule.prefixListIds.map((pl) => prefixListLabel(pl, index.prefixLists)),
                        ...rule.securityGroupIds,
                      ].join(', ') || '—'}
                      {rule.description ? <span className="block font-sans text-slate-500">{rule.description}</span> : null}
                    </span>,
                  ])}
                />
              )
            ) : (
              <p className="text-sm text-slate-500">Not in the loaded topology.</p>
            )}
          </div>
        );
      })}
    </div>
  );
}

export function RoutesPointingHere({ id, index, onSelect, visible }: { id: string; index: TopologyIndex; onSelect: Select; visible: ReadonlySet<string> }) {
  const refs = index.routesTo.get(id) ?? [];
  return (
    <Section title="Routes to it">
      {refs.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No route table sends traffic here.</p>
      ) : (
        <Table
          head={['Route table', 'Destination', 'State']}
          rows={refs.map(({ routeTable, route }) => [
            <Ref key="rt" id={routeTable.id} onSelect={onSelect} visible={visible} {...(routeTable.name ? { label: routeTable.name } : {})} />,
            <Mono key="d">{route.destinationType === 'prefix-list' ? prefixListLabel(route.destination, index.prefixLists) : route.destination}</Mono>,
            <Badge key="s" tone={route.state === 'blackhole' ? 'red' : stateTone(route.state)}>
              {route.state}
            </Badge>,
          ])}
        />
      )}
    </Section>
  );
}

