/**
 * ATLAS_DATABASE_URL: a libpq connection URI (`postgres://user[:password]@host[:port]/db?sslmode=verify-full`).
 * The password may be left out of the URL: the driver then reads PGPASSWORD, or the password file
 * (PGPASSFILE, default ~/.pgpass), as libpq does. Everything printed about the URL goes through
 * `redactDatabaseUrl`, so a password never reaches a log or an error page.
 */

/** The URL with its password (if any) replaced by `***`. Also hides a `password=` query parameter. */
export function redactDatabaseUrl(value: string): string {
  const hidden = value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@');
  return hidden.replace(/([?&]password=)[^&]*/gi, '$1***');
}

/** Why `value` is not a PostgreSQL URL this app can use, or null when it is. Never echoes the password. */
export function databaseUrlProblem(value: string): string | null {
  if (!/^postgres(ql)?:\/\//i.test(value)) return 'must be a PostgreSQL URL such as postgres://atlas@db.example.internal:5432/atlas';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a valid URL (a password with @ : / # or ? in it must be percent-encoded)';
  }
  if (!url.hostname) return 'names no host: postgres://USER@HOST:5432/DATABASE';
  if (url.port && !(Number(url.port) > 0 && Number(url.port) < 65536)) return `has an invalid port ${url.port}`;
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode && !['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'].includes(sslmode)) {
    return `has sslmode=${sslmode}; use disable, require, verify-ca or verify-full`;
  }
  return null;
}
