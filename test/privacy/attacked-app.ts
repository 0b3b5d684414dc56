import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createApp } from '@boucle/functions/app';
import { createLocalIssuer, generateLocalKeyPair } from '@boucle/functions/auth/local-issuer';
import { createDynamoClient } from '@boucle/functions/clients/dynamodb';
import { readConfig } from '@boucle/functions/config';
import { createDeps } from '@boucle/functions/deps';
import { ensureTable } from '@boucle/functions/local/create-table';
import { demoIterations, type TDemoIteration } from '@boucle/functions/local/demo-organisation';
import {
  defaultPulseTemplate,
  rolesOf,
  ZResults,
  ZSegmentDimension,
  type TMember,
  type TResults,
} from '@boucle/shared';

export const K = 5;

/** One iteration of the demo's story, to answer as its members would. */
export function storyOf(index: number): TDemoIteration {
  const story = demoIterations[index];
  if (!story) throw new Error(`no demo iteration ${index}`);
  return story;
}

/**
 * The real app on a fresh table of DynamoDB Local, with a clock the attacker's test moves, and
 * one open iteration of the default pulse over the given roster.
 */
export async function attackedApp(roster: readonly TMember[], firstDay: string) {
  const config = readConfig({
    TABLE_NAME: `boucle-privacy-${randomUUID()}`,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    RECEIPT_SECRET: 'privacy-secret-of-at-least-32-characters',
    ANONYMITY_K: String(K),
    AUTH_ISSUER: 'test',
    AUTH_AUDIENCE: 'boucle',
  });
  const client = createDynamoClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  await ensureTable(client, config.TABLE_NAME);
  const issuer = await createLocalIssuer(await generateLocalKeyPair(), 'test', 'boucle');
  const clock = { now: new Date(`${firstDay}T09:00:00Z`) };
  const deps = createDeps({
    config,
    client,
    localIssuer: issuer,
    overrides: { now: () => clock.now },
  });
  const app = createApp(deps);
  const call = async (member: TMember, method: string, path: string, body?: unknown) => {
    const token = await issuer.sign({
      email: member.email,
      name: member.name,
      roles: rolesOf(member),
    });
    return app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  const steering = roster.find((member) => member.role === 'steering');
  if (!steering) throw new Error('the roster needs a steering member');
  await deps.directory.replace(roster, clock.now);
  for (const [method, path, body, status] of [
    [
      'POST',
      '/api/iterations',
      { name: 'Attacked', startDate: firstDay, endDate: firstDay, goals: [] },
      201,
    ],
    ['PUT', '/api/iterations/1/pulse', defaultPulseTemplate, 200],
    ['POST', '/api/iterations/1/open', undefined, 200],
  ] as const) {
    const response = await call(steering, method, path, body);
    if (response.status !== status) throw new Error(`${method} ${path}: ${response.status}`);
  }

  /** Every view the steering group can read now: overall and each breakdown. */
  const readEveryView = async (): Promise<TResults[]> =>
    Promise.all(
      [null, ...ZSegmentDimension.options].map(async (by) => {
        const response = await call(
          steering,
          'GET',
          `/api/iterations/1/results${by ? `?by=${by}` : ''}`,
        );
        if (response.status !== 200) throw new Error(`results: ${response.status}`);
        return ZResults.parse(await response.json());
      }),
    );
  const answer = async (member: TMember, answers: Record<string, unknown>) => {
    const response = await call(member, 'POST', '/api/pulses/pulse-1/responses', { answers });
    if (response.status !== 201) throw new Error(`answer: ${response.status}`);
  };
  return {
    deps,
    clock,
    steering,
    readEveryView,
    answer,
    close: () => call(steering, 'POST', '/api/iterations/1/close'),
  };
}
