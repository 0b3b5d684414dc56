/**
 * `npm run bench` (first part): the 9:00 burst over HTTP against `npm start`'s server. The
 * stack starts as `npm start` starts it (http-server.ts: DynamoDB Local in memory, the app on
 * the Node server) with an organisation of BENCH_MEMBERS distinct members and an iteration opened
 * through the lifecycle service; autocannon sends each member's answer once, BENCH_CONNECTIONS
 * at a time. Then the iteration is closed through the API and what was stored is counted: the
 * final release's respondents and the members holding a receipt must both be the 201s exactly.
 * Then the same members vote for one idea: its count and its vote items must be the 200s.
 */
// First: the local defaults (no EMF metric lines, quiet logs) before the app's modules load.
import '../../scripts/start/local-env.js';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalIssuer } from '@boucle/functions/auth/local-issuer';
import { createDynamoClient } from '@boucle/functions/clients/dynamodb';
import { createDeps } from '@boucle/functions/deps';
import type { TAppDeps } from '@boucle/functions/http/env';
import {
  demoAnswers,
  demoIterations,
  demoMembers,
} from '@boucle/functions/local/demo-organisation';
import { loadOrCreateLocalSecrets } from '@boucle/functions/local/local-secrets';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localConfig } from '@boucle/functions/local/stack';
import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { receiptOf } from '@boucle/functions/services/pulses';
import {
  defaultPulseTemplate,
  pulseIdOf,
  rolesOf,
  seededRandom,
  ZIdea,
  type TMember,
} from '@boucle/shared';
import { burstStats, statusesText } from './burst-stats.js';
import { writeFigures, type TBenchFigure } from './figures.js';
import { httpBurst, startHttpServer, type THttpBurst, type THttpRequest } from './http-load.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const ITERATION = 1;
/** Receipts are looked up member by member, this many at a time. */
const LOOKUPS = 20;

