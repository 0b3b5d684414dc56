import { defaultPulseTemplate, type TMember } from '@boucle/shared';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';

describe('iterations on DynamoDB Local', () => {
  it('opens only one of two drafts opened at the same moment', async () => {
    const local = await localApp();
    const members = demoMembers(10);
    await local.deps.directory.replace(members, new Date());
    const steering = members[0] as TMember;
    for (const name of ['Iteration 1', 'Iteration 2']) {
      const created = await local.call(steering, 'POST', '/api/iterations', {
        name,
        startDate: '2026-12-14',
        endDate: '2027-01-08',
        goals: [],
      });
      const { id } = (await created.json()) as { id: number };
      await local.call(steering, 'PUT', `/api/iterations/${id}/pulse`, defaultPulseTemplate);
    }
    const statuses = await Promise.all(
      [1, 2].map((id) =>
        local.call(steering, 'POST', `/api/iterations/${id}/open`).then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    const open = (await local.deps.iterations.list()).filter((i) => i.status === 'open');
    expect(open).toHaveLength(1);
    expect(await local.deps.iterations.openIterationId()).toBe(open[0]?.id);
  });

  it('keeps a pulse frozen once its iteration is open', async () => {
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
    await local.call(steering, 'PUT', '/api/iterations/1/pulse', defaultPulseTemplate);
    expect((await local.call(steering, 'POST', '/api/iterations/1/open')).status).toBe(200);
    const change = await local.call(
      steering,
      'PUT',
      '/api/iterations/1/pulse',
      defaultPulseTemplate,
    );
    expect(change.status).toBe(409);
    expect(await change.json()).toMatchObject({ error: { code: 'iteration_not_draft' } });
  });
});
