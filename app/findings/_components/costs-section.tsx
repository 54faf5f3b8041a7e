import { Calculator, ExternalLink } from 'lucide-react';
import Link from 'next/link';
import type { CostReport, NatSaving } from '@/lib/analysis/costs';
import { RATES_CHECKED_ON, RATES_SOURCES } from '@/lib/analysis/rates';
import { findingAnchor } from '@/components/analysis/severity';
import { formatBytes } from '@/lib/metrics/format';
import { METRIC_PERIOD_NAMES, type MetricPeriod } from '@/lib/metrics/types';
import { serviceLabel } from '@/lib/aws/services';
import { toolbarButton } from '@/components/ui/button-styles';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rate = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 3, maximumFractionDigits: 4 });
const gbFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const th = 'px-4 py-2.5 font-medium';
const num = 'px-4 py-3 text-right tabular-nums';

/** The measured per-GB part of a monthly charge, under it. */
function DataPart({ value }: { value: number | null }) {
  if (!value) return null;
  return <div className="text-xs font-normal text-slate-500 dark:text-slate-400">incl. {usd.format(value)} data</div>;
}

function Money({ value, tone = 'plain' }: { value: number; tone?: 'plain' | 'saving' }) {
  if (value === 0) return <span className="text-slate-400 dark:text-slate-600">—</span>;
  return <span className={tone === 'saving' ? 'font-medium text-emerald-700 dark:text-emerald-400' : ''}>{usd.format(value)}</span>;
}

