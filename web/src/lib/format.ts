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
