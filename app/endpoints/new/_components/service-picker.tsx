'use client';

import { Search } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EndpointKind, ServiceOffering } from '@/lib/endpoints/types';
import { Badge, inputClass } from '../../_components/ui';

/**
 * A searchable list of the region's endpoint services. Each row shows the types the service offers
 * and, for interface endpoints, the AZs it has them in; only services offering `type` can be chosen.
 */
export function ServicePicker({
  services,
  type,
  value,
  vpcAzs,
  onChange,
}: {
  services: ServiceOffering[];
  type: EndpointKind;
  value: string;
  /** The AZs of the chosen VPC, to say how many of them a service covers. */
  vpcAzs: string[];
  onChange: (serviceName: string) => void;
}) {
  const [query, setQuery] = useState('');
  const list = useRef<HTMLDivElement>(null);
  // A service chosen through the URL may sit below the fold of the list: bring it into view, without scrolling the page.
  useEffect(() => {
    const box = list.current;
    const row = box?.querySelector<HTMLElement>('input:checked')?.closest('label');
    if (box && row && (row.offsetTop < box.scrollTop || row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight)) {
      box.scrollTop = row.offsetTop - box.clientHeight / 2 + row.offsetHeight / 2;
    }
  }, [type]);
  const typesByName = useMemo(() => {
    const m = new Map<string, EndpointKind[]>();
    for (const s of services) m.set(s.serviceName, [...(m.get(s.serviceName) ?? []), s.type]);
    return m;
  }, [services]);
  const q = query.trim().toLowerCase();
  const offered = services.filter((s) => s.type === type);
  const shown = offered.filter((s) => !q || s.shortName.toLowerCase().includes(q) || s.serviceName.toLowerCase().includes(q));
  // The chosen service stays visible while searching, so the choice never silently disappears.
  const chosen = offered.find((s) => s.serviceName === value);
  const rows = chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;

  return (
    <div className="space-y-3">
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-slate-400" />
        <input
          type="search"
          aria-label="Search services"
          placeholder={`Search ${offered.length} ${type.toLowerCase()} services${type === 'Gateway' ? '' : ': ssm, ecr, logs…'}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className={`${inputClass} pl-9`}
        />
      </div>
      <div
        ref={list}
        role="radiogroup"
        aria-label="Service"
        className="relative max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
      >
        {rows.length === 0 && <p className="px-4 py-6 text-center text-sm text-slate-500">No {type.toLowerCase()} service matches “{query}”.</p>}
        {rows.map((s) => {
          const checked = s.serviceName === value;
          const inVpc = vpcAzs.filter((az) => s.azs.includes(az));
          return (
            <label
              key={s.serviceName}
              data-service={s.serviceName}
              className={`flex cursor-pointer items-center gap-3 px-4 py-2.5 transition-colors ${
                checked ? 'bg-teal-50 dark:bg-teal-950/50' : 'hover:bg-slate-50 dark:hover:bg-slate-800/50'
              }`}
            >
              <input
                type="radio"
                name="service"
                aria-label={s.serviceName}
                value={s.serviceName}
                checked={checked}
                onChange={() => onChange(s.serviceName)}
                className="h-4 w-4 accent-teal-600"
              />
              <span className="min-w-0 flex-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{s.shortName}</span>
                  {(typesByName.get(s.serviceName) ?? []).map((t) => (
                    <Badge key={t} tone={t === 'Gateway' ? 'teal' : 'sky'}>
                      {t}
                    </Badge>
                  ))}
                </span>
                <span className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">{s.serviceName}</span>
              </span>
              <span className="hidden shrink-0 text-right text-xs text-slate-500 sm:block dark:text-slate-400">
                {type === 'Gateway' ? (
                  'route-table based'
                ) : (
                  <>
                    <span className="block">{s.azs.length} AZs</span>
                    {vpcAzs.length > 0 && (
                      <span className={inVpc.length < vpcAzs.length ? 'text-amber-700 dark:text-amber-300' : ''}>
                        {inVpc.length === vpcAzs.length ? 'all of the VPC’s AZs' : `${inVpc.length} of the VPC’s ${vpcAzs.length} AZs`}
                      </span>
                    )}
                  </>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </div>
  );
}
