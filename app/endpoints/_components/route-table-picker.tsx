'use client';

import type { RouteTableOption } from '@/lib/endpoints/rules';
import { Badge, checkClass, OptionRow } from './ui';

/** The VPC's route tables, each with the subnets it serves; a table that already routes the service is disabled with the reason. */
export function RouteTablePicker({
  options,
  value,
  onChange,
}: {
  options: RouteTableOption[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  if (!options.length) return <p className="text-sm text-slate-500">This VPC has no route tables.</p>;
  return (
    <div className="grid gap-2.5">
      {options.map((t) => {
        const checked = value.includes(t.id);
        // A pre-filled table that cannot take the route stays checked and enabled, so it can be unticked.
        const disabled = !!t.disabledReason && !checked;
        return (
          <OptionRow
            key={t.id}
            checked={checked}
            disabled={!!t.disabledReason}
            reason={t.disabledReason}
            attrs={{ 'data-route-table-id': t.id }}
            input={
              <input
                type="checkbox"
                aria-label={`Route table ${t.name} ${t.id}`}
                className={checkClass}
                checked={checked}
                disabled={disabled}
                onChange={(e) => onChange(e.target.checked ? [...value, t.id] : value.filter((id) => id !== t.id))}
              />
            }
          >
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t.name}</span>
              {t.name !== t.id && <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{t.id}</span>}
              {t.main && <Badge>main</Badge>}
            </span>
            <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">
              {t.subnets.length === 0 ? (
                'No subnet uses this table.'
              ) : (
                <>
                  Serves{' '}
                  {t.subnets.map((s, i) => (
                    <span key={s.id}>
                      {i > 0 && ', '}
                      <span className="text-slate-800 dark:text-slate-200">{s.name}</span> <span className="text-slate-500">({s.az.slice(-2)}{s.public ? ', public' : ''})</span>
                    </span>
                  ))}
                </>
              )}
            </span>
          </OptionRow>
        );
      })}
    </div>
  );
}
