/**
 * `npm run bench` (third part): do the review's reads stay as fast at 100,000 responses as at
 * 1,000? One organisation per size, each in its own table of one DynamoDB Local: a directory,
 * one iteration opened through the lifecycle service, its pulse's responses and tally shards
 * written directly (seed-responses.ts). Each read is timed through the real app (`createApp`,
 * in process, as the submit burst does: no HTTP server, whose cost is API Gateway's in AWS)
 * while the iteration is open (results summed from the live tallies) and once it is closed
 * (the final release), one request at a time so the DynamoDB calls of each are counted.
 */
// First: the local defaults (no EMF metric lines, quiet logs) before the app's modules load.
import '../../scripts/start/local-env.js';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createApp } from '@boucle/functions/app';
import { createLocalIssuer, generateLocalKeyPair } from '@boucle/functions/auth/local-issuer';
import { createDocumentClient, createDynamoClient } from '@boucle/functions/clients/dynamodb';
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
import { defaultPulseTemplate, pulseIdOf, rolesOf, seededRandom } from '@boucle/shared';
import { writeFigures, type TBenchFigure } from './figures.js';
import { meterReads, type TReadCost } from './read-meter.js';
import { seedResponses } from './seed-responses.js';

/** The reads a review is held around; `{id}` is the measured iteration. One line per route. */
const REVIEW_READS: { name: string; path: string }[] = [
  { name: 'results', path: '/api/iterations/{id}/results' },
  { name: 'results by team', path: '/api/iterations/{id}/results?by=team' },
  { name: 'iterations', path: '/api/iterations' },
  { name: 'trends', path: '/api/trends' },
  { name: 'trends by team', path: '/api/trends?by=team' },
  { name: 'heatmap by team', path: '/api/iterations/{id}/heatmap?by=team' },
  { name: 'training demand', path: '/api/iterations/{id}/training-demand' },
];

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const WARM_UP = 5;
/** Members per respondent: the directory is larger than the pulse's respondents. */
const PARTICIPATION = 0.8;
/** The production default (TALLY_SHARDS, ADR 21). */
const SHARDS = 20;
const TARGET_RATIO = 1.5;
const ITERATION = 1;

/** Open: results summed from the live tallies; closed: read from the final release. */
type TIterationState = 'open' | 'closed';

type TMeasure = {
  size: number;
  state: TIterationState;
  name: string;
  median: number;
  p95: number;
  cost: TReadCost;
};

/** One organisation seeded with a pulse of `size` responses, and how to read from it. */
type TOrganisation = Awaited<ReturnType<typeof seedOrganisation>>;

