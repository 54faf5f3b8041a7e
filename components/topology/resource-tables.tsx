import type { Topology } from '@/lib/topology/types';

const th = 'px-3 py-2 font-medium';
const td = 'px-3 py-1.5 align-top';

/** A name from the user's tags: one line, cut with an ellipsis, the whole name in its tooltip. */
function Name({ children }: { children: string }) {
  return (
    <span title={children} className="block max-w-64 truncate">
      {children}
    </span>
  );
}

function Section({ title, count, children, testId }: { title: string; count: number; children: React.ReactNode; testId: string }) {
  return (
    <section data-testid={testId} className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800">
        {title} <span className="font-normal text-slate-600 dark:text-slate-400">({count})</span>
      </h2>
      <div className="overflow-x-auto">{children}</div>
    </section>
  );
}

function Head({ cols }: { cols: string[] }) {
  return (
    <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
      <tr>
        {cols.map((c) => (
          <th key={c} className={th}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The VPC's resources as tables: the text view that works without the graph. */
export function ResourceTables({ topology }: { topology: Topology }) {
  const rtName = new Map(topology.routeTables.map((r) => [r.id, r.name]));
  const pl = new Map(topology.prefixLists.map((p) => [p.id, p.serviceShortName]));
  return (
    <div className="grid gap-4">
      <Section title="Subnets" count={topology.subnets.length} testId="subnets">
        <table className="w-full text-left text-sm">
          <Head cols={['Name', 'Subnet', 'AZ', 'CIDR', 'Route table', 'Reach', 'Free IPs']} />
          <tbody>
            {topology.subnets.map((s) => (
              <tr key={s.id} data-subnet-id={s.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className={td}>
                  <Name>{s.name}</Name>
                </td>
                <td className={`${td} font-mono text-xs`}>{s.id}</td>
                <td className={td}>{s.az}</td>
                <td className={`${td} font-mono text-xs`}>{s.cidr}</td>
                <td className={td}>
                  <Name>{s.routeTableId ? (rtName.get(s.routeTableId) ?? s.routeTableId) : '—'}</Name>
                  {!s.explicitRouteTable && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(main, implicit)</span>}
                </td>
                <td className={td}>{s.public ? 'public' : 'private'}</td>
                <td className={`${td} tabular-nums`}>{s.availableIps ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Route tables" count={topology.routeTables.length} testId="route-tables">
        <table className="w-full text-left text-sm">
          <Head cols={['Name', 'Route table', 'Subnets', 'Routes']} />
          <tbody>
            {topology.routeTables.map((r) => (
              <tr key={r.id} data-route-table-id={r.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className={td}>
                  <span className="flex items-center gap-2">
                    <Name>{r.name}</Name>
                    {r.main && <span className="rounded bg-slate-200 px-1.5 text-xs dark:bg-slate-700">main</span>}
                  </span>
                </td>
                <td className={`${td} font-mono text-xs`}>{r.id}</td>
                <td className={`${td} tabular-nums`}>{r.effectiveSubnetIds.length}</td>
                <td className={`${td} font-mono text-xs`}>
                  {r.routes.map((x) => (
                    <div key={`${x.destination}-${x.target}`} className={x.state === 'blackhole' ? 'text-red-600 dark:text-red-400' : ''}>
                      {x.destinationType === 'prefix-list' ? `${pl.get(x.destination) ?? 'prefix list'} (${x.destination})` : x.destination} → {x.target}
                      {x.state === 'blackhole' && ' (blackhole)'}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="VPC endpoints" count={topology.endpoints.length} testId="endpoints">
        {topology.endpoints.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">
            This VPC has no endpoints: its traffic to AWS services follows its routes (NAT, internet gateway, or out of the VPC), if it leaves at all.
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <Head cols={['Service', 'Endpoint', 'Type', 'State', 'Where', 'Private DNS']} />
            <tbody>
              {topology.endpoints.map((e) => (
                <tr key={e.id} data-endpoint-id={e.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className={td}>{e.serviceShortName}</td>
                  <td className={`${td} font-mono text-xs`}>{e.id}</td>
                  <td className={td}>{e.type}</td>
                  <td className={td}>{e.state}</td>
                  <td className={td}>
                    {e.type === 'Gateway' ? `${e.routeTableIds.length} route tables` : `${e.subnetIds.length} subnets`}
                  </td>
                  <td className={td}>{e.type === 'Interface' ? (e.privateDnsEnabled ? 'on' : 'off') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="Gateways" count={topology.internetGateways.length + topology.natGateways.length} testId="gateways">
        <table className="w-full text-left text-sm">
          <Head cols={['Name', 'Id', 'Kind', 'Where']} />
          <tbody>
            {topology.internetGateways.map((g) => (
              <tr key={g.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className={td}>
                  <Name>{g.name}</Name>
                </td>
                <td className={`${td} font-mono text-xs`}>{g.id}</td>
                <td className={td}>Internet gateway</td>
                <td className={td}>attached</td>
              </tr>
            ))}
            {topology.natGateways.map((g) => (
              <tr key={g.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className={td}>
                  <Name>{g.name}</Name>
                </td>
                <td className={`${td} font-mono text-xs`}>{g.id}</td>
                <td className={td}>NAT gateway ({g.connectivityType})</td>
                <td className={`${td} font-mono text-xs`}>{g.subnetId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  );
}
