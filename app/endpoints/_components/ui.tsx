import { CircleAlert, CircleCheck, CircleX, Lock, TriangleAlert } from 'lucide-react';

/** Small building blocks of the endpoint forms: a titled card, field messages, badges. */

export function Card({
  step,
  title,
  description,
  children,
  testId,
}: {
  step?: number;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section
      id={testId}
      data-testid={testId}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      className="rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-start gap-3 border-b border-slate-100 px-6 py-4 dark:border-slate-800">
        {step !== undefined && (
          <span className="mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-teal-600 text-xs font-semibold text-white dark:bg-teal-500 dark:text-slate-950">
            {step}
          </span>
        )}
        <div className="min-w-0">
          <h2 id={testId ? `${testId}-title` : undefined} className="text-base font-semibold tracking-tight">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">{description}</p>}
        </div>
      </header>
      <div className="space-y-4 px-6 py-5">{children}</div>
    </section>
  );
}

/** Errors (red) and warnings (amber) under a field. */
export function FieldMessages({ errors, warnings, field }: { errors?: string[]; warnings?: string[]; field: string }) {
  if (!errors?.length && !warnings?.length) return null;
  return (
    <div className="space-y-2" data-testid={`messages-${field}`}>
      {errors?.map((m) => (
        <p
          key={m}
          role="alert"
          data-testid={`error-${field}`}
          className="flex gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
        >
          <CircleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          <span>{m}</span>
        </p>
      ))}
      {warnings?.map((m) => (
        <p
          key={m}
          data-testid={`warning-${field}`}
          className="flex gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100"
        >
          <TriangleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          <span>{m}</span>
        </p>
      ))}
    </div>
  );
}

const RESULT_TONES = {
  good: { className: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100', Icon: CircleCheck },
  warn: { className: 'bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-200 dark:bg-amber-950/50 dark:text-amber-100 dark:ring-amber-900', Icon: TriangleAlert },
  bad: { className: 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100', Icon: CircleX },
} as const;

/**
 * The answer to a button press: done or allowed (green), a dry run an emulator ignored and ran for real (amber:
 * something did change), refused or failed (red, announced at once).
 */
export function ResultLine({ tone, testId, children }: { tone: keyof typeof RESULT_TONES; testId?: string; children: React.ReactNode }) {
  const { className, Icon } = RESULT_TONES[tone];
  return (
    <p role={tone === 'good' ? 'status' : 'alert'} data-testid={testId} data-tone={tone} className={`flex gap-2 rounded-lg px-3 py-2 text-sm ${className}`}>
      <Icon aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

/** An on/off switch: a checkbox with role="switch" over the drawn track, so labels and the keyboard work as for any checkbox. */
export function Switch({
  id,
  label,
  describedBy,
  checked,
  disabled = false,
  onChange,
}: {
  id: string;
  label: string;
  describedBy?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <span
      className={`relative mt-0.5 inline-flex h-5 w-9 shrink-0 rounded-full transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-500 ${
        checked ? 'bg-teal-600 dark:bg-teal-500' : 'bg-slate-300 dark:bg-slate-700'
      } ${disabled ? 'opacity-50' : ''}`}
    >
      <span aria-hidden className={`absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-transform ${checked ? 'translate-x-4' : 'translate-x-0.5'}`} />
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-label={label}
        aria-describedby={describedBy}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        className="absolute inset-0 h-full w-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
      />
    </span>
  );
}

/** Why this server will not save (writes off, or a viewer): Dry run is what the form can do. */
export function WritesOff({ reason, testId }: { reason: string | null; testId?: string }) {
  return (
    <p data-testid={testId} className="flex gap-2 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-300">
      <Lock aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
      <span>{reason}</span>
    </p>
  );
}

/** Where a cost estimate's rates come from, and when they were checked. */
export function PricingSource({ cost, className = '' }: { cost: { source: string; checkedOn: string }; className?: string }) {
  return (
    <p className={`text-xs text-slate-500 ${className}`}>
      Rates from{' '}
      <a href={cost.source} className="underline hover:text-slate-700 dark:hover:text-slate-300" target="_blank" rel="noreferrer">
        AWS PrivateLink pricing
      </a>
      , checked {cost.checkedOn}.
    </p>
  );
}

const TONES = {
  slate: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  teal: 'bg-teal-50 text-teal-800 ring-1 ring-inset ring-teal-200 dark:bg-teal-950 dark:text-teal-200 dark:ring-teal-800',
  sky: 'bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800',
  amber: 'bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  green: 'bg-emerald-50 text-emerald-800 ring-1 ring-inset ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
} as const;

export function Badge({ tone = 'slate', children }: { tone?: keyof typeof TONES; children: React.ReactNode }) {
  return <span className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}

export const inputClass =
  'w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-slate-400 focus:border-teal-500 focus:outline-none focus:ring-2 focus:ring-teal-500/30 disabled:cursor-not-allowed disabled:opacity-60 dark:border-slate-700 dark:bg-slate-950 dark:placeholder:text-slate-500';

/** A selectable row: a checkbox or radio with its label, greyed out with the reason when disabled. */
export function OptionRow({
  input,
  checked,
  disabled,
  children,
  reason,
  attrs,
}: {
  input: React.ReactNode;
  checked: boolean;
  disabled?: boolean;
  children: React.ReactNode;
  reason?: string | null;
  attrs?: Record<string, string>;
}) {
  return (
    <label
      {...attrs}
      className={`flex gap-3 rounded-lg border px-4 py-3 transition-colors ${
        checked
          ? 'border-teal-500 bg-teal-50/60 ring-1 ring-teal-500 dark:border-teal-500 dark:bg-teal-950/40'
          : 'border-slate-200 dark:border-slate-800'
      } ${disabled ? 'cursor-not-allowed bg-slate-50 dark:bg-slate-900/60' : 'cursor-pointer hover:border-slate-300 dark:hover:border-slate-700'}`}
    >
      <span className="pt-0.5">{input}</span>
      <span className="min-w-0 flex-1">
        <span className={disabled && !checked ? 'opacity-60' : ''}>{children}</span>
        {reason && <span className="mt-1.5 block text-sm text-amber-700 dark:text-amber-300">{reason}</span>}
      </span>
    </label>
  );
}

export const checkClass = 'h-4 w-4 rounded border-slate-300 text-teal-600 accent-teal-600 focus:ring-teal-500 dark:border-slate-600';
