import 'server-only';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { getConfig } from '@/lib/config';

/**
 * The one way a fixture file is read. A fixture directory may be a user's own `aws ec2 describe-*` dump,
 * and what it holds is shown to every viewer, so a file must be:
 * - inside the directory once symbolic links are resolved (a link to /etc/passwd would show its first bytes
 *   in the parse error), checked on the real path and opened with O_NOFOLLOW so it cannot be swapped after;
 * - a regular file: opened with O_NONBLOCK and checked with fstat, because opening a FIFO for reading blocks
 *   until someone writes to it, holding one of libuv's four file-system threads, and the region, forever;
 * - at most ATLAS_FIXTURE_MAX_BYTES (default 500 MB: a dump of 150,000 network interfaces is about 300 MB,
 *   and V8 cannot hold a string much past 512 MB anyway);
 * - read within ATLAS_FIXTURE_READ_TIMEOUT_MS (default 30 s), so a stalled network file system fails the
 *   region with a message instead of hanging it.
 * Refusals name the rule and leave the target out: the caller adds the file's name.
 */

export interface FixtureReadLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** A file the rules above refuse (never "missing": that stays an ENOENT error, so optional files read as none). */
export class FixtureFileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixtureFileRefused';
  }
}

/**
 * How long a directory's real path is reused. A fleet pass reads thousands of files from a hundred account
 * folders, each checked against its folder's real path; resolving the folder once a second instead of once a
 * file saves a file-system call per read. A folder moved meanwhile can only make a read fail the check (its files'
 * real paths are no longer under the old one), never let a file outside it through.
 */
const REAL_DIR_TTL_MS = 1_000;
const realDirs = new Map<string, { at: number; real: Promise<string> }>();

function realDir(dir: string): Promise<string> {
  const now = Date.now();
  const hit = realDirs.get(dir);
  if (hit && now - hit.at < REAL_DIR_TTL_MS) return hit.real;
  if (realDirs.size >= 1_000) for (const [d, e] of realDirs) if (now - e.at >= REAL_DIR_TTL_MS) realDirs.delete(d);
  const real = fs.realpath(dir);
  realDirs.set(dir, { at: now, real });
  // A directory that cannot be resolved is asked again next time (it may appear), and says why each time.
  real.catch(() => {
    if (realDirs.get(dir)?.real === real) realDirs.delete(dir);
  });
  return real;
}

function inside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Reads `file` (a path under `dir`) as UTF-8 under the rules above. Throws the file system's ENOENT error when
 * it does not exist, FixtureFileRefused when a rule refuses it.
 */
export async function readFixtureText(dir: string, file: string, limits?: FixtureReadLimits): Promise<string> {
  const { maxBytes, timeoutMs } = limits ?? getConfig().fixtureRead;
  const [dirReal, realFile] = await Promise.all([realDir(dir), fs.realpath(file)]);
  if (!inside(dirReal, realFile)) throw new FixtureFileRefused('leads outside the fixture directory (through a symbolic link or ..); only files inside it are read');
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(realFile, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new FixtureFileRefused('changed into a symbolic link while being opened; not read');
    throw err;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new FixtureFileRefused(`is not a regular file (${kindOf(st)}); only regular files are read`);
    if (st.size > maxBytes) throw new FixtureFileRefused(`is ${st.size} bytes, over the ${maxBytes}-byte cap (ATLAS_FIXTURE_MAX_BYTES)`);
    let buf: Buffer;
    try {
      buf = await handle.readFile({ signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      if ((err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError') {
        throw new FixtureFileRefused(`could not be read within ${timeoutMs} ms (ATLAS_FIXTURE_READ_TIMEOUT_MS)`);
      }
      throw err;
    }
    // It may have grown since fstat.
    if (buf.length > maxBytes) throw new FixtureFileRefused(`is over the ${maxBytes}-byte cap (ATLAS_FIXTURE_MAX_BYTES)`);
    return buf.toString('utf8');
  } finally {
    await handle.close();
  }
}

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a file';
}
