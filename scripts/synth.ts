/**
 * npm run fixtures:synth -- --size S|M|L|XL --out DIR [--seed N] [--region us-east-1]
 *
 * Writes a synthetic account of one size as DIR/<region>/describe-*.json (plus vpc-attributes.json,
 * describe-prefix-lists.json and describe-vpc-endpoint-services.json): the files ATLAS_FIXTURE_DIR
 * reads, and what `scripts/synth-to-moto.ts` replays into a moto server. Same size, seed and region:
 * byte-identical files.
 */
import path from 'node:path';
import { oneOf, outDir, parseOptions, readCommandLine, regionName, required, seed } from './lib/args';
import { SIZES, countsOf, writeSynth, type Size } from './lib/synth';

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

interface SynthArgs {
  size: Size;
  out: string;
  seed: number;
  region: string;
}

function parse(argv: string[]): SynthArgs | null {
  const values = parseOptions(argv, {
    size: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    region: { type: 'string' },
  });
  if (values.help) return null;
  const size = oneOf('--size', required(values.size, `--size is required: one of ${SIZES.join(', ')}.`), SIZES);
  return { size, out: outDir(values.out), seed: seed(values.seed ?? '1'), region: regionName(values.region ?? 'us-east-1') };
}

function main(): void {
  const args = readCommandLine('fixtures:synth', USAGE, process.argv.slice(2), parse);
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
