import { Calculator, ExternalLink } from 'lucide-react';
import type { CostReport } from '@/lib/analysis/costs';
import { RATES_CHECKED_ON, RATES_SOURCES } from '@/lib/analysis/rates';
import { findingAnchor } from '@/components/analysis/severity';
import { serviceLabel } from '@/lib/aws/services';
import { toolbarButton } from '@/components/ui/button-styles';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rate = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 3, maximumFractionDigits: 4 });
const gbFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const th = 'px-4 py-2.5 font-medium';
const num = 'px-4 py-3 text-right tabular-nums';

function Money({ value, tone = 'plain' }: { value: number; tone?: 'plain' | 'saving' }) {
  if (value === 0) return <span className="text-slate-400 dark:text-slate-600">—</span>;
  return <span className={tone === 'saving' ? 'font-medium text-emerald-700 dark:text-emerald-400' : ''}>{usd.format(value)}</span>;
}

export interface CostsSectionProps {
  costs: CostReport;
  /** Hidden fields the GB form keeps (region, vpc, severity, source, profile). */
  keep: Record<string, string>;
  names: Record<string, string>;
}

/** Monthly hourly charges per VPC, and the NAT processing a gateway endpoint would save. */
export function CostsSection({ costs, keep, names }: CostsSectionProps) {
  const totals = costs.vpcs.reduce(
    (a, v) => ({
      endpoints: a.endpoints + v.interfaceEndpointsMonthly,
      nats: a.nats + v.natGatewaysMonthly,
      total: a.total + v.totalMonthly,
      savings: a.savings + v.natSavingsMonthly,
    }),
    { endpoints: 0, nats: 0, total: 0, savings: 0 },
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
            Hourly charges over {costs.hoursPerMonth} hours at {costs.rateRegion} list prices: interface endpoints{' '}
            {rate.format(costs.rates.interfaceEndpointPerAzHour)} per AZ-hour, NAT gateways {rate.format(costs.rates.natGatewayPerHour)} per hour
            plus {rate.format(costs.rates.natGatewayPerGb)} per GB processed. Gateway endpoints are free. Data transfer is not included.
          </p>
          {costs.ratesEstimated && (
            <p className="text-sm text-amber-700 dark:text-amber-400" data-testid="rates-estimated">
              No prices recorded for {costs.region}; {costs.rateRegion}’s are used as an estimate.
            </p>
          )}
        </div>
        <form action="/findings#costs" method="get" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {Object.entries(keep).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div className="flex flex-col gap-1">
            <label htmlFor="gb" className="text-xs font-medium text-slate-600 dark:text-slate-300">
              S3 / DynamoDB traffic through NAT, per finding
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
                  </td>
                  <td className={num}>{v.natGateways.length}</td>
                  <td className={num} data-col="nat-monthly">
                    <Money value={v.natGatewaysMonthly} />
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
                <span className="tabular-nums text-slate-700 dark:text-slate-300">
                  {gbFormat.format(s.gbPerMonth)} GB × {rate.format(s.perGb)} ={' '}
                  <span className="font-semibold text-emerald-700 dark:text-emerald-400">{usd.format(s.monthly)} / month</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <p className="text-xs text-slate-500 dark:text-slate-400">
        Prices recorded {RATES_CHECKED_ON} from{' '}
        {[RATES_SOURCES.interfaceEndpoint, RATES_SOURCES.natGateway].map((u, i) => (
          <span key={u}>
            {i > 0 && ' and '}
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
