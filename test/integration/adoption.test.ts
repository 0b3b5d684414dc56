import { defaultPulseTemplate, type TMember } from '@boucle/shared';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

const figures = {
  registeredMembers: 180,
  weeklyActiveMembers: 60,
  contributors: 20,
  posts: 140,
  comments: 390,
};

describe('adoption figures on DynamoDB Local', () => {
  it('refuses a draft and an unknown iteration, then keeps figures beside lifecycle steps', async () => {
    const local = await localApp();
    const members = demoMembers(10);
    await local.deps.directory.replace(members, new Date());
    const steering = members[0] as TMember;
    await local.call(steering, 'POST', '/api/iterations', {
      name: 'Iteration 1',
      startDate: '2026-12-14',
      endDate: '2027-01-08',
      goals: [],
    });
    const draft = await local.call(steering, 'PUT', '/api/iterations/1/adoption', figures);
    expect(draft.status).toBe(409);
    expect(await draft.json()).toMatchObject({ error: { code: 'iteration_is_draft' } });
    const unknown = await local.call(steering, 'PUT', '/api/iterations/7/adoption', figures);
    expect(unknown.status).toBe(404);
    // The refused write created nothing: no half iteration 7.
    expect((await local.deps.iterations.list()).map((i) => i.id)).toEqual([1]);

    await local.call(steering, 'PUT', '/api/iterations/1/pulse', defaultPulseTemplate);
    await local.call(steering, 'POST', '/api/iterations/1/open');
    // Figures and closing at the same moment: each writes its own attributes, neither is lost.
    const [set, closed] = await Promise.all([
      local.call(steering, 'PUT', '/api/iterations/1/adoption', figures),
      local.call(steering, 'POST', '/api/iterations/1/close'),
    ]);
    expect([set.status, closed.status]).toEqual([200, 200]);
    const after = (await local.deps.iterations.get(1))?.iteration;
    expect(after).toMatchObject({ status: 'closed', adoption: figures });

    // A correction overwrites the figures, and the iteration stays as it was.
    const corrected = { ...figures, contributors: 25 };
    const again = await local.call(steering, 'PUT', '/api/iterations/1/adoption', corrected);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: 1, status: 'closed', adoption: corrected });
  });
});
