import { chromium } from '@playwright/test';
const [url, out, w = '1400', h = '900', scheme = 'light'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const p = await b.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme });
p.on('console', (m) => { if (m.type() === 'error') console.log('console', m.type(), m.text()); });
await p.goto(url, { waitUntil: 'networkidle' });
await p.waitForTimeout(2500);
await p.screenshot({ path: out });
await b.close();
