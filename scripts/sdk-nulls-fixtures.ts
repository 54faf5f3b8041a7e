/**
 * Writes fixtures/third-party/sdk-nulls/: the demo account (fixtures/demo) marshalled the way the Go and Java SDKs
 * write a Describe response, every absent member `null` (lib/ec2/sdk-nulls.ts). Run
 * `npx tsx scripts/sdk-nulls-fixtures.ts` after the demo fixtures change, and commit the output;
 * lib/ec2/third-party.test.ts fails while the two differ.
 */
// Must stay the first import: lets the lib modules' `import 'server-only'` load outside Next.
import './allow-server-only';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeOutputSchema, withSdkNulls } from '@/lib/ec2/sdk-nulls';

const ROOT = path.resolve(__dirname, '..');
const FROM = path.join(ROOT, 'fixtures/demo');
const TO = path.join(ROOT, 'fixtures/third-party/sdk-nulls');

for (const region of readdirSync(FROM).sort()) {
  mkdirSync(path.join(TO, region), { recursive: true });
  for (const file of readdirSync(path.join(FROM, region)).sort()) {
    const schema = describeOutputSchema(file);
    if (!schema) {
      copyFileSync(path.join(FROM, region, file), path.join(TO, region, file));
      continue;
    }
    const filled = withSdkNulls(JSON.parse(readFileSync(path.join(FROM, region, file), 'utf8')), schema);
    writeFileSync(path.join(TO, region, file), `${JSON.stringify(filled, null, 4)}\n`);
  }
}
console.log(`wrote ${path.relative(ROOT, TO)}`);
