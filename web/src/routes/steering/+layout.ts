import { error } from '@sveltejs/kit';
import { requireMember } from '$lib/load';
import type { LayoutLoad } from './$types';
// Forms, uploads and the roster check parse with zod here: its messages in the member's language.
import '$lib/zod-locale';

/** The steering pages are the steering group's; the API refuses the others anyway. */
export const load: LayoutLoad = async ({ parent }) => {
  const me = requireMember(await parent());
  if (!me.roles.includes('steering'))
    error(403, { message: 'Steering group only', code: 'forbidden' });
};
