import { describe, expect, it } from 'vitest';
import type { TMember } from './member.js';
import {
  chunkCountOf,
  chunkLengthOf,
  firstOutOfOrder,
  rosterChunks,
  sumOfHeadcounts,
} from './roster-import.js';
import { headcountOf } from './segment.js';

const member = (email: string): TMember => ({
  email,
  name: email,
  team: 'Sales',
  site: 'Paris',
  trainingLevel: 'beginner',
  ambassador: false,
  role: 'employee',
});

describe('the chunks of a roster', () => {
  it('are full but the last, and add up to the roster', () => {
    expect(chunkCountOf(2500, 1000)).toBe(3);
    expect([1, 2, 3, 4].map((n) => chunkLengthOf(n, 2500, 1000))).toEqual([1000, 1000, 500, 0]);
    expect(chunkCountOf(3000, 1000)).toBe(3);
    expect(chunkLengthOf(3, 3000, 1000)).toBe(1000);
  });

  it('hold the members by email, so that no member is in two chunks', () => {
    const roster = ['d@x.fr', 'a@x.fr', 'c@x.fr', 'b@x.fr', 'e@x.fr'].map(member);
    const chunks = rosterChunks(roster, 2);
    expect(chunks.map((chunk) => chunk.map((m) => m.email))).toEqual([
      ['a@x.fr', 'b@x.fr'],
      ['c@x.fr', 'd@x.fr'],
      ['e@x.fr'],
    ]);
    for (const chunk of chunks) expect(firstOutOfOrder(chunk)).toBe(-1);
  });
});

describe('the order of a chunk', () => {
  it('names the first member not after the one before: out of order or the same twice', () => {
    expect(firstOutOfOrder(['a', 'c', 'b'].map((email) => ({ email })))).toBe(2);
    expect(firstOutOfOrder(['a', 'b', 'b'].map((email) => ({ email })))).toBe(2);
    expect(firstOutOfOrder([{ email: 'a' }])).toBe(-1);
  });
});

describe('the headcount of a roster sent in chunks', () => {
  it('is the headcount of the whole roster', () => {
    const roster = ['a', 'b', 'c', 'd', 'e'].map((letter, index) => ({
      ...member(`${letter}@x.fr`),
      team: index % 2 ? 'HR' : 'Sales',
      site: index < 2 ? 'Lyon' : 'Paris',
    }));
    const chunks = rosterChunks(roster, 2);
    expect(sumOfHeadcounts(chunks.map((chunk) => headcountOf(chunk)))).toEqual(headcountOf(roster));
  });
});