export interface CostsSectionProps {
  costs: CostReport;
  /** Hidden fields the GB form keeps (region, vpc, severity, period, source, profile). */
  keep: Record<string, string>;
  names: Record<string, string>;
  /** This page measured over another period. */
  periodHref: (period: MetricPeriod) => string;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** A saving's arithmetic: measured, an upper bound from the NAT gateways' bytes; else the assumed volume. */
function SavingWords({ s, words, names }: { s: NatSaving; words: string; names: Record<string, string> }) {
  const service = serviceLabel(s.service);
  if (s.basis === 'measured') {
    return (
      <span className="tabular-nums text-slate-700 dark:text-slate-300" data-basis="measured">
        at most <span className="font-semibold text-emerald-700 dark:text-emerald-400">{usd.format(s.monthly)} a month</span>: {s.natGatewayIds.map((id) => names[id] || id).join(', ')}{' '}
        processed {formatBytes(s.measuredBytes ?? 0)} in {words}; the share that is {service} cannot be told from NAT metrics alone.
      </span>
    );
  }
  return (
    <span className="tabular-nums text-slate-700 dark:text-slate-300" data-basis="assumed">
      {gbFormat.format(s.gbPerMonth)} GB × {rate.format(s.perGb)} ={' '}
      <span className="font-semibold text-emerald-700 dark:text-emerald-400">{usd.format(s.monthly)} / month</span>{' '}
      <span className="text-amber-700 dark:text-amber-400">(assumed volume: no NAT metrics)</span>
    </span>
  );
}

/** Monthly charges per VPC (hourly, plus per-GB where CloudWatch measured the bytes), and what gateway endpoints would save. */
export function CostsSection({ costs, keep, names, periodHref }: CostsSectionProps) {
  const traffic = costs.traffic;
  const words = traffic.measured ? traffic.words : '';
  const totals = costs.vpcs.reduce(
    (a, v) => ({
      endpoints: a.endpoints + v.interfaceEndpointsMonthly,
      nats: a.nats + v.natGatewaysMonthly,
      total: a.total + v.totalMonthly,
      savings: a.savings + v.natSavingsMonthly,
      traffic: v.trafficBytes === null ? a.traffic : (a.traffic ?? 0) + v.trafficBytes,
    }),
    { endpoints: 0, nats: 0, total: 0, savings: 0, traffic: null as number | null },
  );
  const savings = costs.vpcs.flatMap((v) => v.natSavings.map((s) => ({ ...s, vpcName: v.vpcName })));
  return (
    <section id="costs" aria-labelledby="costs-heading" className="scroll-mt-6 space-y-4 border-t border-slate-200 pt-8 dark:border-slate-800">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl space-y-1">
          <h2 id="costs-heading" className="text-xl font-semibold tracking-tight">
            Monthly cost
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            At {costs.rateRegion} list prices over {costs.hoursPerMonth} hours: interface endpoints {rate.format(costs.rates.interfaceEndpointPerAzHour)} per AZ-hour
            plus {rate.format(costs.rates.interfaceEndpointPerGb)} per GB, NAT gateways {rate.format(costs.rates.natGatewayPerHour)} per hour plus{' '}
            {rate.format(costs.rates.natGatewayPerGb)} per GB processed. Gateway endpoints are free. Data transfer is not included.
          </p>
          {traffic.measured ? (
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="costs-traffic">
              Per-GB charges are CloudWatch’s measured bytes over the {words} to {dateTime.format(new Date(traffic.end))} UTC, scaled to {costs.hoursPerMonth} hours.
            </p>
          ) : (
            <p className="text-sm text-amber-700 dark:text-amber-400" data-testid="costs-traffic">
              No traffic measured: {traffic.reason} Per-GB charges are left out, and NAT savings use the assumed volume.
            </p>
          )}
          <nav aria-label="Traffic period" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-700">
            {METRIC_PERIOD_NAMES.map((p) => {
              const current = traffic.measured && traffic.period === p;
              return (
                <Link
                  key={p}
                  href={periodHref(p)}
                  aria-current={current ? 'true' : undefined}
                  className={current ? 'bg-slate-800 px-2.5 py-1 text-white dark:bg-slate-200 dark:text-slate-900' : 'px-2.5 py-1 hover:bg-slate-100 dark:hover:bg-slate-800'}
                >
                  {p}
                </Link>
              );
            })}
          </nav>
          {costs.ratesEstimated && (
            <p className="text-sm text-amber-700 dark:text-amber-400" data-testid="rates-estimated">
              No prices recorded for {costs.region}; {costs.rateRegion}’s are used as an estimate.
            </p>
          )}
        </div>
        {/* The assumed volume matters only where a saving is not bounded by measured bytes. */}
        {savings.some((x) => x.basis === 'assumed') || !traffic.measured ? (
        <form action="/findings#costs" method="get" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {Object.entries(keep).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div className="flex flex-col gap-1">
            <label htmlFor="gb" className="text-xs font-medium text-slate-600 dark:text-slate-300">
              Assumed S3 / DynamoDB traffic through NAT where it is not measured
            </label>
            <div className="flex items-center gap-2">
              <input
                id="gb"
                name="gb"
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                defaultValue={costs.gbPerMonth}
                className="w-28 rounded-md border border-slate-300 bg-white px-2 py-1 text-right text-sm tabular-nums dark:border-slate-700 dark:bg-slate-950"
              />
              <span className="text-sm text-slate-500 dark:text-slate-400">GB / month</span>
            </div>
          </div>
          <button
            type="submit"
            className={toolbarButton}
          >
            <Calculator aria-hidden className="h-4 w-4" />
            Estimate
          </button>
        </form>
        ) : null}
      </div>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm" data-testid="costs-table">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              <th className={th}>VPC</th>
              <th className={`${th} text-right`}>Interface endpoints</th>
              <th className={`${th} text-right`}>Endpoints / month</th>
              <th className={`${th} text-right`}>NAT gateways</th>
              <th className={`${th} text-right`}>NAT / month</th>
              <th className={`${th} text-right`}>Traffic{traffic.measured ? `, ${words}` : ''}</th>
              <th className={`${th} text-right`}>Total / month</th>
              <th className={`${th} text-right`}>Saving with gateway endpoints</th>
            </tr>
          </thead>
          <tbody>
            {costs.vpcs.map((v) => {
              const azs = v.interfaceEndpoints.reduce((n, e) => n + e.azCount, 0);
              return (
                <tr key={v.vpcId} data-vpc-id={v.vpcId} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <td className="px-4 py-3">
                    <div className="font-medium">{v.vpcName}</div>
                    {v.vpcName !== v.vpcId && <div className="font-mono text-xs text-slate-500">{v.vpcId}</div>}
                  </td>
                  <td className={num}>
                    {v.interfaceEndpoints.length}
                    {azs > 0 && <span className="ml-1 text-xs text-slate-500">({azs} AZ{azs === 1 ? '' : 's'})</span>}
                  </td>
                  <td className={num} data-col="endpoints-monthly">
                    <Money value={v.interfaceEndpointsMonthly} />
                    <DataPart value={v.interfaceEndpointsDataMonthly} />
                  </td>
                  <td className={num}>{v.natGateways.length}</td>
                  <td className={num} data-col="nat-monthly">
                    <Money value={v.natGatewaysMonthly} />
                    <DataPart value={v.natGatewaysDataMonthly} />
                  </td>
                  <td className={num} data-col="traffic">
                    {v.trafficBytes === null ? <span className="text-xs text-slate-500 dark:text-slate-400">not measured</span> : formatBytes(v.trafficBytes)}
                  </td>
                  <td className={`${num} font-semibold`} data-col="total-monthly">
                    <Money value={v.totalMonthly} />
                  </td>
                  <td className={num} data-col="saving-monthly">
                    <Money value={v.natSavingsMonthly} tone="saving" />
                  </td>
                </tr>
              );
            })}
          </tbody>
          {costs.vpcs.length > 1 && (
            <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold dark:border-slate-800 dark:bg-slate-900">
              <tr>
                <td className="px-4 py-3">All VPCs</td>
                <td className={num} />
                <td className={num}>
                  <Money value={totals.endpoints} />
                </td>
                <td className={num} />
                <td className={num}>
                  <Money value={totals.nats} />
                </td>
                <td className={num}>{totals.traffic === null ? '' : formatBytes(totals.traffic)}</td>
                <td className={num}>
                  <Money value={totals.total} />
                </td>
                <td className={num}>
                  <Money value={totals.savings} tone="saving" />
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>

      {savings.length > 0 && (
        <div className="space-y-2">
          <h3 className="pt-2 text-sm font-semibold text-slate-700 dark:text-slate-300">What gateway endpoints would save</h3>
          <ul className="space-y-2" data-testid="nat-savings">
            {savings.map((s) => (
              <li
                key={s.findingId}
                data-finding-id={s.findingId}
                className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 rounded-lg border border-emerald-200 bg-emerald-50/60 px-4 py-2.5 text-sm dark:border-emerald-900 dark:bg-emerald-950/30"
              >
                <span>
                  <span className="font-medium">{s.vpcName}</span>: {serviceLabel(s.service)} through NAT on{' '}
                  {s.routeTableIds.map((id) => names[id] ?? id).join(', ')}
                  <span aria-hidden className="mx-1.5 text-slate-400">·</span>
                  <a href={`#${findingAnchor(s.findingId)}`} className="text-teal-700 hover:underline dark:text-teal-400">
                    view finding
                  </a>
                </span>
                <SavingWords s={s} words={words} names={names} />
              </li>
            ))}
          </ul>
        </div>
      )}

      <p className="text-xs text-slate-500 dark:text-slate-400">
        Prices recorded {RATES_CHECKED_ON} from{' '}
        {[RATES_SOURCES.interfaceEndpoint, RATES_SOURCES.natGateway, RATES_SOURCES.crossAz].map((u, i) => (
          <span key={u}>
            {i > 0 && (i === 2 ? ' and ' : ', ')}
            <a href={u} target="_blank" rel="noreferrer" className="inline-flex items-center gap-0.5 underline decoration-slate-300 underline-offset-2 hover:text-slate-700 dark:decoration-slate-600 dark:hover:text-slate-200">
              {new URL(u).pathname.replace(/\//g, ' ').trim()}
              <ExternalLink aria-hidden className="h-3 w-3" />
            </a>
          </span>
        ))}
        ; on-demand, first tier, before free tier and discounts.
      </p>
    </section>
  );
}
