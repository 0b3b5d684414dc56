import { describe, expect, it } from 'vitest';
import { filtersOf, queryOf } from './IdeaQuery';

describe('the board filters in the address', () => {
  it('reads known values, drops unknown ones, trims words', () => {
    const url = new URL(
      'https://boucle.example/ideas?sort=trending&status=planned&category=gossip&team=%20Sales%20&q=%20vid%C3%A9o%20',
    );
    expect(filtersOf(url)).toEqual({
      sort: 'trending',
      status: 'planned',
      category: undefined,
      team: 'Sales',
      q: 'vidéo',
    });
    expect(filtersOf(new URL('https://boucle.example/ideas?sort=random&status=lost'))).toEqual({
      sort: 'top',
      status: undefined,
      category: undefined,
      team: undefined,
      q: undefined,
    });
  });

  it('writes only the filters that are set', () => {
    expect(queryOf({ sort: 'new', status: undefined, q: '', team: 'R&D' }).toString()).toBe(
      'sort=new&team=R%26D',
    );
  });
});
