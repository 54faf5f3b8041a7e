import { describe, expect, it } from 'vitest';
import { publicOrigin } from './public-origin';

describe('publicOrigin', () => {
  const forwarded = new Headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'atlas.example.com', 'x-forwarded-proto': 'https' });

  it('prefers ATLAS_PUBLIC_URL, then (behind a trusted proxy) the forwarded host and protocol, then Host', () => {
    expect(publicOrigin(forwarded, 'https://atlas.internal.example/base', false)).toBe('https://atlas.internal.example');
    expect(publicOrigin(forwarded, undefined, true)).toBe('https://atlas.example.com');
    expect(publicOrigin(new Headers({ host: '127.0.0.1:3931' }), undefined, true)).toBe('http://127.0.0.1:3931');
    expect(publicOrigin(new Headers({ host: '[::1]:3000' }), undefined, false)).toBe('http://[::1]:3000');
  });

  it('ignores X-Forwarded-Host and -Proto a client wrote itself (no ATLAS_TRUST_PROXY)', () => {
    expect(publicOrigin(forwarded, undefined, false)).toBe('http://127.0.0.1:3000');
  });

  it('refuses a Host that is not a host', () => {
    expect(publicOrigin(new Headers({ host: 'evil.example/path' }), undefined, false)).toBeNull();
    expect(publicOrigin(new Headers(), undefined, false)).toBeNull();
  });
});
