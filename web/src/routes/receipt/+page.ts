import type { TCurrentPulse } from '@boucle/shared';
import { api, typedAs } from '$lib/api';
import { noneIfNotFound } from '$lib/load';
import type { PageLoad } from './$types';

// Where the pulse sends every member who answered: as lean as the pulse (ADR 0026).
export const load: PageLoad = async ({ fetch }) => ({
  current: await api('/pulse/current', typedAs<TCurrentPulse>(), { fetch }).catch(noneIfNotFound),
});
