import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { defaultPulseTemplate, seededRandom, type TAnswers, type TMember } from '@boucle/shared';
import { seedResponses } from '../load/seed-responses.js';
import { localApp } from './local-app.js';

// The bench writes responses and tally shards directly; it must leave what submitting would.
const members = demoMembers(40);
const respondents = members.slice(0, 30);
const story = demoIterations.at(-1);
const random = seededRandom(8);
const answers = new Map<string, TAnswers>(
  respondents.map((member) => {
    if (!story) throw new Error('no demo iteration');
    return [member.email, demoAnswers(member, story, random)];
  }),
);
const answersOf = (member: TMember): TAnswers => answers.get(member.email) ?? {};
const iteration = { name: 'Bench', startDate: '2026-11-16', endDate: '2026-12-11', goals: [] };

describe('the bench seed', () => {
  let submitted: Awaited<ReturnType<typeof localApp>>['deps'];
  let seeded: typeof submitted;
  let client: DynamoDBClient;

  beforeAll(async () => {
    const api = await localApp(3, { now: new Date(`${iteration.startDate}T10:00:00Z`) });
    submitted = api.deps;
    await submitted.directory.replace(members, new Date());
    await submitted.iterations.create(iteration);
    await submitted.iterations.setPulse(1, defaultPulseTemplate);
    await takeLifecycleStep(submitted, 1, 'open');
    for (const member of respondents) {
      const response = await api.call(member, 'POST', '/api/pulses/pulse-1/responses', {
        answers: answersOf(member),
      });
      expect(response.status).toBe(201);
    }

    const tableName = `bench-seed-${randomUUID()}`;
    const config = readConfig({
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      ANONYMITY_K: '5',
      TALLY_SHARDS: '3',
      AUTH_ISSUER: 'test',
      AUTH_AUDIENCE: 'boucle',
    });
    client = createDynamoClient({ region: 'eu-west-3', endpoint: inject('dynamoEndpoint') });
    await ensureTable(client, tableName);
    const issuer = await createLocalIssuer(await generateLocalKeyPair(), 'test', 'boucle');
    seeded = createDeps({ config, client, localIssuer: issuer });
    await seeded.directory.replace(members, new Date());
    await seeded.iterations.create(iteration);
    await seeded.iterations.setPulse(1, defaultPulseTemplate);
    await takeLifecycleStep(seeded, 1, 'open');
    await seedResponses(
      seeded,
      createDocumentClient(client),
      { tableName },
      {
        iterationId: 1,
        roster: members,
        respondents,
        answersOf,
        days: 1,
        shards: 3,
        random: seededRandom(9),
      },
    );
  });

  afterAll(() => client.destroy());

  it('leaves the tallies submitting the same answers leaves', async () => {
    const tallies = await seeded.responses.tallies('pulse-1');
    expect(tallies.overall.n).toBe(respondents.length);
    expect(tallies).toEqual(await submitted.responses.tallies('pulse-1'));
  });

  it('stores the same anonymous responses, segments included', async () => {
    const sorted = async (deps: typeof seeded) =>
      (await deps.responses.responses('pulse-1')).map((r) => JSON.stringify(r)).sort();
    expect(await sorted(seeded)).toEqual(await sorted(submitted));
  });
});
