/**
 * `npm run store:migrate`: brings the configured store's schema up to date (ATLAS_DATABASE_URL, else the SQLite
 * file in ATLAS_DATA_DIR) and says from which version to which. Start-up does the same, under the same
 * advisory lock, so running it first is optional: it lets a deploy migrate before the new replicas start.
 */
// Must stay the first import: lets the lib modules' `import 'server-only'` load outside Next.
import './allow-server-only';
import { ConfigError } from '@/lib/config';
import { closeStore, startStore } from '@/lib/store';

async function main() {
  try {
    const store = await startStore();
    const { from, to } = await store.migrate();
    console.log(from === to ? `store:migrate: ${store.target} is at schema ${to}; nothing to do.` : `store:migrate: ${store.target} migrated from schema ${from} to ${to}.`);
  } catch (err) {
    if (!(err instanceof Error) || !(err.name === 'StoreStartError' || err instanceof ConfigError)) throw err;
    console.error(`store:migrate: ${err.message}`);
    process.exitCode = 1;
  } finally {
    await closeStore();
  }
}

void main();
