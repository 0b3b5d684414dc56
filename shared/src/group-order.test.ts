import { describe, expect, it } from 'vitest';
import { compareGroups } from './group-order.js';
import { POOLED } from './pooled.js';

describe('compareGroups', () => {
  it('orders training levels beginner, confirmed, advanced, pooled last', () => {
    expect(
      ['advanced', POOLED, 'beginner', 'confirmed'].sort(compareGroups('trainingLevel')),
    ).toEqual(['beginner', 'confirmed', 'advanced', POOLED]);
  });

  it('puts ambassadors first, then the others, then the pooled group', () => {
    expect([POOLED, 'no', 'yes'].sort(compareGroups('ambassador'))).toEqual(['yes', 'no', POOLED]);
  });

  it('orders teams alphabetically, accents and numbers as read, pooled last', () => {
    expect(
      [POOLED, 'Ventes', 'Équipe 10', 'achats', 'Équipe 2', 'Zeta'].sort(compareGroups('team')),
    ).toEqual(['achats', 'Équipe 2', 'Équipe 10', 'Ventes', 'Zeta', POOLED]);
  });

  it('orders sites alphabetically, whatever order they come in', () => {
    expect(['Paris', '*', 'Lyon', 'Bordeaux'].sort(compareGroups('site'))).toEqual([
      'Bordeaux',
      'Lyon',
      'Paris',
      POOLED,
    ]);
  });

  it('is a total order: values equal but for case still come in one fixed order', () => {
    const order = compareGroups('team');
    expect(order('Ventes', 'ventes')).not.toBe(0);
    expect(order('Ventes', 'ventes')).toBe(-order('ventes', 'Ventes'));
  });
});
