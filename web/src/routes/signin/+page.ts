import { ZDevMember } from '@boucle/shared';
import * as z from 'zod';
import { api } from '$lib/api';
import { authConfigOf } from '$lib/auth-config';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

const ZDevMembers = z.object({ members: z.array(ZDevMember) });

/** How to sign in here and, for the local demo, the members one can sign in as. */
export const load: PageLoad = async ({ fetch }) => {
  const authConfig = await authConfigOf(fetch).catch(failLoad);
  if (authConfig.mode !== 'local') return { authConfig, members: null };
  const { members } = await api('/auth/dev-members', ZDevMembers, { fetch }).catch(failLoad);
  return { authConfig, members };
};
