import { ConfigError, getConfig } from '@/lib/config';

try {
  getConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`vpc-atlas: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
