import { describe, expect, it } from 'vitest';
import { groupsToWithhold } from './anonymity.js';

const sizes = (entries: Record<string, number>) =>
  Object.entries(entries).map(([key, size]) => ({ key, size }));

describe('groupsToWithhold', () => {
  it('shows every group at or above k', () => {
    expect(groupsToWithhold(sizes({ a: 5, b: 9, c: 12 }), 5)).toEqual(new Set());
  });

  it('hides a small group and, so that the total cannot give it away, the next smallest', () => {
    expect(groupsToWithhold(sizes({ a: 2, b: 9, c: 7, d: 30 }), 5)).toEqual(new Set(['a', 'c']));
  });

  it('stops adding once the hidden groups together reach k', () => {
    expect(groupsToWithhold(sizes({ a: 3, b: 4, c: 8 }), 5)).toEqual(new Set(['a', 'b']));
  });

  it('needs no complement when nobody is hidden (empty groups reveal nothing)', () => {
    expect(groupsToWithhold(sizes({ a: 0, b: 9, c: 7 }), 5)).toEqual(new Set(['a']));
  });

  it('starts from groups already withheld, e.g. for one question inside hidden segments', () => {
    expect(groupsToWithhold(sizes({ a: 6, b: 9, c: 7 }), 5, new Set(['a']))).toEqual(
      new Set(['a']),
    );
    expect(groupsToWithhold(sizes({ a: 1, b: 9, c: 7 }), 5, new Set(['b']))).toEqual(
      new Set(['a', 'b']),
    );
  });

  it('hides everything when even all groups together stay under k', () => {
    expect(groupsToWithhold(sizes({ a: 1, b: 2 }), 5)).toEqual(new Set(['a', 'b']));
  });
});
