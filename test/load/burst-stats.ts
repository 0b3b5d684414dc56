/** What a burst of HTTP requests answered: latency quantiles and statuses, as the bench prints them. */

export type TAnswered = { status: number; ms: number };

export type TBurstStats = {
  answered: number;
  /** Latency quantiles in milliseconds (nearest rank). */
  p50: number;
  p95: number;
  p99: number;
  statuses: Map<number, number>;
  serverErrors: number;
};

/** The nearest-rank quantile of ascending values: the smallest value at least q of them reach. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? 0;
}

export function burstStats(answers: readonly TAnswered[]): TBurstStats {
  const sorted = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  const statuses = new Map<number, number>();
  for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  return {
    answered: answers.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    statuses,
    serverErrors: [...statuses].reduce((sum, [status, n]) => (status >= 500 ? sum + n : sum), 0),
  };
}

/** `201 × 1,998 · 409 × 2`, statuses in ascending order. */
export function statusesText(statuses: ReadonlyMap<number, number>): string {
  if (statuses.size === 0) return 'none';
  return [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status} × ${n.toLocaleString('en')}`)
    .join(' · ');
}
