import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

/** Starts `npm start`'s script with `env` added and waits (at most 30 s) for it to exit: its exit code and output. */
async function startUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, ATLAS_SKIP_BUILD_CHECK: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 30_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, output };
}

const port = (offset: number) => String(Number(process.env.E2E_PORT ?? 3210) + offset);

test('a wrong configuration value stops start-up with a message naming the variable', async () => {
  const { code, output } = await startUntilExit({ ATLAS_SOURCE: 'bogus', PORT: port(9) });
  expect(code, output).toBe(1);
  expect(output).toContain('ATLAS_SOURCE="bogus"');
});

test('live writes without sign-in stop start-up with a message saying why', async () => {
  const { code, output } = await startUntilExit({ ATLAS_LIVE_WRITES: '1', ATLAS_AUTH: 'none', PORT: port(14) });
  expect(code, output).toBe(1);
  expect(output).toContain('ATLAS_LIVE_WRITES=1 needs sign-in');
  expect(output).toContain('Set ATLAS_AUTH=proxy');
});
