/**
 * `npm start`: builds the web app when its sources changed, starts DynamoDB Local (data kept in
 * .data/, git-ignored), seeds the demo organisation once, and serves API and web on one URL.
 */
import './start/local-env.js';
import { join, resolve } from 'node:path';
import { startLocalStack } from '../functions/src/local/stack.js';
import { logger } from '../functions/src/observability.js';
import { demoSignIns, type TDemoSignIns } from './start/demo-sign-ins.js';
import { buildWeb, checkWebBuild } from './start/web-build.js';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();
const verbose = ['TRACE', 'DEBUG', 'INFO'].includes(logger.getLevelName());

const web = checkWebBuild(root);
if (web.current) {
  console.log('Web app: sources unchanged since the last build, not rebuilt.');
} else {
  console.log('Building the web app (its sources changed since the last build)…');
  const building = Date.now();
  await buildWeb(root, verbose).catch(fail);
  web.stamp();
  console.log(`  built in ${seconds(building)} s`);
}

// A DynamoDB already running (in a container, or a test table) instead of the embedded one.
const endpoint = process.env.DYNAMODB_ENDPOINT;
console.log(
  endpoint
    ? `Using the DynamoDB at ${endpoint} (DYNAMODB_ENDPOINT), starting the API…`
    : 'Starting DynamoDB Local and the API…',
);
const stack = await startLocalStack({
  storage: endpoint
    ? { mode: 'endpoint', endpoint }
    : { mode: 'persistent', dbPath: join(root, '.data', 'dynamodb') },
  port,
  webRoot: join(root, 'web', 'build'),
  secretsFile: join(root, '.data', 'local-secrets.json'),
  seed: true,
  log: (line) => console.log(`  ${line}`),
}).catch(fail);

const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const signIns = await demoSignIns(stack.deps, 3).catch(async (error: unknown) => {
  await stack.stop();
  return fail(error);
});
console.log(`
Boucle is ready in ${seconds(started)} s: open ${stack.url}
Sign in there as a demo member (type the e-mail in the filter):
${signInLines(signIns).join('\n')}
Logs: ${logger.getLevelName()} and above${verbose ? '' : ' (LOG_LEVEL=INFO npm start for more)'}.
Press Ctrl+C to stop.`);

function signInLines({ steering, ambassador, open }: TDemoSignIns): string[] {
  const lines = [
    ...(steering ? [`  steering group: ${steering.email}`] : []),
    ...(ambassador ? [`  ambassador (their team's results): ${ambassador.email}`] : []),
  ];
  if (!open)
    return [...lines, '  no iteration is open: the steering group can create and open one'];
  if (open.canAnswer.length === 0) {
    return [...lines, `  every employee has answered "${open.name}"`];
  }
  return [
    ...lines,
    `  employees who have not answered "${open.name}" yet:`,
    ...open.canAnswer.map((member) => `    ${member.email}`),
  ];
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function fail(error: unknown): never {
  console.error(
    `\nBoucle could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
