/**
 * `npm run bench`: a burst of pulse answers through the real app on DynamoDB Local, once with a
 * single tally shard and once sharded, printing throughput, latency, transaction conflicts
 * retried, and checking that every response counted exactly once.
 */
// First: the local defaults (no EMF metric lines, quiet logs) before the app's modules load.
import '../../scripts/start/local-env.js';
import { randomUUID } from 'node:crypto';
import { createApp } from '@boucle/functions/app';
import { createLocalIssuer, generateLocalKeyPair } from '@boucle/functions/auth/local-issuer';
import { createDynamoClient } from '@boucle/functions/clients/dynamodb';
import { readConfig } from '@boucle/functions/config';
import { createDeps } from '@boucle/functions/deps';
import { ensureTable } from '@boucle/functions/local/create-table';
import {
  demoAnswers,
  demoIterations,
  demoMembers,
} from '@boucle/functions/local/demo-organisation';
import { startDynamoLocal } from '@boucle/functions/local/dynamodb-local';
import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { defaultPulseTemplate, rolesOf, seededRandom } from '@boucle/shared';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

const dynamo = await startDynamoLocal({ mode: 'memory' });
try {
  const members = demoMembers(MEMBERS);
  const story = demoIterations[4];
  if (!story) throw new Error('no demo iteration');
  console.log(`DynamoDB Local, ${MEMBERS} members answering, ${CONCURRENCY} at a time\n`);
  console.log(
    'shards | wall s | answers/s | p50 ms | p95 ms | p99 ms | conflicts retried | counted',
  );
  for (const shards of [1, 10]) {
    const config = readConfig({
      TABLE_NAME: `bench-${randomUUID()}`,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'eu-west-3',
      RECEIPT_SECRET: 'bench-secret-of-at-least-32-characters',
      TALLY_SHARDS: String(shards),
      AUTH_ISSUER: 'bench',
      AUTH_AUDIENCE: 'boucle',
    });
    const client = createDynamoClient({
      region: config.AWS_REGION,
      endpoint: config.DYNAMODB_ENDPOINT,
    });
    let conflicts = 0;
    // The document client the app uses shares this client's middleware, so this sees its calls.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          if (context.commandName === 'TransactWriteItemsCommand') conflicts++;
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
    const random = seededRandom(1);
    const requests = await Promise.all(
      members.map(async (member) => ({
        token: await issuer.sign({
          email: member.email,
          name: member.name,
          roles: rolesOf(member),
        }),
        body: JSON.stringify({ answers: demoAnswers(member, story, random) }),
      })),
    );
    const latencies: number[] = [];
    const failures = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++];
          if (!request) break;
          const sent = performance.now();
          const response = await app.request('/api/pulses/pulse-1/responses', {
            method: 'POST',
            headers: {
              authorization: `Bearer ${request.token}`,
              'content-type': 'application/json',
            },
            body: request.body,
          });
          latencies.push(performance.now() - sent);
          if (response.status !== 201)
            failures.set(response.status, (failures.get(response.status) ?? 0) + 1);
        }
      }),
    );
    const wall = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(0);
    const counted = (await deps.responses.tallies('pulse-1')).overall.n ?? 0;
    console.log(
      [
        String(shards).padStart(6),
        wall.toFixed(1).padStart(6),
        (MEMBERS / wall).toFixed(0).padStart(9),
        at(0.5).padStart(6),
        at(0.95).padStart(6),
        at(0.99).padStart(6),
        String(conflicts).padStart(17),
        `${counted}/${MEMBERS}`,
      ].join(' | '),
    );
    if (failures.size > 0)
      console.log(`  non-201 answers: ${JSON.stringify(Object.fromEntries(failures))}`);
    if (counted !== MEMBERS - [...failures.values()].reduce((a, b) => a + b, 0))
      throw new Error('a response was lost or double-counted');
    client.destroy();
  }
} finally {
  await dynamo.stop();
}
