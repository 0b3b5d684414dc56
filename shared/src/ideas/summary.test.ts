import { describe, expect, it } from 'vitest';
import { ideasSummaryCsv } from './summary-csv.js';
import { daysToDecision, summariseIdeas, type TBoardIdea } from './summary.js';
import type { TIdeaHistoryEntry, TIdeaStatus } from './index.js';

const DAY = 86_400_000;
const START = Date.parse('2026-03-02T09:00:00.000Z');
const at = (days: number) => new Date(START + days * DAY).toISOString();

/** An idea submitted `day` days after the start, moved through `moves` ([status, day]). */
function idea(
  n: number,
  fields: Partial<TBoardIdea> & { day?: number; moves?: [TIdeaStatus, number][] } = {},
): TBoardIdea {
  const { day = n, moves = [], ...rest } = fields;
  const history: TIdeaHistoryEntry[] = [
    { status: 'new', at: at(day), iterationId: 1 },
    ...moves.map(([status, when]) => ({ status, at: at(when), iterationId: 1 })),
  ];
  return {
    id: `000001-${String(n).padStart(10, '0')}`,
    title: `Idea ${n}`,
    category: 'feature',
    votes: 0,
    createdAt: at(day),
    status: moves.at(-1)?.[0] ?? 'new',
    history,
    ...rest,
  };
}

describe('the ideas summary', () => {
  it('is empty, every status and category at zero, when no idea was submitted', () => {
    const summary = summariseIdeas(3, []);
    expect(summary.total).toBe(0);
    expect(summary.funnel.map((step) => step.status)).toEqual([
      'new',
      'under-review',
      'planned',
      'in-progress',
      'done',
      'declined',
      'duplicate',
    ]);
    expect(summary.funnel.every((step) => step.count === 0)).toBe(true);
    expect(summary.categories).toHaveLength(5);
    expect(summary.top).toEqual([]);
    expect(summary.decision).toEqual({ medianDays: null, decided: 0, undecided: 0 });
  });

  it('counts a merged idea once, as duplicate, and leaves it out of categories and the top', () => {
    const summary = summariseIdeas(1, [
      idea(1, { votes: 4, category: 'training' }),
      idea(2, { votes: 9, category: 'training', moves: [['duplicate', 3]] }),
    ]);
    expect(summary.total).toBe(2);
    expect(summary.funnel.find((step) => step.status === 'duplicate')?.count).toBe(1);
    expect(summary.funnel.find((step) => step.status === 'new')?.count).toBe(1);
    expect(summary.categories.find((row) => row.category === 'training')?.count).toBe(1);
    expect(summary.top.map((top) => top.title)).toEqual(['Idea 1']);
    // The merge is the merged idea's decision: one day after it was submitted.
    expect(summary.decision).toEqual({ medianDays: 1, decided: 1, undecided: 1 });
  });

  it('keeps the 5 most voted, ties to the earliest submitted', () => {
    const ideas = [
      idea(1, { votes: 2 }),
      idea(2, { votes: 7 }),
      idea(3, { votes: 2, day: 0.5 }),
      idea(4, { votes: 7, day: 5 }),
      idea(5, { votes: 1 }),
      idea(6, { votes: 2, day: 0.25 }),
    ];
    expect(summariseIdeas(1, ideas).top.map((top) => [top.title, top.votes])).toEqual([
      ['Idea 2', 7],
      ['Idea 4', 7],
      ['Idea 6', 2],
      ['Idea 3', 2],
      ['Idea 1', 2],
    ]);
  });

  it('takes the median of the days to a first decision, one decimal, undecided ideas apart', () => {
    const summary = summariseIdeas(1, [
      idea(1, {
        day: 0,
        moves: [
          ['under-review', 1],
          ['planned', 2],
        ],
      }),
      idea(2, { day: 0, moves: [['declined', 3.25]] }),
      idea(3, { day: 1, moves: [['under-review', 2]] }),
      idea(4, {
        day: 0,
        moves: [
          ['under-review', 1],
          ['planned', 8],
        ],
      }),
      idea(5, { day: 2 }),
    ]);
    // 2, 3.25 and 8 days: the median is 3.25, shown 3.3.
    expect(summary.decision).toEqual({ medianDays: 3.3, decided: 3, undecided: 2 });
  });

  it('averages the two middle values of an even count', () => {
    const summary = summariseIdeas(1, [
      idea(1, { day: 0, moves: [['declined', 1]] }),
      idea(2, { day: 0, moves: [['declined', 2]] }),
    ]);
    expect(summary.decision.medianDays).toBe(1.5);
  });

  it('dates a decision revisited by its first one: planned → declined counts the plan', () => {
    const revisited = idea(1, {
      day: 0,
      moves: [
        ['under-review', 1],
        ['planned', 4],
        ['declined', 20],
      ],
    });
    expect(daysToDecision(revisited)).toBe(4);
    const summary = summariseIdeas(1, [revisited]);
    expect(summary.funnel.find((step) => step.status === 'declined')?.count).toBe(1);
    expect(summary.decision).toEqual({ medianDays: 4, decided: 1, undecided: 0 });
  });

  it('a decision before submission (a clock skew) counts as zero days, never negative', () => {
    expect(daysToDecision(idea(1, { day: 2, moves: [['declined', 1]] }))).toBe(0);
  });

  it('exports every figure as CSV, formula-like titles neutralised', () => {
    const csv = ideasSummaryCsv(
      summariseIdeas(4, [
        idea(1, { votes: 3, title: '=HYPERLINK("x")', moves: [['declined', 2]] }),
      ]),
    );
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('iteration,section,item,title,status,value');
    expect(lines).toContain('4,total,ideas,,,1');
    expect(lines).toContain('4,status,declined,,,1');
    expect(lines).toContain('4,category,feature,,,1');
    expect(lines).toContain(`4,top,000001-0000000001,"'=HYPERLINK(""x"")",declined,3`);
    expect(lines).toContain('4,decision,median_days,,,1');
    expect(lines).toContain('4,decision,decided,,,1');
    expect(lines).toContain('4,decision,undecided,,,0');
  });
});
