/**
 * npm run fixtures:capture -- --region R --out DIR
 *
 * Snapshots one region of a live EC2 API (AWS, LocalStack, moto) as the directory of
 * `aws ec2 describe-* --output json` files that ATLAS_FIXTURE_DIR reads, without the AWS CLI.
 * Credentials and endpoint come from the SDK's own chain: AWS_PROFILE, AWS_ACCESS_KEY_ID...,
 * AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EC2.
 */
// Must stay the first import: lets the lib modules' `import 'server-only'` load outside Next.
import './allow-server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { captureRegion } from '@/lib/ec2/capture';
import { LiveEc2Api } from '@/lib/ec2/live';
import { LiveCloudWatch } from '@/lib/metrics/cloudwatch';
import { captureMetrics, meteredFromDescribe, writeMetricsFixture } from '@/lib/metrics/capture';
import { classifyMetricsError } from '@/lib/metrics/errors';
import { UsageError, outDir, parseOptions, readCommandLine, regionName } from './lib/args';

const USAGE = `Usage: npm run fixtures:capture -- --region <region> --out <dir> [--profile <name>]

Reads every EC2 Describe call of one region (all pages) and writes <dir>/<region>/describe-*.json
as \`aws ec2 describe-* --output json\` would, plus vpc-attributes.json (DNS settings per VPC), and
cloudwatch-metrics.json: CloudWatch's traffic of the interface endpoints and NAT gateways over the last
24 hours, 7 days and 30 days (GetMetricData, batched; skipped with a warning without cloudwatch:GetMetricData).
Point ATLAS_FIXTURE_DIR at <dir> to browse the snapshot.

Options:
  --region <region>   the region to read, e.g. us-east-1 (default: AWS_REGION)
  --out <dir>         the fixture directory to write into; <dir>/<region> is replaced as a whole
  --profile <name>    an AWS profile from ~/.aws/config (default: AWS_PROFILE)
  --no-metrics        do not read CloudWatch
  -h, --help          show this help

Environment: AWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN,
AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EC2 or AWS_ENDPOINT_URL_CLOUDWATCH (e.g. http://127.0.0.1:5055 for a moto server).
`;

function parse(argv: string[]) {
  const values = parseOptions(argv, {
    region: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'string' },
    'no-metrics': { type: 'boolean' },
  });
  if (values.help) return null;
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError('--region is required (or set AWS_REGION).');
  regionName(region);
  const out = outDir(values.out);
  if (values.profile !== undefined && values.profile.trim() === '') throw new UsageError('--profile must not be empty.');
  return { region, out, profile: values.profile, metrics: !values['no-metrics'] };
}

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = readCommandLine('fixtures:capture', USAGE, process.argv.slice(2), parse);
  const api = new LiveEc2Api({ region: args.region, profile: args.profile });
  try {
    const result = await captureRegion(api, args.out);
    for (const f of result.files) process.stdout.write(`  ${f.file.padEnd(38)} ${f.items}\n`);
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    if (args.metrics) await captureTraffic(result.dir, args.region, args.profile);
    process.stdout.write(`Captured ${args.region} into ${result.dir}\n`);
  } catch (err) {
    // Ec2Error and CaptureError messages say what to fix; no stack trace for anything.
    process.stderr.write(`fixtures:capture: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  } finally {
    api.client.destroy();
  }
}

/** The region's CloudWatch traffic beside its Describe files; a missing permission or a failure is a warning, not a failed capture. */
async function captureTraffic(regionDir: string, region: string, profile: string | undefined): Promise<void> {
  const list = <T>(file: string, key: string): T[] => (JSON.parse(readFileSync(path.join(regionDir, file), 'utf8')) as Record<string, T[]>)[key] ?? [];
  const resources = meteredFromDescribe(
    list<Parameters<typeof meteredFromDescribe>[0][number]>('describe-vpc-endpoints.json', 'VpcEndpoints'),
    list<{ NatGatewayId?: string; State?: string }>('describe-nat-gateways.json', 'NatGateways'),
  );
  const cw = new LiveCloudWatch({ region, ...(profile ? { profile } : {}) });
  try {
    const capture = await captureMetrics(cw, resources, new Date());
    await writeMetricsFixture(regionDir, capture);
    process.stdout.write(`  ${'cloudwatch-metrics.json'.padEnd(38)} ${capture.withData} of ${capture.body.MetricDataResults.length} series with data, ${capture.calls} GetMetricData calls\n`);
  } catch (err) {
    process.stderr.write(`warning: cloudwatch-metrics.json was not written: ${classifyMetricsError(err).message}\n`);
  } finally {
    cw.client.destroy();
  }
}

void main();
