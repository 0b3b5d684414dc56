import { seededRandom } from '@boucle/shared';
import { demoAnswers, demoMembers } from '@boucle/functions/local/demo-organisation';
import { describe, expect, it } from 'vitest';
import { attackedApp, storyOf } from './attacked-app.js';

const story = storyOf(2);

describe('a member moved to a new team after the iteration opened', () => {
  it('answers in the segment frozen at opening: the new team never shows', async () => {
    const roster = demoMembers(60);
    const attacked = await attackedApp(roster, '2026-11-16');
    const [moved, ...others] = roster.slice(2);
    if (!moved) throw new Error('no member to move');
    await attacked.deps.directory.replace(
      roster.map((member) => (member === moved ? { ...member, team: 'Skunkworks' } : member)),
      attacked.clock.now,
    );
    const random = seededRandom(5);
    for (const member of [moved, ...others.slice(0, 30)]) {
      await attacked.answer(member, demoAnswers(member, story, random));
    }
    await attacked.close();
    const views = await attacked.readEveryView();
    const teams = views[1]?.groups.map((group) => group.value) ?? [];
    expect(teams.length).toBeGreaterThan(0);
    expect(teams).not.toContain('Skunkworks');
    console.log(`moved member: ${teams.length} team groups checked`);
  });
});
