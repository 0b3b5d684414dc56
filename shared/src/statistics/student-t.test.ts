import { describe, expect, it } from 'vitest';
import { incompleteBeta } from './incomplete-beta.js';
import { logGamma } from './log-gamma.js';
import { tCdf, tQuantile, tTwoSidedP } from './student-t.js';

describe('logGamma', () => {
  it('matches ln((n − 1)!) and ln Γ(½) = ln √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });
});

describe('incompleteBeta', () => {
  it('has the closed forms I_x(a, 1) = xᵃ and I_x(1, b) = 1 − (1 − x)ᵇ', () => {
    expect(incompleteBeta(3.5, 1, 0.3)).toBeCloseTo(0.3 ** 3.5, 14);
    expect(incompleteBeta(1, 4, 0.2)).toBeCloseTo(1 - 0.8 ** 4, 14);
  });
});

describe('tQuantile', () => {
  // R qt(0.975, df) as given in the brief, cross-checked with SciPy 1.17 stats.t.ppf (agreement to
  // 1e-13); df = 7.5 and the other quantiles from SciPy stats.t.ppf.
  const qt975: [number, number][] = [
    [1, 12.7062047361747],
    [2, 4.30265272974946],
    [5, 2.57058183563631],
    [10, 2.22813885198627],
    [30, 2.04227245630124],
    [31, 2.03951344639641],
    [100, 1.98397151852355],
    [1000, 1.96233908082641],
    [7.5, 2.333039626864974],
    [2.5, 3.5746548420036817],
  ];

  it.each(qt975)('qt(0.975, %s) to 1e-9', (df, expected) => {
    expect(Math.abs(tQuantile(0.975, df) - expected)).toBeLessThan(1e-9);
  });

  it('matches the Cauchy closed form at df = 1 and is symmetric', () => {
    // t with 1 df is Cauchy: quantile tan(π(p − ½)).
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      expect(Math.abs(tQuantile(p, 1) - Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-9);
      expect(tQuantile(1 - p, 1)).toBeCloseTo(-tQuantile(p, 1), 12);
    }
    expect(tQuantile(0.5, 4)).toBe(0);
  });

  it('matches other quantiles (SciPy stats.t.ppf)', () => {
    expect(Math.abs(tQuantile(0.9, 3.3) - 1.598366958560087)).toBeLessThan(1e-9);
    expect(Math.abs(tQuantile(0.001, 4) - -7.1731822197823085)).toBeLessThan(1e-9);
  });

  it('is the inverse of the cdf', () => {
    for (const df of [1, 2.2, 9, 60, 5000]) {
      for (const p of [0.01, 0.3, 0.8, 0.999]) {
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
      }
    }
  });
});

describe('tCdf', () => {
  it('matches R pt (SciPy stats.t.cdf) to 1e-9', () => {
    expect(Math.abs(tCdf(2, 5) - 0.9490302605850708)).toBeLessThan(1e-9);
    expect(Math.abs(tCdf(-1.5, 3) - 0.11529193262241147)).toBeLessThan(1e-9);
    expect(Math.abs(tCdf(0.7, 12.25) - 0.7514968021227261)).toBeLessThan(1e-9);
    // Cauchy: ½ + atan(t)/π
    expect(Math.abs(tCdf(4, 1) - (0.5 + Math.atan(4) / Math.PI))).toBeLessThan(1e-12);
    // df = 2 has the closed form ½ + t / (2√(2 + t²))
    expect(Math.abs(tCdf(1.3, 2) - (0.5 + 1.3 / (2 * Math.sqrt(2 + 1.69))))).toBeLessThan(1e-12);
  });

  it('gives two-sided p-values', () => {
    expect(tTwoSidedP(0, 7)).toBe(1);
    expect(tTwoSidedP(-2, 5)).toBeCloseTo(2 * (1 - 0.9490302605850708), 12);
  });
});
