import { ZIdeaList } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import { filtersOf, queryOf } from '$lib/components/IdeaQuery';
import type { PageLoad } from './$types';

/** The first page of the current iteration's ideas, filtered and sorted as the address asks. */
export const load: PageLoad = async ({ fetch, url }) => {
  const filters = filtersOf(url);
  const list = await api(`/ideas?${queryOf(filters)}`, ZIdeaList, { fetch }).catch(failLoad);
  return { filters, list };
};
