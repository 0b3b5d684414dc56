import { ZInvolvement, ZSegmentDimension, ZTrends } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/** The trends of the breakdown in the address (`?by=site`), so a reload shows the same. */
export const load: PageLoad = async ({ url, fetch }) => {
  const by = ZSegmentDimension.safeParse(url.searchParams.get('by')).data ?? null;
  const query = by ? `?by=${by}` : '';
  const [trends, involvement] = await Promise.all([
    api(`/trends${query}`, ZTrends, { fetch }),
    api(`/involvement${query}`, ZInvolvement, { fetch }),
  ]).catch(failLoad);
  return { by, trends, involvement };
};
