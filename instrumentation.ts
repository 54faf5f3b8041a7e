/**
 * Runs once when the server starts. A wrong configuration stops start-up here, with a message
 * naming the variable, instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { storeReady } = await import('./instrumentation-node');
    await storeReady;
  }
}

/**
 * Errors Next.js caught while rendering or in a route handler or server action: one structured log
 * line with the request id proxy.ts gave the request, instead of a bare stack on stderr.
 */
export async function onRequestError(
  err: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('./lib/log/logger');
  const reqId = request.headers['x-request-id'];
  logger.error(
    { err, reqId: typeof reqId === 'string' ? reqId : undefined, method: request.method, path: request.path, route: context.routePath, routeType: context.routeType },
    'request failed',
  );
}
