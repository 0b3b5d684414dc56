import { describe, expect, it } from 'vitest';
import { groupsToWithhold } from './suppression.js';

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

  it('covers a withheld total of 0: the total would show that nobody in it answered', () => {
    expect(groupsToWithhold(sizes({ a: 0, b: 9, c: 7 }), 5)).toEqual(new Set(['a', 'c']));
    // Two empty groups: still 0 together, so a shown one joins them.
    expect(groupsToWithhold(sizes({ a: 0, b: 0, c: 7, d: 9 }), 5)).toEqual(
      new Set(['a', 'b', 'c']),
    );
  });

  it('never leaves a single group withheld, even one of k or more', () => {
    expect(groupsToWithhold(sizes({ a: 6, b: 9, c: 7 }), 5, new Set(['a']))).toEqual(
      new Set(['a', 'c']),
    );
    expect(groupsToWithhold(sizes({ a: 1, b: 9, c: 7 }), 5, new Set(['b']))).toEqual(
      new Set(['a', 'b']),
    );
  });

  it('hides everything when even all groups together stay under k', () => {
    expect(groupsToWithhold(sizes({ a: 1, b: 2 }), 5)).toEqual(new Set(['a', 'b']));
    expect(groupsToWithhold(sizes({ a: 1, b: 9 }), 5)).toEqual(new Set(['a', 'b']));
    expect(groupsToWithhold(sizes({ a: 0 }), 5)).toEqual(new Set(['a']));
  });

  it('breaks ties between equal sizes by key, whatever the input order', () => {
    const groups = sizes({ a: 2, c: 7, b: 7, d: 30 });
    expect(groupsToWithhold(groups, 5)).toEqual(new Set(['a', 'b']));
    expect(groupsToWithhold([...groups].reverse(), 5)).toEqual(new Set(['a', 'b']));
  });

  it('leaves no table where the total minus the shown groups isolates 1..k−1 or one group', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 500; round++) {
      const k = [3, 5, 10][round % 3] ?? 5;
      const groups = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, n) => ({
        key: `g${n}`,
        size: Math.floor(random() * 3 * k),
      }));
      const withheld = groupsToWithhold(groups, k);
      const hidden = groups.filter((group) => withheld.has(group.key));
      const total = hidden.reduce((sum, group) => sum + group.size, 0);
      for (const group of groups) if (group.size < k) expect(withheld.has(group.key)).toBe(true);
      if (hidden.length > 0 && hidden.length < groups.length) {
        expect(hidden.length).toBeGreaterThan(1);
        expect(total).toBeGreaterThanOrEqual(k);
      }
    }
  });
});
