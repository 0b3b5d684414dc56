import {
  defaultPulseTemplate,
  type TQuestionResult,
  type TResults,
  type TTrendSeries,
} from '@boucle/shared';
import { describe, expect, it } from 'vitest';
import { formatDifference, formatFigure, gapLevel, headlines } from './review';

const questions = defaultPulseTemplate.questions;

const scored = (questionId: string, figure: number | null): TQuestionResult => ({
  questionId,
  type: questionId === 'enps' ? 'enps' : 'scale',
  withheld: figure === null,
  answered: figure === null ? null : 40,
  distribution: [],
  mean: questionId === 'enps' ? null : figure,
  enps: questionId === 'enps' ? figure : null,
  interval: null,
});

const resultsOf = (participation: number | null, figures: Record<string, number | null>) =>
  ({
    participation,
    questions: Object.entries(figures).map(([id, figure]) => scored(id, figure)),
  }) as unknown as TResults;

describe('headlines', () => {
  it('takes the test of each change from the trends, between exactly these two iterations', () => {
    const current = { ...resultsOf(0.5, { usefulness: 3.9, enps: 9 }), iterationId: 4 };
    const previous = { ...resultsOf(0.4, { usefulness: 3.5, enps: -11 }), iterationId: 3 };
    const change = (from: number, to: number, verdict: 'clear rise' | 'no clear change') => ({
      fromIterationId: from,
      toIterationId: to,
      estimate: 0.4,
      pValue: verdict === 'clear rise' ? 0.001 : 0.4,
      verdict,
    });
    const series = (key: string, changes: ReturnType<typeof change>[]) =>
      ({ key, changes: [null, ...changes] }) as unknown as TTrendSeries;
    const figures = headlines(questions, current, previous, [
      series('mean:usefulness', [change(2, 3, 'no clear change'), change(3, 4, 'clear rise')]),
      series('participation', [change(2, 4, 'no clear change')]),
    ]);
    expect(figures.map((f) => f.change?.verdict ?? null)).toEqual([null, 'clear rise', null, null]);
  });

  it('lines up participation, each scale mean and the eNPS with the previous iteration by id', () => {
    const current = resultsOf(0.43, { usefulness: 3.85, 'ease-of-use': 4.01, enps: 9 });
    const previous = resultsOf(0.73, { usefulness: 3.71, enps: -11 });
    const figures = headlines(questions, current, previous);
    expect(figures.map((f) => [f.kind, f.question?.id ?? null])).toEqual([
      ['participation', null],
      ['scale', 'usefulness'],
      ['scale', 'ease-of-use'],
      ['enps', 'enps'],
    ]);
    expect(figures[0]?.difference).toBeCloseTo(-0.3);
    expect(figures[1]?.difference).toBeCloseTo(0.14);
    // The previous pulse did not ask it: no previous figure, no change.
    expect(figures[2]).toMatchObject({ previous: null, difference: null });
    expect(figures[3]?.difference).toBe(20);
  });

  it('gives no change where either iteration withholds the figure, or there is no previous one', () => {
    const current = resultsOf(0.5, { usefulness: null, 'ease-of-use': 4, enps: 10 });
    expect(headlines(questions, current, null).map((f) => f.difference)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const withheld = resultsOf(null, { usefulness: 4, 'ease-of-use': null, enps: 10 });
    expect(headlines(questions, current, withheld).map((f) => f.difference)).toEqual([
      null,
      null,
      null,
      0,
    ]);
  });
});

describe('formatting', () => {
  it('always writes the sign of a change, so colour is never the only cue', () => {
    expect(formatDifference('participation', -0.304)).toBe('−30 pts');
    expect(formatDifference('participation', 0.001)).toBe('±0 pts');
    expect(formatDifference('scale', 0.136)).toBe('+0.14');
    expect(formatDifference('scale', -0.004)).toBe('±0.00');
    expect(formatDifference('enps', 20)).toBe('+20');
    expect(formatDifference('enps', null)).toBe('—');
  });

  it('writes figures in their unit, negatives with the same minus as the changes', () => {
    expect(formatFigure('participation', 0.426)).toBe('43 %');
    expect(formatFigure('scale', 3.854)).toBe('3.85');
    expect(formatFigure('enps', -11)).toBe('−11');
    expect(formatFigure('scale', null)).toBe('—');
  });

  it('colours a gap by its size in the unit of its row', () => {
    expect(gapLevel('scale', 0.05)).toBe(0);
    expect(gapLevel('scale', -0.3)).toBe(-2);
    expect(gapLevel('enps', 25)).toBe(3);
    expect(gapLevel('participation', 0.03)).toBe(1);
  });
});
