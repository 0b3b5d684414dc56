/**
 * `npm run bench`: the Lambda cold start. Builds the floor of the fixed stack (lambda-floor.ts)
 * and both functions exactly as the CDK stack does (LAMBDA_BUILD_OPTIONS, external
 * source maps), then times cold imports in fresh Node processes, in RUNS rounds, with and
 * without `--enable-source-maps`. Then the JavaScript the web pulse page loads (web-js.ts).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { LAMBDA_BUILD_OPTIONS } from '../../infra/src/functions.js';
import { writeFigures } from './figures.js';
import { pageJavaScript } from './web-js.js';

const root = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const run = promisify(execFile);

const BUNDLES = {
  floor: join(root, 'test/load/lambda-floor.ts'),
  pulse: join(root, 'functions/src/lambda/pulse.ts'),
  steering: join(root, 'functions/src/lambda/steering.ts'),
} as const;
type TBundle = keyof typeof BUNDLES;

// The pulse function reads its receipt secret at start: a stand-in Secrets Manager answers.
const secrets = createServer((request, response) => {
  request.resume().on('end', () => {
    response.setHeader('content-type', 'application/x-amz-json-1.1');
    response.end(JSON.stringify({ SecretString: 'a-bench-secret-of-at-least-32-characters' }));
  });
});
await new Promise<void>((done) => secrets.listen(0, '127.0.0.1', done));

const env = {
  PATH: process.env.PATH ?? '',
  TABLE_NAME: 'boucle',
  AWS_REGION: 'eu-west-3',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-3.amazonaws.com/pool',
  AUTH_AUDIENCE: 'client',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-3.amazonaws.com/pool/.well-known/jwks.json',
  RECEIPT_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-3:123456789012:secret:receipt',
  AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(secrets.address() as AddressInfo).port}`,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  METRICS_DISABLED: 'true',
};

async function bundle(name: TBundle): Promise<string> {
  const outdir = join(root, '.data', 'bench', 'lambda', name);
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [BUNDLES[name]],
    outfile,
    ...LAMBDA_BUILD_OPTIONS,
    sourcemap: true,
    logLevel: 'error',
  });
  return outfile;
}

/** Ms of one cold import in a fresh Node process. */
async function coldImport(file: string, nodeOptions: string[] = []): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const { stdout } = await run(
    process.execPath,
    [...nodeOptions, '--input-type=module', '-e', script],
    { env },
  );
  return Number(stdout.trim());
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const names = Object.keys(BUNDLES) as TBundle[];
const files = new Map<TBundle, string>();
for (const name of names) files.set(name, await bundle(name));
// Rounds of one import of each bundle, so that the machine's load weighs on all of them alike;
// each ratio is taken within its round.
const times = new Map(names.map((name) => [name, { plain: [] as number[], maps: [] as number[] }]));
for (let round = 0; round < RUNS; round++) {
  for (const name of names) {
    const file = files.get(name) ?? '';
    times.get(name)?.plain.push(await coldImport(file));
    times.get(name)?.maps.push(await coldImport(file, ['--enable-source-maps']));
  }
}
secrets.close();

const floorTimes = times.get('floor')?.plain ?? [];
const measured = names.map((name) => {
  const { plain, maps } = times.get(name) ?? { plain: [], maps: [] };
  return {
    name,
    kb: statSync(files.get(name) ?? '').size / 1000,
    ms: median(plain),
    // The fastest import is the one the machine's load disturbed least.
    bestMs: Math.min(...plain),
    ratio: median(plain.map((ms, round) => ms / (floorTimes[round] ?? Number.NaN))),
    withMapsMs: median(maps),
    mapsRatio: median(maps.map((ms, round) => ms / (plain[round] ?? Number.NaN))),
  };
});

const floorMs = median(floorTimes);
console.log(
  `\nLambda cold import (${RUNS} rounds of fresh Node processes, medians; bundles as deployed)\n`,
);
const bestFloorMs = Math.min(...floorTimes);
console.log(
  'bundle   | KB minified | median ms | ratio to floor | best ms (ratio) | with --enable-source-maps',
);
for (const { name, kb, ms, bestMs, ratio, withMapsMs, mapsRatio } of measured) {
  console.log(
    [
      name.padEnd(8),
      kb.toFixed(0).padStart(11),
      ms.toFixed(0).padStart(9),
      `${ratio.toFixed(2)}×`.padStart(14),
      `${bestMs.toFixed(0)} ms (${(bestMs / bestFloorMs).toFixed(2)}×)`.padStart(15),
      `${withMapsMs.toFixed(0)} ms (${mapsRatio.toFixed(2)}×)`.padStart(25),
    ].join(' | '),
  );
}

const web = pageJavaScript('pulse');
console.log(
  `\nWeb /pulse page: ${web.files} chunks, ${(web.bytes / 1000).toFixed(0)} KB of JavaScript, ` +
    `${(web.gzipBytes / 1000).toFixed(1)} KB gzip\n`,
);

const functions = measured.filter(({ name }) => name !== 'floor');
writeFigures('lambda-init', [
  ...functions.map(({ name, kb }) => ({
    figure: `${name} function bundle, minified`,
    value: `${kb.toFixed(0)} KB`,
    target: '≤ 500 KB',
  })),
  ...functions.map(({ name, ms, bestMs, ratio }) => ({
    figure: `${name} function cold import / floor (median ${floorMs.toFixed(0)} ms)`,
    value: `${ratio.toFixed(2)}× (${ms.toFixed(0)} ms; best ${(bestMs / bestFloorMs).toFixed(2)}×)`,
    target: '≤ 1.3×',
  })),
  ...functions.map(({ name, withMapsMs, mapsRatio }) => ({
    figure: `${name} function cold import with --enable-source-maps (not set)`,
    value: `${mapsRatio.toFixed(2)}× (${withMapsMs.toFixed(0)} ms)`,
    target: '',
  })),
  // Beside the functions: the summary table shows each script's figures under its name.
  {
    figure: 'JavaScript the web /pulse page loads, gzip',
    value: `${(web.gzipBytes / 1000).toFixed(1)} KB`,
    target: '≤ 60 KB',
  },
]);
