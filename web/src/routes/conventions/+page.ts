import { ZConventionList, ZIdea, ZIdeaId, ZIterationList, type TIdea } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad, noneIfNotFound, requireMember } from '$lib/load';
import type { PageLoad } from './$types';

/**
 * The register for every member; for the steering group also the iterations a convention can be
 * adopted in and, with `?idea=<id>`, the idea to adopt it from (its title and text prefill the form).
 */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  const me = requireMember(await parent());
  const steering = me.roles.includes('steering');
  const ideaId = ZIdeaId.safeParse(url.searchParams.get('idea'));
  const [register, iterations, idea] = await Promise.all([
    api('/conventions', ZConventionList, { fetch }).catch(failLoad),
    steering
      ? api('/iterations', ZIterationList, { fetch })
          .then((list) => list.iterations)
          .catch(failLoad)
      : [],
    steering && ideaId.success
      ? api(`/ideas/${ideaId.data}`, ZIdea, { fetch }).catch(noneIfNotFound)
      : Promise.resolve<TIdea | null>(null),
  ]);
  return { conventions: register.conventions, steering, iterations, idea };
};
