/**
 * DNS rebinding guard (proxy.ts runs it first, for every request, in every auth mode).
 *
 * A page on evil.example can point its own name at 127.0.0.1 once the browser has loaded it; from then on
 * the browser treats this server as evil.example, sends `Host: evil.example:3000` and a matching Origin,
 * and lets the page read the answers. The Host header is the one thing such a request cannot hide, so a
 * request is served only when its host is one the operator named:
 * - a loopback name or address (`localhost`, 127.0.0.0/8, `::1`): the default set-up, and every test server;
 * - the address the server binds (ATLAS_BIND, or HOSTNAME for the standalone server), unless it is a wildcard;
 * - the host of ATLAS_PUBLIC_URL;
 * - each entry of ATLAS_ALLOWED_HOSTS (commas or white space between them; a port, when given, is ignored).
 * With ATLAS_TRUST_PROXY=1 the proxy's `X-Forwarded-Host` must be allowed too, since that is the host the
 * browser used. No `server-only` and no lib/config: proxy.ts reads its settings from the environment.
 */

export interface HostSettings {
  /** Host names and addresses (lower case, IPv6 without brackets) served besides loopback. */
  allowed: string[];
  /** ATLAS_TRUST_PROXY=1: a proxy in front sets X-Forwarded-Host / X-Forwarded-Proto, and they are read. */
  trustProxy: boolean;
}

/** 0.0.0.0 and :: mean "every interface": no browser reaches a server under that name. */
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);

/** Whether the proxy in front of this server is trusted to set X-Forwarded-Host / -Proto (ATLAS_TRUST_PROXY=1). */
export function trustsProxy(env: Record<string, string | undefined>): boolean {
  const v = env.ATLAS_TRUST_PROXY?.trim().toLowerCase();
  return v === '1' || v === 'true';
}

/**
 * The host part of a `Host`-style value (`Example.COM:3000`, `[::1]:3000`, `127.0.0.1`, `::1`), lower case,
 * without brackets, port or a trailing dot; null when it is not a plausible host at all.
 */
export function hostName(value: string | null | undefined): string | null {
  const v = (value ?? '').split(',')[0]!.trim().toLowerCase();
  // A bare IPv6 address (ATLAS_BIND=::1); Host headers always bracket one.
  if (/^[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*$/.test(v)) return v;
  const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9_.-]+))(?::\d{1,5})?$/.exec(v);
  if (!m) return null;
  const name = (m[1] ?? m[2]!).replace(/\.$/, '');
  return name || null;
}

function hostOfUrl(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    return hostName(new URL(url.trim()).host);
  } catch {
    return null;
  }
}

/** The host check's settings from the environment (lib/config.ts validates the same variables at start-up). */
export function hostSettingsFromEnv(env: Record<string, string | undefined>): HostSettings {
  const allowed = new Set<string>();
  for (const entry of (env.ATLAS_ALLOWED_HOSTS ?? '').split(/[\s,]+/)) {
    const h = hostName(entry) ?? hostOfUrl(entry);
    if (h) allowed.add(h);
  }
  const publicHost = hostOfUrl(env.ATLAS_PUBLIC_URL);
  if (publicHost) allowed.add(publicHost);
  const bind = hostName(env.ATLAS_BIND || env.HOSTNAME);
  if (bind && !WILDCARD_BINDS.has(bind) && /^[0-9a-f:.]+$|^localhost$/.test(bind)) allowed.add(bind);
  return { allowed: [...allowed], trustProxy: trustsProxy(env) };
}

/** Loopback by name or address: 127.0.0.0/8, ::1 (also IPv4-mapped), localhost. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host) || /^::ffff:127(\.\d{1,3}){3}$/.test(host);
}

function allowedHost(host: string | null, settings: HostSettings): boolean {
  return host !== null && (isLoopbackHost(host) || settings.allowed.includes(host));
}

/** Why a request's host is refused (a sentence naming the host and what to set), or null when it may go on. */
export function hostProblem(headers: Headers, settings: HostSettings): string | null {
  const raw = headers.get('host');
  const host = hostName(raw);
  const forwarded = settings.trustProxy ? headers.get('x-forwarded-host') : null;
  const checks: Array<[string | null, string | null]> = forwarded ? [[raw, host], [forwarded, hostName(forwarded)]] : [[raw, host]];
  for (const [value, name] of checks) {
    if (allowedHost(name, settings)) continue;
    const shown = JSON.stringify((value ?? '').slice(0, 100));
    return `This server does not answer to the host ${shown}. It answers to loopback addresses, the address it binds, the host of ATLAS_PUBLIC_URL and the hosts listed in ATLAS_ALLOWED_HOSTS; a page that renamed itself to reach this server (DNS rebinding) is refused.`;
  }
  return null;
}
