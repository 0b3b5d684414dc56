import { enpsScoreInterval } from './statistics/enps-interval.js';
import { tQuantile } from './statistics/student-t.js';

/** The 0.975 quantile of Student's t with the given degrees of freedom (exact, any df > 0). */
export function t975(degreesOfFreedom: number): number {
  return tQuantile(0.975, degreesOfFreedom);
}

export type TInterval = { low: number; high: number };

export type TMeanEstimate = { mean: number; interval: TInterval | null };

/** Mean of counted values with a 95% t interval (none below two answers). */
export function meanOf(counts: ReadonlyMap<number, number>): TMeanEstimate | null {
  let n = 0;
  let sum = 0;
  for (const [value, count] of counts) {
    n += count;
    sum += value * count;
  }
  if (n === 0) return null;
  const mean = sum / n;
  if (n < 2) return { mean, interval: null };
  let squares = 0;
  for (const [value, count] of counts) squares += count * (value - mean) ** 2;
  const margin = t975(n - 1) * Math.sqrt(squares / (n - 1) / n);
  return { mean, interval: { low: mean - margin, high: mean + margin } };
}

export type TEnpsEstimate = {
  enps: number;
  promoters: number;
  passives: number;
  detractors: number;
  interval: TInterval | null;
};

/**
 * eNPS = % promoters (9–10) − % detractors (0–6), with a 95% score interval (Tango's, with a
 * continuity correction: see `enpsScoreInterval`), none below two answers.
 */
export function enpsOf(counts: ReadonlyMap<number, number>): TEnpsEstimate | null {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [value, count] of counts) {
    if (value >= 9) promoters += count;
    else if (value >= 7) passives += count;
    else detractors += count;
  }
  const n = promoters + passives + detractors;
  if (n === 0) return null;
  const enps = (100 * (promoters - detractors)) / n;
  const shares = n < 2 ? null : enpsScoreInterval(promoters, detractors, n);
  const interval = shares && { low: 100 * shares.low, high: 100 * shares.high };
  return { enps, promoters, passives, detractors, interval };
}
