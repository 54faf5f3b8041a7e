'use client';

/**
 * The side panel: everything known about the selected resource, straight from the topology. Related resources
 * are buttons that move the selection. Every value is rendered as text; names and tags come from users.
 */

import { ExternalLink, TriangleAlert, Wrench, X } from 'lucide-react';
import { memo, type ReactNode } from 'react';
import { SubnetPaths } from '@/components/analysis/subnet-paths';
import type { SubnetPath } from '@/lib/analysis/paths';
import { prefixListLabel } from '@/lib/graph/build';
import { findingsFor, type GraphFinding } from '@/lib/graph/overlay';
import type { TopologyIndex } from '@/lib/graph/topology-index';
import type { GraphNode, NodeKind } from '@/lib/graph/types';
import type { Endpoint, Route, SecurityGroupRule, Tags } from '@/lib/topology/types';
import { cx, serviceLabel, stateTone } from './format';
import { KIND_STYLE } from './kind-style';
import { Badge, KindChip } from './node-parts';

export interface InspectorProps {
  selectedId: string;
  /** Every node of the unfiltered graph, so a resource hidden by a filter can still be described. */
  nodes: ReadonlyMap<string, GraphNode>;
  index: TopologyIndex;
  /** Ids drawn on the canvas right now; other related ids are still buttons, marked as hidden. */
  visible: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onClose: () => void;
  /** A frozen view: no "fix" links. */
  readOnly?: boolean;
  /** Every finding of the graph's scope; the panel lists those that name the selected resource. */
  findings?: readonly GraphFinding[];
  /** The findings page, linked under the list. */
  findingsHref?: string;
  /** The selected subnet's paths to AWS services (empty for other kinds). */
  paths?: SubnetPath[];
  /** False when the page sent no paths (no analysis, or a VPC too large to send them for). */
  pathsAvailable?: boolean;
  /** Names of the resources paths pass, by id. */
  pathNames?: Record<string, string>;
  /** The service whose path is highlighted on the graph. */
  selectedPath?: string | null;
  onSelectPath?: (service: string | null) => void;
}

type Select = (id: string) => void;

const SEVERITY_STYLE: Record<GraphFinding['severity'], string> = {
  high: 'bg-red-600 text-white',
  medium: 'bg-orange-500 text-white',
  low: 'bg-amber-300 text-amber-950',
  info: 'bg-sky-600 text-white',
};

