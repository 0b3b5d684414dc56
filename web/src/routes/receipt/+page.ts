import { ZCurrentPulse } from '@boucle/shared';
import { api } from '$lib/api';
import { noneIfNotFound } from '$lib/load';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({
  current: await api('/pulse/current', ZCurrentPulse, { fetch }).catch(noneIfNotFound),
});