const secretsFile = join(tmpdir(), `boucle-http-burst-${randomUUID()}.json`);
const secrets = await loadOrCreateLocalSecrets(secretsFile);
const server = await startHttpServer(secretsFile);
// The same table, key and receipt secret as the server: to seed, sign tokens and count.
const config = localConfig(server.dynamoEndpoint, secrets.receiptSecret);
const client = createDynamoClient({ region: config.AWS_REGION, endpoint: server.dynamoEndpoint });
try {
  const issuer = await createLocalIssuer(secrets.keyPair, LOCAL_ISSUER, LOCAL_AUDIENCE);
  const deps = createDeps({ config, client, localIssuer: issuer });
  const members = demoMembers(MEMBERS);
  await openIteration(deps, members);
  const tokens = await Promise.all(
    members.map((member) =>
      issuer.sign({ email: member.email, name: member.name, roles: rolesOf(member) }),
    ),
  );
  const steering = members.findIndex((member) => member.role === 'steering');
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  const idea = ZIdea.parse(
    await call(tokens[0] ?? '', 'POST', '/api/ideas', {
      title: 'Office hours with ambassadors',
      description: '',
      category: 'animation',
      anonymous: false,
    }),
  );
  console.log(
    `\nHTTP burst against npm start's server: ${MEMBERS} members, ${CONNECTIONS} connections (autocannon), DynamoDB Local in memory\n`,
  );

  // Each member answers once, at 9:00.
  const story = demoIterations[4];
  if (!story) throw new Error('no demo iteration');
  const random = seededRandom(1);
  const pulseId = pulseIdOf(ITERATION);
  const answering = await httpBurst(
    server,
    CONNECTIONS,
    members.map((member, index) => ({
      method: 'POST',
      path: `/api/pulses/${pulseId}/responses`,
      token: tokens[index] ?? '',
      body: JSON.stringify({ answers: demoAnswers(member, story, random) }),
    })),
  );
  await call(tokens[steering] ?? '', 'POST', `/api/iterations/${ITERATION}/close`);
  const release = await deps.releases.latest(pulseId);
  if (!release?.info.final) throw new Error('closing made no final release');
  const receipts = await countMembers(members, (member) =>
    receiptOf(deps, member.email, pulseId).then(Boolean),
  );
  const answers = report('answers', answering, 201, [
    ['final release respondents', release.tallies.overall.n ?? 0],
    ['members with a receipt', receipts],
  ]);

  // Then every member votes for the same idea.
  const voting = await httpBurst(
    server,
    CONNECTIONS,
    tokens.map((token): THttpRequest => ({
      method: 'PUT',
      path: `/api/ideas/${idea.id}/vote`,
      token,
    })),
  );
  const voted = ZIdea.parse(await call(tokens[0] ?? '', 'GET', `/api/ideas/${idea.id}`));
  const votes = report('votes on one idea', voting, 200, [
    ['count on the idea', voted.votes],
    ['vote items', (await deps.ideas.votesCastFor(idea.id)).length],
  ]);

  const processors = cpus();
  console.log(
    `\n${processors.length} × ${processors[0]?.model ?? 'CPU'}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  writeFigures('http-burst', [...answers.figures, ...votes.figures]);
  if (!answers.ok || !votes.ok) {
    throw new Error('a 5xx, or a stored count other than the successes: see above');
  }
} finally {
  client.destroy();
  await server.stop();
  rmSync(secretsFile, { force: true });
}

/** A directory of `members` and the iteration opened through the lifecycle service. */
async function openIteration(deps: TAppDeps, members: readonly TMember[]): Promise<void> {
  await deps.directory.replace(members, new Date());
  await deps.iterations.create({
    name: 'HTTP burst',
    startDate: '2026-11-16',
    endDate: '2026-12-11',
    goals: [],
  });
  await deps.iterations.setPulse(ITERATION, defaultPulseTemplate);
  await takeLifecycleStep(deps, ITERATION, 'open');
}

/** How many members `holds` is true of, asked a few at a time. */
async function countMembers(
  members: readonly TMember[],
  holds: (member: TMember) => Promise<boolean>,
): Promise<number> {
  let count = 0;
  for (let start = 0; start < members.length; start += LOOKUPS) {
    const found = await Promise.all(members.slice(start, start + LOOKUPS).map(holds));
    count += found.filter(Boolean).length;
  }
  return count;
}

/**
 * Prints one burst (rate, latency, statuses, and each stored count beside the successes) and
 * returns its figures for the summary, and whether it held: no 5xx, every stored count equal
 * to the successes.
 */
function report(
  what: string,
  burst: THttpBurst,
  success: number,
  stored: [label: string, count: number][],
): { ok: boolean; figures: TBenchFigure[] } {
  const stats = burstStats(burst.answered);
  const successes = stats.statuses.get(success) ?? 0;
  const rate = (stats.answered / burst.wall).toFixed(0);
  const latency = `${stats.p50.toFixed(0)} / ${stats.p95.toFixed(0)} / ${stats.p99.toFixed(0)}`;
  const same = stored.every(([, count]) => count === successes);
  console.log(`${what}: ${stats.answered} answered in ${burst.wall.toFixed(1)} s, ${rate}/s`);
  console.log(`  latency p50 / p95 / p99: ${latency} ms`);
  console.log(`  statuses: ${statusesText(stats.statuses)}`);
  const perRequest = (seconds: number) => ((seconds * 1000) / stats.answered).toFixed(1);
  console.log(
    `  CPU per request: server ${perRequest(burst.serverCpu)} ms, autocannon ${perRequest(burst.clientCpu)} ms`,
  );
  if (burst.errors + burst.timeouts > 0) {
    console.log(`  no answer: ${burst.errors} connection errors, ${burst.timeouts} timeouts`);
  }
  for (const [label, count] of stored) {
    console.log(
      `  ${label}: ${count} ${count === successes ? '=' : '≠'} ${successes} × ${success}`,
    );
  }
  const unanswered = burst.errors + burst.timeouts;
  return {
    ok: stats.serverErrors === 0 && unanswered === 0 && same,
    figures: [
      { figure: `HTTP ${what}: per second`, value: rate, target: '' },
      { figure: `HTTP ${what}: p50 / p95 / p99 ms`, value: latency, target: '' },
      {
        figure: `HTTP ${what}: server CPU ms per request`,
        value: perRequest(burst.serverCpu),
        target: '',
      },
      {
        figure: `HTTP ${what}: 5xx (no answer)`,
        value: `${stats.serverErrors} (${unanswered})`,
        target: '0 5xx',
      },
      {
        figure: `HTTP ${what}: ${stored.map(([label]) => label).join(' · ')} vs ${success}s`,
        value: `${stored.map(([, count]) => count).join(' · ')} vs ${successes}`,
        target: `stored = ${success}s`,
      },
    ],
  };
}
