import pino from 'pino';

/**
 * The server's structured log: one JSON object per line on stdout (pino), with ISO times, so a
 * container platform (CloudWatch, Loki) can index it. ATLAS_LOG_LEVEL sets the level (default info).
 * No `server-only` here: proxy.ts logs through it too.
 */
export const logger = pino({
  level: process.env.ATLAS_LOG_LEVEL || 'info',
  base: { app: 'vpc-atlas' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** Ids a proxy may pass in `x-request-id` that we keep as they are; anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id to use: the one a proxy sent in `x-request-id` when it is plausible, else a new UUID. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
