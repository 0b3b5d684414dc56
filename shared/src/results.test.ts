import { describe, expect, it } from 'vitest';
import { pulseIdOf, type TPulse } from './pulse.js';
import { defaultPulseTemplate } from './pulse-template.js';
import type { TRelease } from './release.js';
import { computeResults } from './results.js';
import { headcountOf } from './segment.js';
import { POOLED } from './pooled.js';
import { addTallies, tallyOfResponse, type TTally } from './tally.js';
import type { TMember } from './member.js';

const pulse: TPulse = { id: pulseIdOf(1), iterationId: 1, ...defaultPulseTemplate };

const member = (team: string, n: number): TMember => ({
  email: `${team}${n}@example.com`,
  name: `${team} ${n}`,
  team,
  site: 'Paris',
  trainingLevel: 'beginner',
  ambassador: false,
  role: 'employee',
});

const answer = (usefulness: number, enps: number) => ({
  usefulness,
  'ease-of-use': 3,
  frequency: 'weekly',
  enps,
  'training-need': 'none',
});

function tallyOf(responses: ReturnType<typeof answer>[]): TTally {
  return addTallies(...responses.map((a) => tallyOfResponse(pulse, a)));
}

/** A release holding these counters, by team only. */
function releaseOf(overall: TTally, byTeam: Record<string, TTally> = {}): TRelease {
  return {
    info: { number: 1, madeAt: '2026-11-20T10:00:00.000Z', final: false },
    tallies: {
      overall,
      byDimension: { team: byTeam, site: {}, trainingLevel: {}, ambassador: {} },
    },
    dayRanges: [],
    withheld: {},
  };
}

describe('computeResults', () => {
  const members = [
    ...Array.from({ length: 10 }, (_, i) => member('sales', i)),
    ...Array.from({ length: 10 }, (_, i) => member('hr', i)),
    ...Array.from({ length: 4 }, (_, i) => member('legal', i)),
  ];
  const sales = tallyOf([
    answer(5, 10),
    answer(4, 9),
    answer(4, 8),
    answer(3, 6),
    answer(5, 10),
    answer(4, 9),
  ]);
  const hr = tallyOf([answer(2, 3), answer(3, 7), answer(2, 5), answer(3, 6), answer(1, 0)]);
  const legal = tallyOf([answer(5, 10), answer(1, 0)]);
  const overall = addTallies(sales, hr, legal);

  it('gives participation, distributions, means and eNPS overall', () => {
    const results = computeResults({
      iterationId: 1,
      status: 'open',
      pulse,
      headcount: headcountOf(members),
      release: releaseOf(overall),
      k: 5,
      by: null,
    });
    expect(results.release).toEqual({
      number: 1,
      madeAt: '2026-11-20T10:00:00.000Z',
      final: false,
    });
    expect(results.respondents).toBe(13);
    expect(results.participation).toBeCloseTo(13 / 24);
    const usefulness = results.questions.find((q) => q.questionId === 'usefulness');
    expect(usefulness?.distribution.map((b) => b.count)).toEqual([2, 2, 3, 3, 3]);
    expect(usefulness?.mean).toBeCloseTo((2 * 1 + 2 * 2 + 3 * 3 + 3 * 4 + 3 * 5) / 13);
    const enps = results.questions.find((q) => q.questionId === 'enps');
    // promoters: 10,9,10,9,10 = 5; detractors: 6,3,5,6,0,0 = 6 → (5 − 6) / 13
    expect(enps?.enps).toBeCloseTo((100 * (5 - 6)) / 13);
    expect(results.questions.find((q) => q.questionId === 'comment')).toMatchObject({
      answered: null,
      withheld: true,
    });
  });

  it('withholds a group under k and the next smallest, so the total gives nothing away', () => {
    const results = computeResults({
      iterationId: 1,
      status: 'open',
      pulse,
      headcount: headcountOf(members),
      release: releaseOf(overall, { sales, hr, legal }),
      k: 5,
      by: 'team',
    });
    const byTeam = Object.fromEntries(results.groups.map((g) => [g.value, g]));
    expect(byTeam.legal).toMatchObject({ withheld: true, respondents: null, participation: null });
    expect(byTeam.legal?.questions.every((q) => q.withheld && q.distribution.length === 0)).toBe(
      true,
    );
    expect(byTeam.hr).toMatchObject({ withheld: true, respondents: null });
    expect(byTeam.sales).toMatchObject({ withheld: false, respondents: 6, participation: 0.6 });
  });

  it('withholds everything when fewer than k responded overall', () => {
    const results = computeResults({
      iterationId: 1,
      status: 'open',
      pulse,
      headcount: headcountOf(members),
      release: releaseOf(legal),
      k: 5,
      by: null,
    });
    expect(results).toMatchObject({
      withheld: true,
      respondents: null,
      participation: null,
      byDay: [],
      groups: [],
    });
    expect(results.questions.every((q) => q.withheld)).toBe(true);
  });

  it('withholds everything until a first release is made', () => {
    const results = computeResults({
      iterationId: 1,
      status: 'open',
      pulse,
      headcount: headcountOf(members),
      release: null,
      k: 5,
      by: 'team',
    });
    expect(results).toMatchObject({ release: null, withheld: true, respondents: null, groups: [] });
  });

  it('keeps withheld the groups a release could not show, and their complement', () => {
    const release = { ...releaseOf(overall, { sales, hr, legal }), withheld: { team: ['sales'] } };
    const results = computeResults({
      iterationId: 1,
      status: 'closed',
      pulse,
      headcount: headcountOf(members),
      release,
      k: 5,
      by: 'team',
    });
    const byTeam = Object.fromEntries(results.groups.map((g) => [g.value, g.withheld]));
    expect(byTeam).toEqual({ sales: true, hr: false, legal: true });
  });

  it('gives groups in their natural order, not as stored: levels beginner → advanced, pooled last', () => {
    const release = releaseOf(overall);
    release.tallies.byDimension.trainingLevel = {
      advanced: sales,
      [POOLED]: legal,
      beginner: hr,
      confirmed: legal,
    };
    const results = computeResults({
      iterationId: 1,
      status: 'open',
      pulse,
      headcount: headcountOf(members),
      release,
      k: 5,
      by: 'trainingLevel',
    });
    expect(results.groups.map((g) => g.value)).toEqual([
      'beginner',
      'confirmed',
      'advanced',
      POOLED,
    ]);
  });
});
