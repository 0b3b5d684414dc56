import { describe, expect, it } from 'vitest';
import { enpsOf, meanOf, t975 } from './statistics.js';

describe('meanOf', () => {
  it('computes the mean and a 95% t interval from counts', () => {
    // values 1,2,3,4,5 once each: mean 3, s = 1.5811, t(4) = 2.77644510519779 (SciPy stats.t.ppf(0.975, 4); R qt gives 2.776445)
    const estimate = meanOf(new Map([1, 2, 3, 4, 5].map((v) => [v, 1])));
    expect(estimate?.mean).toBe(3);
    const margin = (2.77644510519779 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(estimate?.interval?.low).toBeCloseTo(3 - margin, 9);
    expect(estimate?.interval?.high).toBeCloseTo(3 + margin, 9);
  });

  it('gives no interval for a single answer and nothing for none', () => {
    expect(meanOf(new Map([[4, 1]]))).toEqual({ mean: 4, interval: null });
    expect(meanOf(new Map([[4, 0]]))).toBeNull();
  });

  it('uses the exact t quantile at every degree of freedom (R qt(0.975, df))', () => {
    expect(t975(1)).toBeCloseTo(12.7062047361747, 9);
    expect(t975(31)).toBeCloseTo(2.03951344639641, 9);
    expect(t975(1000)).toBeCloseTo(1.96233908082641, 9);
  });
});

describe('enpsOf', () => {
  it('is the share of promoters minus the share of detractors, in points', () => {
    // 5 promoters (9-10), 3 passives (7-8), 2 detractors (0-6) → 50 − 20 = 30
    const counts = new Map([
      [10, 2],
      [9, 3],
      [8, 2],
      [7, 1],
      [3, 2],
    ]);
    const estimate = enpsOf(counts);
    expect(estimate?.enps).toBeCloseTo(30, 10);
    expect(estimate?.promoters).toBe(5);
    expect(estimate?.detractors).toBe(2);
    // Tango's score interval with continuity correction ½, computed independently in Python
    // (bisection on the closed-form constrained MLE): −26.27028381034281 .. 70.92642492086458.
    expect(estimate?.interval?.low).toBeCloseTo(-26.27028381034281, 6);
    expect(estimate?.interval?.high).toBeCloseTo(70.92642492086458, 6);
  });

  it('keeps the interval inside −100..100 with positive width when all answers agree', () => {
    const estimate = enpsOf(new Map([[10, 3]]));
    expect(estimate?.enps).toBe(100);
    expect(estimate?.interval?.high).toBe(100);
    expect(estimate?.interval?.low).toBeGreaterThan(-100);
    expect(estimate?.interval?.low).toBeLessThan(100);
    expect(enpsOf(new Map([[10, 1]]))?.interval).toBeNull();
  });
});
