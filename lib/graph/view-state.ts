/**
 * The graph's view state in the query string: selection, filters, search, direction, viewport, the overview's
 * open groups and full screen.
 * A link is the whole view, so every value is parsed with zod, and a bad one falls back to its default with a
 * notice for the user instead of an error page. Keys that are not ours (region, vpc, source, view) pass through.
 */

import { z } from 'zod';
import { NODE_KINDS, type Direction } from './types';
import { DEFAULT_VIEW_STATE, MAX_ZOOM, MIN_ZOOM, VIEW_STATE_KEYS, type ViewState } from './view-url';

// The types, defaults and writing side live in view-url.ts (no zod, for the browser); re-exported for the server.
export { DEFAULT_VIEW_STATE, MAX_ZOOM, MIN_ZOOM, VIEW_STATE_KEYS, serializeViewState, withViewState, type Viewport, type ViewState } from './view-url';

// AWS ids are `prefix-hex`; AZ group ids add `/us-east-1a`; blackhole placeholders add `/blackhole/<cidr>`.
export const NodeIdParam = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'must be a resource id such as subnet-0abc1234');

// `us-east-1a`, local zones (`us-west-2-lax-1a`), wavelength zones (`us-east-1-wl1-bos-wlz-1`).
export const AzParam = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z0-9]+)+$/, 'must be an availability zone such as us-east-1a')
  .max(64);

export const NodeKindParam = z.enum(NODE_KINDS);

const BooleanParam = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const DirectionParam = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['right', 'down', 'lr', 'tb']))
  .transform((v): Direction => (v === 'right' || v === 'lr' ? 'RIGHT' : 'DOWN'));

const SearchParam = z.string().max(200, 'is longer than 200 characters');

// A service's short name as the analysis names it: `s3`, `ecr.dkr`, `execute-api`.
const ServiceParam = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.-]{0,62}$/, 'must be a service name such as s3 or ecr.dkr');

// Pan offsets are screen pixels; anything beyond ±10 million is a typo, not a place on the canvas.
const CoordinateParam = z.coerce.number().min(-1e7).max(1e7);
const ZoomParam = z.coerce.number().min(MIN_ZOOM).max(MAX_ZOOM);

/** Open overview groups a link may hold; a VPC has a few dozen groups at most. */
const MAX_OPEN = 100;

/** What a server page receives (`searchParams`), or the browser's `URLSearchParams`. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function getParam(params: SearchParamsInput, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** A comma-separated list parameter: its valid items once each (at most `limit`), and the invalid ones to name. */
function parseList<T>(value: string | undefined, schema: z.ZodType<T>, limit = Number.POSITIVE_INFINITY): { items: T[]; bad: string[] } {
  const items: T[] = [];
  const bad: string[] = [];
  for (const item of splitList(value ?? '')) {
    const r = schema.safeParse(item);
    if (!r.success) bad.push(item);
    else if (!items.includes(r.data) && items.length < limit) items.push(r.data);
  }
  return { items, bad };
}

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/**
 * Reads the view state from a query string. Never throws: each invalid value is replaced by its default and
 * described in `notices` (one short sentence each, naming the parameter), so the page can show what it ignored.
 */
export function parseViewState(params: SearchParamsInput): { state: ViewState; notices: string[] } {
  const notices: string[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE, hiddenKinds: [], hiddenAzs: [], open: [] };
  const K = VIEW_STATE_KEYS;

  const selected = getParam(params, K.selected);
  if (selected !== undefined && selected !== '') {
    const r = NodeIdParam.safeParse(selected);
    if (r.success) state.selected = r.data;
    else notices.push(`Ignored ${K.selected}=${quote(selected)}: ${r.error.issues[0]?.message ?? 'invalid'}.`);
  }

  const hide = parseList(getParam(params, K.hiddenKinds), NodeKindParam);
  state.hiddenKinds = hide.items;
  if (hide.bad.length > 0) {
    notices.push(`Ignored unknown kinds in ${K.hiddenKinds}: ${hide.bad.map(quote).join(', ')}. Known kinds: ${NODE_KINDS.join(', ')}.`);
  }

  const hideAz = parseList(getParam(params, K.hiddenAzs), AzParam);
  state.hiddenAzs = hideAz.items;
  if (hideAz.bad.length > 0) notices.push(`Ignored invalid availability zones in ${K.hiddenAzs}: ${hideAz.bad.map(quote).join(', ')}.`);

  const endpoints = getParam(params, K.endpointsOnly);
  if (endpoints !== undefined && endpoints !== '') {
    const r = BooleanParam.safeParse(endpoints.trim().toLowerCase());
    if (r.success) state.endpointsOnly = r.data;
    else notices.push(`Ignored ${K.endpointsOnly}=${quote(endpoints)}: expected 1 or 0.`);
  }

  const search = getParam(params, K.search);
  if (search !== undefined) {
    const r = SearchParam.safeParse(search);
    if (r.success) state.search = r.data;
    else notices.push(`Ignored the search text: it ${r.error.issues[0]?.message ?? 'is invalid'}.`);
  }

  const dir = getParam(params, K.direction);
  if (dir !== undefined && dir !== '') {
    const r = DirectionParam.safeParse(dir);
    if (r.success) state.direction = r.data;
    else notices.push(`Ignored ${K.direction}=${quote(dir)}: expected right or down.`);
  }

  const path = getParam(params, K.path);
  if (path !== undefined && path !== '') {
    const r = ServiceParam.safeParse(path);
    if (r.success) state.path = r.data;
    else notices.push(`Ignored ${K.path}=${quote(path)}: ${r.error.issues[0]?.message ?? 'invalid'}.`);
  }

  const open = parseList(getParam(params, K.open), NodeIdParam, MAX_OPEN);
  state.open = open.items;
  if (open.bad.length > 0) notices.push(`Ignored invalid groups in ${K.open}: ${open.bad.map(quote).join(', ')}.`);

  const full = getParam(params, K.fullScreen);
  if (full !== undefined && full !== '') {
    const r = BooleanParam.safeParse(full.trim().toLowerCase());
    if (r.success) state.fullScreen = r.data;
    else notices.push(`Ignored ${K.fullScreen}=${quote(full)}: expected 1 or 0.`);
  }

  const x = getParam(params, K.x);
  const y = getParam(params, K.y);
  const zoom = getParam(params, K.zoom);
  const given = [x, y, zoom].filter((v) => v !== undefined && v !== '').length;
  if (given === 3) {
    const rx = CoordinateParam.safeParse(x);
    const ry = CoordinateParam.safeParse(y);
    const rz = ZoomParam.safeParse(zoom);
    if (rx.success && ry.success && rz.success) state.viewport = { x: rx.data, y: ry.data, zoom: rz.data };
    else {
      notices.push(
        `Ignored the saved viewport (${K.x}, ${K.y}, ${K.zoom}): expected numbers, with ${K.zoom} between ${MIN_ZOOM} and ${MAX_ZOOM}. Showing the whole graph.`,
      );
    }
  } else if (given > 0) {
    notices.push(`Ignored a partial viewport: ${K.x}, ${K.y} and ${K.zoom} go together. Showing the whole graph.`);
  }

  return { state, notices };
}
