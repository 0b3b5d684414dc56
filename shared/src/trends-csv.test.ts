import { describe, expect, it } from 'vitest';
import type { TTrends, TTrendSeries } from './trends.js';
import { trendsCsv } from './trends-csv.js';

const series: TTrendSeries = {
  key: 'mean:usefulness',
  kind: 'mean',
  questionId: 'usefulness',
  optionId: null,
  points: [
    { iterationId: 1, value: 2.5, interval: { low: 2, high: 3 }, n: 20, withheld: false },
    { iterationId: 2, value: null, interval: null, n: null, withheld: true },
  ],
  changes: [null, null],
};

const trends: TTrends = {
  k: 5,
  iterations: [],
  questions: [],
  overall: [series],
  by: 'team',
  groups: [{ value: '=HYPERLINK("x")', pooled: false, series: [series] }],
  scope: null,
  adoption: [],
};

describe('trendsCsv', () => {
  it('writes one line per series, iteration and group, withheld cells empty, names neutralised', () => {
    const lines = trendsCsv(trends).trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('overall,overall,mean:usefulness,mean,usefulness,,1,2.5,2,3,20,false,,,');
    expect(lines[2]).toBe('overall,overall,mean:usefulness,mean,usefulness,,2,,,,,true,,,');
    expect(lines[3]).toMatch(/^team,"'=HYPERLINK\(""x""\)",mean:usefulness,/);
  });

  it("names an ambassador's team as frozen in each iteration", () => {
    const scoped: TTrends = {
      ...trends,
      by: null,
      groups: [],
      scope: {
        dimension: 'team',
        teams: [
          { iterationId: 1, value: 'Sales', pooled: false },
          { iterationId: 2, value: '*', pooled: true },
        ],
      },
    };
    const lines = trendsCsv(scoped).trim().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      'team,Sales',
      'team,*',
    ]);
  });
});