const dynamo = await startDynamoLocal({ mode: 'memory' });
const organisations: TOrganisation[] = [];
try {
  console.log(
    `\nReview reads: ${REQUESTS} requests per read after ${WARM_UP} to warm up, one at a time, ${SHARDS} tally shards\n`,
  );
  console.log('responses | members | directory s | open s | responses s');
  for (const size of SIZES) {
    const organisation = await seedOrganisation(size);
    organisations.push(organisation);
    console.log(
      [
        String(size).padStart(9),
        String(organisation.members).padStart(7),
        ...organisation.seconds.map((s, i) => s.toFixed(1).padStart([11, 6, 11][i] ?? 6)),
      ].join(' | '),
    );
  }
  const measures = await measureAll('open');
  for (const { deps } of organisations) await takeLifecycleStep(deps, ITERATION, 'close');
  measures.push(...(await measureAll('closed')));
  console.log(
    '\nresponses | iteration | read            | median ms | p95 ms | calls | items read | RCU',
  );
  for (const m of measures) {
    console.log(
      [
        String(m.size).padStart(9),
        m.state.padEnd(9),
        m.name.padEnd(15),
        m.median.toFixed(1).padStart(9),
        m.p95.toFixed(1).padStart(6),
        String(m.cost.calls).padStart(5),
        String(m.cost.itemsRead).padStart(10),
        m.cost.capacityUnits.toFixed(1).padStart(4),
      ].join(' | '),
    );
  }
  printRatios(measures);
  writeFigures('review-reads', reviewFigures(measures));
  const processors = cpus();
  console.log(
    `\n${processors.length} × ${processors[0]?.model ?? 'CPU'}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  for (const { client } of organisations) client.destroy();
  await dynamo.stop();
}

/** A table holding a directory and one open iteration whose pulse has `size` responses. */
async function seedOrganisation(size: number) {
  const config = readConfig({
    TABLE_NAME: `review-${size}-${randomUUID()}`,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'eu-west-3',
    RECEIPT_SECRET: 'bench-secret-of-at-least-32-characters',
    TALLY_SHARDS: String(SHARDS),
    AUTH_ISSUER: 'bench',
    AUTH_AUDIENCE: 'boucle',
  });
  const client = createDynamoClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  await ensureTable(client, config.TABLE_NAME);
  const issuer = await createLocalIssuer(await generateLocalKeyPair(), 'bench', 'boucle');
  const deps = createDeps({ config, client, localIssuer: issuer });
  const story = demoIterations.at(-1);
  if (!story) throw new Error('no demo iteration');
  const members = demoMembers(Math.ceil(size / PARTICIPATION));
  const seconds: number[] = [];
  const timed = async (step: () => Promise<unknown>) => {
    const started = performance.now();
    await step();
    seconds.push((performance.now() - started) / 1000);
  };
  await timed(() => deps.directory.replace(members, new Date()));
  await timed(async () => {
    await deps.iterations.create({
      name: story.name,
      startDate: story.startDate,
      endDate: story.endDate,
      goals: story.goals,
    });
    await deps.iterations.setPulse(ITERATION, defaultPulseTemplate);
    await takeLifecycleStep(deps, ITERATION, 'open');
  });
  const random = seededRandom(size);
  await timed(() =>
    seedResponses(
      deps,
      createDocumentClient(client),
      { tableName: config.TABLE_NAME },
      {
        iterationId: ITERATION,
        roster: members,
        respondents: members.slice(0, size),
        answersOf: (member) => demoAnswers(member, story, random),
        days: 20,
        shards: SHARDS,
        random,
      },
    ),
  );
  const counted = (await deps.responses.tallies(pulseIdOf(ITERATION))).overall.n ?? 0;
  if (counted !== size) throw new Error(`seeded ${counted} responses, not ${size}`);
  const steering = members.find((member) => member.role === 'steering');
  if (!steering) throw new Error('no steering member');
  const token = await issuer.sign({
    email: steering.email,
    name: steering.name,
    roles: rolesOf(steering),
  });
  return {
    size,
    members: members.length,
    seconds,
    deps,
    client,
    app: createApp(deps),
    token,
    meter: meterReads(client),
  };
}

/**
 * Every read of every organisation, the sizes taking turns request by request so the machine's
 * load and the JIT warming up weigh on all sizes alike.
 */
async function measureAll(state: TIterationState): Promise<TMeasure[]> {
  const measures: TMeasure[] = [];
  for (const read of REVIEW_READS) {
    const path = read.path.replace('{id}', String(ITERATION));
    const latencies = organisations.map((): number[] => []);
    const costs = organisations.map((): TReadCost | null => null);
    for (let run = 0; run < WARM_UP + REQUESTS; run++) {
      for (const [index, { app, token, meter }] of organisations.entries()) {
        meter.take();
        const sent = performance.now();
        const response = await app.request(path, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        const took = performance.now() - sent;
        if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
        if (run < WARM_UP) continue;
        latencies[index]?.push(took);
        // The last request's cost counts: steady state, once any release a read makes is made.
        costs[index] = meter.take();
      }
    }
    for (const [index, { size }] of organisations.entries()) {
      const sorted = (latencies[index] ?? []).sort((a, b) => a - b);
      const cost = costs[index];
      if (!cost) throw new Error('nothing measured');
      measures.push({
        size,
        state,
        name: read.name,
        median: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        cost,
      });
    }
  }
  return measures;
}

/** The smallest size against the largest, read by read: the target is at most 1.5. */
function printRatios(measures: readonly TMeasure[]): void {
  const smallest = Math.min(...SIZES);
  const largest = Math.max(...SIZES);
  if (smallest === largest) return;
  console.log(`\n${largest} / ${smallest} responses (target ≤ ${TARGET_RATIO})`);
  console.log('iteration | read            | median ratio | items read ratio');
  for (const small of measures.filter((m) => m.size === smallest)) {
    const large = measures.find(
      (m) => m.size === largest && m.state === small.state && m.name === small.name,
    );
    if (!large) continue;
    const latency = large.median / small.median;
    const items = large.cost.itemsRead / Math.max(1, small.cost.itemsRead);
    const mark = (ratio: number) =>
      `${ratio.toFixed(2)} ${ratio <= TARGET_RATIO ? 'ok' : 'OVER'}`.padStart(12);
    console.log(
      [small.state.padEnd(9), small.name.padEnd(15), mark(latency), mark(items).padStart(16)].join(
        ' | ',
      ),
    );
  }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * For the summary: the worst largest/smallest ratios (latency and items read) over every read
 * in both states, and the items each read reads at the largest size, open · closed.
 */
function reviewFigures(measures: readonly TMeasure[]): TBenchFigure[] {
  const smallest = Math.min(...SIZES);
  const largest = Math.max(...SIZES);
  const sizes = `${largest.toLocaleString('en')} / ${smallest.toLocaleString('en')} responses`;
  const pairs = measures
    .filter((m) => m.size === smallest)
    .flatMap((small) => {
      const large = measures.find(
        (m) => m.size === largest && m.state === small.state && m.name === small.name,
      );
      return large ? [{ small, large }] : [];
    });
  const worst = (ratio: (pair: (typeof pairs)[number]) => number): string => {
    const [top] = pairs
      .map((pair) => ({ pair, value: ratio(pair) }))
      .sort((a, b) => b.value - a.value);
    return top ? `${top.value.toFixed(2)} (${top.pair.small.name}, ${top.pair.small.state})` : '—';
  };
  const atLargest = (name: string, state: TIterationState) =>
    measures.find((m) => m.size === largest && m.name === name && m.state === state)?.cost
      .itemsRead ?? '—';
  return [
    ...(smallest === largest
      ? []
      : [
          {
            figure: `Review reads, ${sizes}: worst median latency ratio`,
            value: worst(({ small, large }) => large.median / small.median),
            target: `≤ ${TARGET_RATIO}`,
          },
          {
            figure: `Review reads, ${sizes}: worst items-read ratio`,
            value: worst(
              ({ small, large }) => large.cost.itemsRead / Math.max(1, small.cost.itemsRead),
            ),
            target: `≤ ${TARGET_RATIO}`,
          },
        ]),
    ...REVIEW_READS.map(({ name }) => ({
      figure: `Items read at ${largest.toLocaleString('en')} responses: ${name} (open · closed)`,
      value: `${atLargest(name, 'open')} · ${atLargest(name, 'closed')}`,
      target: '',
    })),
  ];
}
