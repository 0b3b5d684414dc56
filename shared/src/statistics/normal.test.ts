import { describe, expect, it } from 'vitest';
import { erfc, normalTwoSidedP, Z975 } from './normal.js';

describe('normal', () => {
  it('gives two-sided p-values (R 2 * pnorm(-|z|), SciPy 2 * norm.sf)', () => {
    expect(Math.abs(normalTwoSidedP(1) - 0.31731050786291415)).toBeLessThan(1e-12);
    expect(Math.abs(normalTwoSidedP(-2.5) - 0.012419330651552265)).toBeLessThan(1e-12);
    expect(Math.abs(normalTwoSidedP(0.3) - 0.7641771556220948)).toBeLessThan(1e-12);
    expect(Math.abs(normalTwoSidedP(Z975) - 0.05)).toBeLessThan(1e-12);
    expect(normalTwoSidedP(0)).toBe(1);
  });

  it('has erfc(−x) = 2 − erfc(x)', () => {
    expect(erfc(-0.7) + erfc(0.7)).toBeCloseTo(2, 14);
  });
});
