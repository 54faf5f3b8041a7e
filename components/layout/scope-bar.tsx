import { Building2, Clock, Cloud, Database, KeyRound, RefreshCw, UserRound } from 'lucide-react';
import { scopeQuery, type PageScope } from '@/lib/topology/page-params';
import { toolbarButton } from '@/components/ui/button-styles';
import { Fact } from '@/components/ui/fact';
import { ellipsize } from '@/lib/text/ellipsize';

export interface ScopeBarProps {
  scope: PageScope;
  /** What was loaded; null when the load failed (the facts that need it are left out). */
  loaded: { fetchedAt: string; accountIds: string[] } | null;
  /** Where the pickers send the choice (a GET form, so the choice lands in the URL). */
  action: string;
  /** The path the Refresh link reloads with `refresh=1`. */
  path: string;
}

const select =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900';

function formatUtc(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 19)} UTC`;
}

function age(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 5) return 'just now';
  if (s < 120) return `${s} s ago`;
  return `${Math.round(s / 60)} min ago`;
}

/**
 * What a topology page shows (source, profile or account, region, when it was fetched), the pickers that change it,
 * and Refresh: compact, for a page's band (`page-band.tsx`). Labels are for screen readers and tooltips; the values
 * are what the eye needs. A server component: the pickers are a plain GET form and Refresh a link, so both work
 * before any JavaScript runs.
 */
export function ScopeBar({ scope, loaded, action, path }: ScopeBarProps) {
  const live = scope.source === 'live';
  const profileLabel = scope.profile ?? scope.serverProfile;
  const icon = 'h-3.5 w-3.5';
  return (
    <section aria-label="What is shown" className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <p className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1" data-testid="scope">
        <Fact icon={live ? <Cloud className={icon} /> : <Database className={icon} />} label="Source" quiet>
          <span
            data-testid="scope-source"
            className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide ${
              live
                ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200'
                : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'
            }`}
          >
            {scope.source}
          </span>
        </Fact>
        {live && (
          <Fact icon={<KeyRound className={icon} />} label="Profile" quiet>
            <span data-testid="scope-profile" className="max-w-48 truncate font-medium" title={profileLabel ?? 'server default'}>
              {profileLabel ?? 'server default'}
            </span>
          </Fact>
        )}
        {scope.account && (
          <Fact icon={<Building2 className={icon} />} label="Fleet account" quiet>
            <span
              data-testid="scope-fleet-account"
              className="max-w-56 truncate font-medium"
              title={scope.accountName ? `${scope.accountName} (${scope.account})` : scope.account}
            >
              {scope.accountName ? `${scope.accountName} ` : ''}
              <span className="font-mono text-slate-600 dark:text-slate-400">{scope.account}</span>
            </span>
          </Fact>
        )}
        {live && loaded && loaded.accountIds.length > 0 && (
          <Fact icon={<UserRound className={icon} />} label={loaded.accountIds.length > 1 ? 'Accounts' : 'Account'} quiet>
            <span data-testid="scope-account" className="max-w-56 truncate font-mono" title={loaded.accountIds.join(', ')}>
              {loaded.accountIds.join(', ')}
            </span>
          </Fact>
        )}
        {/* The region picker shows it; this is for screen readers and the specs. */}
        <span className="sr-only">
          Region: <span data-testid="scope-region">{scope.region}</span>
        </span>
        {loaded && (
          <Fact icon={<Clock className={icon} />} label="Fetched" quiet>
            <time dateTime={loaded.fetchedAt} data-testid="scope-fetched" className="tabular-nums" title={formatUtc(loaded.fetchedAt)}>
              {loaded.fetchedAt.slice(11, 16)} UTC
            </time>
            <span className="text-slate-600 max-sm:hidden dark:text-slate-400">({age(loaded.fetchedAt, Date.now())})</span>
          </Fact>
        )}
      </p>

      <div className="flex flex-wrap items-center gap-2">
        <form action={action} method="get" className="flex flex-wrap items-center gap-1.5">
          {scope.sources.length > 1 && (
            <>
              <label htmlFor="scope-source-picker" className="sr-only">
                Source
              </label>
              <select id="scope-source-picker" name="source" defaultValue={scope.source} className={select} title="Source">
                {scope.sources.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </>
          )}
          {scope.sources.length <= 1 && scope.sourceInUrl && <input type="hidden" name="source" value={scope.source} />}
          {live && scope.profiles.length > 0 && (
            <>
              <label htmlFor="scope-profile-picker" className="sr-only">
                Profile
              </label>
              <select id="scope-profile-picker" name="profile" defaultValue={scope.profile ?? ''} className={`${select} max-w-44`} title="Profile">
                <option value="">{scope.serverProfile ? `server default (${scope.serverProfile})` : 'server default'}</option>
                {scope.profiles.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </select>
            </>
          )}
          {scope.accounts.length > 1 && (
            <>
              <label htmlFor="scope-account-picker" className="sr-only">
                Account
              </label>
              <select id="scope-account-picker" name="account" defaultValue={scope.account ?? ''} className={`${select} max-w-52`} title="Account">
                {scope.accounts.map((a) => (
                  <option key={a.id} value={a.isDefault ? '' : a.id} title={a.name === a.id ? a.id : `${a.name} (${a.id})`}>
                    {a.name === a.id ? a.id : `${ellipsize(a.name, 40)} (${a.id})`}
                  </option>
                ))}
                {!scope.accounts.some((a) => a.isDefault) && <option value="">server default</option>}
              </select>
            </>
          )}
          <label htmlFor="region" className="sr-only">
            Region
          </label>
          <select id="region" name="region" defaultValue={scope.region} className={select} title="Region">
            {(scope.regions.length ? scope.regions : [scope.region]).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button type="submit" className={toolbarButton}>
            Show
          </button>
        </form>
        <a
          href={`${path}?${scopeQuery(scope, { refresh: '1' })}`}
          className={toolbarButton}
          title={live ? 'Read the EC2 API again instead of the cache' : 'Read the fixture state again'}
        >
          <RefreshCw aria-hidden className="h-3.5 w-3.5" />
          <span className="max-sm:sr-only">Refresh</span>
        </a>
      </div>
    </section>
  );
}
