#!/usr/bin/env node
// `npm run mutate [-- <module>... ] [-- --force]`: Stryker over the core modules, one module at a time,
// low priority and one test process (two cores, shared). Prints each module's score like the bench and
// writes reports/mutation/summary.json; each module's HTML report is reports/mutation/<module>/index.html.
// Modules and their tests: scripts/mutation-modules.mjs. Reading the results: docs/mutation.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MUTATION_MODULES, moduleSlug } from './mutation-modules.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const force = args.includes('--force');
// --report: print the table from the last reports without running Stryker.
const reportOnly = args.includes('--report');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !Object.hasOwn(MUTATION_MODULES, n));
if (unknown.length) {
  console.error(`Unknown module ${unknown.join(', ')}; known: ${Object.keys(MUTATION_MODULES).join(', ')}.`);
  process.exit(2);
}
const selected = names.length ? names : Object.keys(MUTATION_MODULES);

/** The globs of mutation-modules.mjs (`**` and `*` only) as one test of a path. */
function globMatcher(globs) {
  const toRegex = (g) =>
    new RegExp(`^${g.split('**/').map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('(?:.*/)?')}$`);
  const include = globs.filter((g) => !g.startsWith('!')).map(toRegex);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => toRegex(g.slice(1)));
  return (file) => include.some((re) => re.test(file)) && !exclude.some((re) => re.test(file));
}

/**
 * Stryker's mutation score: detected (killed or timed out) over all valid mutants, in percent. Only the
 * module's files count: Stryker carries the files of an older incremental report into the new one even
 * when the module no longer mutates them.
 */
export function scoreOf(report, globs = ['**/*']) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, invalid: 0 };
  const survivors = [];
  const inModule = globMatcher(globs);
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (!inModule(file)) continue;
    for (const m of mutants) {
      const key = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', Ignored: 'ignored' }[m.status] ?? 'invalid';
      counts[key]++;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push({ file, line: m.location.start.line, mutator: m.mutatorName, replacement: m.replacement ?? '', status: m.status });
      }
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { ...counts, total: valid, score: valid ? (100 * detected) / valid : 100, survivors };
}

const rows = [];
let failed = false;
for (const name of selected) {
  const slug = moduleSlug(name);
  const started = Date.now();
  const reportFile = path.join(root, 'reports', 'mutation', slug, 'mutation.json');
  if (reportOnly) {
    if (existsSync(reportFile)) rows.push({ name, secs: 0, ...scoreOf(JSON.parse(readFileSync(reportFile, 'utf8')), MUTATION_MODULES[name].mutate) });
    continue;
  }
  console.log(`\n=== mutate ${name}`);
  const r = spawnSync('nice', ['-n', '15', path.join(root, 'node_modules', '.bin', 'stryker'), 'run', 'stryker.config.mjs', ...(force ? ['--force'] : [])], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ATLAS_MUTATE_MODULE: name, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  const secs = (Date.now() - started) / 1000;
  if (r.status !== 0 || !existsSync(reportFile)) {
    console.error(`=== mutate ${name}: Stryker failed (exit ${r.status})`);
    rows.push({ name, failed: true, secs });
    failed = true;
    continue;
  }
  rows.push({ name, secs, ...scoreOf(JSON.parse(readFileSync(reportFile, 'utf8')), MUTATION_MODULES[name].mutate) });
}

const pad = (s, n) => String(s).padEnd(n);
const num = (s, n) => String(s).padStart(n);
console.log(`\n${pad('module', 28)}${num('mutants', 8)}${num('killed', 8)}${num('timeout', 8)}${num('survived', 9)}${num('no cov', 8)}${num('ignored', 8)}${num('score', 8)}${num('time', 8)}`);
for (const row of rows) {
  if (row.failed) {
    console.log(`${pad(row.name, 28)}  Stryker failed after ${Math.round(row.secs)} s`);
    continue;
  }
  const mark = row.score >= 85 ? '' : '  below 85 %';
  console.log(
    `${pad(row.name, 28)}${num(row.total, 8)}${num(row.killed, 8)}${num(row.timeout, 8)}${num(row.survived, 9)}${num(row.noCoverage, 8)}${num(row.ignored, 8)}${num(`${row.score.toFixed(1)}%`, 8)}${num(`${Math.round(row.secs)}s`, 8)}${mark}`,
  );
}
for (const row of rows.filter((r) => !r.failed && r.survivors.length)) {
  console.log(`\n${row.name}: ${row.survivors.length} undetected`);
  for (const s of row.survivors) console.log(`  ${s.file}:${s.line} ${s.mutator}${s.status === 'NoCoverage' ? ' (no test reaches it)' : ''}: ${s.replacement.split('\n')[0].slice(0, 100)}`);
}
mkdirSync(path.join(root, 'reports', 'mutation'), { recursive: true });
const summaryFile = path.join(root, 'reports', 'mutation', 'summary.json');
const previous = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : {};
if (!reportOnly) {
  for (const row of rows) previous[row.name] = { ...row, at: new Date().toISOString() };
  writeFileSync(summaryFile, `${JSON.stringify(previous, null, 2)}\n`);
}
process.exit(failed ? 1 : 0);
