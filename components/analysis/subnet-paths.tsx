import { ArrowRight } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import type { PathVia, SubnetPath } from '@/lib/analysis/paths';
import { serviceLabel } from '@/lib/aws/services';

/**
 * “How does this subnet reach S3 / DynamoDB / …?”: one row per service, the way as a coloured badge,
 * then the resources the traffic passes. Presentational (no hooks, no data loading), so the graph's
 * inspector and server pages can both mount it.
 */

export const VIA_LABELS: Record<PathVia, string> = {
  'gateway-endpoint': 'Gateway endpoint',
  'interface-endpoint': 'Interface endpoint',
  'interface-endpoint-cross-az': 'Interface endpoint, cross-AZ',
  nat: 'NAT gateway',
  igw: 'Internet gateway',
  'egress-only-igw': 'Egress-only IGW (IPv6)',
  'transit-gateway': 'Transit gateway',
  'core-network': 'Cloud WAN',
  peering: 'VPC peering',
  'vpn-gateway': 'VPN gateway',
  'local-gateway': 'Local gateway',
  'carrier-gateway': 'Carrier gateway',
  appliance: 'Appliance',
  'gwlb-inspection': 'GWLB inspection',
  'unrecognised-target': 'Unrecognised target',
  none: 'No path',
};

const LEAVES = 'bg-slate-100 text-slate-800 ring-slate-500/25 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/30';

const VIA_STYLES: Record<PathVia, string> = {
  'gateway-endpoint': 'bg-emerald-100 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-900/50 dark:text-emerald-200 dark:ring-emerald-400/30',
  'interface-endpoint': 'bg-sky-100 text-sky-800 ring-sky-600/20 dark:bg-sky-900/50 dark:text-sky-200 dark:ring-sky-400/30',
  'interface-endpoint-cross-az': 'bg-amber-100 text-amber-900 ring-amber-600/25 dark:bg-amber-900/50 dark:text-amber-200 dark:ring-amber-400/30',
  nat: 'bg-orange-100 text-orange-900 ring-orange-600/25 dark:bg-orange-900/50 dark:text-orange-200 dark:ring-orange-400/30',
  igw: 'bg-violet-100 text-violet-800 ring-violet-600/20 dark:bg-violet-900/50 dark:text-violet-200 dark:ring-violet-400/30',
  'egress-only-igw': 'bg-violet-100 text-violet-800 ring-violet-600/20 dark:bg-violet-900/50 dark:text-violet-200 dark:ring-violet-400/30',
  // Traffic that leaves the VPC: where it goes from there is outside the view.
  'transit-gateway': LEAVES,
  'core-network': LEAVES,
  peering: LEAVES,
  'vpn-gateway': LEAVES,
  'local-gateway': LEAVES,
  'carrier-gateway': LEAVES,
  'unrecognised-target': LEAVES,
  appliance: 'bg-teal-100 text-teal-900 ring-teal-600/25 dark:bg-teal-900/50 dark:text-teal-200 dark:ring-teal-400/30',
  'gwlb-inspection': 'bg-teal-100 text-teal-900 ring-teal-600/25 dark:bg-teal-900/50 dark:text-teal-200 dark:ring-teal-400/30',
  none: 'bg-red-100 text-red-800 ring-red-600/20 dark:bg-red-900/50 dark:text-red-200 dark:ring-red-400/30',
};

/** The badge's words: a chained path names what follows, `NAT gateway → Transit gateway`. */
export function viaText(via: PathVia, onward?: PathVia): string {
  const first = VIA_LABELS[via] ?? via;
  if (!onward || (via === 'nat' && (onward === 'igw' || onward === 'gateway-endpoint'))) return first;
  return `${first} → ${VIA_LABELS[onward] ?? onward}`;
}

export function ViaBadge({ via, onward }: { via: PathVia; onward?: PathVia }) {
  return (
    <span
      data-via={via}
      {...(onward ? { 'data-onward': onward } : {})}
      className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${VIA_STYLES[via] ?? VIA_STYLES.none}`}
    >
      {viaText(via, onward)}
    </span>
  );
}

export interface SubnetPathsProps {
  /** One subnet's paths (`analyzeTopology(...).paths` filtered by `subnetId`). */
  paths: SubnetPath[];
  /** Display names by resource id; hops without one show their id. */
  names?: Record<string, string>;
  /** The service whose row is selected (the graph highlights that path). */
  selectedService?: string | null;
  /** Makes each row a toggle button: called with the row's service, or null when the selected row is pressed again. */
  onSelectService?: (service: string | null) => void;
}

export function SubnetPaths({ paths, names = {}, selectedService = null, onSelectService }: SubnetPathsProps) {
  const services = paths.map((p) => serviceLabel(p.service));
  const teaser = services.length > 3 ? `${services.slice(0, 2).join(' / ')} / …` : services.join(' / ');
  return (
    <section data-testid="subnet-paths" aria-label="Paths to AWS services" className="text-sm">
      <h3 className="mb-2 font-semibold text-slate-800 dark:text-slate-100">How does this subnet reach {teaser || 'AWS services'}?</h3>
      {paths.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">No services to resolve.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {paths.map((p) => {
            const selected = p.service === selectedService;
            const toggle = onSelectService ? () => onSelectService(selected ? null : p.service) : undefined;
            return (
              // The row is the button, inside its list item: a list holds only items (axe's `list` rule).
              <li key={p.service} data-service={p.service} data-via={p.via}>
              <div
                {...(toggle
                  ? {
                      role: 'button',
                      tabIndex: 0,
                      'aria-pressed': selected,
                      title: selected ? 'Stop highlighting this path' : 'Highlight this path on the graph',
                      onClick: toggle,
                      onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          toggle();
                        }
                      },
                    }
                  : {})}
                className={`space-y-1.5 px-3 py-2${toggle ? ' cursor-pointer outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 dark:hover:bg-slate-800/60' : ''}${selected ? ' bg-sky-50 ring-2 ring-inset ring-sky-500 dark:bg-sky-950/50' : ''}`}
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-100">{serviceLabel(p.service)}</span>
                  <ViaBadge via={p.via} onward={p.onward} />
                </div>
                {p.hops.length > 1 && (
                  <ol aria-label="Hops" className="flex flex-wrap items-center gap-1 text-xs">
                    {p.hops.slice(1).map((hop, i) => (
                      <li key={`${hop}-${i}`} className="flex items-center gap-1">
                        {i > 0 && <ArrowRight aria-hidden className="h-3 w-3 text-slate-400" />}
                        <span
                          title={names[hop] && names[hop] !== hop ? `${names[hop]} (${hop})` : hop}
                          className="block max-w-[14rem] truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 dark:bg-slate-800 dark:text-slate-300"
                        >
                          {names[hop] ?? hop}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
                {p.detail ? <p className="text-xs leading-relaxed text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">{p.detail}</p> : null}
              </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
