import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../clients/dynamodb.js';

export type TDynamoLocal = { endpoint: string; stop: () => Promise<void> };

export type TDynamoLocalOptions =
  { mode: 'persistent'; dbPath: string; port?: number } | { mode: 'memory'; port?: number };

const REQUIRED_JAVA = 17;

/** Starts AWS's own DynamoDB Local from the jar the npm package amplify-dynamodb-simulator ships. */
export async function startDynamoLocal(options: TDynamoLocalOptions): Promise<TDynamoLocal> {
  assertJava();
  const emulator = join(
    dirname(createRequire(import.meta.url).resolve('amplify-dynamodb-simulator/package.json')),
    'emulator',
  );
  const port = options.port ?? (await freePort());
  const storage =
    options.mode === 'persistent'
      ? ['-sharedDb', '-dbPath', options.dbPath]
      : ['-inMemory', '-sharedDb'];
  if (options.mode === 'persistent') mkdirSync(options.dbPath, { recursive: true });
  const child = spawn(
    'java',
    [
      // A short-lived emulator: the quick JIT tier and the serial collector halve its CPU time.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(emulator, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      '-disableTelemetry',
      ...storage,
    ],
    // It writes a metadata file where it runs: beside its data, never in the project.
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: options.mode === 'persistent' ? options.dbPath : tmpdir(),
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntilReady(endpoint, child, () => output);
  return { endpoint, stop: () => stop(child) };
}

function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `DynamoDB Local needs Java ${REQUIRED_JAVA} or newer, and no "java" command was found. ` +
        'Install a JDK/JRE 17+ (for example "apt-get install openjdk-17-jre-headless") and retry.',
    );
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = version ? Number(version[1] === '1' ? version[2] : version[1]) : 0;
  if (major < REQUIRED_JAVA) {
    throw new Error(
      `DynamoDB Local needs Java ${REQUIRED_JAVA} or newer; "java -version" says ${major || 'unknown'}.`,
    );
  }
}

async function waitUntilReady(
  endpoint: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const client = createDynamoClient({ region: 'local', endpoint });
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    child.kill();
    throw new Error(`DynamoDB Local did not answer within 60 s:\n${output()}`);
  } finally {
    client.destroy();
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
