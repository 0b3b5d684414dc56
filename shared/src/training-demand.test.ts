import { describe, expect, it } from 'vitest';
import type { TMember, TTrainingLevel } from './member.js';
import { pulseIdOf, type TPulse } from './pulse.js';
import { defaultPulseTemplate } from './pulse-template.js';
import type { TRelease } from './release.js';
import { computeResults } from './results.js';
import { headcountOf } from './segment.js';
import { POOLED } from './pooled.js';
import { addTallies, tallyOfResponse, type TTally } from './tally.js';
import { computeTrainingDemand } from './training-demand.js';
import { trainingDemandCsv } from './training-demand-csv.js';

const pulse: TPulse = { id: pulseIdOf(1), iterationId: 1, ...defaultPulseTemplate };

const membersOf = (level: TTrainingLevel, count: number): TMember[] =>
  Array.from({ length: count }, (_, i) => ({
    email: `${level}${i}@example.com`,
    name: `${level} ${i}`,
    team: 'sales',
    site: 'Paris',
    trainingLevel: level,
    ambassador: false,
    role: 'employee',
  }));

const needs = (...chosen: string[]): TTally =>
  addTallies(
    ...chosen.map((need) =>
      tallyOfResponse(pulse, {
        usefulness: 3,
        'ease-of-use': 3,
        frequency: 'weekly',
        enps: 7,
        'training-need': need,
      }),
    ),
  );

function demandOf(byLevel: Record<string, TTally>, thePulse: TPulse = pulse) {
  const release: TRelease = {
    info: { number: 1, madeAt: '2026-11-20T10:00:00.000Z', final: true },
    tallies: {
      overall: addTallies(...Object.values(byLevel)),
      byDimension: { team: {}, site: {}, trainingLevel: byLevel, ambassador: {} },
    },
    dayRanges: [],
    withheld: {},
  };
  const members = [
    ...membersOf('advanced', 10),
    ...membersOf('beginner', 10),
    ...membersOf('confirmed', 10),
  ];
  const results = computeResults({
    iterationId: 3,
    status: 'closed',
    pulse: thePulse,
    headcount: headcountOf(members),
    release,
    k: 5,
    by: 'trainingLevel',
  });
  return computeTrainingDemand({ ...results, by: 'trainingLevel' }, thePulse);
}

describe('computeTrainingDemand', () => {
  const beginners = needs('beginner', 'beginner', 'beginner', 'confirmed', 'none', 'beginner');
  const confirmed = needs('confirmed', 'confirmed', 'advanced', 'none', 'confirmed');
  const advanced = needs(
    'advanced',
    'none',
    'none',
    'advanced',
    'advanced',
    'none',
    'advanced',
    'none',
  );

  it('tabulates level × need in counts and shares, levels in their order', () => {
    const demand = demandOf({ advanced, confirmed, beginner: beginners });
    expect(demand.asked).toBe(true);
    expect(demand.needs).toEqual(['none', 'beginner', 'confirmed', 'advanced']);
    expect(demand.levels.map((level) => level.level)).toEqual([
      'beginner',
      'confirmed',
      'advanced',
    ]);
    expect(demand.levels[0]).toMatchObject({ state: 'shown', members: 10, answered: 6 });
    expect(demand.levels[0]?.needs).toEqual([
      { need: 'none', count: 1, share: 1 / 6 },
      { need: 'beginner', count: 4, share: 4 / 6 },
      { need: 'confirmed', count: 1, share: 1 / 6 },
      { need: 'advanced', count: 0, share: 0 },
    ]);
  });

  it('gives the overall demand per need: the sessions to plan', () => {
    const demand = demandOf({ advanced, confirmed, beginner: beginners });
    expect(demand.overall.withheld).toBe(false);
    expect(demand.overall.answered).toBe(19);
    expect(demand.overall.needs.map((need) => need.count)).toEqual([6, 4, 4, 5]);
    expect(demand.overall.needs[3]?.share).toBeCloseTo(5 / 19);
  });

  it('keeps withheld the levels the results withhold, with their complement', () => {
    const demand = demandOf({ advanced, confirmed, beginner: needs('beginner', 'none') });
    const byLevel = Object.fromEntries(demand.levels.map((level) => [level.level, level]));
    expect(byLevel.beginner).toMatchObject({ state: 'withheld', answered: null });
    expect(byLevel.beginner?.needs.every((n) => n.count === null && n.share === null)).toBe(true);
    // The next smallest is withheld too, or overall minus advanced would give beginners away.
    expect(byLevel.confirmed?.state).toBe('withheld');
    expect(byLevel.advanced).toMatchObject({ state: 'shown', answered: 8 });
  });

  it('marks the pooled level as pooled, last', () => {
    const demand = demandOf({ [POOLED]: confirmed, advanced, confirmed, beginner: beginners });
    expect(demand.levels.map((level) => [level.level, level.state])).toEqual([
      ['beginner', 'shown'],
      ['confirmed', 'shown'],
      ['advanced', 'shown'],
      [POOLED, 'pooled'],
    ]);
    expect(demand.levels[3]?.needs.map((need) => need.count)).toEqual([1, 0, 3, 1]);
  });

  it('is empty when the pulse does not ask the training need', () => {
    const without: TPulse = {
      ...pulse,
      questions: pulse.questions.filter((q) => q.id !== 'training-need'),
    };
    const demand = demandOf({ advanced, confirmed, beginner: beginners }, without);
    expect(demand).toMatchObject({ asked: false, needs: [], levels: [] });
    expect(demand.overall).toEqual({ withheld: true, answered: null, needs: [] });
  });

  it('exports the overall demand then level × need as CSV, withheld cells empty', () => {
    const csv = trainingDemandCsv(demandOf({ advanced, confirmed, beginner: needs('none') }));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFiteration,release,training_level,state,members,answered,need,count,share',
    );
    expect(lines).toHaveLength(1 + 4 * 4);
    expect(lines[1]).toBe(`3,1,overall,shown,,14,none,6,${6 / 14}`);
    expect(lines[5]).toBe('3,1,beginner,withheld,10,,none,,');
  });
});
