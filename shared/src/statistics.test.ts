import { describe, expect, it } from 'vitest';
import { enpsOf, meanOf, t975 } from './statistics.js';

describe('meanOf', () => {
  it('computes the mean and a 95% t interval from counts', () => {
    // values 1,2,3,4,5 once each: mean 3, s = 1.5811, t(4) = 2.776
    const estimate = meanOf(new Map([1, 2, 3, 4, 5].map((v) => [v, 1])));
    expect(estimate?.mean).toBe(3);
    const margin = (2.776 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(estimate?.interval?.low).toBeCloseTo(3 - margin, 6);
    expect(estimate?.interval?.high).toBeCloseTo(3 + margin, 6);
  });

  it('gives no interval for a single answer and nothing for none', () => {
    expect(meanOf(new Map([[4, 1]]))).toEqual({ mean: 4, interval: null });
    expect(meanOf(new Map([[4, 0]]))).toBeNull();
  });

  it('uses the normal quantile past 30 degrees of freedom', () => {
    expect(t975(1)).toBe(12.706);
    expect(t975(200)).toBe(1.96);
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
    const variance = (0.5 * 0.5 + 0.2 * 0.8 + 2 * 0.5 * 0.2) / 10;
    expect(estimate?.interval?.high).toBeCloseTo(30 + 196 * Math.sqrt(variance), 6);
  });

  it('keeps the interval inside −100..100', () => {
    const estimate = enpsOf(new Map([[10, 3]]));
    expect(estimate?.enps).toBe(100);
    expect(estimate?.interval).toEqual({ low: 100, high: 100 });
  });
});
