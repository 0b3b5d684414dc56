import { ZComments, ZIterationList, ZSegmentDimension } from '@boucle/shared';
import { api, ApiError } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/**
 * The first page of comments of the iteration, breakdown, search and theme in the address
 * (`?iteration=4&by=team&q=…&theme=…`); by default the latest closed or reviewed iteration.
 */
export const load: PageLoad = async ({ url, fetch }) => {
  const { iterations } = await api('/iterations', ZIterationList, { fetch }).catch(failLoad);
  const closed = iterations.filter((i) => i.status === 'closed' || i.status === 'reviewed');
  const asked = Number(url.searchParams.get('iteration'));
  const selected = closed.find((i) => i.id === asked) ?? closed.at(-1) ?? null;
  const by = ZSegmentDimension.safeParse(url.searchParams.get('by')).data ?? null;
  const q = url.searchParams.get('q')?.trim() ?? '';
  const theme = url.searchParams.get('theme') ?? '';
  if (!selected) return { closed, selected, by, q, theme, comments: null, query: '' };
  const query = new URLSearchParams({ by: by ?? '', q, theme });
  for (const [key, value] of [...query]) if (!value) query.delete(key);
  const comments = await api(`/iterations/${selected.id}/comments?${query}`, ZComments, {
    fetch,
  }).catch((cause: unknown) => {
    // Closed in the list but refused (it changed meanwhile): the page says why, not an error page.
    if (cause instanceof ApiError && cause.code === 'comments_not_released') return null;
    return failLoad(cause);
  });
  return { closed, selected, by, q, theme, comments, query: query.toString() };
};
