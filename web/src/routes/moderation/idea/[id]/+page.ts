import { ZIdea } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad, requireMember } from '$lib/load';
import type { PageLoad } from './$types';

/**
 * An idea and its comments, for any member: stands in for the idea page (`/ideas/[id]`, built in
 * another branch) until that page mounts `IdeaComments` itself; then this page goes.
 */
export const load: PageLoad = async ({ parent, fetch, params }) => {
  const me = requireMember(await parent());
  const idea = await api(`/ideas/${encodeURIComponent(params.id)}`, ZIdea, { fetch }).catch(
    failLoad,
  );
  return { me, idea };
};
