/**
 * `npm run store:copy -- --from sqlite:PATH --to postgres://USER@HOST:PORT/DB`: moves a team's snapshots and
 * audit log from the embedded SQLite file to PostgreSQL (or between any two stores). Ids and times are kept,
 * so every snapshot link keeps working; rows the target already has are skipped, so it can run again.
 */
// Must stay the first import: lets the lib modules' `import 'server-only'` load outside Next.
import './allow-server-only';
import { existsSync } from 'node:fs';
import { openStore } from '@/lib/store';
import { copyStore } from '@/lib/store/copy';
import { redactDatabaseUrl } from '@/lib/store/url';
import { parseOptions, readCommandLine, required, UsageError } from './lib/args';

const USAGE = `Usage: npm run store:copy -- --from sqlite:PATH --to postgres://USER@HOST:PORT/DATABASE

Copies every snapshot and audit line from one store to the other, keeping ids and times.
  --from   the store to read: sqlite:PATH (e.g. sqlite:.data/snapshots.db) or a postgres:// URL
  --to     the store to write: a postgres:// URL (password in the URL, PGPASSWORD or ~/.pgpass), or sqlite:PATH
`;

function location(flag: string, value: string, mustExist: boolean): string {
  if (value.startsWith('sqlite:')) {
    if (mustExist && !existsSync(value.slice('sqlite:'.length))) throw new UsageError(`${flag} ${value}: no such file.`);
    return value;
  }
  if (/^postgres(ql)?:\/\//i.test(value)) return value;
  throw new UsageError(`${flag} "${redactDatabaseUrl(value)}" is not sqlite:PATH or postgres://...`);
}

function parse(argv: string[]) {
  const o = parseOptions(argv, { from: { type: 'string' }, to: { type: 'string' } });
  if (o.help) return null;
  const from = location('--from', required(o.from, '--from is required: the store to copy from (sqlite:PATH).'), true);
  const to = location('--to', required(o.to, '--to is required: the store to copy into (postgres://...).'), false);
  if (from === to) throw new UsageError('--from and --to name the same store.');
  return { from, to };
}

async function main() {
  const args = readCommandLine('store:copy', USAGE, process.argv.slice(2), parse);
  const from = openStore(args.from);
  const to = openStore(args.to);
  try {
    const counts = await copyStore(from, to);
    console.log(
      `store:copy: ${from.target} -> ${to.target}: ${counts.snapshots.copied} snapshots copied (${counts.snapshots.present} already there), ` +
        `${counts.audit.copied} audit lines copied (${counts.audit.present} already there).`,
    );
  } catch (err) {
    const message = err instanceof Error ? err.message || (err as { code?: string }).code : String(err);
    console.error(`store:copy: ${redactDatabaseUrl(String(message))}`);
    process.exitCode = 1;
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}

void main();
