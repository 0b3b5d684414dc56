import { ZIterationList } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/** Every iteration: its adoption figures travel on the iteration itself. */
export const load: PageLoad = async ({ fetch }) => ({
  iterations: (await api('/iterations', ZIterationList, { fetch }).catch(failLoad)).iterations,
});
