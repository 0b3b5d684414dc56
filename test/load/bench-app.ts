import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { createApp } from '@boucle/functions/app';
import { createLocalIssuer, generateLocalKeyPair } from '@boucle/functions/auth/local-issuer';
import { createDynamoClient } from '@boucle/functions/clients/dynamodb';
import { readConfig } from '@boucle/functions/config';
import { createDeps } from '@boucle/functions/deps';
import { ensureTable } from '@boucle/functions/local/create-table';
import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { defaultPulseTemplate, type TMember } from '@boucle/shared';

/**
 * The real app on a fresh table of the bench's DynamoDB Local, with `members` in the directory
 * and iteration 1 open, counting the transactions DynamoDB cancelled: for a conflict with
 * another writer (retried by the app) or for a condition that failed (a repeat, nothing written).
 */
export async function benchApp(endpoint: string, members: readonly TMember[], shards = 1) {
  const config = readConfig({
    TABLE_NAME: `bench-${randomUUID()}`,
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'eu-west-3',
    RECEIPT_SECRET: 'bench-secret-of-at-least-32-characters',
    TALLY_SHARDS: String(shards),
    AUTH_ISSUER: 'bench',
    AUTH_AUDIENCE: 'boucle',
  });
  const client = createDynamoClient({ region: config.AWS_REGION, endpoint });
  const cancelled = { conflicts: 0, repeats: 0 };
  // The document client the app uses shares this client's middleware, so this sees its calls.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
          if (codes.includes('TransactionConflict')) cancelled.conflicts++;
          else if (codes.includes('ConditionalCheckFailed')) cancelled.repeats++;
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'countCancelled' },
  );
  await ensureTable(client, config.TABLE_NAME);
  const issuer = await createLocalIssuer(await generateLocalKeyPair(), 'bench', 'boucle');
  const deps = createDeps({ config, client, localIssuer: issuer });
  await deps.directory.replace(members, new Date());
  await deps.iterations.create({
    name: 'Bench',
    startDate: '2026-11-16',
    endDate: '2026-12-11',
    goals: [],
  });
  await deps.iterations.setPulse(1, defaultPulseTemplate);
  await takeLifecycleStep(deps, 1, 'open');
  return { app: createApp(deps), deps, issuer, client, tableName: config.TABLE_NAME, cancelled };
}

export type TBurst = {
  wall: number;
  /** Latency quantile, in whole milliseconds. */
  at: (q: number) => string;
  /** Answers other than the expected status, counted by status. */
  failures: Map<number, number>;
};

/**
 * Sends every item, `concurrency` at a time, timing each answer and counting those that are not
 * `expected`.
 */
export async function burst<T>(
  items: readonly T[],
  concurrency: number,
  expected: number,
  send: (item: T) => Response | Promise<Response>,
): Promise<TBurst> {
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        const sent = performance.now();
        const { status } = await send(item);
        latencies.push(performance.now() - sent);
        if (status !== expected) failures.set(status, (failures.get(status) ?? 0) + 1);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(0);
  return { wall, at, failures };
}
