import { describe, expect, it } from 'vitest';
import type { TRelease } from '../release.js';
import type { TReleaseTallies } from './release.js';
import { mayMakeRelease, nextRelease } from './next-release.js';
import { seededRandom } from '../seeded-random.js';
import { addTallies, respondentsIn, type TTally } from '../tally.js';

const K = 5;

/** `count` answers from members of `team` (site, level and ambassador all alike), on `day`. */
function answersOf(team: string, count: number, day = '2026-11-16'): TReleaseTallies {
  const one: TTally = { n: 1, 'a:usefulness': 1, 'v:usefulness:4': 1 };
  const tally: TTally = count === 0 ? {} : addTallies(...Array(count).fill(one));
  const group = { [team]: tally };
  return {
    overall: count === 0 ? {} : { ...tally, [`d:${day}`]: count },
    byDimension: {
      team: group,
      site: { Paris: tally },
      trainingLevel: { beginner: tally },
      ambassador: { no: tally },
    },
  };
}

function plus(...parts: TReleaseTallies[]): TReleaseTallies {
  const merge = (groups: Record<string, TTally>[]) => {
    const merged: Record<string, TTally> = {};
    for (const each of groups)
      for (const [value, tally] of Object.entries(each))
        merged[value] = addTallies(merged[value] ?? {}, tally);
    return merged;
  };
  return {
    overall: addTallies(...parts.map((p) => p.overall)),
    byDimension: {
      team: merge(parts.map((p) => p.byDimension.team)),
      site: merge(parts.map((p) => p.byDimension.site)),
      trainingLevel: merge(parts.map((p) => p.byDimension.trainingLevel)),
      ambassador: merge(parts.map((p) => p.byDimension.ambassador)),
    },
  };
}

const release = (previous: TRelease | null, live: TReleaseTallies, closing = false) =>
  nextRelease({
    previous,
    live,
    k: K,
    madeAt: '2026-11-20T10:00:00Z',
    closing,
  });

