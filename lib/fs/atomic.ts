import 'server-only';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The one atomic file write: the fixture backend's saved state and captured `describe-*.json` files both go through
 * it. The new content goes to a temporary file beside the target (owner-only, `wx` so an existing file is never
 * reused), is fsynced, then renamed over the old file (rename(2) within one file system is atomic on POSIX), and
 * the directory is fsynced so the rename itself survives a power cut. A reader sees the old content or the new one,
 * never half of either; a failed write leaves no temporary file behind. Missing folders are made.
 */

/** Writes `content` to `file` atomically: temporary file, fsync, rename, fsync of the directory. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(/* turbopackIgnore: true */ dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  // The rename is only durable once the directory entry is on disk. Some file systems refuse to
  // open a directory for fsync; the data is still in place then, so this is best effort.
  try {
    const d = await fs.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // See above.
  }
}
