/**
 * npm run fixtures:synth -- --size S|M|L|XL --out DIR [--seed N] [--region us-east-1]
 *
 * Writes a synthetic account of one size as DIR/<region>/describe-*.json (plus vpc-attributes.json,
 * describe-prefix-lists.json and describe-vpc-endpoint-services.json): the files ATLAS_FIXTURE_DIR
 * reads, and what `scripts/synth-to-moto.ts` replays into a moto server. Same size, seed and region:
 * byte-identical files.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REGION_NAME, SIZES, countsOf, writeSynth, type Size } from './lib/synth';

const USAGE = `Usage: npm run fixtures:synth -- --size S|M|L|XL --out <dir> [--seed <n>] [--region <region>]

Writes <dir>/<region>/describe-*.json for a synthetic account (the folder <dir>/<region> is replaced):
  S   1 VPC, 12 subnets
  M   3 VPCs, 150 subnets
  L   1 VPC at AWS's default quotas: 200 subnets over 3 AZs, 200 route tables,
      50 interface endpoints with an ENI per AZ, 2 gateway endpoints, 3 NAT gateways
  XL  5 L-sized VPCs in one region

Options:
  --size <S|M|L|XL>   the account size (required)
  --out <dir>         the fixture directory to write into (required)
  --seed <n>          a non-negative integer; same seed, same bytes (default 1)
  --region <region>   the region folder and names, e.g. us-east-1 (default us-east-1)
  -h, --help          show this help
`;

function usageError(message: string): never {
  process.stderr.write(`fixtures:synth: ${message}\nRun with --help for usage.\n`);
  process.exit(2);
}

interface SynthArgs {
  size: Size;
  out: string;
  seed: number;
  region: string;
}

function parse(argv: string[]): SynthArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        size: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    usageError((err as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (values.size === undefined) usageError(`--size is required: one of ${SIZES.join(', ')}.`);
  const size = values.size.toUpperCase();
  if (!(SIZES as readonly string[]).includes(size)) usageError(`--size "${values.size}" is not one of ${SIZES.join(', ')}.`);
  if (values.out === undefined) usageError('--out is required: the fixture directory to write into.');
  if (values.out.trim() === '') usageError('--out must not be empty.');
  const seedText = values.seed ?? '1';
  if (!/^\d{1,9}$/.test(seedText)) usageError(`--seed "${seedText}" is not a non-negative integer (at most 9 digits).`);
  const region = values.region ?? 'us-east-1';
  if (!REGION_NAME.test(region)) usageError(`--region "${region}" is not a region name like us-east-1.`);
  return { size: size as Size, out: path.resolve(values.out), seed: Number(seedText), region };
}

function main(): void {
  const args = parse(process.argv.slice(2));
  const started = performance.now();
  const b = writeSynth({ size: args.size, seed: args.seed, region: args.region }, args.out);
  for (const c of countsOf(b)) {
    process.stdout.write(
      `  ${c.vpc}: subnets=${c.subnets} routeTables=${c.routeTables} interfaceEndpoints=${c.interfaceEndpoints} ` +
        `(ENIs ${c.endpointEnis}) gatewayEndpoints=${c.gatewayEndpoints} natGateways=${c.natGateways}\n`,
    );
  }
  process.stdout.write(
    `Wrote size ${args.size} (seed ${args.seed}) to ${path.join(args.out, args.region)} in ${Math.round(performance.now() - started)} ms\n`,
  );
}

main();
