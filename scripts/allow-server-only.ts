/**
 * CLI scripts run in plain Node, where the `server-only` marker package throws on import (it is
 * meant to stop client bundles, and a CLI is not one). Registering an empty module in its place
 * lets scripts use the lib modules that carry `import 'server-only'`. Import this first.
 */
import Module, { createRequire } from 'node:module';

const require = createRequire(__filename);
const id = require.resolve('server-only');
if (!require.cache[id]) {
  const stub = new Module(id);
  stub.filename = id;
  stub.loaded = true;
  stub.exports = {};
  require.cache[id] = stub;
}
