import { tTwoSidedP } from './student-t.js';
import { type TChangeTest, verdictOf } from './verdict.js';

export type TWelchTest = TChangeTest & { t: number; df: number };

function moments(counts: ReadonlyMap<number, number>): {
  n: number;
  mean: number;
  variance: number;
} {
  let n = 0;
  let sum = 0;
  for (const [value, count] of counts) {
    n += count;
    sum += value * count;
  }
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  for (const [value, count] of counts) squares += count * (value - mean) ** 2;
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

/**
 * Welch's two-sample t-test for the change of a mean, both samples given as counts per value
 * (as `meanOf` takes them). estimate = mean(after) − mean(before); t = estimate / SE with
 * SE² = s₁²/n₁ + s₂²/n₂; df by Welch–Satterthwaite; two-sided p-value from Student's t with
 * that (non-integer) df — the same as R's `t.test(after, before)`.
 * Null when a sample has fewer than two answers or both have no spread.
 */
export function welchTest(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): TWelchTest | null {
  const a = moments(before);
  const b = moments(after);
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  if (!(se2 > 0)) return null;
  const estimate = b.mean - a.mean;
  const t = estimate / Math.sqrt(se2);
  const df = se2 ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const pValue = tTwoSidedP(t, df);
  return { estimate, t, df, pValue, verdict: verdictOf(estimate, pValue) };
}
