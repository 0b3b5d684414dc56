import { describe, expect, it } from 'vitest';
import { ambassadorResults, readsOwnTeamOnly } from './ambassador-scope.js';
import { computeTrends } from './compute-trends.js';
import type { TIteration } from './iteration.js';
import { pulseIdOf, type TPulse } from './pulse.js';
import { defaultPulseTemplate } from './pulse-template.js';
import type { TRelease } from './release.js';
import { computeResults } from './results.js';
import type { THeadcount, TSegmentDimension } from './segment.js';
import { addTallies, tallyOfResponse, type TTally } from './tally.js';
import type { TTrendSeries } from './trends.js';

const pulseOf = (id: number): TPulse => ({
  id: pulseIdOf(id),
  iterationId: id,
  ...defaultPulseTemplate,
});

const iterationOf = (id: number, extra: Partial<TIteration> = {}): TIteration => ({
  id,
  name: `Iteration ${id}`,
  startDate: '2026-01-05',
  endDate: '2026-01-30',
  goals: [`goal ${id}`],
  status: 'closed',
  pulseId: pulseIdOf(id),
  headcount: null,
  openedAt: '2026-01-05T07:00:00.000Z',
  closedAt: '2026-01-30T17:00:00.000Z',
  reviewedAt: null,
  ...extra,
});

/** `count` respondents answering usefulness `usefulness`, eNPS `enps`, frequency `frequency`. */
function answers(count: number, usefulness: number, enps: number, frequency = 'weekly'): TTally {
  const one = tallyOfResponse(pulseOf(1), {
    usefulness,
    'ease-of-use': 3,
    frequency,
    enps,
    'training-need': 'none',
  });
  return addTallies(...Array.from({ length: count }, () => one));
}

function releaseOf(byTeam: Record<string, TTally>): TRelease {
  return {
    info: { number: 1, madeAt: '2026-01-30T17:00:00.000Z', final: true },
    tallies: {
      overall: addTallies(...Object.values(byTeam)),
      byDimension: { team: byTeam, site: {}, trainingLevel: {}, ambassador: {} },
    },
    dayRanges: [],
    withheld: {},
  };
}

const headcount = (byTeam: Record<string, number>): THeadcount => ({
  total: Object.values(byTeam).reduce((sum, n) => sum + n, 0),
  byDimension: { team: byTeam, site: {}, trainingLevel: {}, ambassador: {} },
});

function entry(
  id: number,
  members: Record<string, number>,
  byTeam: Record<string, TTally> | null,
  by: TSegmentDimension | null = null,
) {
  const iteration = iterationOf(id, { headcount: headcount(members) });
  const pulse = pulseOf(id);
  const results = computeResults({
    iterationId: id,
    status: iteration.status,
    pulse,
    headcount: headcount(members),
    release: byTeam && releaseOf(byTeam),
    k: 5,
    by,
  });
  return { iteration, pulse, results };
}

const series = (all: TTrendSeries[], key: string): TTrendSeries => {
  const found = all.find((s) => s.key === key);
  if (!found) throw new Error(`no series ${key}`);
  return found;
};

