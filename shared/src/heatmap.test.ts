import { describe, expect, it } from 'vitest';
import { computeHeatmap, type THeatmap } from './heatmap.js';
import { heatmapCsv } from './heatmap-csv.js';
import type { TMember } from './member.js';
import { pulseIdOf, type TPulse } from './pulse.js';
import { defaultPulseTemplate } from './pulse-template.js';
import type { TRelease } from './release.js';
import { computeResults } from './results.js';
import { headcountOf } from './segment.js';
import { POOLED } from './pooled.js';
import { adjustBH } from './statistics/index.js';
import { addTallies, tallyOfResponse, type TTally } from './tally.js';

const pulse: TPulse = { id: pulseIdOf(1), iterationId: 1, ...defaultPulseTemplate };

const membersOf = (team: string, count: number): TMember[] =>
  Array.from({ length: count }, (_, i) => ({
    email: `${i}@${team.replace(/\W/g, '')}.example.com`,
    name: `${team} ${i}`,
    team,
    site: 'Paris',
    trainingLevel: 'beginner',
    ambassador: false,
    role: 'employee',
  }));

/** `count` answers cycling through the given usefulness and eNPS scores; ease of use 3 or 4. */
function answers(count: number, usefulness: number[], enps: number[]): TTally {
  return addTallies(
    ...Array.from({ length: count }, (_, i) =>
      tallyOfResponse(pulse, {
        usefulness: usefulness[i % usefulness.length] ?? 3,
        'ease-of-use': 3 + (i % 2),
        frequency: 'weekly',
        enps: enps[i % enps.length] ?? 7,
        'training-need': 'none',
      }),
    ),
  );
}

const byTeam: Record<string, TTally> = {
  // Clearly less useful and detractors: the gap must stand out even after BH.
  sales: answers(20, [1, 2], [2, 3, 4]),
  hr: answers(20, [4, 5], [9, 10, 8]),
  it: answers(20, [5, 4], [10, 9, 8]),
  [POOLED]: answers(6, [4, 5, 4], [9, 8]),
  legal: answers(2, [5], [10]),
  ops: answers(5, [4], [9]),
};

const members = [
  ...membersOf('sales', 20),
  // Half of hr answered, everyone else (nearly) all: participation is clearly lower.
  ...membersOf('hr', 40),
  ...membersOf('it', 20),
  ...membersOf(POOLED, 8),
  ...membersOf('legal', 4),
  ...membersOf('ops', 6),
];

function resultsOf(tallies: Record<string, TTally>, roster = members) {
  const release: TRelease = {
    info: { number: 2, madeAt: '2026-11-20T10:00:00.000Z', final: false },
    tallies: {
      overall: addTallies(...Object.values(tallies)),
      byDimension: { team: tallies, site: {}, trainingLevel: {}, ambassador: {} },
    },
    dayRanges: [],
    withheld: {},
  };
  const results = computeResults({
    iterationId: 1,
    status: 'open',
    pulse,
    headcount: headcountOf(roster),
    release,
    k: 5,
    by: 'team',
  });
  return { ...results, by: 'team' as const };
}

const heatmapOf = (tallies: Record<string, TTally>, roster = members): THeatmap =>
  computeHeatmap(resultsOf(tallies, roster));

const heatmap = heatmapOf(byTeam);
const rowOf = (questionId: string | null) => heatmap.rows.find((r) => r.questionId === questionId);
const cellOf = (questionId: string | null, group: string) =>
  rowOf(questionId)?.cells.find((cell) => cell.group === group);

