import { ArrowRight, BookOpen, ExternalLink } from 'lucide-react';
import Link from 'next/link';
import { FINDING_RULE_LABELS, type Finding } from '@/lib/analysis/findings';
import { findingAnchor, SEVERITY_STYLES, SeverityPill } from '@/components/analysis/severity';
import { primaryButton } from '@/components/ui/button-styles';
import { FLEET_WRITES_NOTE } from '@/lib/topology/write-scope';

export interface FindingCardProps {
  finding: Finding;
  vpcName: string;
  /** Display names by resource id. */
  names: Record<string, string>;
  /** The link that selects a resource on its VPC's page. */
  resourceHref: (vpcId: string, resourceId: string) => string;
  /** The fix link, carrying the page's scope. */
  fixHref: string | undefined;
  /** The fix is a form this page's account does not accept writes from: say so instead of linking it. */
  fixRefused?: boolean;
}

export function FindingCard({ finding: f, vpcName, names, resourceHref, fixHref, fixRefused = false }: FindingCardProps) {
  const createsEndpoint = fixHref?.startsWith('/endpoints/new');
  const deletesEndpoint = fixHref?.includes('#endpoint-delete');
  return (
    <article
      id={findingAnchor(f.id)}
      data-testid="finding"
      data-rule={f.rule}
      data-severity={f.severity}
      data-finding-id={f.id}
      className="flex scroll-mt-6 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div aria-hidden className={`w-1 shrink-0 ${SEVERITY_STYLES[f.severity].edge}`} />
      {/* Names run to 256 characters with no space (AWS allows it): they wrap anywhere rather than widen the card. */}
      <div className="min-w-0 flex-1 space-y-4 p-5 [overflow-wrap:anywhere]">
        <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
          <div className="min-w-0 space-y-1.5">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
              <SeverityPill severity={f.severity} />
              <span className="font-medium uppercase tracking-wide">{FINDING_RULE_LABELS[f.rule]}</span>
              <span aria-hidden>·</span>
              <span>
                VPC <span className="font-medium text-slate-700 dark:text-slate-300">{vpcName}</span>
              </span>
            </div>
            <h3 className="text-base font-semibold leading-snug text-slate-900 dark:text-slate-50">{f.title}</h3>
          </div>
          <a
            href={f.docUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="doc-link"
            className="inline-flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
          >
            <BookOpen aria-hidden className="h-3.5 w-3.5" />
            AWS docs
            <ExternalLink aria-hidden className="h-3 w-3" />
          </a>
        </header>

        <p className="max-w-4xl text-sm leading-relaxed text-slate-700 dark:text-slate-300">{f.detail}</p>

        <div className="grid gap-3 md:grid-cols-2">
          <div className="rounded-lg bg-slate-50 p-4 dark:bg-slate-800/50">
            <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Why it matters</h4>
            <p className="mt-1.5 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{f.why}</p>
          </div>
          <div className="flex flex-col rounded-lg bg-teal-50 p-4 dark:bg-teal-950/40">
            <h4 className="text-xs font-semibold uppercase tracking-wide text-teal-800 dark:text-teal-300">How to fix</h4>
            <p className="mt-1.5 text-sm leading-relaxed text-slate-800 dark:text-slate-200">{f.fix.text}</p>
            {fixHref && (
              <Link
                href={fixHref}
                data-testid="fix-link"
                className={`${primaryButton} mt-3 self-start`}
              >
                {createsEndpoint ? 'Create the gateway endpoint' : deletesEndpoint ? 'Open the delete form' : 'Show in the VPC'}
                <ArrowRight aria-hidden className="h-4 w-4" />
              </Link>
            )}
            {fixRefused && (
              <p data-testid="fix-refused" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                {FLEET_WRITES_NOTE}
              </p>
            )}
          </div>
        </div>

        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1.5">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Resources</h4>
          <ul className="flex flex-wrap gap-1.5" aria-label="Resources">
            {f.resourceIds.map((id) => (
              <li key={id}>
                <Link
                  href={resourceHref(f.vpcId, id)}
                  data-testid="resource-link"
                  data-resource-id={id}
                  title={names[id] && names[id] !== id ? `${names[id]} (${id})` : id}
                  className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs hover:border-teal-400 hover:bg-teal-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-teal-500 dark:hover:bg-teal-950/50"
                >
                  {names[id] && names[id] !== id && <span className="max-w-[20rem] truncate font-medium text-slate-800 dark:text-slate-200">{names[id]}</span>}
                  <span className="shrink-0 font-mono text-[11px] text-slate-500 dark:text-slate-400">{id}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </article>
  );
}
