/**
 * `npm run bench`: a burst of votes on one idea through the real app on DynamoDB Local — every
 * voter clicking twice at once — printing throughput, latency, transaction conflicts retried,
 * and checking that the idea counts each voter exactly once, as its vote items do.
 */
// First: the local defaults (no EMF metric lines, quiet logs) before the app's modules load.
import '../../scripts/start/local-env.js';
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '@boucle/functions/app';
import { createLocalIssuer, generateLocalKeyPair } from '@boucle/functions/auth/local-issuer';
import { createDocumentClient, createDynamoClient } from '@boucle/functions/clients/dynamodb';
import { readConfig } from '@boucle/functions/config';
import { createDeps } from '@boucle/functions/deps';
import { ensureTable } from '@boucle/functions/local/create-table';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { startDynamoLocal } from '@boucle/functions/local/dynamodb-local';
import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { defaultPulseTemplate, rolesOf, ZIdea } from '@boucle/shared';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);

const dynamo = await startDynamoLocal({ mode: 'memory' });
try {
  const members = demoMembers(VOTERS);
  const config = readConfig({
    TABLE_NAME: `bench-${randomUUID()}`,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'eu-west-3',
    RECEIPT_SECRET: 'bench-secret-of-at-least-32-characters',
    AUTH_ISSUER: 'bench',
    AUTH_AUDIENCE: 'boucle',
  });
  const client = createDynamoClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  let conflicts = 0;
  let repeats = 0;
  // A cancelled vote transaction: a conflict with another voter (retried) or a repeated click
  // whose vote item was already there (nothing written).
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
          if (codes.includes('TransactionConflict')) conflicts++;
          else if (codes.includes('ConditionalCheckFailed')) repeats++;
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'countConflicts' },
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
  const app = createApp(deps);
  const tokens = await Promise.all(
    members.map((member) =>
      issuer.sign({ email: member.email, name: member.name, roles: rolesOf(member) }),
    ),
  );
  const call = (token: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = await call(tokens[0] ?? '', 'POST', '/api/ideas', {
    title: 'Office hours with ambassadors',
    description: '',
    category: 'animation',
    anonymous: false,
  });
  const idea = ZIdea.parse(await created.json());

  // Every voter clicks twice at once: 2 × VOTERS requests, CONCURRENCY in flight.
  const clicks = tokens.flatMap((token) => [token, token]);
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < clicks.length) {
        const token = clicks[next++];
        if (!token) break;
        const sent = performance.now();
        const response = await call(token, 'PUT', `/api/ideas/${idea.id}/vote`);
        latencies.push(performance.now() - sent);
        if (response.status !== 200)
          failures.set(response.status, (failures.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(0);
  const counted = ZIdea.parse(
    await (await call(tokens[0] ?? '', 'GET', `/api/ideas/${idea.id}`)).json(),
  ).votes;
  const { Count: items = 0 } = await createDocumentClient(client).send(
    new QueryCommand({
      TableName: config.TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `VOTE#${idea.id}` },
      ConsistentRead: true,
      Select: 'COUNT',
    }),
  );
  console.log(
    `\nDynamoDB Local, ${VOTERS} members voting for one idea, each clicking twice, ${CONCURRENCY} requests at a time\n`,
  );
  console.log(
    'clicks | wall s | clicks/s | p50 ms | p95 ms | p99 ms | conflicts retried | repeats refused | count | vote items',
  );
  console.log(
    [
      String(clicks.length).padStart(6),
      wall.toFixed(1).padStart(6),
      (clicks.length / wall).toFixed(0).padStart(8),
      at(0.5).padStart(6),
      at(0.95).padStart(6),
      at(0.99).padStart(6),
      String(conflicts).padStart(17),
      String(repeats).padStart(15),
      `${counted}/${VOTERS}`.padStart(5),
      String(items).padStart(10),
    ].join(' | '),
  );
  if (failures.size > 0)
    console.log(`  non-200 answers: ${JSON.stringify(Object.fromEntries(failures))}`);
  if (counted !== VOTERS || items !== VOTERS || failures.size > 0)
    throw new Error('a vote was refused, lost or double-counted');
  client.destroy();
} finally {
  await dynamo.stop();
}
