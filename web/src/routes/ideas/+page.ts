import { ZIdeaList, ZIdeaSort } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/** The first page of the current iteration's ideas, in the order the address asks (top by default). */
export const load: PageLoad = async ({ fetch, url }) => {
  const sort = ZIdeaSort.catch('top').parse(url.searchParams.get('sort') ?? undefined);
  const list = await api(`/ideas?sort=${sort}`, ZIdeaList, { fetch }).catch(failLoad);
  return { sort, list };
};
