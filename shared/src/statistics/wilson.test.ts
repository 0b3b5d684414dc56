import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson.js';

describe('wilsonInterval', () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17 (1998) 857–872, Table II, method 3 (Wilson score,
  // no continuity correction), printed to 4 decimals; the 1e-6 values are SciPy 1.17
  // `binomtest(x, n).proportion_ci(0.95, method='wilson')`, which agree with that table.
  it.each([
    [81, 263, 0.2553, 0.3662, 0.2552885198782742, 0.36620957698280004],
    [15, 148, 0.0624, 0.1605, 0.06238639953073629, 0.16048724172330803],
    [0, 20, 0, 0.1611, 0, 0.16112515805281935],
    [1, 29, 0.0061, 0.1718, 0.006113214292762667, 0.17175521879320282],
  ])('%i of %i: Newcombe (1998) and SciPy', (x, n, lowTable, highTable, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(interval?.low).toBeCloseTo(lowTable, 4);
    expect(interval?.high).toBeCloseTo(highTable, 4);
    expect(Math.abs((interval?.low ?? NaN) - low)).toBeLessThan(1e-6);
    expect(Math.abs((interval?.high ?? NaN) - high)).toBeLessThan(1e-6);
  });

  it('ends exactly at 1 when everyone counts, and has no interval for an empty sample', () => {
    expect(wilsonInterval(29, 29)?.high).toBe(1);
    expect(wilsonInterval(29, 29)?.low).toBeCloseTo(0.8830302015002592, 6);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
