/**
 * `npm run bench`: a burst of pulse answers through the real app on DynamoDB Local, once with a
 * single tally shard and once with the default shards, printing throughput, latency, DynamoDB
 * calls per answer (counted on the client), transaction conflicts retried, and checking that
 * every response counted exactly once.
 */
// First: the local defaults (no EMF metric lines, quiet logs) before the app's modules load.
import '../../scripts/start/local-env.js';
import {
  demoAnswers,
  demoIterations,
  demoMembers,
} from '@boucle/functions/local/demo-organisation';
import { startDynamoLocal } from '@boucle/functions/local/dynamodb-local';
import { readConfig } from '@boucle/functions/config';
import { rolesOf, seededRandom } from '@boucle/shared';
import { benchApp, burst } from './bench-app.js';
import { writeFigures, type TBenchFigure } from './figures.js';
import { meterReads } from './read-meter.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const DEFAULT_SHARDS = readConfig({ AUTH_ISSUER: 'bench', AUTH_AUDIENCE: 'boucle' }).TALLY_SHARDS;

const dynamo = await startDynamoLocal({ mode: 'memory' });
try {
  const members = demoMembers(MEMBERS);
  const story = demoIterations[4];
  if (!story) throw new Error('no demo iteration');
  console.log(`DynamoDB Local, ${MEMBERS} members answering, ${CONCURRENCY} at a time\n`);
  console.log(
    'shards | wall s | answers/s | p50 ms | p95 ms | p99 ms | calls/answer | conflicts retried | counted',
  );
  const figures: TBenchFigure[] = [];
  for (const shards of [1, DEFAULT_SHARDS]) {
    const { app, deps, issuer, client, cancelled } = await benchApp(
      dynamo.endpoint,
      members,
      shards,
    );
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
    const meter = meterReads(client);
    const { wall, at, failures } = await burst(requests, CONCURRENCY, 201, (request) =>
      app.request('/api/pulses/pulse-1/responses', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${request.token}`,
          'content-type': 'application/json',
        },
        body: request.body,
      }),
    );
    // Every call the burst made, the process's one read of the iteration included.
    const callsPerAnswer = (meter.take().calls / MEMBERS).toFixed(2);
    const counted = (await deps.responses.tallies('pulse-1')).overall.n ?? 0;
    console.log(
      [
        String(shards).padStart(6),
        wall.toFixed(1).padStart(6),
        (MEMBERS / wall).toFixed(0).padStart(9),
        at(0.5).padStart(6),
        at(0.95).padStart(6),
        at(0.99).padStart(6),
        callsPerAnswer.padStart(12),
        String(cancelled.conflicts).padStart(17),
        `${counted}/${MEMBERS}`,
      ].join(' | '),
    );
    if (failures.size > 0)
      console.log(`  non-201 answers: ${JSON.stringify(Object.fromEntries(failures))}`);
    if (counted !== MEMBERS - [...failures.values()].reduce((a, b) => a + b, 0))
      throw new Error('a response was lost or double-counted');
    if (shards === DEFAULT_SHARDS) {
      figures.push(
        {
          figure: 'DynamoDB calls per answer (DynamoDB Local)',
          value: callsPerAnswer,
          target: '≤ 2',
        },
        {
          figure: `Answers/s on DynamoDB Local (${MEMBERS} members, ${CONCURRENCY} at a time)`,
          value: (MEMBERS / wall).toFixed(0),
          target: '',
        },
      );
    }
    client.destroy();
  }
  writeFigures('submit-burst', figures);
} finally {
  await dynamo.stop();
}
