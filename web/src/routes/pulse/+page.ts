import { redirect } from '@sveltejs/kit';
import type { TCurrentPulse } from '@boucle/shared';
import { api, typedAs } from '$lib/api';
import { noneIfNotFound } from '$lib/load';
import type { PageLoad } from './$types';

/** The open pulse, or none; a member who has answered it gets their receipt instead. */
export const load: PageLoad = async ({ fetch }) => {
  const current = await api('/pulse/current', typedAs<TCurrentPulse>(), { fetch }).catch(
    noneIfNotFound,
  );
  if (current?.receipt) redirect(307, '/receipt');
  return { current };
};