describe('computeTrends', () => {
  it('tests no change of participation into an iteration still open: it still grows', () => {
    const open = entry(
      2,
      { sales: 40 },
      { sales: addTallies(answers(5, 4, 9), answers(5, 5, 10)) },
    );
    const trends = computeTrends({
      k: 5,
      by: null,
      scope: null,
      iterations: [
        entry(1, { sales: 40 }, { sales: addTallies(answers(15, 2, 3), answers(15, 3, 3)) }),
        { ...open, iteration: { ...open.iteration, status: 'open' } },
      ],
    });
    const participation = series(trends.overall, 'participation');
    expect(participation.points.map((p) => p.value)).toEqual([0.75, 0.25]);
    expect(participation.changes).toEqual([null, null]);
    // Its released answers are final figures of their own: their change is tested.
    expect(series(trends.overall, 'mean:usefulness').changes[1]?.verdict).toBe('clear rise');
  });

  it('lists groups in their natural order, the pooled group last', () => {
    const members = { Sales: 10, '*': 10, Finance: 10 };
    const tallies = { Sales: answers(6, 3, 7), '*': answers(6, 3, 7), Finance: answers(6, 3, 7) };
    const trends = computeTrends({
      k: 5,
      by: 'team',
      scope: null,
      iterations: [entry(1, members, tallies, 'team')],
    });
    expect(trends.groups.map((group) => group.value)).toEqual(['Finance', 'Sales', '*']);
  });

  it('calls a clear rise of usefulness and eNPS, with intervals, and none for the first point', () => {
    const trends = computeTrends({
      k: 5,
      by: null,
      scope: null,
      iterations: [
        entry(1, { sales: 40 }, { sales: addTallies(answers(10, 2, 3), answers(10, 3, 9)) }),
        entry(2, { sales: 40 }, { sales: addTallies(answers(10, 4, 9), answers(10, 5, 10)) }),
      ],
    });
    const usefulness = series(trends.overall, 'mean:usefulness');
    expect(usefulness.points.map((p) => p.value)).toEqual([2.5, 4.5]);
    expect(usefulness.points[1]?.n).toBe(20);
    expect(usefulness.changes[0]).toBeNull();
    expect(usefulness.changes[1]).toMatchObject({
      fromIterationId: 1,
      toIterationId: 2,
      estimate: 2,
      verdict: 'clear rise',
    });
    expect(usefulness.changes[1]?.pValue).toBeLessThan(0.001);
    const enps = series(trends.overall, 'enps:enps');
    expect(enps.points.map((p) => p.value)).toEqual([0, 100]);
    expect(enps.changes[1]?.verdict).toBe('clear rise');
    // Participation 20 of 40 both times (Wilson low end from SciPy), no clear change.
    const participation = series(trends.overall, 'participation');
    expect(participation.points[0]).toMatchObject({ value: 0.5, n: 40, withheld: false });
    expect(participation.points[0]?.interval?.low).toBeCloseTo(0.3519952693, 6);
    expect(participation.changes[1]).toMatchObject({ estimate: 0, verdict: 'no clear change' });
    expect(trends.iterations.map((i) => i.goals)).toEqual([['goal 1'], ['goal 2']]);
  });

  it('gives option shares with Wilson intervals and tests their change', () => {
    const trends = computeTrends({
      k: 5,
      by: null,
      scope: null,
      iterations: [
        entry(
          1,
          { sales: 60 },
          { sales: addTallies(answers(5, 3, 7, 'daily'), answers(25, 3, 7)) },
        ),
        entry(
          2,
          { sales: 60 },
          { sales: addTallies(answers(20, 3, 7, 'daily'), answers(10, 3, 7)) },
        ),
      ],
    });
    const daily = series(trends.overall, 'share:frequency:daily');
    expect(daily.points.map((p) => p.value)).toEqual([5 / 30, 20 / 30]);
    expect(daily.points[0]?.n).toBe(30);
    expect(daily.changes[1]?.verdict).toBe('clear rise');
    expect(series(trends.overall, 'share:frequency:weekly').changes[1]?.verdict).toBe('clear fall');
    // Text questions are not trends; every choice option is one.
    expect(trends.overall.some((s) => s.questionId === 'comment')).toBe(false);
    expect(trends.questions.map((q) => q.id)).not.toContain('comment');
    expect(trends.overall.filter((s) => s.questionId === 'blockers')).toHaveLength(5);
  });

  it('has a null point and no change on either side of a withheld iteration', () => {
    const trends = computeTrends({
      k: 5,
      by: null,
      scope: null,
      iterations: [
        entry(1, { sales: 40 }, { sales: answers(20, 2, 3) }),
        entry(2, { sales: 40 }, { sales: answers(3, 5, 10) }),
        entry(3, { sales: 40 }, { sales: answers(20, 5, 10) }),
        entry(4, { sales: 40 }, null),
      ],
    });
    const usefulness = series(trends.overall, 'mean:usefulness');
    expect(usefulness.points.map((p) => [p.value, p.withheld])).toEqual([
      [2, false],
      [null, true],
      [5, false],
      [null, true],
    ]);
    expect(usefulness.changes).toEqual([null, null, null, null]);
    expect(series(trends.overall, 'participation').points[1]).toEqual({
      iterationId: 2,
      value: null,
      interval: null,
      n: null,
      withheld: true,
    });
    expect(trends.iterations[3]?.release).toBeNull();
  });

  it('follows groups present in only some iterations, withheld ones as null points', () => {
    const trends = computeTrends({
      k: 5,
      by: 'team',
      scope: null,
      iterations: [
        entry(
          1,
          { sales: 20, hr: 20 },
          { sales: answers(10, 2, 3), hr: answers(10, 3, 7) },
          'team',
        ),
        entry(
          2,
          { sales: 20, hr: 20, legal: 40 },
          { sales: answers(10, 5, 10), hr: answers(2, 3, 7), legal: answers(20, 4, 8) },
          'team',
        ),
      ],
    });
    expect(trends.groups.map((g) => g.value)).toEqual(['hr', 'legal', 'sales']);
    const group = (value: string) => trends.groups.find((g) => g.value === value)?.series ?? [];
    // hr is under k in iteration 2, and sales with it (complementary suppression).
    expect(series(group('hr'), 'mean:usefulness').points.map((p) => p.withheld)).toEqual([
      false,
      true,
    ]);
    expect(series(group('sales'), 'mean:usefulness').changes[1]).toBeNull();
    const legal = series(group('legal'), 'mean:usefulness');
    expect(legal.points.map((p) => [p.value, p.withheld])).toEqual([
      [null, false],
      [4, false],
    ]);
    expect(legal.changes).toEqual([null, null]);
  });

  it('leaves a gap, not a withheld point, where a question was not asked', () => {
    const second = entry(2, { sales: 40 }, { sales: answers(20, 4, 9) });
    const pulse = {
      ...second.pulse,
      questions: second.pulse.questions.filter((q) => q.id !== 'usefulness'),
    };
    const results = computeResults({
      iterationId: 2,
      status: 'closed',
      pulse,
      headcount: headcount({ sales: 40 }),
      release: releaseOf({ sales: answers(20, 4, 9) }),
      k: 5,
      by: null,
    });
    const trends = computeTrends({
      k: 5,
      by: null,
      scope: null,
      iterations: [
        entry(1, { sales: 40 }, { sales: answers(20, 2, 3) }),
        { ...second, pulse, results },
        entry(3, { sales: 40 }, { sales: addTallies(answers(10, 4, 9), answers(10, 5, 10)) }),
      ],
    });
    const usefulness = series(trends.overall, 'mean:usefulness');
    expect(usefulness.points.map((p) => [p.value, p.withheld])).toEqual([
      [2, false],
      [null, false],
      [4.5, false],
    ]);
    // 2 → 4.5 would be a clear rise, but it skips the iteration where it was not asked.
    expect(usefulness.changes).toEqual([null, null, null]);
    expect(trends.questions.map((q) => q.id)).toContain('usefulness');
  });

  it('keeps the adoption figures the steering group typed, with their ratios', () => {
    const figures = {
      registeredMembers: 200,
      weeklyActiveMembers: 100,
      contributors: 25,
      posts: 80,
      comments: 300,
    };
    const first = entry(1, { sales: 40 }, { sales: answers(20, 2, 3) });
    const trends = computeTrends({
      k: 5,
      by: null,
      scope: null,
      iterations: [
        { ...first, iteration: { ...first.iteration, adoption: figures } },
        entry(2, { sales: 40 }, { sales: answers(20, 2, 3) }),
      ],
    });
    expect(trends.adoption).toEqual([
      { iterationId: 1, figures, ratios: { activeShare: 0.5, contributorShare: 0.25 } },
      { iterationId: 2, figures: null, ratios: null },
    ]);
  });
});

