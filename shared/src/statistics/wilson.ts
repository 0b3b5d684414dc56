import { Z975 } from './normal.js';

/**
 * 95 % Wilson score interval for a proportion of `count` out of `n` (E. B. Wilson, JASA 22
 * (1927) 209–212): every p whose score statistic (x − np) / √(np(1 − p)) lies within ±1.96.
 * Unlike the Wald interval it stays inside 0..1 and keeps its coverage near 0 and 1, where
 * small teams' participation and rare options live. R's `prop.test(x, n, correct = FALSE)`.
 * Null for an empty sample.
 */
export function wilsonInterval(count: number, n: number): { low: number; high: number } | null {
  if (!(n > 0)) return null;
  const p = count / n;
  const z2 = Z975 * Z975;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const margin = (Z975 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The exact ends at 0 and 1 (count 0 or n): no rounding just outside the unit range.
  return {
    low: count <= 0 ? 0 : Math.max(0, centre - margin),
    high: count >= n ? 1 : Math.min(1, centre + margin),
  };
}
