import { normalTwoSidedP } from './normal.js';
import { type TChangeTest, verdictOf } from './verdict.js';

export type TEnpsChangeTest = TChangeTest & { z: number };

function shares(counts: ReadonlyMap<number, number>): { n: number; p: number; d: number } {
  let n = 0;
  let promoters = 0;
  let detractors = 0;
  for (const [value, count] of counts) {
    n += count;
    if (value >= 9) promoters += count;
    else if (value <= 6) detractors += count;
  }
  return { n, p: n > 0 ? promoters / n : 0, d: n > 0 ? detractors / n : 0 };
}

/**
 * z test for the change of eNPS between two independent samples (answers 0–10 as counts).
 * Each eNPS is 100(p − d); for one multinomial sample of n answers
 * Var(p̂ − d̂) = (p(1 − p) + d(1 − d) + 2pd) / n = (p + d − (p − d)²) / n,
 * estimated at the observed shares (Wald). The two samples being independent, the variances add:
 * z = (Δ̂_after − Δ̂_before) / √(v_before + v_after), two-sided p-value from the standard normal.
 * estimate is the change in eNPS points. Null when a sample is empty or both have no spread.
 */
export function enpsChangeTest(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): TEnpsChangeTest | null {
  const a = shares(before);
  const b = shares(after);
  if (a.n === 0 || b.n === 0) return null;
  const variance = (a.p + a.d - (a.p - a.d) ** 2) / a.n + (b.p + b.d - (b.p - b.d) ** 2) / b.n;
  if (!(variance > 0)) return null;
  const change = b.p - b.d - (a.p - a.d);
  const z = change / Math.sqrt(variance);
  const pValue = normalTwoSidedP(z);
  const estimate = 100 * change;
  return { estimate, z, pValue, verdict: verdictOf(estimate, pValue) };
}
