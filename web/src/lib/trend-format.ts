import type { TTrendKind } from '@boucle/shared';

/**
 * The fixed value axis of each kind of series, so small multiples of one question compare at a
 * glance (a group's chart never zooms on its own noise).
 */
export const KIND_DOMAIN: Record<TTrendKind, [number, number]> = {
  participation: [0, 1],
  share: [0, 1],
  mean: [1, 5],
  enps: [-100, 100],
};

/** A point's figure as the results page writes it: shares in %, means with 2 decimals. */
export function formatTrendValue(kind: TTrendKind, value: number | null): string {
  if (value === null) return '—';
  if (kind === 'participation' || kind === 'share') return `${Math.round(value * 100)} %`;
  if (kind === 'mean') return value.toFixed(2);
  return value.toFixed(0);
}

/** A change between two iterations, signed: shares in percentage points, eNPS in points. */
export function formatTrendChange(kind: TTrendKind, estimate: number): string {
  const sign = estimate > 0 ? '+' : estimate < 0 ? '−' : '±';
  const size = Math.abs(estimate);
  if (kind === 'participation' || kind === 'share') return `${sign}${Math.round(size * 100)} pt`;
  if (kind === 'mean') return `${sign}${size.toFixed(2)}`;
  return `${sign}${size.toFixed(0)}`;
}

/** A p-value as a reader expects it: 3 decimals, or "< 0.001". */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** The y-axis ticks of a kind: few enough for a 375 px wide chart. */
export const KIND_TICKS: Record<TTrendKind, number[]> = {
  participation: [0, 0.5, 1],
  share: [0, 0.5, 1],
  mean: [1, 3, 5],
  enps: [-100, 0, 100],
};
