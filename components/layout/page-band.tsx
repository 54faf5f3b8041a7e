import Link from 'next/link';
import type { ReactNode } from 'react';
import { BandOverflow } from './band-overflow';

export interface Crumb {
  href: string;
  label: string;
}

export interface PageBandProps {
  /** Where this page sits, e.g. the region above a VPC. The page itself is the title, not a crumb. */
  crumbs?: Crumb[];
  title: string;
  /** Heading's test id, when a spec reads it. */
  titleTestId?: string;
  /** A line under the title (ids, CIDRs): one line, ellipsized. */
  subtitle?: ReactNode;
  /** The subtitle's full text, for its tooltip when it is cut. */
  subtitleText?: string;
  subtitleTestId?: string;
  /** Beside the title, e.g. a type badge or a state. */
  badges?: ReactNode;
  /** What is shown (the compact scope bar), between the title and the actions. */
  scope?: ReactNode;
  /** The page's actions, at the band's end. */
  actions?: ReactNode;
}

/**
 * A page's header in one band: where it is, its title, what is shown and what can be done, so the content (a graph
 * above all) gets the rest of the screen. Every name comes from users and can be 256 characters: each text is one
 * line, ellipsized, with the full text in its tooltip, and the band wraps instead of widening the page. On a phone
 * it is one row: the title, and the scope and actions folded behind one button (`BandOverflow`).
 */
export function PageBand({ crumbs = [], title, titleTestId, subtitle, subtitleText, subtitleTestId, badges, scope, actions }: PageBandProps) {
  return (
    <div data-testid="page-band" className="flex min-w-0 flex-wrap items-center gap-x-5 gap-y-2 max-sm:flex-nowrap max-sm:gap-x-2">
      <div className="min-w-0 flex-[1_1_12rem]">
        {crumbs.length > 0 ? (
          <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
            {crumbs.map((c, i) => (
              <span key={c.href} className="flex min-w-0 items-center gap-1">
                {i > 0 ? <span aria-hidden>/</span> : null}
                <Link href={c.href} title={c.label} className="truncate hover:underline pointer-coarse:-my-1 pointer-coarse:py-1">
                  {c.label}
                </Link>
              </span>
            ))}
            <span aria-hidden>/</span>
          </nav>
        ) : null}
        <div className="flex min-w-0 items-center gap-2">
          <h1 data-testid={titleTestId} title={title} className="min-w-0 truncate text-xl font-semibold tracking-tight">
            {title}
          </h1>
          {badges}
        </div>
        {subtitle ? (
          <p data-testid={subtitleTestId} title={subtitleText} className="truncate font-mono text-xs text-slate-600 max-sm:hidden dark:text-slate-400">
            {subtitle}
          </p>
        ) : null}
      </div>
      {scope || actions ? (
        <BandOverflow>
          {scope}
          {actions ? <div className="flex min-w-0 flex-wrap items-center gap-2">{actions}</div> : null}
        </BandOverflow>
      ) : null}
    </div>
  );
}

/**
 * A page whose content is a canvas: the band and any messages on top, the canvas filling the rest of the window
 * under the site's header (3 rem and its border), never less than a usable height; what follows (tables) is below the fold.
 */
export function ScreenPage({ band, messages, canvas, after }: { band: ReactNode; messages?: ReactNode; canvas: ReactNode; after?: ReactNode }) {
  return (
    <main className="px-3 sm:px-4">
      <div className="flex h-[calc(100dvh-3rem-1px)] min-h-[28rem] flex-col gap-2 py-2">
        {band}
        {messages}
        <div className="min-h-0 flex-1">{canvas}</div>
      </div>
      {after ? <div className="pb-6">{after}</div> : null}
    </main>
  );
}
