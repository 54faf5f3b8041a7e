/** The share toolbar's buttons: quiet, secondary actions beside a page's title. */
export const toolbarButton =
  'inline-flex items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-700 shadow-sm ' +
  'hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-wait disabled:opacity-60 ' +
  'dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';

export const primaryButton =
  'inline-flex items-center gap-1.5 whitespace-nowrap rounded-md bg-teal-700 px-2.5 py-1.5 text-sm font-medium text-white shadow-sm ' +
  'hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-wait disabled:opacity-60';
