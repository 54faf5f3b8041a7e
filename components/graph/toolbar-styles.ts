/**
 * The graph toolbar's looks, shared by its controls (graph-toolbar.tsx, traffic-toggle.tsx, toolbar-fold.tsx). Three
 * widths of the canvas (not of the window: an open inspector narrows it), their thresholds in app/globals.css:
 * from `@toolbar-words` each control has its word; below, its icon and its tooltip, still one row; below `@fold`
 * (a phone, or a laptop with the inspector open) only the search stays in the row and the rest folds behind one
 * button (`ToolbarFold`), where each control is a full-width row with its word again.
 */

export const BUTTON =
  'inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md border px-2.5 text-sm font-medium shadow-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500';
export const IDLE =
  'border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800';
export const ACTIVE = 'border-sky-700 bg-sky-700 text-white hover:bg-sky-800 dark:border-sky-500 dark:bg-sky-600';

/** A control's word: where the canvas is wide, and in the folded panel; between the two, its icon and its tooltip. */
export const WORD = 'sr-only @toolbar-words/canvas:not-sr-only @max-fold/canvas:not-sr-only';

/** A control in the folded panel: a row of the panel's width, its icon and word at the start. */
export const FOLDED_ROW = '@max-fold/canvas:flex @max-fold/canvas:w-full @max-fold/canvas:justify-start';
