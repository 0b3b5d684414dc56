/**
 * `npm run bench`: the Lambda cold start. Builds the floor of the fixed stack (lambda-floor.ts)
 * and both functions exactly as the CDK stack does (ESBUILD_SETTINGS, LAMBDA_ALIASES, external
 * source maps), then times cold imports in fresh Node processes, median of RUNS, with and
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
import { ESBUILD_SETTINGS, LAMBDA_ALIASES } from '../../infra/src/functions.js';
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
  POWERTOOLS_METRICS_DISABLED: 'true',
};

async function bundle(name: TBundle): Promise<string> {
  const outdir = join(root, '.data', 'bench', 'lambda', name);
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [BUNDLES[name]],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    ...ESBUILD_SETTINGS,
    banner: { js: ESBUILD_SETTINGS.banner },
    alias: LAMBDA_ALIASES,
    sourcemap: true,
    logLevel: 'error',
  });
  return outfile;
}

/** Median ms of cold imports, each in a fresh Node process. */
async function coldImport(file: string, nodeOptions: string[] = []): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { stdout } = await run(
      process.execPath,
      [...nodeOptions, '--input-type=module', '-e', script],
      { env },
    );
    times.push(Number(stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const measured = [];
for (const name of Object.keys(BUNDLES) as TBundle[]) {
  const file = await bundle(name);
  measured.push({
    name,
    kb: statSync(file).size / 1000,
    ms: await coldImport(file),
    withMapsMs: await coldImport(file, ['--enable-source-maps']),
  });
}
secrets.close();

const floorMs = measured[0]?.ms ?? Number.NaN;
console.log(`\nLambda cold import (median of ${RUNS} fresh Node processes, bundles as deployed)\n`);
console.log('bundle   | KB minified | median ms | ratio to floor | with --enable-source-maps');
for (const { name, kb, ms, withMapsMs } of measured) {
  console.log(
    [
      name.padEnd(8),
      kb.toFixed(0).padStart(11),
      ms.toFixed(0).padStart(9),
      `${(ms / floorMs).toFixed(2)}×`.padStart(14),
      `${withMapsMs.toFixed(0)} ms (${(withMapsMs / ms).toFixed(2)}×)`.padStart(25),
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
  ...functions.map(({ name, ms }) => ({
    figure: `${name} function cold import / floor (${floorMs.toFixed(0)} ms)`,
    value: `${(ms / floorMs).toFixed(2)}× (${ms.toFixed(0)} ms)`,
    target: '≤ 1.3×',
  })),
  ...functions.map(({ name, ms, withMapsMs }) => ({
    figure: `${name} function cold import with --enable-source-maps (not set)`,
    value: `${(withMapsMs / ms).toFixed(2)}× (${withMapsMs.toFixed(0)} ms)`,
    target: '',
  })),
]);
writeFigures('web-js', [
  {
    figure: 'JavaScript the /pulse page loads, gzip',
    value: `${(web.gzipBytes / 1000).toFixed(1)} KB`,
    target: '≤ 60 KB',
  },
]);
