import { bindWarning, ConfigError, getConfig } from '@/lib/config';
import { logger } from '@/lib/log/logger';
import { startStore, StoreStartError } from '@/lib/store';

try {
  const config = getConfig();
  const { auth } = config;
  // Where this server listens: scripts/start.mjs passes ATLAS_BIND; the standalone server (Dockerfile) listens
  // on HOSTNAME, or on every interface when it is unset.
  const standalone = !!process.env.__NEXT_PRIVATE_STANDALONE_CONFIG;
  const host = process.env.ATLAS_BIND || (standalone ? process.env.HOSTNAME || '0.0.0.0' : null);
  const warning = bindWarning(host, auth.mode);
  if (warning) console.error(warning);
  logger.info(
    {
      source: config.source,
      auth: auth.mode,
      ...(auth.mode === 'proxy' ? { header: auth.header } : {}),
      ...(auth.oidc ? { issuer: auth.oidc.issuer } : {}),
      editors: auth.mode === 'none' ? 'everyone (no sign-in)' : auth.editors.length,
      snapshots: auth.snapshots,
      liveWrites: config.liveWrites,
      dataDir: config.dataDir,
      store: config.databaseUrl ? 'postgres' : 'sqlite',
    },
    'vpc-atlas started',
  );
  if (auth.mode !== 'none' && auth.editors.length === 0) {
    logger.warn('ATLAS_EDITORS is empty: everyone who signs in is a viewer, and nobody can change anything.');
  }
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`vpc-atlas: ${err.message}`);
    process.exit(1);
  }
  throw err;
}

/**
 * The store opens and migrates before the first request (instrumentation.ts awaits this): a wrong
 * ATLAS_DATABASE_URL or a database that does not answer stops start-up with the variable named.
 */
export const storeReady = startStore().then(
  () => undefined,
  (err: unknown) => {
    if (err instanceof StoreStartError || err instanceof ConfigError) {
      console.error(`vpc-atlas: ${err.message}`);
      process.exit(1);
    }
    throw err;
  },
);
