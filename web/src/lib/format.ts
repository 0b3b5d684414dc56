import type { TQuestionResult } from '@boucle/shared';

export function formatScore(value: number, digits = 2): string {
  return value.toFixed(digits);
}

export function formatInterval(interval: TQuestionResult['interval'], digits = 2): string {
  return interval ? `${interval.low.toFixed(digits)} – ${interval.high.toFixed(digits)}` : '—';
}

export function formatPercent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

/** The headline figure of a question in one cell: mean, eNPS or answer count. */
export function headline(result: TQuestionResult | undefined): string {
  if (!result || result.withheld) return '—';
  if (result.mean !== null) return result.mean.toFixed(2);
  if (result.enps !== null) return result.enps.toFixed(0);
  return String(result.answered ?? '—');
}
