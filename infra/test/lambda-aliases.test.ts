import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { LAMBDA_BUILD_OPTIONS } from '../src/functions.js';

const dir = mkdtempSync(join(tmpdir(), 'boucle-aliases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The credentials a DynamoDB client resolves in a bundle built as the functions are. */
async function credentialsInBundle(env: Record<string, string>): Promise<string> {
  const entry = join(dir, 'entry.mjs');
  writeFileSync(
    entry,
    `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
     const client = new DynamoDBClient({ region: 'eu-west-3' });
     try { console.log(JSON.stringify(await client.config.credentials())); }
     catch (error) { console.log(JSON.stringify({ error: error.message })); }`,
  );
  const outfile = join(dir, 'index.mjs');
  await build({
    entryPoints: [entry],
    // Resolved from the functions workspace, as the Lambda entry points are.
    nodePaths: [join(import.meta.dirname, '../../node_modules')],
    outfile,
    ...LAMBDA_BUILD_OPTIONS,
    logLevel: 'error',
  });
  return execFileSync(process.execPath, [outfile], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

describe('the Lambda bundles’ credentials', () => {
  it('come from the environment, where Lambda puts them', async () => {
    const output = await credentialsInBundle({
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'session',
    });
    expect(JSON.parse(output)).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    });
  });

  it('are looked for nowhere else: no profile, no SSO, no instance metadata', async () => {
    const output = await credentialsInBundle({ AWS_PROFILE: 'someone' });
    expect(JSON.parse(output).error).toMatch(/environment variable credentials/);
  });
});
