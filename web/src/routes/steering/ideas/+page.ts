import { ZIdeaList, ZIterationList } from '@boucle/shared';
import { api } from '$lib/api';
import { filtersOf, queryOf } from '$lib/components/IdeaQuery';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/** The most ideas the triage board shows at once; more one click away. */
const TRIAGE_PAGE = 50;

/**
 * The ideas of one iteration (the address's, else the open or latest one), filtered as the
 * address asks, for the steering group to triage; and the iterations an idea can be planned for.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const { iterations } = await api('/iterations', ZIterationList, { fetch }).catch(failLoad);
  const current =
    iterations.find((iteration) => iteration.status === 'open') ?? iterations.at(-1) ?? null;
  const asked = Number(url.searchParams.get('iteration'));
  const selected = iterations.find((iteration) => iteration.id === asked) ?? current;
  const filters = filtersOf(url);
  const query = queryOf({
    ...filters,
    iteration: selected ? String(selected.id) : undefined,
    limit: String(TRIAGE_PAGE),
  });
  const list = await api(`/ideas?${query}`, ZIdeaList, { fetch }).catch(failLoad);
  const plannable = iterations.filter((iteration) => iteration.id >= (current?.id ?? 0));
  return { iterations, selected, filters, list, plannable, query: query.toString() };
};
