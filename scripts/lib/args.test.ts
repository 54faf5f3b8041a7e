import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError, integerIn, oneOf, outDir, parseOptions, readCommandLine, regionName, required, seed } from './args';

const ROOT = path.resolve(__dirname, '../..');

describe('parseOptions', () => {
  const options = { size: { type: 'string' }, keep: { type: 'boolean' } } as const;

  it('reads the options given and adds -h/--help', () => {
    expect(parseOptions(['--size', 'M', '--keep'], options)).toEqual({ size: 'M', keep: true });
    expect(parseOptions(['-h'], options).help).toBe(true);
    expect(parseOptions([], options)).toEqual({});
  });

  it.each([
    [['--colour', 'red'], /Unknown option '--colour'/],
    [['stray'], /Unexpected argument 'stray'/],
    [['--size'], /--size <value>' argument missing/],
  ])('refuses %j with a UsageError', (argv, message) => {
    expect(() => parseOptions(argv, options)).toThrow(UsageError);
    expect(() => parseOptions(argv, options)).toThrow(message);
  });
});

describe('option checks', () => {
  it('required: the value, or the message', () => {
    expect(required('x', 'no')).toBe('x');
    expect(required('', 'no')).toBe('');
    expect(() => required(undefined, '--out is required.')).toThrow(new UsageError('--out is required.'));
  });

  it('outDir: resolved, never blank', () => {
    expect(outDir('fixtures/x')).toBe(path.resolve('fixtures/x'));
    expect(() => outDir(undefined)).toThrow('--out is required: the fixture directory to write into.');
    expect(() => outDir('  ')).toThrow('--out must not be empty.');
  });

  it.each(['us-east-1', 'ap-southeast-2', 'us-gov-west-1'])('regionName accepts %s', (r) => expect(regionName(r)).toBe(r));
  it.each(['us-east', 'US-EAST-1', 'us-east-1a', ''])('regionName refuses "%s"', (r) => {
    expect(() => regionName(r)).toThrow(`--region "${r}" is not a region name like us-east-1.`);
  });

  it('seed: up to nine digits', () => {
    expect(seed('0')).toBe(0);
    expect(seed('123456789')).toBe(123456789);
    for (const bad of ['-1', '1.5', '1234567890', 'x', '']) expect(() => seed(bad)).toThrow(`--seed "${bad}" is not a non-negative integer (at most 9 digits).`);
  });

  it('oneOf: case-insensitive, answers the choice as listed', () => {
    expect(oneOf('--size', 'xl', ['S', 'M', 'L', 'XL'])).toBe('XL');
    expect(() => oneOf('--size', 'XXL', ['S', 'M'])).toThrow('--size "XXL" is not one of S, M.');
  });

  it('integerIn: whole numbers in range', () => {
    expect(integerIn('--concurrency', '12', 1, 64)).toBe(12);
    expect(integerIn('--concurrency', '64', 1, 64)).toBe(64);
    for (const bad of ['0', '65', '2.5', 'ten']) expect(() => integerIn('--concurrency', bad, 1, 64)).toThrow('--concurrency must be an integer from 1 to 64.');
  });
});

describe('readCommandLine', () => {
  afterEach(() => vi.restoreAllMocks());

  function run(parse: (argv: string[]) => unknown) {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    let result: unknown;
    let thrown: unknown;
    try {
      result = readCommandLine('tool', 'Usage: tool\n', ['--x'], parse);
    } catch (e) {
      thrown = e;
    }
    return { result, thrown, out: out.join(''), err: err.join(''), exit };
  }

  it('returns what parse returns', () => {
    const r = run((argv) => ({ argv }));
    expect(r.result).toEqual({ argv: ['--x'] });
    expect(r.exit).not.toHaveBeenCalled();
  });

  it('prints the usage and exits 0 for help', () => {
    const r = run(() => null);
    expect(r.out).toBe('Usage: tool\n');
    expect(r.exit).toHaveBeenCalledWith(0);
  });

  it('prints the problem and exits 2 for a usage error', () => {
    const r = run(() => {
      throw new UsageError('--x is wrong.');
    });
    expect(r.err).toBe('tool: --x is wrong.\nRun with --help for usage.\n');
    expect(r.exit).toHaveBeenCalledWith(2);
  });

  it('lets any other error through', () => {
    const r = run(() => {
      throw new TypeError('bug');
    });
    expect(r.thrown).toBeInstanceOf(TypeError);
    expect(r.exit).not.toHaveBeenCalled();
  });
});

describe('the scripts use it', () => {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  delete env.AWS_REGION;
  delete env.AWS_DEFAULT_REGION;
  it.each([
    ['scripts/synth.ts', ['--size', 'XXL', '--out', '/tmp/never'], 'fixtures:synth: --size "XXL" is not one of S, M, L, XL.'],
    ['scripts/synth-to-moto.ts', ['--size', 'S', '--endpoint', 'http://example.com:5055'], 'synth-to-moto: --endpoint must be http:// on loopback (127.0.0.1), not "http://example.com:5055".'],
    ['scripts/capture.ts', ['--out', '/tmp/never'], 'fixtures:capture: --region is required (or set AWS_REGION).'],
    ['bench/run.ts', ['--sizes', 'L,XXL'], 'bench: --sizes "XXL" is not one of S, M, L, XL.'],
    ['bench/run.ts', ['--runs', '0'], 'bench: --runs must be an integer from 1 to 50.'],
  ])('%s exits 2 with the problem', (script, argv, message) => {
    const r = spawnSync(tsx, [script, ...argv], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe(`${message}\nRun with --help for usage.\n`);
    expect(r.status).toBe(2);
    // Each case starts a tsx process (about 1 s alone, several on a busy 2-core CI machine): the default 5 s is too tight.
  }, 60_000);
});
