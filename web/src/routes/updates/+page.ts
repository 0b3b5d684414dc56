import { ZUpdates } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/** The member's "you said, we did": the latest published review and their ideas and votes. */
export const load: PageLoad = async ({ fetch }) => ({
  updates: await api('/updates', ZUpdates, { fetch }).catch(failLoad),
});