describe('ambassadorResults and the trends of a scope', () => {
  const members = { sales: 20, hr: 20, '*': 10 };
  const byTeam = { sales: answers(10, 2, 3), hr: answers(10, 5, 10), '*': answers(6, 4, 9) };

  it("keeps only the ambassador's team, the same figures steering sees for it", () => {
    const { results } = entry(1, members, byTeam, 'team');
    const scoped = ambassadorResults(results, 'sales');
    const sales = results.groups.find((g) => g.value === 'sales');
    expect(scoped).toMatchObject({
      withheld: false,
      members: 20,
      respondents: 10,
      participation: 0.5,
      questions: sales?.questions,
      by: null,
      groups: [],
      byDay: [],
      scope: { dimension: 'team', value: 'sales', pooled: false },
    });
    expect(ambassadorResults(results, '*').scope?.pooled).toBe(true);
    expect(ambassadorResults(results, '*').respondents).toBe(6);
  });

  it('shows nothing without a frozen team, and keeps a withheld team withheld', () => {
    const { results } = entry(1, members, byTeam, 'team');
    const none = ambassadorResults(results, null);
    expect(none).toMatchObject({ withheld: true, respondents: null, members: 0, groups: [] });
    expect(none.questions.every((q) => q.withheld && q.mean === null)).toBe(true);
    const small = entry(2, members, { ...byTeam, hr: answers(2, 5, 10) }, 'team').results;
    expect(ambassadorResults(small, 'hr')).toMatchObject({ withheld: true, respondents: null });
    expect(() => ambassadorResults(entry(1, members, byTeam).results, 'sales')).toThrow();
  });

  it('scopes ambassadors who are not steering, and nobody else', () => {
    expect(readsOwnTeamOnly(['employee', 'ambassador'])).toBe(true);
    expect(readsOwnTeamOnly(['employee', 'ambassador', 'steering'])).toBe(false);
    expect(readsOwnTeamOnly(['employee', 'steering'])).toBe(false);
    expect(readsOwnTeamOnly(['employee'])).toBe(false);
  });

  it('compares no two iterations where the frozen team differs', () => {
    const scoped = (id: number, team: string) => {
      const e = entry(id, members, byTeam, 'team');
      return { ...e, results: ambassadorResults(e.results, team) };
    };
    const teams = [
      { iterationId: 1, value: 'sales', pooled: false },
      { iterationId: 2, value: 'sales', pooled: false },
      { iterationId: 3, value: '*', pooled: true },
    ];
    const trends = computeTrends({
      k: 5,
      by: null,
      scope: { dimension: 'team', teams },
      iterations: [scoped(1, 'sales'), scoped(2, 'sales'), scoped(3, '*')],
    });
    const participation = series(trends.overall, 'participation');
    expect(participation.points.map((p) => p.value)).toEqual([0.5, 0.5, 0.6]);
    expect(participation.changes.map((c) => c?.verdict ?? null)).toEqual([
      null,
      'no clear change',
      null,
    ]);
    expect(trends.groups).toEqual([]);
  });
});
