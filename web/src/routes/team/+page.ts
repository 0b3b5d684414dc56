import { error } from '@sveltejs/kit';
import { ZResults, ZTrends } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad, requireMember } from '$lib/load';
import type { PageLoad } from './$types';

/** An ambassador's own team: the API scopes the trends to the team they animate. */
export const load: PageLoad = async ({ parent, fetch }) => {
  const me = requireMember(await parent());
  if (!me.roles.includes('ambassador'))
    error(403, { message: 'Ambassadors only', code: 'forbidden' });
  const trends = await api('/trends', ZTrends, { fetch }).catch(failLoad);
  // The latest released iteration's results, from the same gated route as the steering page.
  const latest = trends.iterations.findLast((iteration) => iteration.release !== null) ?? null;
  const results = latest
    ? await api(`/iterations/${latest.id}/results`, ZResults, { fetch }).catch(failLoad)
    : null;
  return { trends, latest, results };
};
