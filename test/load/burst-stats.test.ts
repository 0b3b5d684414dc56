import { describe, expect, it } from 'vitest';
import { burstStats, quantile, statusesText } from './burst-stats.js';

describe('quantile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('takes the nearest rank: the smallest value q of them reach', () => {
    expect(quantile(hundred, 0.5)).toBe(50);
    expect(quantile(hundred, 0.95)).toBe(95);
    expect(quantile(hundred, 0.99)).toBe(99);
    expect(quantile([10, 20, 30], 0.5)).toBe(20);
  });

  it('stays inside the values at the ends, and is 0 for none', () => {
    expect(quantile(hundred, 0)).toBe(1);
    expect(quantile(hundred, 1)).toBe(100);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe('burstStats', () => {
  it('sorts latencies before taking quantiles and counts statuses, 5xx apart', () => {
    const answered = [
      { status: 201, ms: 30 },
      { status: 503, ms: 5 },
      { status: 201, ms: 10 },
      { status: 409, ms: 20 },
      { status: 500, ms: 40 },
    ];
    const stats = burstStats(answered);
    expect(stats).toMatchObject({ answered: 5, p50: 20, p95: 40, p99: 40, serverErrors: 2 });
    expect(Object.fromEntries(stats.statuses)).toEqual({ 201: 2, 409: 1, 500: 1, 503: 1 });
  });

  it('has no server errors when every answer is below 500', () => {
    expect(burstStats([{ status: 499, ms: 1 }]).serverErrors).toBe(0);
  });
});

describe('statusesText', () => {
  it('lists statuses in ascending order with their counts', () => {
    expect(
      statusesText(
        new Map([
          [409, 2],
          [201, 1998],
        ]),
      ),
    ).toBe('201 × 1,998 · 409 × 2');
    expect(statusesText(new Map())).toBe('none');
  });
});
