import { incompleteBeta } from './incomplete-beta.js';
import { logGamma } from './log-gamma.js';

/** P(|T| ≥ |t|) for Student's t with `df` > 0 degrees of freedom (not necessarily whole). */
export function tTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  // P(|T| ≥ t) = I_{df/(df+t²)}(df/2, 1/2)
  return incompleteBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}

/** Cumulative distribution function P(T ≤ t) of Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = tTwoSidedP(t, df) / 2;
  return t >= 0 ? 1 - tail : tail;
}

/** Density of Student's t with `df` degrees of freedom. */
export function tDensity(t: number, df: number): number {
  return Math.exp(
    logGamma((df + 1) / 2) -
      logGamma(df / 2) -
      0.5 * Math.log(df * Math.PI) -
      ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/**
 * The p-quantile of Student's t with `df` > 0 degrees of freedom: Newton's method on the upper
 * tail, kept inside a bracket that bisection takes over whenever a step would leave it.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  // Solve P(T ≥ t) = target for t > 0; the tail falls strictly as t grows.
  const target = 1 - p;
  const upperTail = (t: number): number => tTwoSidedP(t, df) / 2;
  let low = 0;
  let high = 1;
  while (upperTail(high) > target) {
    low = high;
    high *= 2;
  }
  let t = (low + high) / 2;
  for (let i = 0; i < 500; i++) {
    const excess = upperTail(t) - target;
    if (excess > 0) low = t;
    else if (excess < 0) high = t;
    else return t;
    const newton = t + excess / tDensity(t, df);
    const next = newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, t)) return next;
    t = next;
  }
  return t;
}
