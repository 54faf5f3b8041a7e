import { describe, expect, it } from 'vitest';
import { publicOrigin } from './public-origin';

describe('publicOrigin', () => {
  it('prefers ATLAS_PUBLIC_URL, then the forwarded host and protocol, then Host', () => {
    const h = new Headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'atlas.example.com', 'x-forwarded-proto': 'https' });
    expect(publicOrigin(h, 'https://atlas.internal.example/base')).toBe('https://atlas.internal.example');
    expect(publicOrigin(h, undefined)).toBe('https://atlas.example.com');
    expect(publicOrigin(new Headers({ host: '127.0.0.1:3931' }), undefined)).toBe('http://127.0.0.1:3931');
    expect(publicOrigin(new Headers({ host: '[::1]:3000' }), undefined)).toBe('http://[::1]:3000');
  });

  it('refuses a Host that is not a host', () => {
    expect(publicOrigin(new Headers({ host: 'evil.example/path' }), undefined)).toBeNull();
    expect(publicOrigin(new Headers(), undefined)).toBeNull();
  });
});
