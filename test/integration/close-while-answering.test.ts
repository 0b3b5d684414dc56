import { createDeps } from '@boucle/functions/deps';
import { readConfig } from '@boucle/functions/config';
import {
  demoAnswers,
  demoIterations,
  demoMembers,
} from '@boucle/functions/local/demo-organisation';
import { takeLifecycleStep } from '@boucle/functions/services/iterations';
import { seededRandom, type TMember } from '@boucle/shared';
import { inject, describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';
import { openFirstIteration } from './open-iteration.js';

const members = demoMembers(90);
const story = demoIterations.at(-1);
const CONCURRENT = 6;
/** The close starts once this many answers went in. */
const ANSWERS_BEFORE_CLOSE = 20;

describe('closing an iteration while answers come in', () => {
  it('counts every accepted answer in the final release and refuses every later one', async () => {
    if (!story) throw new Error('no demo iteration');
    const local = await localApp(4);
    await local.deps.directory.replace(members, new Date());
    await openFirstIteration(local.deps, 'Closing');
    // The steering function closes: another process on the same table, so the process that
    // answers still holds the iteration as open in its cache and learns it from the tallies.
    const steering = createDeps({
      config: readConfig({
        TABLE_NAME: local.tableName,
        DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
        ANONYMITY_K: '5',
        TALLY_SHARDS: '4',
        AUTH_ISSUER: 'test',
        AUTH_AUDIENCE: 'boucle',
        AUTH_JWKS_URL: 'https://steering.invalid/jwks.json',
      }),
      client: local.client,
      localIssuer: null,
      overrides: { now: () => local.clock.now },
    });

    const random = seededRandom(4);
    const outcomes: { status: number; sentAfterClose: boolean }[] = [];
    let closed = false;
    let closing: Promise<unknown> | null = null;
    let next = 0;
    const answer = async (member: TMember) => {
      const sentAfterClose = closed;
      const response = await local.call(member, 'POST', '/api/pulses/pulse-1/responses', {
        answers: demoAnswers(member, story, random),
      });
      outcomes.push({ status: response.status, sentAfterClose });
      const accepted = outcomes.filter((o) => o.status === 201).length;
      if (!closing && accepted >= ANSWERS_BEFORE_CLOSE) {
        closing = takeLifecycleStep(steering, 1, 'close').then(() => {
          closed = true;
        });
      }
    };
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        while (next < members.length) await answer(members[next++] as TMember);
      }),
    );
    await closing;
    // Some answers were sent once the close was done: more members than the close needs.
    for (let n = 0; n < 10; n++) await answer(members[n] as TMember);

    const accepted = outcomes.filter((o) => o.status === 201).length;
    expect(outcomes.every((o) => o.status === 201 || o.status === 409)).toBe(true);
    expect(outcomes.filter((o) => o.sentAfterClose).length).toBeGreaterThanOrEqual(10);
    expect(outcomes.filter((o) => o.sentAfterClose).every((o) => o.status === 409)).toBe(true);
    expect(accepted).toBeGreaterThanOrEqual(ANSWERS_BEFORE_CLOSE);

    const final = await local.deps.releases.latest('pulse-1');
    expect(final?.info.final).toBe(true);
    expect(final?.tallies.overall.n).toBe(accepted);
    expect((await local.deps.responses.tallies('pulse-1')).overall.n).toBe(accepted);
    expect(await local.deps.responses.responses('pulse-1')).toHaveLength(accepted);
    local.client.destroy();
  });
});
