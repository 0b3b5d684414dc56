/**
 * The hot-key replay (issue 10, ADR 0021): a burst of answers to one pulse through
 * `submitResponse` and the repository layer, over a DynamoDB client mocked at the SDK boundary.
 * Every command is captured: calls per answer, and the WCU each transaction is billed per
 * partition key and per item (write-capacity.ts), the whole burst taken as one second. Used by
 * the unit test (asserts) and by `test/load/hot-keys.ts` (writes the bench figures).
 */
import {
  DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type GetCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  DEFAULT_POOLING_ORDER,
  defaultPulseTemplate,
  disclosureSegments,
  headcountOf,
  headcountOfSegments,
  pulseIdOf,
  seededRandom,
  type TAnswers,
  type TIteration,
  type TMember,
  type TPulse,
} from '@boucle/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { createDynamoClient } from '../clients/dynamodb.js';
import { readConfig } from '../config.js';
import { createDeps } from '../deps.js';
import { demoAnswers, demoIterations, demoMembers } from '../local/demo-organisation.js';
import { disclosureKey } from '../repositories/disclosure.js';
import { iterationKey } from '../repositories/iterations.js';
import { submitResponse } from '../services/pulses.js';
import { itemSize, WriteMeter, type THottest } from './write-capacity.js';

const TABLE_NAME = 'hot-keys';
const ITERATION_ID = 7;
const FREEZE = { iterationId: ITERATION_ID, freeze: 'replay' };
/** The free-text question's limit in the default pulse. */
const COMMENT_MAX = 1000;
const K = 5;

export type THotKeyReplay = {
  answers: number;
  shards: number;
  /** DynamoDB calls each answer made, the first answer of the process apart (it reads the iteration). */
  callsPerAnswer: { first: number; max: number; mean: number };
  hottestPartition: THottest;
  hottestItem: THottest;
  /** The largest response item stored, in bytes (free text at its limit). */
  largestResponseBytes: number;
};

/**
 * A demo-like roster: the demo organisation's teams, sites, levels and ambassadors, with one
 * team holding a third of everyone (a big sales force) so one value of each dimension is hot.
 */
export function replayRoster(size: number): TMember[] {
  const random = seededRandom(10);
  return demoMembers(size).map((member) =>
    random() < 0.33 ? { ...member, team: 'Sales' } : member,
  );
}

/** Demo answers, a tenth with a comment up to the limit (accented: 2 bytes a character). */
function answersOf(member: TMember, random: () => number): TAnswers {
  const story = demoIterations.at(-1);
  if (!story) throw new Error('no demo iteration');
  const answers = demoAnswers(member, story, random);
  if (random() < 0.1) {
    const length = random() < 0.5 ? COMMENT_MAX : Math.ceil(random() * COMMENT_MAX);
    answers.comment = 'Réseau à améliorer ; '.repeat(60).slice(0, length);
  }
  return answers;
}

export async function replayBurst(options: {
  answers: number;
  shards: number;
}): Promise<THotKeyReplay> {
  const roster = replayRoster(options.answers);
  const segments = disclosureSegments(roster, K, DEFAULT_POOLING_ORDER);
  const pulse: TPulse = {
    id: pulseIdOf(ITERATION_ID),
    iterationId: ITERATION_ID,
    ...defaultPulseTemplate,
  };
  const iteration: TIteration = {
    id: ITERATION_ID,
    name: 'Replay',
    startDate: '2026-11-16',
    endDate: '2026-12-11',
    goals: [],
    status: 'open',
    pulseId: pulse.id,
    headcount: headcountOfSegments(segments.values()),
    openedAt: '2026-11-16T07:00:00.000Z',
    closedAt: null,
    reviewedAt: null,
  };
  const items = new Map<string, Record<string, unknown>>([
    [
      `${iterationKey(ITERATION_ID).pk}|${iterationKey(ITERATION_ID).sk}`,
      { ...iterationKey(ITERATION_ID), iteration, pulse, disclosureFreeze: FREEZE.freeze },
    ],
    [
      'DIRECTORY|CURRENT',
      { pk: 'DIRECTORY', sk: 'CURRENT', version: 'v1', headcount: headcountOf(roster) },
    ],
    ...[...segments].map(([email, segment]): [string, Record<string, unknown>] => {
      const key = disclosureKey(FREEZE, email);
      return [`${key.pk}|${key.sk}`, { ...key, segment }];
    }),
  ]);

  const meter = new WriteMeter();
  const dynamo = mockClient(DynamoDBDocumentClient);
  let calls = 0;
  dynamo.on(GetCommand).callsFake(async ({ Key }: GetCommandInput) => {
    calls++;
    const item = items.get(`${Key?.pk}|${Key?.sk}`);
    return { Item: item && structuredClone(item) };
  });
  dynamo.on(TransactWriteCommand).callsFake(async (input: TransactWriteCommandInput) => {
    calls++;
    meter.transaction(input);
    return {};
  });
  try {
    const deps = createDeps({
      config: readConfig({
        TABLE_NAME,
        AWS_REGION: 'eu-west-3',
        RECEIPT_SECRET: 'a-replay-secret-of-at-least-32-characters',
        ANONYMITY_K: String(K),
        TALLY_SHARDS: String(options.shards),
        AUTH_ISSUER: 'replay',
        AUTH_AUDIENCE: 'boucle',
        AUTH_JWKS_URL: 'https://replay.invalid/jwks.json',
      }),
      client: createDynamoClient({ region: 'eu-west-3' }),
      localIssuer: null,
      overrides: { now: () => new Date('2026-11-20T09:00:00Z') },
    });
    const random = seededRandom(5000);
    const perAnswer: number[] = [];
    for (const member of roster) {
      const before = calls;
      await submitResponse(
        deps,
        { email: member.email, name: member.name, roles: ['employee'] },
        pulse.id,
        answersOf(member, random),
      );
      perAnswer.push(calls - before);
    }
    const [first = 0, ...rest] = perAnswer;
    let largestResponseBytes = 0;
    for (const call of dynamo.commandCalls(TransactWriteCommand)) {
      for (const each of call.args[0].input.TransactItems ?? []) {
        const item = each.Put?.Item;
        if (item && String(item.pk).startsWith('RESPONSES#')) {
          largestResponseBytes = Math.max(largestResponseBytes, itemSize(item));
        }
      }
    }
    return {
      answers: perAnswer.length,
      shards: options.shards,
      callsPerAnswer: {
        first,
        max: Math.max(0, ...rest),
        mean: perAnswer.reduce((sum, n) => sum + n, 0) / perAnswer.length,
      },
      hottestPartition: meter.hottestPartition(),
      hottestItem: meter.hottestItem(),
      largestResponseBytes,
    };
  } finally {
    dynamo.restore();
  }
}
