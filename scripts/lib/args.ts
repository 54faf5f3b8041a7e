/**
 * Command-line parsing shared by the scripts (fixtures:capture, fixtures:synth, synth-to-moto): a strict
 * `node:util` parseArgs (no positionals, unknown options refused, `-h`/`--help` added), checks that
 * say which option is wrong and why, and one way out: usage on stdout with exit 0 for --help, the
 * problem on stderr with exit 2 for a bad command line.
 */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the script cannot run with; the message names the option. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Parses `argv` against `options` plus `-h`/`--help`, strictly; throws a UsageError for anything else. */
export function parseOptions<const O extends OptionsConfig>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...options, ...HELP }, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The value, or a UsageError with `message` when the option was not given. */
export function required<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new UsageError(message);
  return value;
}

/** A fixture directory option: given, not blank; resolved against the working directory. */
export function outDir(value: string | undefined): string {
  const out = required(value, '--out is required: the fixture directory to write into.');
  if (out.trim() === '') throw new UsageError('--out must not be empty.');
  return path.resolve(out);
}

/** A region name as AWS spells it: us-east-1, ap-southeast-2, us-gov-west-1. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function regionName(value: string): string {
  if (!REGION_NAME.test(value)) throw new UsageError(`--region "${value}" is not a region name like us-east-1.`);
  return value;
}

/** A seed: a non-negative integer of at most 9 digits (so it stays exact and prints as typed). */
export function seed(text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new UsageError(`--seed "${text}" is not a non-negative integer (at most 9 digits).`);
  return Number(text);
}

/** One of `choices`, compared case-insensitively (choices are upper case: sizes S, M, L, XL). */
export function oneOf<const C extends string>(flag: string, value: string, choices: readonly C[]): C {
  const upper = value.toUpperCase();
  if (!(choices as readonly string[]).includes(upper)) throw new UsageError(`${flag} "${value}" is not one of ${choices.join(', ')}.`);
  return upper as C;
}

/** An integer from `min` to `max`. */
export function integerIn(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}.`);
  return n;
}

/**
 * Runs a script's `parse` on its arguments: prints `usage` and exits 0 when it returns null (help was
 * asked for); prints `<command>: <problem>` and exits 2 on a UsageError.
 */
export function readCommandLine<T>(command: string, usage: string, argv: string[], parse: (argv: string[]) => T | null): T {
  let args: T | null;
  try {
    args = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${command}: ${err.message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  if (args === null) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return args;
}
