import 'server-only';
import { headers } from 'next/headers';
import { logger } from './logger';

/**
 * The id proxy.ts gave this request (`x-request-id`), or undefined outside a request (a unit test, a
 * script). Log lines and audit lines carry it, so one request's lines can be found together.
 */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get('x-request-id') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The logger with this request's id bound. */
export async function requestLogger() {
  const reqId = await currentRequestId();
  return reqId ? logger.child({ reqId }) : logger;
}
