/**
 * The two ends of the HTTP burst: the server (http-server.ts, `npm start`'s stack in a child
 * process) and autocannon sending one request per item over a number of keep-alive connections.
 */
import { fork } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import type { TAnswered } from './burst-stats.js';
import type { THttpServerReady } from './http-server.js';

export type THttpServer = THttpServerReady & {
  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds: () => Promise<number>;
  stop: () => Promise<void>;
};

/** Starts http-server.ts and waits until it serves; its output goes to this process's. */
export function startHttpServer(secretsFile: string): Promise<THttpServer> {
  const child = fork(new URL('./http-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SECRETS_FILE: secretsFile },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const cpuSeconds = () =>
    new Promise<number>((resolve) => {
      child.once('message', ({ user, system }: NodeJS.CpuUsage) => resolve((user + system) / 1e6));
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('message', (ready: THttpServerReady) => resolve({ ...ready, cpuSeconds, stop }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with code ${code}`)));
  });
}

export type THttpRequest = {
  method: 'POST' | 'PUT';
  path: string;
  token: string;
  body?: string;
};

export type THttpBurst = {
  /** Seconds from the first request sent to the last answer received. */
  wall: number;
  answered: TAnswered[];
  /** Requests that got no answer: connection errors and timeouts (as autocannon counts them). */
  errors: number;
  timeouts: number;
  /** CPU seconds the burst cost the server process and this one (autocannon). */
  serverCpu: number;
  clientCpu: number;
};

/**
 * Sends every request once, `connections` at a time on keep-alive connections. The timeout is
 * long on purpose: a request timed out is sent again by autocannon on a new connection, and the
 * first may still be stored, which would blur "stored = answered".
 */
export async function httpBurst(
  server: THttpServer,
  connections: number,
  requests: readonly THttpRequest[],
): Promise<THttpBurst> {
  let next = 0;
  const answered: TAnswered[] = [];
  const serverBefore = await server.cpuSeconds();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  let last = started;
  const instance = autocannon({
    url: server.url,
    connections: Math.min(connections, requests.length),
    amount: requests.length,
    timeout: 600,
    requests: [
      {
        // Called once per request sent: each takes the next item, so no item goes twice.
        setupRequest: (request) => {
          const item = requests[next++];
          if (!item) throw new Error('autocannon asked for more requests than the amount');
          return {
            ...request,
            method: item.method,
            path: item.path,
            headers: {
              authorization: `Bearer ${item.token}`,
              'content-type': 'application/json',
            },
            body: item.body ?? '',
          };
        },
      },
    ],
  });
  // @types/autocannon leaves out the client autocannon passes first (its lib/run.js).
  (instance as unknown as EventEmitter).on(
    'response',
    (_client: unknown, status: number, _bytes: number, ms: number) => {
      answered.push({ status, ms });
      last = performance.now();
    },
  );
  const result = await instance;
  const client = process.cpuUsage(clientBefore);
  return {
    wall: (last - started) / 1000,
    answered,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    serverCpu: (await server.cpuSeconds()) - serverBefore,
    clientCpu: (client.user + client.system) / 1e6,
  };
}
