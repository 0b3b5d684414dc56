/**
 * `npm start`: builds the web app, starts DynamoDB Local (data kept in .data/, git-ignored),
 * seeds the demo organisation once, and serves API and web on one URL.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startLocalStack } from '../functions/src/local/stack.js';

// Node 20 here; the lockfile pins an SDK that still supports it, and Lambda runs Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// CloudWatch metrics only make sense in Lambda; logs stay, as JSON lines.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();

console.log('Building the web app…');
execFileSync('npm', ['run', 'build', '-w', '@boucle/web', '--silent'], {
  cwd: root,
  stdio: 'inherit',
});

console.log('Starting DynamoDB Local and the API…');
const stack = await startLocalStack({
  storage: { mode: 'persistent', dbPath: join(root, '.data', 'dynamodb') },
  port,
  webRoot: join(root, 'web', 'build'),
  secretsFile: join(root, '.data', 'local-secrets.json'),
  seed: true,
  log: (line) => console.log(`  ${line}`),
}).catch((error: unknown) => {
  console.error(
    `\nBoucle could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

console.log(`
Boucle is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open ${stack.url}
Sign in there as a demo member (type the e-mail in the filter), for example:
  steering group: claire.martin@demo.boucle.example
  employee:       lucas.david@demo.boucle.example (has not answered iteration 5 yet)
Press Ctrl+C to stop.`);

const shutdown = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
