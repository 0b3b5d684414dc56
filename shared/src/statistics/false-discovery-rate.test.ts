import { describe, expect, it } from 'vitest';
import { adjustBH } from './false-discovery-rate.js';

describe('adjustBH', () => {
  it('matches R p.adjust(p, "BH") on the 15 p-values of Benjamini & Hochberg (1995)', () => {
    // Expected values from SciPy 1.17 stats.false_discovery_control(p, method='bh'), which
    // implements R's p.adjust 'BH'; each also checks by hand, e.g. 15 × 0.0019 / 3 = 0.0095.
    const p = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719,
      0.6528, 0.759, 1,
    ];
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286, 0.0645,
      0.0765, 0.486, 0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1,
    ];
    adjustBH(p).forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? NaN, 12));
  });

  it('keeps the given order and caps at 1', () => {
    // p.adjust(c(0.04, 0.01, 0.03, 0.2, 0.04), 'BH') = 0.05 0.05 0.05 0.2 0.05
    const adjusted = adjustBH([0.04, 0.01, 0.03, 0.2, 0.04]);
    [0.05, 0.05, 0.05, 0.2, 0.05].forEach((v, i) => expect(adjusted[i]).toBeCloseTo(v, 14));
    expect(adjustBH([0.9, 0.8])).toEqual([0.9, 0.9]);
    expect(adjustBH([])).toEqual([]);
  });
});
