import { demoAnswers, demoMembers } from '@boucle/functions/local/demo-organisation';
import {
  DEFAULT_COMMENT_K,
  seededRandom,
  ZComments,
  ZSegmentDimension,
  type TComment,
  type TMember,
  type TSegmentDimension,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { attackedApp, storyOf } from './attacked-app.js';

type TAttacked = Awaited<ReturnType<typeof attackedApp>>;

/** Every comment of one view, page after page, as the steering group can read them. */
async function everyComment(
  attacked: TAttacked,
  by: TSegmentDimension | null,
): Promise<TComment[]> {
  const comments: TComment[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const query = new URLSearchParams({ limit: '100', ...(by ? { by } : {}) });
    if (cursor) query.set('cursor', cursor);
    const response = await attacked.call(
      attacked.steering,
      'GET',
      `/api/iterations/1/comments?${query}`,
    );
    if (response.status !== 200) throw new Error(`comments: ${response.status}`);
    const page = ZComments.parse(await response.json());
    comments.push(...page.comments);
    cursor = page.nextCursor;
  }
  return comments;
}

/** Each member's comment names them: the attacker knows who wrote what, to check the labels. */
const random = seededRandom(8);
const commentOf = (member: TMember, said = 'Said') => ({
  ...demoAnswers(member, storyOf(2), random),
  comment: `${said} by ${member.email}`,
});

describe('comments under attack', () => {
  it('shows none while open; after closing, never labels a comment with a group under COMMENT_K', async () => {
    // Six members of a small team, alike in every other dimension so their team stays a
    // disclosure value of its own (at least k members), and a big team of 34.
    const roster = demoMembers(42).map((member, index): TMember =>
      index < 2
        ? member
        : index < 8
          ? {
              ...member,
              team: 'Small',
              site: 'Paris',
              trainingLevel: 'confirmed',
              ambassador: false,
            }
          : { ...member, team: 'Big' },
    );
    const attacked = await attackedApp(roster, '2026-11-16');
    const answering = roster.slice(2);
    for (const member of answering) await attacked.answer(member, commentOf(member));
    const open = await attacked.call(attacked.steering, 'GET', '/api/iterations/1/comments');
    expect(open.status).toBe(409);
    expect((await open.json()).error.code).toBe('comments_not_released');
    await attacked.close();

    const overall = await everyComment(attacked, null);
    expect(overall).toHaveLength(answering.length);
    const views = await attacked.readEveryView();
    const labelledIn = new Map<string, TSegmentDimension>();
    for (const [index, by] of ZSegmentDimension.options.entries()) {
      const respondents = new Map(
        (views[index + 1]?.groups ?? []).map((group) => [group.value, group.respondents ?? 0]),
      );
      for (const comment of await everyComment(attacked, by)) {
        // One breakdown per comment: two labels side by side would single out their intersection.
        expect(labelledIn.get(comment.text)).toBeUndefined();
        labelledIn.set(comment.text, by);
        if (comment.label?.kind !== 'group') continue;
        expect(comment.label.value).not.toBe('Small');
        expect(respondents.get(comment.label.value) ?? 0).toBeGreaterThanOrEqual(DEFAULT_COMMENT_K);
      }
    }
    // Every comment shown overall is labelled in exactly one breakdown: no view leaves one out.
    expect(labelledIn.size).toBe(overall.length);
    const teams = views[1]?.groups.map((group) => group.value);
    expect(teams).toContain('Small');
    console.log(`comments: ${overall.length} checked in 5 views, teams ${teams?.join(', ')}`);
  });

  it('never shows the comments of a group whose late answers the final release withholds', async () => {
    // Everyone alike but for their team; late: three of Sales (too few to show apart) and five
    // of HR, so the final release withholds these two teams and shows the rest.
    const alike = { site: 'Paris', trainingLevel: 'confirmed', ambassador: false } as const;
    const roster = demoMembers(80).map((member) => ({ ...member, ...alike }));
    const lateOf = (team: string, count: number) =>
      roster
        .filter((m) => m.role !== 'steering' && m.team === team)
        .slice(-count)
        .map((m) => m.email);
    const lateEmails = new Set([...lateOf('Sales', 3), ...lateOf('HR', 5)]);
    const attacked = await attackedApp(roster, '2026-11-16');
    const members = roster.filter((m) => m.role !== 'steering');
    for (const member of members.filter((m) => !lateEmails.has(m.email))) {
      await attacked.answer(member, commentOf(member));
    }
    // A release while open, then the late answers.
    await attacked.readEveryView();
    for (const member of members.filter((m) => lateEmails.has(m.email))) {
      await attacked.answer(member, commentOf(member, 'Late'));
    }
    await attacked.close();
    await attacked.readEveryView();
    const release = await attacked.deps.releases.latest('pulse-1');
    expect(release?.info.final).toBe(true);
    expect(release?.withheld.team).toEqual(['HR', 'Sales']);
    // What the release shows is still read: the early answers of the groups it does not withhold.
    expect((await everyComment(attacked, null)).length).toBeGreaterThan(0);
    for (const by of [null, ...ZSegmentDimension.options]) {
      for (const comment of await everyComment(attacked, by)) {
        expect(comment.text.startsWith('Late')).toBe(false);
      }
    }
    console.log(`late answers: groups withheld ${JSON.stringify(release?.withheld)}`);
  });

  it('shows none when fewer than k answered late: nothing tells which responses they are', async () => {
    const roster = demoMembers(40);
    const attacked = await attackedApp(roster, '2026-11-16');
    const members = roster.filter((m) => m.role !== 'steering');
    for (const member of members.slice(0, 30)) await attacked.answer(member, commentOf(member));
    await attacked.readEveryView();
    for (const member of members.slice(30, 32))
      await attacked.answer(member, commentOf(member, 'Late'));
    await attacked.close();
    const response = await attacked.call(attacked.steering, 'GET', '/api/iterations/1/comments');
    expect(ZComments.parse(await response.json())).toMatchObject({
      withheldReason: 'late_answers_unattributable',
      total: 0,
      comments: [],
    });
  });
});
