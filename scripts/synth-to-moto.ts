/**
 * npx tsx scripts/synth-to-moto.ts --size S|M|L --endpoint http://127.0.0.1:PORT [--seed N] [--region R] [--concurrency N]
 *
 * Creates a synthetic account (the same one `npm run fixtures:synth` writes for that size and seed) in a
 * moto server through the AWS SDK, requests in parallel with a concurrency limit. Only a loopback endpoint
 * is accepted: this creates hundreds of resources, and must never be pointed at a real account.
 * moto's dummy credentials are used; nothing from the shell's AWS configuration is read.
 */
// eslint-disable-next-line no-restricted-imports -- seeding a local moto server for the benchmark, never an AWS account
import { EC2Client } from '@aws-sdk/client-ec2';
import { replayIntoEc2 } from './lib/synth-moto';
import { UsageError, integerIn, oneOf, parseOptions, readCommandLine, regionName, required, seed } from './lib/args';
import { countsOf, synthRegion, type Size } from './lib/synth';

const USAGE = `Usage: npx tsx scripts/synth-to-moto.ts --size S|M|L --endpoint http://127.0.0.1:<port> [--seed <n>] [--region <region>] [--concurrency <n>]

Creates the synthetic account of that size (see npm run fixtures:synth) in a moto server through the SDK.
L sends about 1,500 requests and takes a minute or so.

Options:
  --size <S|M|L>       the account size (required; XL is not offered: moto takes too long for it)
  --endpoint <url>     the moto server, on loopback only: http://127.0.0.1:<port> (required)
  --seed <n>           a non-negative integer (default 1)
  --region <region>    default us-east-1
  --concurrency <n>    requests in flight, 1..64 (default 12)
`;

const MOTO_SIZES = ['S', 'M', 'L'] as const;

function parse(argv: string[]) {
  const values = parseOptions(argv, {
    size: { type: 'string' },
    endpoint: { type: 'string' },
    seed: { type: 'string' },
    region: { type: 'string' },
    concurrency: { type: 'string' },
  });
  if (values.help) return null;
  const size: Size = oneOf('--size', required(values.size, `--size is required: one of ${MOTO_SIZES.join(', ')}.`), MOTO_SIZES);
  const endpoint = required(values.endpoint, '--endpoint is required, e.g. http://127.0.0.1:5055.');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`--endpoint "${endpoint}" is not a URL.`);
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new UsageError(`--endpoint must be http:// on loopback (127.0.0.1), not "${endpoint}".`);
  }
  return {
    size,
    endpoint: url.origin,
    seed: seed(values.seed ?? '1'),
    region: regionName(values.region ?? 'us-east-1'),
    concurrency: integerIn('--concurrency', values.concurrency ?? '12', 1, 64),
  };
}

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = readCommandLine('synth-to-moto', USAGE, process.argv.slice(2), parse);
  const b = synthRegion({ size: args.size, seed: args.seed, region: args.region });
  const client = new EC2Client({
    region: args.region,
    endpoint: args.endpoint,
    // moto accepts any keys; fixed ones keep the shell's profiles and keys out of it.
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 3,
  });
  try {
    const stats = await replayIntoEc2(b, client, args.concurrency);
    for (const c of countsOf(b)) {
      process.stdout.write(
        `  ${c.vpc} -> ${stats.idMap.get(c.vpc)}: subnets=${c.subnets} routeTables=${c.routeTables} ` +
          `interfaceEndpoints=${c.interfaceEndpoints} gatewayEndpoints=${c.gatewayEndpoints} natGateways=${c.natGateways}\n`,
      );
    }
    process.stdout.write(`Created size ${args.size} in ${args.endpoint}: ${stats.requests} requests in ${(stats.ms / 1000).toFixed(1)} s\n`);
  } catch (err) {
    process.stderr.write(`synth-to-moto: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  } finally {
    client.destroy();
  }
}

void main();
