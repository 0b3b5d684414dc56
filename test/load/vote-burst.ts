/**
 * `npm run bench`: a burst of votes on one idea through the real app on DynamoDB Local — every
 * voter clicking twice at once — printing throughput, latency, transaction conflicts retried,
 * and checking that the idea counts each voter exactly once, as its vote items do.
 */
// First: the local defaults (no EMF metric lines, quiet logs) before the app's modules load.
import '../../scripts/start/local-env.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@boucle/functions/clients/dynamodb';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { startDynamoLocal } from '@boucle/functions/local/dynamodb-local';
import { rolesOf, ZIdea } from '@boucle/shared';
import { benchApp, burst } from './bench-app.js';
import { writeFigures } from './figures.js';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);

const dynamo = await startDynamoLocal({ mode: 'memory' });
try {
  const members = demoMembers(VOTERS);
  const { app, issuer, client, tableName, cancelled } = await benchApp(dynamo.endpoint, members);
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
  const { wall, at, failures } = await burst(clicks, CONCURRENCY, 200, (token) =>
    call(token, 'PUT', `/api/ideas/${idea.id}/vote`),
  );
  const counted = ZIdea.parse(
    await (await call(tokens[0] ?? '', 'GET', `/api/ideas/${idea.id}`)).json(),
  ).votes;
  const { Count: items = 0 } = await createDocumentClient(client).send(
    new QueryCommand({
      TableName: tableName,
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
      String(cancelled.conflicts).padStart(17),
      String(cancelled.repeats).padStart(15),
      `${counted}/${VOTERS}`.padStart(5),
      String(items).padStart(10),
    ].join(' | '),
  );
  if (failures.size > 0)
    console.log(`  non-200 answers: ${JSON.stringify(Object.fromEntries(failures))}`);
  const refused = [...failures.values()].reduce((sum, n) => sum + n, 0);
  writeFigures('vote-burst', [
    {
      figure: `In process, ${VOTERS} voters clicking twice on one idea: clicks/s`,
      value: (clicks.length / wall).toFixed(0),
      target: '',
    },
    {
      figure: 'In process, votes: p50 / p95 / p99 ms',
      value: `${at(0.5)} / ${at(0.95)} / ${at(0.99)}`,
      target: '',
    },
    {
      figure: 'In process, votes: conflicts retried · repeats refused',
      value: `${cancelled.conflicts} · ${cancelled.repeats}`,
      target: '',
    },
    {
      figure: 'In process, votes: non-200 answers',
      value: String(refused),
      target: '0',
    },
    {
      figure: 'In process, votes: count on the idea · vote items vs voters',
      value: `${counted} · ${items} vs ${VOTERS}`,
      target: 'count = vote items = voters',
    },
  ]);
  if (counted !== VOTERS || items !== VOTERS || failures.size > 0)
    throw new Error('a vote was refused, lost or double-counted');
  client.destroy();
} finally {
  await dynamo.stop();
}
