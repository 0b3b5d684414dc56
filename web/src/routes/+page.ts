import { redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/load';
import type { PageLoad } from './$types';

/** The home page only sends each member where they work: steering to results, others to the pulse. */
export const load: PageLoad = async ({ parent }) => {
  const me = requireMember(await parent());
  redirect(307, me.roles.includes('steering') ? '/steering' : '/pulse');
};
