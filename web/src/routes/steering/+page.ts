import { ZIterationDetail, ZIterationList, ZResults, ZSegmentDimension } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/**
 * The results of the iteration and breakdown in the address (`?iteration=4&by=site`), so a
 * reload or a shared link shows the same; by default the latest iteration that has started.
 */
export const load: PageLoad = async ({ url, fetch }) => {
  const { iterations } = await api('/iterations', ZIterationList, { fetch }).catch(failLoad);
  const asked = Number(url.searchParams.get('iteration'));
  const by = ZSegmentDimension.safeParse(url.searchParams.get('by')).data ?? null;
  const selected =
    iterations.find((i) => i.id === asked) ??
    iterations.findLast((i) => i.status !== 'draft') ??
    iterations.at(-1) ??
    null;
  if (!selected || selected.status === 'draft')
    return { iterations, selected, by, pulse: null, results: null };
  const [detail, results] = await Promise.all([
    api(`/iterations/${selected.id}`, ZIterationDetail, { fetch }),
    api(`/iterations/${selected.id}/results${by ? `?by=${by}` : ''}`, ZResults, { fetch }),
  ]).catch(failLoad);
  return { iterations, selected, by, pulse: detail.pulse, results };
};
