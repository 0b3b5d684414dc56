/**
 * `npm run bench` (second part): is the AWS SDK better bundled into the Lambda functions or left
 * to the runtime? Builds the steering function both ways with the CDK's esbuild settings, then
 * times a cold import in fresh Node processes. Locally the "runtime SDK" is node_modules, a
 * stand-in for the Lambda runtime's copy; the published measurements point the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ESBUILD_SETTINGS } from '../../infra/src/functions.js';

const root = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const env = {
  ...process.env,
  TABLE_NAME: 'boucle',
  AWS_REGION: 'eu-west-3',
  AUTH_ISSUER: 'https://cognito-idp.eu-west-3.amazonaws.com/pool',
  AUTH_AUDIENCE: 'client',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-3.amazonaws.com/pool/.well-known/jwks.json',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

console.log(
  `\nLambda bundle: AWS SDK bundled or from the runtime (steering function, ${RUNS} cold imports each)\n`,
);
console.log('variant          | bundle KB | median ms | p90 ms');
for (const variant of ['sdk-bundled', 'sdk-external'] as const) {
  const outdir = join(root, '.data', 'bench', variant);
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [join(root, 'functions/src/lambda/steering.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    ...ESBUILD_SETTINGS,
    banner: { js: ESBUILD_SETTINGS.banner },
    external: variant === 'sdk-external' ? ['@aws-sdk/*', '@smithy/*'] : [],
    logLevel: 'error',
  });
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const script = `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`;
    times.push(
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          env,
          encoding: 'utf8',
        }).trim(),
      ),
    );
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(0);
  console.log(
    [
      variant.padEnd(16),
      (statSync(outfile).size / 1024).toFixed(0).padStart(9),
      at(0.5).padStart(9),
      at(0.9).padStart(6),
    ].join(' | '),
  );
}
