/**
 * npm run fixtures:synth -- --size S|M|L|XL --out DIR [--seed N] [--region us-east-1]
 * npm run fixtures:synth -- --fleet AxR --out DIR [--seed N] [--broken N]
 *
 * Writes a synthetic account of one size as DIR/<region>/describe-*.json (plus vpc-attributes.json,
 * describe-prefix-lists.json and describe-vpc-endpoint-services.json): the files ATLAS_FIXTURE_DIR
 * reads, and what `scripts/synth-to-moto.ts` replays into a moto server. Same size, seed and region:
 * byte-identical files. `--fleet` writes a whole organization instead (scripts/lib/synth-fleet.ts).
 */
import path from 'node:path';
import { integerIn, oneOf, outDir, parseOptions, readCommandLine, regionName, required, seed, UsageError } from './lib/args';
import { FLEET_REGIONS, MAX_FLEET_ACCOUNTS, writeFleet } from './lib/synth-fleet';
import { SIZES, countsOf, writeSynth, type Size } from './lib/synth';

const USAGE = `Usage: npm run fixtures:synth -- --size S|M|L|XL --out <dir> [--seed <n>] [--region <region>]
       npm run fixtures:synth -- --fleet <accounts>x<regions> --out <dir> [--seed <n>] [--broken <n>]

Writes <dir>/<region>/describe-*.json for a synthetic account (the folder <dir>/<region> is replaced):
  S   1 VPC, 12 subnets
  M   3 VPCs, 150 subnets
  L   1 VPC at AWS's default quotas: 200 subnets over 3 AZs, 200 route tables,
      50 interface endpoints with an ENI per AZ, 2 gateway endpoints, 3 NAT gateways
  XL  5 L-sized VPCs in one region

--fleet writes an organization: <dir>/<12-digit account id>/account.json and
<dir>/<account id>/<region>/describe-*.json, mostly S with some M account-regions, some
without gateway endpoints (S3 and DynamoDB through NAT) or without NAT gateways. <dir> must
be new, empty, or a fleet written before (it is replaced).

Options:
  --size <S|M|L|XL>   the account size (required unless --fleet)
  --fleet <AxR>       a fleet of A accounts (1-${MAX_FLEET_ACCOUNTS}) x R regions (1-${FLEET_REGIONS.length}), e.g. 100x3
  --broken <n>        --fleet only: n accounts (after the first) get a truncated describe-vpcs.json (default 0)
  --out <dir>         the fixture directory to write into (required)
  --seed <n>          a non-negative integer; same seed, same bytes (default 1)
  --region <region>   the region folder and names, e.g. us-east-1 (default us-east-1)
  -h, --help          show this help
`;

type SynthArgs =
  | { kind: 'account'; size: Size; out: string; seed: number; region: string }
  | { kind: 'fleet'; accounts: number; regions: number; broken: number; out: string; seed: number };

/** `100x3`: accounts x regions. */
function fleetShape(text: string): { accounts: number; regions: number } {
  const m = /^(\d+)x(\d+)$/i.exec(text);
  if (!m) throw new UsageError(`--fleet "${text}" is not <accounts>x<regions>, e.g. 100x3.`);
  return {
    accounts: integerIn('--fleet accounts', m[1] as string, 1, MAX_FLEET_ACCOUNTS),
    regions: integerIn('--fleet regions', m[2] as string, 1, FLEET_REGIONS.length),
  };
}

function parse(argv: string[]): SynthArgs | null {
  const values = parseOptions(argv, {
    size: { type: 'string' },
    fleet: { type: 'string' },
    broken: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    region: { type: 'string' },
  });
  if (values.help) return null;
  if (values.fleet !== undefined) {
    if (values.size !== undefined || values.region !== undefined) throw new UsageError('--fleet chooses sizes and regions itself: leave out --size and --region.');
    const { accounts, regions } = fleetShape(values.fleet);
    const broken = integerIn('--broken', values.broken ?? '0', 0, accounts - 1);
    return { kind: 'fleet', accounts, regions, broken, out: outDir(values.out), seed: seed(values.seed ?? '1') };
  }
  if (values.broken !== undefined) throw new UsageError('--broken needs --fleet.');
  const size = oneOf('--size', required(values.size, `--size is required (one of ${SIZES.join(', ')}), or --fleet.`), SIZES);
  return { kind: 'account', size, out: outDir(values.out), seed: seed(values.seed ?? '1'), region: regionName(values.region ?? 'us-east-1') };
}

function main(): void {
  const args = readCommandLine('fixtures:synth', USAGE, process.argv.slice(2), parse);
  const started = performance.now();
  if (args.kind === 'fleet') {
    let plans;
    try {
      plans = writeFleet(args, args.out);
    } catch (err) {
      process.stderr.write(`fixtures:synth: ${(err as Error).message}\n`);
      process.exit(1);
    }
    const regions = plans.flatMap((p) => p.regions);
    const m = regions.filter((r) => r.size === 'M').length;
    const noGw = regions.filter((r) => r.variant === 'no-gateway-endpoints').length;
    process.stdout.write(
      `Wrote a fleet of ${plans.length} accounts x ${args.regions} regions (${regions.length - m} S, ${m} M; ` +
        `${noGw} without gateway endpoints; ${args.broken} broken accounts; seed ${args.seed}) to ${args.out} in ` +
        `${Math.round(performance.now() - started)} ms\n`,
    );
    return;
  }
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
