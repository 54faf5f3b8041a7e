/**
 * The one set of button styles: every button and button-like link takes its classes from here. Teal 700 and red
 * 700 keep white text above WCAG AA's 4.5:1 (teal 600 did not).
 */

export type ButtonTone = 'primary' | 'secondary' | 'danger' | 'quiet';
export type ButtonSize = 'md' | 'lg';

const BASE =
  'inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md text-sm font-medium ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-not-allowed disabled:opacity-60';

const TONES: Record<ButtonTone, string> = {
  primary: 'bg-teal-700 text-white shadow-sm hover:bg-teal-800 dark:bg-teal-600 dark:hover:bg-teal-500',
  secondary:
    'border border-slate-300 bg-white text-slate-700 shadow-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800',
  danger: 'bg-red-700 text-white shadow-sm hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500',
  /** Cancel and the like: text until hovered. */
  quiet: 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100',
};

const SIZES: Record<ButtonSize, string> = { md: 'px-2.5 py-1.5', lg: 'px-4 py-2.5 font-semibold' };

/** A button's classes: its tone, its size, and `wide` to fill its row. */
export function buttonClass(tone: ButtonTone = 'secondary', size: ButtonSize = 'md', wide = false): string {
  return `${BASE} ${TONES[tone]} ${SIZES[size]}${wide ? ' w-full' : ''}`;
}

/** Quiet, secondary actions, e.g. the share toolbar beside a page's title. */
export const toolbarButton = buttonClass('secondary');

/** The page's main action. */
export const primaryButton = buttonClass('primary');

/** An action that deletes or resets. */
export const dangerButton = buttonClass('danger');
