/** Two-sided 95% Student t quantiles for 1..30 degrees of freedom; 1.96 beyond. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

export function t975(degreesOfFreedom: number): number {
  return T975[degreesOfFreedom - 1] ?? 1.96;
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

/** eNPS = % promoters (9–10) − % detractors (0–6), with a 95% normal interval. */
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
  const p = promoters / n;
  const d = detractors / n;
  const enps = 100 * (p - d);
  // Var(P − D) for one multinomial draw: p(1−p) + d(1−d) + 2pd.
  const variance = (p * (1 - p) + d * (1 - d) + 2 * p * d) / n;
  const margin = 100 * 1.96 * Math.sqrt(variance);
  const interval =
    n < 2 ? null : { low: Math.max(-100, enps - margin), high: Math.min(100, enps + margin) };
  return { enps, promoters, passives, detractors, interval };
}
