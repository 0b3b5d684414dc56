import { describe, expect, it } from 'vitest';
import { checkTransition, ZIterationInput } from './iteration.js';

const draft = { id: 3, status: 'draft' as const, pulseId: 'pulse-3' };

describe('checkTransition', () => {
  it('follows draft → open → closed → reviewed', () => {
    expect(checkTransition(draft, 'open', null)).toEqual({ ok: true, from: 'draft', to: 'open' });
    expect(checkTransition({ ...draft, status: 'open' }, 'close', 3)).toMatchObject({
      ok: true,
      to: 'closed',
    });
    expect(checkTransition({ ...draft, status: 'closed' }, 'review', null)).toMatchObject({
      ok: true,
      to: 'reviewed',
    });
  });

  it('refuses skipping or going back', () => {
    expect(checkTransition(draft, 'close', null)).toEqual({
      ok: false,
      reason: 'iteration 3 is draft, not open',
    });
    expect(checkTransition({ ...draft, status: 'reviewed' }, 'open', null).ok).toBe(false);
  });

  it('keeps one iteration open at a time and needs a pulse to open', () => {
    expect(checkTransition(draft, 'open', 2)).toEqual({
      ok: false,
      reason: 'iteration 2 is already open',
    });
    expect(checkTransition({ ...draft, pulseId: null }, 'open', null)).toEqual({
      ok: false,
      reason: 'iteration 3 has no pulse yet',
    });
  });
});

describe('ZIterationInput', () => {
  it('names endDate when it comes before startDate', () => {
    const parsed = ZIterationInput.safeParse({
      name: 'Iteration 6',
      startDate: '2026-12-14',
      endDate: '2026-12-01',
      goals: [],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['endDate']);
  });
});

describe('ZIterationInput pooling order', () => {
  const input = { name: 'Iteration 6', startDate: '2026-12-01', endDate: '2026-12-14', goals: [] };

  it('is optional, and kept when it names each dimension once', () => {
    expect(ZIterationInput.parse(input)).not.toHaveProperty('poolingOrder');
    const order = ['ambassador', 'trainingLevel', 'team', 'site'];
    expect(ZIterationInput.parse({ ...input, poolingOrder: order }).poolingOrder).toEqual(order);
  });

  it('refuses a repeated, missing or unknown dimension, naming poolingOrder', () => {
    for (const poolingOrder of [
      ['team', 'team', 'site', 'ambassador'],
      ['team', 'site', 'ambassador'],
      ['team', 'site', 'ambassador', 'trainingLevel', 'team'],
      ['team', 'site', 'ambassador', 'role'],
    ]) {
      const parsed = ZIterationInput.safeParse({ ...input, poolingOrder });
      expect(parsed.success, poolingOrder.join()).toBe(false);
      expect(parsed.error?.issues[0]?.path[0]).toBe('poolingOrder');
    }
  });
});
