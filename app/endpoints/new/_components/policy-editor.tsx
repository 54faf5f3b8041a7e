'use client';

import { CircleCheck } from 'lucide-react';
import { useState } from 'react';
import { buildPolicy, invalidNames, policyTemplates, POLICY_MAX_CHARS, splitNames, validatePolicy, type PolicyTemplateId } from '@/lib/endpoints/policy';
import { FieldMessages, inputClass } from '../../_components/ui';

/** The endpoint policy: templates to start from, a JSON editor, and AWS's rules checked as you type. */
export function PolicyEditor({
  value,
  onChange,
  serviceShortName,
  region,
  accountId,
  serverErrors,
}: {
  value: string;
  onChange: (policy: string) => void;
  serviceShortName: string | null;
  region: string;
  accountId: string | null;
  serverErrors?: string[];
}) {
  const [template, setTemplate] = useState<PolicyTemplateId | null>(null);
  const [names, setNames] = useState('');
  const templates = serviceShortName ? policyTemplates(serviceShortName) : [];
  const chosen = templates.find((t) => t.id === template);
  const check = validatePolicy(value);
  const nameErrors = chosen?.namesLabel ? invalidNames(chosen.id, splitNames(names)) : [];

  const apply = (id: PolicyTemplateId, typed = names) => {
    setTemplate(id);
    onChange(buildPolicy(id, { serviceShortName: serviceShortName ?? '', region, accountId, names: splitNames(typed) }));
  };

  return (
    <div className="space-y-4">
      {templates.length > 0 && (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Policy templates">
          {templates.map((t) => (
            <button
              key={t.id}
              type="button"
              title={t.description}
              onClick={() => apply(t.id)}
              className={`rounded-full border px-3 py-1.5 text-sm transition-colors ${
                template === t.id
                  ? 'border-teal-600 bg-teal-600 text-white dark:border-teal-500 dark:bg-teal-500 dark:text-slate-950'
                  : 'border-slate-300 hover:border-teal-500 hover:text-teal-700 dark:border-slate-700 dark:hover:text-teal-300'
              }`}
            >
              {t.label}
            </button>
          ))}
          {value && (
            <button
              type="button"
              onClick={() => {
                setTemplate(null);
                onChange('');
              }}
              className="rounded-full px-3 py-1.5 text-sm text-slate-500 hover:text-slate-800 dark:hover:text-slate-200"
            >
              Clear (AWS default)
            </button>
          )}
        </div>
      )}
      {chosen?.namesLabel && (
        <div className="space-y-1.5">
          <label htmlFor="policy-names" className="text-sm font-medium">
            {chosen.namesLabel}
          </label>
          <input
            id="policy-names"
            className={inputClass}
            placeholder={chosen.id === 's3-buckets' ? 'acme-artifacts, acme-logs' : 'orders, customers'}
            value={names}
            onChange={(e) => {
              setNames(e.target.value);
              apply(chosen.id, e.target.value);
            }}
          />
          <p className="text-xs text-slate-500">Separate names with commas or spaces.</p>
          <FieldMessages field="policy-names" errors={nameErrors} />
        </div>
      )}
      <div className="space-y-1.5">
        <label htmlFor="policy" className="text-sm font-medium">
          Policy document (JSON)
        </label>
        <textarea
          id="policy"
          spellCheck={false}
          rows={value ? Math.min(18, Math.max(8, value.split('\n').length + 1)) : 4}
          value={value}
          placeholder="Empty: AWS attaches its default policy, which allows every action by every principal."
          onChange={(e) => {
            setTemplate(null);
            onChange(e.target.value);
          }}
          className={`${inputClass} font-mono text-[13px] leading-relaxed`}
        />
        <div className="flex items-center justify-between gap-3 text-xs text-slate-500 dark:text-slate-400">
          <span data-testid="policy-status">
            {!value.trim() ? (
              'Empty: the default full-access policy applies.'
            ) : check.errors.length === 0 ? (
              <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-300">
                <CircleCheck aria-hidden className="h-3.5 w-3.5" /> Valid policy
              </span>
            ) : (
              `${check.errors.length} problem${check.errors.length === 1 ? '' : 's'}`
            )}
          </span>
          <span className={value.length > POLICY_MAX_CHARS ? 'font-medium text-red-600 dark:text-red-400' : ''}>
            {value.length.toLocaleString('en-US')} / {POLICY_MAX_CHARS.toLocaleString('en-US')} characters
          </span>
        </div>
      </div>
      <FieldMessages field="policy" errors={[...check.errors, ...(serverErrors ?? []).filter((e) => !check.errors.includes(e))]} warnings={check.warnings} />
    </div>
  );
}
