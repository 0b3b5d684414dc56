/**
 * The server the HTTP burst loads: `npm start`'s stack (`startLocalStack`: DynamoDB Local, the
 * app on the Node server) in a process of its own, so the load generator does not share its
 * event loop. DynamoDB Local in memory on a free port, no demo seed, no web app; the signing key
 * and receipt secret from the file the parent names (BENCH_SECRETS_FILE), so the parent signs
 * tokens and reads receipts as this server does. Tells the parent its URLs, and its CPU time
 * when asked, over IPC.
 */
// First: the local defaults (no EMF metric lines, quiet logs) before the app's modules load.
import '../../scripts/start/local-env.js';
import { freePort } from '@boucle/functions/local/dynamodb-local';
import { startLocalStack } from '@boucle/functions/local/stack';

export type THttpServerReady = { url: string; dynamoEndpoint: string };

const secretsFile = process.env.BENCH_SECRETS_FILE;
if (!secretsFile || !process.send) throw new Error('run by http-burst.ts, with BENCH_SECRETS_FILE');

const stack = await startLocalStack({
  storage: { mode: 'memory' },
  port: await freePort(),
  webRoot: null,
  secretsFile,
  seed: false,
  log: (line) => console.log(`  ${line}`),
});
const stop = () => void stack.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
// The parent gone (or done): nothing is left to serve.
process.on('disconnect', stop);
// The CPU time this server has used so far, when the parent asks: what a burst cost it.
process.on('message', (message) => {
  if (message === 'cpu') process.send?.(process.cpuUsage());
});
const ready: THttpServerReady = { url: stack.url, dynamoEndpoint: stack.dynamoEndpoint };
process.send(ready);
