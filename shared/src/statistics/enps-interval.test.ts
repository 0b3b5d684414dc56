import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.js';
import { enpsScoreInterval } from './enps-interval.js';
import { Z975 } from './normal.js';

/** Tango's score statistic with the ½ continuity correction, written out from its definition. */
function scoreAt(b: number, c: number, n: number, delta: number, correction: number): number {
  // Maximise b ln(q + Δ) + c ln q + (n − b − c) ln(1 − 2q − Δ) over q numerically (golden section).
  const logLikelihood = (q: number): number =>
    (b > 0 ? b * Math.log(q + delta) : 0) +
    (c > 0 ? c * Math.log(q) : 0) +
    (n - b - c > 0 ? (n - b - c) * Math.log(1 - 2 * q - delta) : 0);
  let low = Math.max(0, -delta);
  let high = (1 - delta) / 2;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200; i++) {
    const a = high - ratio * (high - low);
    const z = low + ratio * (high - low);
    if (logLikelihood(a) < logLikelihood(z)) low = a;
    else high = z;
  }
  const q = (low + high) / 2;
  return (b - c - n * delta + correction) / Math.sqrt(n * (2 * q + delta * (1 - delta)));
}

describe('enpsScoreInterval', () => {
  it('has ends where the corrected score statistic reaches ±1.96', () => {
    for (const [b, c, n] of [
      [5, 2, 10],
      [1, 8, 12],
      [20, 20, 50],
    ] as const) {
      const interval = enpsScoreInterval(b, c, n);
      expect(interval).not.toBeNull();
      if (!interval) continue;
      expect(scoreAt(b, c, n, interval.low, -0.5)).toBeCloseTo(Z975, 6);
      expect(scoreAt(b, c, n, interval.high, 0.5)).toBeCloseTo(-Z975, 6);
      expect(interval.low).toBeLessThan((b - c) / n);
      expect(interval.high).toBeGreaterThan((b - c) / n);
    }
  });

  it('has positive width when all answers agree', () => {
    for (const n of [2, 10, 50]) {
      const promoters = enpsScoreInterval(n, 0, n);
      const detractors = enpsScoreInterval(0, n, n);
      const passives = enpsScoreInterval(0, 0, n);
      expect(promoters?.high).toBe(1);
      expect(promoters?.low).toBeLessThan(1);
      expect(detractors?.low).toBe(-1);
      expect(detractors?.high).toBeGreaterThan(-1);
      expect(passives?.low).toBeLessThan(0);
      expect(passives?.high).toBeGreaterThan(0);
    }
  });

  it('covers the true eNPS at least 93% of the time for n ≥ 10 (seeded simulation)', () => {
    const random = seededRandom(20261127);
    const draws = 2000;
    const worst = new Map<number, number>();
    for (const n of [10, 20, 50]) {
      const cache = new Map<number, { low: number; high: number }>();
      let minimum = 1;
      for (let i = 0; i <= 10; i++) {
        for (let j = 0; i + j <= 10; j++) {
          const p = i / 10;
          const d = j / 10;
          const truth = p - d;
          let covered = 0;
          for (let draw = 0; draw < draws; draw++) {
            let b = 0;
            let c = 0;
            for (let k = 0; k < n; k++) {
              const u = random();
              if (u < p) b++;
              else if (u < p + d) c++;
            }
            const key = b * 1000 + c;
            let interval = cache.get(key);
            if (!interval) {
              interval = enpsScoreInterval(b, c, n) ?? { low: NaN, high: NaN };
              cache.set(key, interval);
            }
            if (interval.low <= truth + 1e-12 && truth - 1e-12 <= interval.high) covered++;
          }
          const coverage = covered / draws;
          minimum = Math.min(minimum, coverage);
          expect(coverage, `n=${n} p=${p} d=${d}`).toBeGreaterThanOrEqual(0.93);
        }
      }
      worst.set(n, minimum);
    }
    expect([...worst.keys()]).toEqual([10, 20, 50]);
  });
});
