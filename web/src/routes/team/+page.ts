import { error } from '@sveltejs/kit';
import { ZTrends } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad, requireMember } from '$lib/load';
import type { PageLoad } from './$types';

/** An ambassador's own team: the API scopes the trends to the team they animate. */
export const load: PageLoad = async ({ parent, fetch }) => {
  const me = requireMember(await parent());
  if (!me.roles.includes('ambassador'))
    error(403, { message: 'Ambassadors only', code: 'forbidden' });
  const trends = await api('/trends', ZTrends, { fetch }).catch(failLoad);
  return { trends };
};
