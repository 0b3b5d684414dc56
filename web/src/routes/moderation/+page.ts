import { error } from '@sveltejs/kit';
import { ZModerationQueue, ZModerationState } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad, requireMember } from '$lib/load';
import type { PageLoad } from './$types';

/** The first page of the queue in the state the address asks (visible by default). */
export const load: PageLoad = async ({ parent, fetch, url }) => {
  const me = requireMember(await parent());
  if (!me.roles.includes('ambassador') && !me.roles.includes('steering'))
    error(403, { message: 'Ambassadors and steering group only', code: 'forbidden' });
  const state = ZModerationState.catch('visible').parse(url.searchParams.get('state') ?? undefined);
  const queue = await api(`/idea-comments?state=${state}`, ZModerationQueue, { fetch }).catch(
    failLoad,
  );
  return { me, state, queue };
};
