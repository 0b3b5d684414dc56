import { describe, expect, it } from 'vitest';
import type { TTally } from '../tally.js';
import { dayRanges, type TDayRange } from './days.js';

const K = 5;
const byDay = (days: Record<string, number>): TTally => {
  const tally: TTally = { n: Object.values(days).reduce((sum, n) => sum + n, 0) };
  for (const [day, responses] of Object.entries(days)) tally[`d:${day}`] = responses;
  return tally;
};

describe('dayRanges', () => {
  it('keeps days of k responses or more as they are', () => {
    expect(dayRanges(byDay({ '2026-11-16': 5, '2026-11-17': 9 }), K)).toEqual([
      { from: '2026-11-16', to: '2026-11-16', responses: 5 },
      { from: '2026-11-17', to: '2026-11-17', responses: 9 },
    ]);
  });

  it('merges consecutive days until a range holds k', () => {
    const overall = byDay({
      '2026-11-16': 2,
      '2026-11-17': 1,
      '2026-11-18': 3,
      '2026-11-19': 7,
      '2026-11-23': 4,
      '2026-11-24': 1,
    });
    const ranges = dayRanges(overall, K);
    expect(ranges).toEqual([
      { from: '2026-11-16', to: '2026-11-18', responses: 6 },
      { from: '2026-11-19', to: '2026-11-19', responses: 7 },
      { from: '2026-11-23', to: '2026-11-24', responses: 5 },
    ]);
    for (const range of ranges) expect(range.responses).toBeGreaterThanOrEqual(K);
  });

  it('merges a trailing run under k into the range before it', () => {
    expect(dayRanges(byDay({ '2026-11-16': 6, '2026-11-17': 1, '2026-11-18': 2 }), K)).toEqual([
      { from: '2026-11-16', to: '2026-11-18', responses: 9 },
    ]);
  });

  it('shows nothing per day while fewer than k responded in all', () => {
    expect(dayRanges(byDay({ '2026-11-16': 2, '2026-11-17': 2 }), K)).toEqual([]);
    expect(dayRanges({}, K)).toEqual([]);
  });

  it("keeps the previous release's boundaries, so two releases cannot be subtracted to one day", () => {
    const first = dayRanges(byDay({ '2026-11-16': 4, '2026-11-17': 1, '2026-11-18': 2 }), K);
    expect(first).toEqual([{ from: '2026-11-16', to: '2026-11-18', responses: 7 }]);
    // Alone, the 17th and 18th would now close a range each… but not inside the first one.
    const later = byDay({ '2026-11-16': 4, '2026-11-17': 1, '2026-11-18': 5, '2026-11-19': 6 });
    expect(dayRanges(later, K)).toEqual([
      { from: '2026-11-16', to: '2026-11-17', responses: 5 },
      { from: '2026-11-18', to: '2026-11-18', responses: 5 },
      { from: '2026-11-19', to: '2026-11-19', responses: 6 },
    ]);
    const second = dayRanges(later, K, first);
    expect(second).toEqual([
      { from: '2026-11-16', to: '2026-11-18', responses: 10 },
      { from: '2026-11-19', to: '2026-11-19', responses: 6 },
    ]);
    // A late day under k joins the last range, which may then span previous ranges.
    const third = dayRanges(
      byDay({
        '2026-11-16': 4,
        '2026-11-17': 1,
        '2026-11-18': 5,
        '2026-11-19': 6,
        '2026-11-20': 2,
      }),
      K,
      second,
    );
    expect(third).toEqual([
      { from: '2026-11-16', to: '2026-11-18', responses: 10 },
      { from: '2026-11-19', to: '2026-11-20', responses: 8 },
    ]);
  });

  it('never cuts inside a range any earlier release showed, on random days', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const k = [3, 5, 10][round % 3] ?? K;
      const counts: Record<string, number> = {};
      let previous: TDayRange[] = [];
      const shown: TDayRange[][] = [];
      for (let day = 1; day <= 20; day++) {
        const date = `2026-11-${String(day).padStart(2, '0')}`;
        // Responses of the day so far, some more later the same day.
        counts[date] = Math.floor(random() * 4);
        if (random() < 0.5) continue;
        const ranges = dayRanges(byDay(counts), k, previous);
        const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
        if (total < k) expect(ranges).toEqual([]);
        else expect(ranges.reduce((sum, range) => sum + range.responses, 0)).toBe(total);
        for (const range of ranges) expect(range.responses).toBeGreaterThanOrEqual(k);
        // Every boundary of an earlier release is inside no range of a later one.
        for (const earlier of shown) {
          for (const range of ranges) {
            for (const old of earlier) {
              const overlaps = old.from <= range.to && range.from <= old.to;
              const inside = range.from <= old.from && old.to <= range.to;
              if (overlaps) expect(inside, JSON.stringify({ old, range })).toBe(true);
            }
          }
        }
        if (ranges.length > 0) {
          shown.push(ranges);
          previous = ranges;
        }
      }
    }
  });
});