describe('computeHeatmap', () => {
  it('has a participation row then one row per scale or eNPS question, groups in order', () => {
    expect(heatmap.rows.map((row) => row.questionId ?? row.kind)).toEqual([
      'participation',
      'usefulness',
      'ease-of-use',
      'enps',
    ]);
    expect(heatmap.groups.map((group) => group.value)).toEqual([
      'hr',
      'it',
      'legal',
      'ops',
      'sales',
      POOLED,
    ]);
    for (const row of heatmap.rows) {
      expect(row.cells.map((cell) => cell.group)).toEqual(heatmap.groups.map((g) => g.value));
    }
  });

  it('flags a clearly lower group as significant after Benjamini–Hochberg', () => {
    const usefulness = cellOf('usefulness', 'sales');
    expect(usefulness).toMatchObject({ state: 'shown', n: 20, figure: 1.5, significant: true });
    expect(usefulness?.gap).toBeLessThan(-2);
    expect(usefulness?.qValue).toBeLessThan(0.05);
    expect(cellOf('enps', 'sales')).toMatchObject({ figure: -100, significant: true });
    expect(cellOf(null, 'hr')).toMatchObject({ figure: 0.5, n: 40, significant: true });
    expect(cellOf(null, 'hr')?.gap).toBeCloseTo(0.5 - 73 / 98);
  });

  it('does not flag a tiny gap', () => {
    const ease = rowOf('ease-of-use');
    expect(ease?.cells.filter((cell) => cell.pValue !== null).length).toBeGreaterThan(0);
    expect(ease?.cells.some((cell) => cell.significant)).toBe(false);
  });

  it('gives a withheld group no figure, no gap and no test', () => {
    for (const group of ['legal', 'ops']) {
      expect(heatmap.groups.find((g) => g.value === group)).toMatchObject({
        state: 'withheld',
        respondents: null,
      });
      for (const row of heatmap.rows) {
        expect(row.cells.find((cell) => cell.group === group)).toEqual({
          group,
          state: 'withheld',
          n: null,
          figure: null,
          gap: null,
          pValue: null,
          qValue: null,
          significant: false,
        });
      }
    }
  });

  it('shows the pooled group as pooled, never tested', () => {
    const pooled = cellOf('usefulness', POOLED);
    expect(pooled).toMatchObject({ state: 'pooled', n: 6, pValue: null, significant: false });
    expect(pooled?.figure).toBeCloseTo(13 / 3);
  });

  it('adjusts every tested cell together: q monotone in p, never below p, as adjustBH', () => {
    const tested = heatmap.rows.flatMap((row) => row.cells.filter((cell) => cell.pValue !== null));
    // 3 shown groups (hr, it, sales) × 4 rows.
    expect(heatmap.testing).toMatchObject({
      tests: 12,
      level: 0.05,
      adjustment: 'benjamini-hochberg',
    });
    expect(tested).toHaveLength(12);
    expect(heatmap.testing.note).toContain('12');
    const byP = [...tested].sort((a, b) => (a.pValue ?? 0) - (b.pValue ?? 0));
    for (let i = 1; i < byP.length; i++) {
      expect(byP[i]?.qValue).toBeGreaterThanOrEqual(byP[i - 1]?.qValue ?? 1);
    }
    // m p / m may round one ulp below p.
    for (const cell of tested)
      expect(cell.qValue).toBeGreaterThanOrEqual((cell.pValue ?? 1) - 1e-12);
    expect(tested.map((cell) => cell.qValue)).toEqual(adjustBH(tested.map((c) => c.pValue ?? 1)));
  });

  it('flags on q, not on p: one gap under 0.05 alone among many tests is not called real', () => {
    const close = heatmapOf(
      {
        a: answers(30, [3, 4, 2, 4, 3, 3], [7, 8]),
        b: answers(30, [3, 4, 4, 3, 4, 4], [7, 8]),
        c: answers(30, [4, 3, 4, 4, 3, 4], [7, 8]),
      },
      ['a', 'b', 'c'].flatMap((team) => membersOf(team, 30)),
    );
    const [a, b] = close.rows.find((row) => row.questionId === 'usefulness')?.cells ?? [];
    // a is clearly lower: it stays real. b is above the rest with p ≈ 0.04, among 6 tests.
    expect(a).toMatchObject({ group: 'a', significant: true });
    expect(b?.group).toBe('b');
    expect(b?.pValue).toBeLessThan(0.05);
    expect(b?.qValue).toBeGreaterThanOrEqual(0.05);
    expect(b?.significant).toBe(false);
    expect(close.testing.tests).toBe(6);
  });

  it('tests nothing and shows no column when the results withhold everything', () => {
    const empty = heatmapOf({ sales: answers(3, [1], [0]) });
    expect(empty.groups).toEqual([]);
    expect(empty.rows.every((row) => row.cells.length === 0 && row.overall === null)).toBe(true);
    expect(empty.testing.tests).toBe(0);
  });

  it('exports one CSV line per row and group, withheld cells empty, formula-like names neutralised', () => {
    const csv = heatmapCsv(heatmapOf({ ...byTeam, '=HYPERLINK("x")': byTeam.hr ?? {} }));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFiteration,release,dimension,row,kind,group,state,n,figure,overall,gap,p_value,q_value_bh,significant,tests',
    );
    expect(lines).toHaveLength(1 + 4 * 7);
    const legal = lines.find((line) => line.startsWith('1,2,team,usefulness,scale,legal,'));
    expect(legal).toMatch(/^1,2,team,usefulness,scale,legal,withheld,,,[\d.]+,,,,false,\d+$/);
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",shown,`);
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
  });

  it('tests no cell whose rest holds fewer than k answers', () => {
    const results = resultsOf(byTeam);
    const sales = results.groups.find((group) => group.value === 'sales');
    // As if only three people outside sales had answered: their figures must not be tested.
    const plusThree = results.questions.map((question) => {
      const own = sales?.questions.find((each) => each.questionId === question.questionId);
      if (!own || own.withheld) return question;
      const distribution = own.distribution.map((b, i) => ({ ...b, count: b.count + (i ? 0 : 3) }));
      return { ...question, answered: (own.answered ?? 0) + 3, distribution };
    });
    const heatmap = computeHeatmap({
      ...results,
      respondents: (sales?.respondents ?? 0) + 3,
      questions: plusThree,
    });
    const salesCells = heatmap.rows.map((row) => row.cells.find((cell) => cell.group === 'sales'));
    expect(salesCells.map((cell) => cell?.state)).toEqual(['shown', 'shown', 'shown', 'shown']);
    expect(salesCells.map((cell) => cell?.pValue)).toEqual([null, null, null, null]);
  });
});
