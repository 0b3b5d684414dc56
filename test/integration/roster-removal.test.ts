import {
  demoAnswers,
  demoIterations,
  demoMembers,
} from '@boucle/functions/local/demo-organisation';
import { seededRandom, type TMember } from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { localApp } from './local-app.js';
import { openFirstIteration } from './open-iteration.js';
import { stagedImport } from './staged-import.js';

const members = demoMembers(30);
const steering = members.find((member) => member.role === 'steering') as TMember;
describe('a member the roster import removes while an iteration is open', () => {
  it('can no longer answer, though their segment was frozen; the others still can', async () => {
    const story = demoIterations.at(-1);
    if (!story) throw new Error('no demo iteration');
    const local = await localApp(2);
    await local.deps.directory.replace(members, new Date());
    await openFirstIteration(local.deps, 'Roster');
    const [leaver, stayer] = members.filter((member) => member.role === 'employee');
    if (!leaver || !stayer) throw new Error('no employees');
    const { job } = await stagedImport(
      (method, path, body) => local.call(steering, method, path, body),
      members.filter((member) => member !== leaver),
    );
    expect(job.state).toBe('completed');
    const random = seededRandom(3);
    const answer = (member: TMember) =>
      local.call(member, 'POST', '/api/pulses/pulse-1/responses', {
        answers: demoAnswers(member, story, random),
      });
    const refused = await answer(leaver);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'not_in_directory' } });
    expect((await answer(stayer)).status).toBe(201);
    local.client.destroy();
  });
});
