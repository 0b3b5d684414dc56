import { describe, expect, it } from 'vitest';
import { tallyInvolvement, type TInvolvementAction } from '../involvement.js';
import type { THeadcount, TSegment } from '../segment.js';
import { involvementToShow as toShow } from './involvement.js';

const involvementToShow = (
  actions: readonly TInvolvementAction[],
  count: THeadcount,
  k: number,
  by: Parameters<typeof toShow>[3],
) => toShow(tallyInvolvement(1, actions, '2026-10-01T00:00:00Z'), count, k, by);

const K = 5;

const segment = (team: string): TSegment => ({
  team,
  site: 'Lyon',
  trainingLevel: 'beginner',
  ambassador: 'no',
});

const headcount: THeadcount = {
  total: 60,
  byDimension: {
    team: { Sales: 20, Support: 20, Finance: 20 },
    site: { Lyon: 60 },
    trainingLevel: { beginner: 60 },
    ambassador: { no: 60 },
  },
};

/** `members` distinct members of a team, each submitting one idea and voting twice. */
function busy(team: string | null, members: number, from = 0): TInvolvementAction[] {
  return Array.from({ length: members }, (_, index) => {
    const actor = `${team ?? 'none'}-${from + index}`;
    const common = { actor, segment: team ? segment(team) : null, at: '2026-09-01T10:00:00Z' };
    return [
      { kind: 'idea' as const, ...common },
      { kind: 'vote' as const, ...common },
      { kind: 'vote' as const, ...common },
    ];
  }).flat();
}

describe('involvementToShow', () => {
  it('counts contributors once however much each did, and every kind of action', () => {
    const shown = involvementToShow(
      [
        ...busy('Sales', 6),
        { kind: 'comment', actor: 'Sales-0', segment: segment('Sales'), at: '' },
      ],
      headcount,
      K,
      null,
    );
    expect(shown.figures).toEqual({
      members: 60,
      contributors: 6,
      ideas: 6,
      votes: 12,
      comments: 1,
    });
    expect(shown.groups).toEqual([]);
  });

  it('shows nothing at all under k contributors', () => {
    const shown = involvementToShow(busy('Sales', K - 1), headcount, K, 'team');
    expect(shown.figures).toBeNull();
    expect(shown.groups.every((group) => group.figures === null)).toBe(true);
  });

  it('withholds a group under k contributors and a neighbour, so the total cannot give it away', () => {
    const shown = involvementToShow(
      [...busy('Sales', 12), ...busy('Support', 7), ...busy('Finance', 2)],
      headcount,
      K,
      'team',
    );
    const byKey = Object.fromEntries(shown.groups.map((group) => [group.key, group.figures]));
    expect(byKey.Finance).toBeNull();
    // Finance alone withheld would be total − Sales − Support: the smallest shown goes too.
    expect(byKey.Support).toBeNull();
    expect(byKey.Sales).toMatchObject({ members: 20, contributors: 12, ideas: 12, votes: 24 });
  });

  it('keeps members without a segment out of every group, and protects them like a group', () => {
    const shown = involvementToShow(
      [...busy('Sales', 12), ...busy('Support', 7), ...busy('Finance', 9), ...busy(null, 1)],
      headcount,
      K,
      'team',
    );
    expect(shown.figures?.contributors).toBe(29);
    const shownGroups = shown.groups.filter((group) => group.figures !== null);
    // One member without a segment: total − shown groups must not isolate them.
    const shownContributors = shownGroups.reduce(
      (sum, g) => sum + (g.figures?.contributors ?? 0),
      0,
    );
    expect(29 - shownContributors).toBeGreaterThanOrEqual(K);
    expect(shown.groups.map((group) => group.key)).toEqual(['Finance', 'Sales', 'Support']);
  });

  it('never shows a group of fewer than k contributors, whatever the mix', () => {
    for (let finance = 0; finance <= 8; finance++) {
      const shown = involvementToShow(
        [...busy('Sales', 10), ...busy('Support', 6), ...busy('Finance', finance)],
        headcount,
        K,
        'team',
      );
      for (const group of shown.groups) {
        if (group.figures) expect(group.figures.contributors).toBeGreaterThanOrEqual(K);
      }
      const withheld = shown.groups.filter((group) => group.figures === null);
      expect(withheld.length === 0 || withheld.length >= 2).toBe(true);
    }
  });

  it('lists the groups as every table does: pooled ones last', () => {
    const pooled: THeadcount = {
      ...headcount,
      byDimension: { ...headcount.byDimension, team: { '*': 20, Sales: 20, Finance: 20 } },
    };
    const shown = involvementToShow(busy('Sales', 12), pooled, K, 'team');
    expect(shown.groups.map((group) => group.key)).toEqual(['Finance', 'Sales', '*']);
  });
});
