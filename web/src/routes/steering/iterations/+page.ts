import { ZIterationList } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/** Every iteration, with the lifecycle steps the API allows each one now. */
export const load: PageLoad = async ({ fetch }) => ({
  iterations: (await api('/iterations', ZIterationList, { fetch }).catch(failLoad)).iterations,
});
