import { ZIdeaCategory, ZIdeaSort, ZIdeaStatus, type TIdeasQuery } from '@boucle/shared';

/** The board's filters, as the address holds them (`?sort=…&status=…&category=…&team=…&q=…`). */
export type TIdeaFilters = Pick<TIdeasQuery, 'sort' | 'status' | 'category' | 'team' | 'q'>;

/** Unknown values are dropped rather than refused: an old link still opens the board. */
export function filtersOf(url: URL): TIdeaFilters {
  const value = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  return {
    sort: ZIdeaSort.catch('top').parse(value('sort')),
    status: ZIdeaStatus.optional().catch(undefined).parse(value('status')),
    category: ZIdeaCategory.optional().catch(undefined).parse(value('category')),
    team: value('team')?.slice(0, 100),
    q: value('q')?.slice(0, 300),
  };
}

/** The query string of these filters, empty ones left out. */
export function queryOf(filters: Partial<TIdeaFilters> & Record<string, string | undefined>) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return query;
}
