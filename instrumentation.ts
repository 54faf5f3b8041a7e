/**
 * Runs once when the server starts. A wrong configuration stops start-up here, with a message
 * naming the variable, instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./instrumentation-node');
  }
}