describe('nextRelease', () => {
  it('makes none while fewer than k have answered, nor for one more answer', () => {
    expect(release(null, answersOf('Sales', 3))).toBeNull();
    const first = release(null, answersOf('Sales', 6));
    expect(first?.info).toEqual({ number: 1, madeAt: '2026-11-20T10:00:00Z', final: false });
    if (!first) throw new Error('no first release');
    expect(release(first, plus(answersOf('Sales', 6), answersOf('Sales', 1)))).toBeNull();
    expect(release(first, answersOf('Sales', 6))).toBeNull();
  });

  it('releases k new answers in one team', () => {
    const first = release(null, answersOf('Sales', 6));
    if (!first) throw new Error('no first release');
    const second = release(first, plus(answersOf('Sales', 6), answersOf('HR', 5)));
    expect(second?.info.number).toBe(2);
    expect(respondentsIn(second?.tallies.overall ?? {})).toBe(11);
  });

  it('withholds a team with too few new answers, keeping what was last shown of it', () => {
    const shown = plus(answersOf('Sales', 6), answersOf('HR', 6), answersOf('R&D', 6));
    const first = release(null, shown);
    if (!first) throw new Error('no first release');
    const second = release(first, plus(shown, answersOf('Sales', 2), answersOf('HR', 10)));
    if (!second) throw new Error('no second release');
    expect(second.withheld.team).toContain('Sales');
    // Sales is compared, next time, with what the first release showed of it.
    expect(second.tallies.byDimension.team.Sales).toEqual(first.tallies.byDimension.team.Sales);
    // What is withheld in the difference holds 0 or at least k new respondents.
    const hiddenNew = (second.withheld.team ?? []).reduce(
      (sum, team) =>
        sum +
        respondentsIn(
          plus(shown, answersOf('Sales', 2), answersOf('HR', 10)).byDimension.team[team] ?? {},
        ) -
        respondentsIn(first.tallies.byDimension.team[team] ?? {}),
      0,
    );
    expect(hiddenNew === 0 || hiddenNew >= K).toBe(true);
  });

  it('compares a team with the last release that showed it, not the one before', () => {
    const shown = plus(answersOf('Sales', 6), answersOf('HR', 6), answersOf('R&D', 6));
    const first = release(null, shown);
    if (!first) throw new Error('no first release');
    const live2 = plus(shown, answersOf('Sales', 2), answersOf('HR', 10));
    const second = release(first, live2);
    if (!second) throw new Error('no second release');
    const live3 = plus(live2, answersOf('Sales', 4), answersOf('R&D', 5));
    const third = release(second, live3);
    if (!third) throw new Error('no third release');
    expect(third.withheld.team ?? []).not.toContain('Sales');
    expect(respondentsIn(third.tallies.byDimension.team.Sales ?? {})).toBe(12);
  });

  it('closes with a final release that never shows fewer than k late answers', () => {
    const first = release(null, answersOf('Sales', 6));
    if (!first) throw new Error('no first release');
    const final = release(first, plus(answersOf('Sales', 6), answersOf('Sales', 2)), true);
    expect(final?.info.final).toBe(true);
    expect(respondentsIn(final?.tallies.overall ?? {})).toBe(6);
  });

  it('keeps withheld, in a final release that keeps the previous figures, what it withheld', () => {
    const shown = plus(answersOf('Sales', 6), answersOf('HR', 6), answersOf('R&D', 6));
    const first = release(null, shown);
    if (!first) throw new Error('no first release');
    const live2 = plus(shown, answersOf('Sales', 2), answersOf('HR', 10));
    const second = release(first, live2);
    if (!second) throw new Error('no second release');
    const final = release(second, plus(live2, answersOf('R&D', 1)), true);
    expect(final?.info.final).toBe(true);
    expect(final?.withheld.team).toEqual(second.withheld.team);
  });

  it('merges days under k into ranges', () => {
    const live = plus(answersOf('Sales', 3, '2026-11-16'), answersOf('Sales', 3, '2026-11-17'));
    expect(release(null, live)?.dayRanges).toEqual([
      { from: '2026-11-16', to: '2026-11-17', responses: 6 },
    ]);
  });
});

describe('mayMakeRelease', () => {
  const TEAMS = ['Sales', 'HR', 'R&D', 'Legal'];
  /** Random answers spread over teams: `count` in all. */
  const spread = (count: number, random: () => number): TReleaseTallies =>
    plus(
      answersOf('Sales', 0),
      ...Array.from({ length: count }, () =>
        answersOf(TEAMS[Math.floor(random() * TEAMS.length)] ?? 'Sales', 1),
      ),
    );

  it('says no only where nextRelease can only say no: open, a previous release, < k new', () => {
    const random = seededRandom(21);
    for (let round = 0; round < 200; round++) {
      const shown = spread(5 + Math.floor(random() * 20), random);
      const previous = release(null, shown);
      if (!previous) continue;
      const added = Math.floor(random() * 2 * K);
      const live = plus(shown, spread(added, random));
      const allowed = mayMakeRelease({ previous, overall: live.overall, k: K, closing: false });
      expect(allowed).toBe(added >= K);
      if (!allowed) expect(release(previous, live)).toBeNull();
    }
  });

  it('always reads everything for a first release or when closing', () => {
    const live = answersOf('Sales', 1);
    expect(mayMakeRelease({ previous: null, overall: live.overall, k: K, closing: false })).toBe(
      true,
    );
    const previous = release(null, answersOf('Sales', 6));
    if (!previous) throw new Error('no first release');
    const late = plus(answersOf('Sales', 6), answersOf('HR', 1)).overall;
    expect(mayMakeRelease({ previous, overall: late, k: K, closing: true })).toBe(true);
    expect(mayMakeRelease({ previous, overall: late, k: K, closing: false })).toBe(false);
  });
});
