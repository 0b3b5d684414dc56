import { ZHeadcount } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({
  headcount: await api('/members/headcount', ZHeadcount, { fetch }).catch(failLoad),
});