/** The findings that name the selected resource, worst first, each with its fix link unless read-only. */
function FindingsSection({ id, findings, readOnly, findingsHref }: { id: string; findings: readonly GraphFinding[]; readOnly: boolean; findingsHref?: string }) {
  const mine = findingsFor(findings, id);
  if (mine.length === 0) return null;
  return (
    <section data-testid="inspector-findings" className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 className="mb-2 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <TriangleAlert aria-hidden size={13} /> Findings ({mine.length})
      </h3>
      <ul className="space-y-2">
        {mine.map((f) => (
          <li key={f.id} data-rule={f.rule} className="text-sm">
            <div className="flex items-start gap-2">
              <span className={cx('mt-0.5 shrink-0 rounded px-1.5 py-0.5 text-[10.5px] font-bold uppercase leading-none', SEVERITY_STYLE[f.severity])}>{f.severity}</span>
              <span className="min-w-0 flex-1 break-words">{f.title}</span>
            </div>
            {!readOnly && f.fixHref && /^\/(?!\/)/.test(f.fixHref) ? (
              <a href={f.fixHref} className="ml-[3.25rem] mt-0.5 inline-flex items-center gap-1 text-xs font-medium text-sky-700 hover:underline dark:text-sky-300">
                <Wrench aria-hidden size={12} /> Fix
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {findingsHref ? (
        <a href={findingsHref} className="mt-2 inline-flex items-center gap-1 text-xs font-medium text-sky-700 hover:underline dark:text-sky-300">
          <ExternalLink aria-hidden size={12} /> Why it matters and how to fix it
        </a>
      ) : null}
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}

function Fields({ rows }: { rows: [label: string, value: ReactNode][] }) {
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

function Mono({ children }: { children: ReactNode }) {
  return <span className="font-mono text-[12.5px]">{children}</span>;
}

function Ref({ id, label, onSelect, visible }: { id: string; label?: string; onSelect: Select; visible: ReadonlySet<string> }) {
  const shown = visible.has(id);
  return (
    <button
      type="button"
      onClick={() => onSelect(id)}
      data-ref={id}
      title={shown ? `Select ${id}` : `Select ${id} (hidden by the current filters)`}
      className="max-w-full truncate rounded text-left font-mono text-[12.5px] text-sky-700 underline decoration-sky-300 underline-offset-2 hover:decoration-sky-600 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300 dark:decoration-sky-700"
    >
      {id}
      {label ? <span className="font-sans text-slate-600 no-underline dark:text-slate-300"> · {label}</span> : null}
      {shown ? null : <span className="font-sans text-xs text-slate-500"> (hidden)</span>}
    </button>
  );
}

function RefList({ ids, labels, onSelect, visible, empty }: { ids: string[]; labels?: Map<string, string>; onSelect: Select; visible: ReadonlySet<string>; empty: string }) {
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

function TagsTable({ tags }: { tags: Tags }) {
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

function Table({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-[12.5px]">
        <thead>
          <tr className="text-slate-500 dark:text-slate-400">
            {head.map((h) => (
              <th key={h} className="pb-1 pr-3 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i} className="border-t border-slate-100 align-top dark:border-slate-800">
              {cells.map((c, j) => (
                <td key={j} className="py-1 pr-3">
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

function RoutesTable({ routes, index, onSelect, visible }: { routes: Route[]; index: TopologyIndex; onSelect: Select; visible: ReadonlySet<string> }) {
  return (
    <Table
      head={['Destination', 'Target', 'State']}
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

function SecurityGroups({ ids, index }: { ids: string[]; index: TopologyIndex }) {
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

/** The policy as indented JSON; the raw text when it is not JSON. */
export function prettyPolicy(policy: string): string {
  try {
    return JSON.stringify(JSON.parse(policy), null, 2);
  } catch {
    return policy;
  }
}

function RoutesPointingHere({ id, index, onSelect, visible }: { id: string; index: TopologyIndex; onSelect: Select; visible: ReadonlySet<string> }) {
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

function EndpointDetails({ ep, index, onSelect, visible }: { ep: Endpoint; index: TopologyIndex; onSelect: Select; visible: ReadonlySet<string> }) {
  const subnetLabels = new Map(
    ep.subnetIds.map((id) => {
      const s = index.subnets.get(id);
      return [id, s ? `${s.name ? `${s.name} · ` : ''}${s.az}` : ''];
    }),
  );
  const eniLabels = new Map(
    ep.networkInterfaceIds.map((id) => {
      const eni = index.networkInterfaces.get(id);
      return [id, eni ? [eni.privateIps.length > 0 ? eni.privateIps.join(', ') : eni.privateIp, eni.az].filter(Boolean).join(' · ') : ''];
    }),
  );
  const rtLabels = new Map(ep.routeTableIds.map((id) => [id, index.routeTables.get(id)?.name ?? '']));
  return (
    <>
      <Section title="Endpoint">
        <Fields
          rows={[
            ['Service', <Mono key="s">{ep.serviceName}</Mono>],
            ['Type', ep.type],
            ['State', <Badge key="st" tone={stateTone(ep.state)}>{ep.state}</Badge>],
            ['VPC', <Ref key="v" id={ep.vpcId} onSelect={onSelect} visible={visible} />],
            ...(ep.type === 'Gateway'
              ? ([['Cost', 'Free: gateway endpoints have no hourly or data charge']] as [string, ReactNode][])
              : ([
                  ['Private DNS', ep.privateDnsEnabled ? 'Enabled' : 'Disabled'],
                  ['IP address type', ep.ipAddressType ?? '—'],
                ] as [string, ReactNode][])),
            ...(ep.createdAt ? ([['Created', ep.createdAt]] as [string, ReactNode][]) : []),
          ]}
        />
        {ep.lastError ? (
          <p className="mt-2 rounded bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {ep.lastError.code}: {ep.lastError.message}
          </p>
        ) : null}
      </Section>
      {ep.type === 'Gateway' ? (
        <Section title="Route tables">
          <RefList ids={ep.routeTableIds} labels={rtLabels} onSelect={onSelect} visible={visible} empty="Not associated with any route table: no subnet uses it." />
        </Section>
      ) : (
        <>
          <Section title="Subnets">
            <RefList ids={ep.subnetIds} labels={subnetLabels} onSelect={onSelect} visible={visible} empty="No subnets." />
          </Section>
          <Section title="Network interfaces">
            <RefList ids={ep.networkInterfaceIds} labels={eniLabels} onSelect={onSelect} visible={visible} empty="No network interfaces." />
          </Section>
          <Section title="Security groups">
            <SecurityGroups ids={ep.securityGroupIds} index={index} />
          </Section>
          <Section title="DNS names">
            {ep.dnsEntries.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>
            ) : (
              <ul className="space-y-0.5">
                {ep.dnsEntries.map((d) => (
                  <li key={d.dnsName} className="break-all font-mono text-[12px]">
                    {d.dnsName}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
      <Section title="Policy">
        {ep.policy ? (
          <pre data-testid="inspector-policy" className="max-h-80 overflow-auto rounded bg-slate-100 p-2 font-mono text-[11.5px] leading-snug dark:bg-slate-800">
            {prettyPolicy(ep.policy)}
          </pre>
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No policy document (full access).</p>
        )}
      </Section>
    </>
  );
}

function Body({
  node,
  id,
  index,
  nodes,
  onSelect,
  visible,
  paths = [],
  pathsAvailable = false,
  pathNames = {},
  selectedPath = null,
  onSelectPath,
}: { node: GraphNode | undefined; id: string } & Omit<InspectorProps, 'selectedId' | 'onClose'>) {
  const vpc = index.vpcs.get(id);
  if (vpc) {
    const tables = [...index.routeTables.values()].filter((rt) => rt.vpcId === id);
    const endpoints = [...index.endpoints.values()].filter((e) => e.vpcId === id);
    const igws = [...index.internetGateways.values()].filter((g) => g.vpcIds.includes(id));
    return (
      <>
        <Section title="VPC">
          <Fields
            rows={[
              ['IPv4 CIDRs', <Mono key="c">{vpc.cidrBlocks.join(', ') || '—'}</Mono>],
              ...(vpc.ipv6CidrBlocks.length > 0 ? ([['IPv6 CIDRs', <Mono key="6">{vpc.ipv6CidrBlocks.join(', ')}</Mono>]] as [string, ReactNode][]) : []),
              ['State', vpc.state],
              ['Default VPC', vpc.isDefault ? 'Yes' : 'No'],
              ['DNS support', vpc.dnsSupport === null ? 'Unknown' : vpc.dnsSupport ? 'Enabled' : 'Disabled'],
              ['DNS hostnames', vpc.dnsHostnames === null ? 'Unknown' : vpc.dnsHostnames ? 'Enabled' : 'Disabled'],
              ...(vpc.ownerId ? ([['Owner', <Mono key="o">{vpc.ownerId}</Mono>]] as [string, ReactNode][]) : []),
            ]}
          />
        </Section>
        <Section title="Endpoints">
          <RefList
            ids={endpoints.map((e) => e.id)}
            labels={new Map(endpoints.map((e) => [e.id, `${serviceLabel(e.serviceShortName)} (${e.type})`]))}
            onSelect={onSelect}
            visible={visible}
            empty="No VPC endpoints: traffic to AWS services leaves through NAT or internet gateways."
          />
        </Section>
        <Section title="Route tables">
          <RefList ids={tables.map((t) => t.id)} labels={new Map(tables.map((t) => [t.id, `${t.name}${t.main ? ' (main)' : ''}`]))} onSelect={onSelect} visible={visible} empty="None." />
        </Section>
        {igws.length > 0 ? (
          <Section title="Internet gateways">
            <RefList ids={igws.map((g) => g.id)} onSelect={onSelect} visible={visible} empty="None." />
          </Section>
        ) : null}
        <TagsTable tags={vpc.tags} />
      </>
    );
  }

  const subnet = index.subnets.get(id);
  if (subnet) {
    const rt = subnet.routeTableId ? index.routeTables.get(subnet.routeTableId) : undefined;
    const nats = index.natGatewaysBySubnet.get(id) ?? [];
    const enis = (index.networkInterfacesBySubnet.get(id) ?? []).filter((e) => e.endpointId !== null || nodes.get(e.id)?.kind === 'endpointEni');
    return (
      <>
        <Section title="Subnet">
          <Fields
            rows={[
              ['CIDR', <Mono key="c">{subnet.cidr}</Mono>],
              ...(subnet.ipv6Cidrs.length > 0 ? ([['IPv6 CIDRs', <Mono key="6">{subnet.ipv6Cidrs.join(', ')}</Mono>]] as [string, ReactNode][]) : []),
              ['Availability zone', `${subnet.az}${subnet.azId ? ` (${subnet.azId})` : ''}`],
              ['Free IPs', subnet.availableIps === null ? 'Unknown' : String(subnet.availableIps)],
              ['Reachability', subnet.public ? 'Public: default route to an internet gateway' : 'Private'],
              ['Auto-assign public IP', subnet.mapPublicIpOnLaunch ? 'Yes' : 'No'],
              ['VPC', <Ref key="v" id={subnet.vpcId} onSelect={onSelect} visible={visible} />],
            ]}
          />
        </Section>
        <section className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
          {paths.length > 0 ? (
            <>
              <SubnetPaths paths={paths} names={pathNames} selectedService={selectedPath} {...(onSelectPath ? { onSelectService: onSelectPath } : {})} />
              <p className="mt-1.5 text-xs text-slate-500 dark:text-slate-400">Select a row to highlight the path on the graph.</p>
            </>
          ) : (
            <p data-testid="subnet-paths-missing" className="text-sm text-slate-500 dark:text-slate-400">
              {pathsAvailable ? 'No paths to resolve for this subnet.' : 'Working out how this subnet reaches AWS services…'}
            </p>
          )}
        </section>
        <Section title="Route table">
          {subnet.routeTableId ? (
            <>
              <p className="mb-2 text-sm">
                <Ref id={subnet.routeTableId} onSelect={onSelect} visible={visible} {...(rt?.name ? { label: rt.name } : {})} />
                <span className="text-slate-600 dark:text-slate-300">
                  {subnet.explicitRouteTable ? ' — explicit association' : " — implicit, through the VPC's main route table"}
                </span>
              </p>
              {rt ? <RoutesTable routes={rt.routes} index={index} onSelect={onSelect} visible={visible} /> : null}
            </>
          ) : (
            <p className="text-sm text-slate-500">No route table found.</p>
          )}
        </Section>
        {nats.length > 0 ? (
          <Section title="NAT gateways">
            <RefList ids={nats.map((n) => n.id)} labels={new Map(nats.map((n) => [n.id, n.publicIps.join(', ') || n.state]))} onSelect={onSelect} visible={visible} empty="None." />
          </Section>
        ) : null}
        <Section title="Endpoint network interfaces">
          <RefList
            ids={enis.map((e) => e.id)}
            labels={new Map(enis.map((e) => [e.id, [e.privateIp, e.endpointId].filter(Boolean).join(' · ')]))}
            onSelect={onSelect}
            visible={visible}
            empty="No interface endpoint has a network interface here."
          />
        </Section>
        <TagsTable tags={subnet.tags} />
      </>
    );
  }

  const rt = index.routeTables.get(id);
  if (rt) {
    const effective = index.subnetsByTable.get(id) ?? [];
    const implicit = effective.filter((s) => !s.explicitRouteTable);
    const endpoints = index.endpointsByTable.get(id) ?? [];
    const subnetLabel = (sid: string) => {
      const s = index.subnets.get(sid);
      return s ? `${s.name ? `${s.name} · ` : ''}${s.cidr}` : '';
    };
    return (
      <>
        <Section title="Route table">
          <Fields
            rows={[
              ['Main', rt.main ? 'Yes: subnets without an explicit association use it' : 'No'],
              ['VPC', <Ref key="v" id={rt.vpcId} onSelect={onSelect} visible={visible} />],
            ]}
          />
        </Section>
        <Section title={`Routes (${rt.routes.length})`}>
          <RoutesTable routes={rt.routes} index={index} onSelect={onSelect} visible={visible} />
        </Section>
        <Section title="Explicit subnet associations">
          <RefList ids={rt.subnetIds} labels={new Map(rt.subnetIds.map((s) => [s, subnetLabel(s)]))} onSelect={onSelect} visible={visible} empty="None." />
        </Section>
        {rt.main ? (
          <Section title="Implicit associations (main table)">
            <RefList ids={implicit.map((s) => s.id)} labels={new Map(implicit.map((s) => [s.id, subnetLabel(s.id)]))} onSelect={onSelect} visible={visible} empty="None." />
          </Section>
        ) : null}
        {rt.gatewayIds.length > 0 ? (
          <Section title="Gateway associations">
            <RefList ids={rt.gatewayIds} onSelect={onSelect} visible={visible} empty="None." />
          </Section>
        ) : null}
        <Section title="Gateway endpoints">
          <RefList
            ids={endpoints.map((e) => e.id)}
            labels={new Map(endpoints.map((e) => [e.id, serviceLabel(e.serviceShortName)]))}
            onSelect={onSelect}
            visible={visible}
            empty="None: S3 and DynamoDB traffic from these subnets does not use a gateway endpoint."
          />
        </Section>
        <TagsTable tags={rt.tags} />
      </>
    );
  }

  const ep = index.endpoints.get(id);
  if (ep) {
    return (
      <>
        <EndpointDetails ep={ep} index={index} onSelect={onSelect} visible={visible} />
        <TagsTable tags={ep.tags} />
      </>
    );
  }

  const igw = index.internetGateways.get(id);
  if (igw) {
    return (
      <>
        <Section title="Internet gateway">
          <Fields rows={[['Attached to', igw.vpcIds.length === 0 ? 'Nothing (detached)' : <RefList key="v" ids={igw.vpcIds} onSelect={onSelect} visible={visible} empty="" />]]} />
        </Section>
        <RoutesPointingHere id={id} index={index} onSelect={onSelect} visible={visible} />
        <TagsTable tags={igw.tags} />
      </>
    );
  }

  const nat = index.natGateways.get(id);
  if (nat) {
    return (
      <>
        <Section title="NAT gateway">
          <Fields
            rows={[
              ['State', <Badge key="s" tone={stateTone(nat.state)}>{nat.state}</Badge>],
              ['Connectivity', nat.connectivityType],
              ['Subnet', <Ref key="s" id={nat.subnetId} onSelect={onSelect} visible={visible} />],
              ['Public IPs', <Mono key="p">{nat.publicIps.join(', ') || '—'}</Mono>],
              ['Private IPs', <Mono key="q">{nat.privateIps.join(', ') || '—'}</Mono>],
            ]}
          />
        </Section>
        <RoutesPointingHere id={id} index={index} onSelect={onSelect} visible={visible} />
        <TagsTable tags={nat.tags} />
      </>
    );
  }

  const eni = index.networkInterfaces.get(id);
  if (eni) {
    return (
      <>
        <Section title="Network interface">
          <Fields
            rows={[
              ['Private IPs', <Mono key="p">{(eni.privateIps.length > 0 ? eni.privateIps : [eni.privateIp ?? '—']).join(', ')}</Mono>],
              ['Subnet', <Ref key="s" id={eni.subnetId} onSelect={onSelect} visible={visible} />],
              ['Availability zone', eni.az],
              ...(eni.endpointId ? ([['Endpoint', <Ref key="e" id={eni.endpointId} onSelect={onSelect} visible={visible} />]] as [string, ReactNode][]) : []),
              ['Status', eni.status],
              ['Type', eni.interfaceType],
              ...(eni.description ? ([['Description', eni.description]] as [string, ReactNode][]) : []),
            ]}
          />
        </Section>
        <Section title="Security groups">
          <SecurityGroups ids={eni.securityGroupIds} index={index} />
        </Section>
        <TagsTable tags={eni.tags} />
      </>
    );
  }

  if (node?.kind === 'az') {
    const subnets = [...index.subnets.values()].filter((s) => s.vpcId === node.data.vpcId && s.az === node.data.az);
    return (
      <>
        <Section title="Availability zone">
          <Fields
            rows={[
              ['Zone', `${node.data.az}${node.data.azId ? ` (${node.data.azId})` : ''}`],
              ['VPC', <Ref key="v" id={node.data.vpcId} onSelect={onSelect} visible={visible} />],
            ]}
          />
        </Section>
        <Section title={`Subnets (${subnets.length})`}>
          <RefList ids={subnets.map((s) => s.id)} labels={new Map(subnets.map((s) => [s.id, `${s.name ? `${s.name} · ` : ''}${s.cidr}`]))} onSelect={onSelect} visible={visible} empty="None." />
        </Section>
      </>
    );
  }

  if (node?.kind === 'external') {
    return (
      <>
        <Section title="Route target">
          <Fields
            rows={[
              ['Kind', node.data.label],
              ['Status', node.data.missing ? 'Gone: routes to it drop traffic (blackhole)' : 'Outside this VPC'],
            ]}
          />
        </Section>
        <RoutesPointingHere id={id.includes('/blackhole/') ? '' : id} index={index} onSelect={onSelect} visible={visible} />
      </>
    );
  }

  return (
    <Section title="Not found">
      <p className="text-sm text-slate-600 dark:text-slate-300">Nothing with this id is in the loaded topology.</p>
    </Section>
  );
}

function kindOf(id: string, node: GraphNode | undefined, index: TopologyIndex): NodeKind | null {
  if (node) return node.kind;
  if (index.vpcs.has(id)) return 'vpc';
  if (index.subnets.has(id)) return 'subnet';
  if (index.routeTables.has(id)) return 'routeTable';
  if (index.internetGateways.has(id)) return 'internetGateway';
  if (index.natGateways.has(id)) return 'natGateway';
  const ep = index.endpoints.get(id);
  if (ep) return ep.type === 'Gateway' ? 'gatewayEndpoint' : 'interfaceEndpoint';
  if (index.networkInterfaces.has(id)) return 'endpointEni';
  return null;
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

/** The inspector panel for the selected node. */
export const Inspector = memo(function Inspector(props: InspectorProps) {
  const { selectedId, nodes, index, visible, onClose } = props;
  const node = nodes.get(selectedId);
  const kind = kindOf(selectedId, node, index);
  const name = nameOf(selectedId, node, index);
  return (
    <aside
      data-testid="graph-inspector"
      aria-label="Inspector"
      className="flex h-full w-[min(28rem,100%)] shrink-0 flex-col border-l border-slate-200 bg-white text-slate-900 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <header className="flex items-start gap-3 px-4 py-3">
        {kind ? <KindChip kind={kind} size="lg" /> : null}
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{kind ? KIND_STYLE[kind].label : 'Resource'}</p>
          <h2 className="truncate text-base font-semibold" title={name || selectedId}>
            {name || selectedId}
          </h2>
          <p data-testid="inspector-id" className="break-all font-mono text-[12px] text-slate-600 dark:text-slate-300">
            {selectedId}
          </p>
          {visible.has(selectedId) ? null : (
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
        <FindingsSection id={selectedId} findings={props.findings ?? []} readOnly={props.readOnly ?? false} {...(props.findingsHref ? { findingsHref: props.findingsHref } : {})} />
        <Body node={node} id={selectedId} {...props} />
      </div>
    </aside>
  );
});
