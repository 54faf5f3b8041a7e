#!/usr/bin/env node
// `npm test`: every check a contributor must pass, in order: lint, typecheck, unit tests,
// live-mode integration against a moto server, production build, Playwright e2e.
// It prepares what the checks need (the moto venv, a Chromium) and fails, never skips, when
// one of them cannot be had and CI is set.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CI = !!process.env.CI;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
};
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = [];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...(opts.env ?? {}) } });
  return r.status === 0;
}

function step(name, fn) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  let outcome;
  try {
    outcome = fn();
  } catch (err) {
    console.error(err);
    outcome = false;
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const status = outcome === 'skipped' ? 'skipped' : outcome ? 'passed' : 'failed';
  results.push({ name, status, secs });
  console.log(`=== ${name}: ${status} (${secs}s)`);
}

function ensureMoto() {
  const moto = path.join(root, '.venv', 'bin', 'moto_server');
  if (existsSync(moto)) return true;
  console.log("Setting up the moto venv: python3 -m venv .venv && .venv/bin/pip install 'moto[server]==5.2.5'");
  const ok =
    run('python3', ['-m', 'venv', '.venv']) &&
    run(path.join(root, '.venv', 'bin', 'pip'), ['install', '--quiet', 'moto[server]==5.2.5']);
  return ok && existsSync(moto);
}

async function playwrightChromium() {
  if (process.env.ATLAS_CHROMIUM && existsSync(process.env.ATLAS_CHROMIUM)) return process.env.ATLAS_CHROMIUM;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = await import('@playwright/test');
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch {
    // Playwright not installed: npm ci has not run.
  }
  return null;
}

async function ensureChromium() {
  if (await playwrightChromium()) return true;
  console.log('No Chromium found: trying `npx playwright install chromium` (needs the internet).');
  run(bin('playwright'), ['install', 'chromium']);
  return !!(await playwrightChromium());
}

const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : null;
const want = (name) => !only || only.includes(name);

if (want('lint')) step('lint', () => run(bin('eslint'), ['.', '--max-warnings=0']));
if (want('typecheck')) step('typecheck', () => run(bin('tsc'), ['--noEmit', '-p', '.']));
if (want('unit')) step('unit', () => run(bin('vitest'), ['run']));
if (want('live')) {
  const haveMoto = ensureMoto();
  if (!haveMoto && !CI) {
    console.warn('moto is not available (python3 venv or pip failed): live-mode tests are SKIPPED. CI fails here instead.');
    results.push({ name: 'live', status: 'skipped', secs: '0' });
  } else {
    step('live', () => {
      if (!haveMoto) {
        console.error("moto is missing and CI is set: run python3 -m venv .venv && .venv/bin/pip install 'moto[server]==5.2.5'");
        return false;
      }
      return run(bin('vitest'), ['run', '--config', 'vitest.live.config.ts']);
    });
  }
}
if (want('build')) step('build', () => run(bin('next'), ['build']));
if (want('e2e')) {
  const haveChromium = await ensureChromium();
  if (!haveChromium && !CI) {
    console.warn('No Chromium could be found or installed: e2e tests are SKIPPED. CI fails here instead.');
    results.push({ name: 'e2e', status: 'skipped', secs: '0' });
  } else {
    step('e2e', () => {
      if (!haveChromium) {
        console.error('Chromium is missing and CI is set: apt-get install -y chromium, or npx playwright install chromium.');
        return false;
      }
      return run(bin('playwright'), ['test']);
    });
  }
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.status.padEnd(8)} ${r.name} (${r.secs}s)`);
const passed = results.filter((r) => r.status === 'passed').length;
const failed = results.filter((r) => r.status === 'failed').length;
const skipped = results.filter((r) => r.status === 'skipped').length;
console.log(`checks: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
