import { error } from '@sveltejs/kit';
import { ZIdea, ZIdeaId, ZIterationList, type TIdea } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad, noneIfNotFound, requireMember } from '$lib/load';
import type { PageLoad } from './$types';

/**
 * The idea, the one it was merged into, and those merged into it (a gone one is left out); for
 * the steering group, the iterations it can be planned for (the current one and later).
 */
export const load: PageLoad = async ({ fetch, params, parent }) => {
  const me = requireMember(await parent());
  if (!ZIdeaId.safeParse(params.id).success) {
    error(404, { message: 'No such idea', code: 'not_found' });
  }
  const read = (id: string) => api(`/ideas/${id}`, ZIdea, { fetch });
  const idea = await read(params.id).catch(failLoad);
  const [kept, merged, iterations] = await Promise.all([
    idea.duplicateOf ? read(idea.duplicateOf).catch(noneIfNotFound) : null,
    Promise.all(idea.mergedFrom.map((id) => read(id).catch(noneIfNotFound))),
    me.roles.includes('steering')
      ? api('/iterations', ZIterationList, { fetch }).then((list) => list.iterations, failLoad)
      : null,
  ]);
  const current =
    iterations?.find((iteration) => iteration.status === 'open') ?? iterations?.at(-1) ?? null;
  return {
    me,
    idea,
    kept,
    merged: merged.filter((found): found is TIdea => found !== null),
    /** Null for members who do not triage. */
    plannable: iterations?.filter((iteration) => iteration.id >= (current?.id ?? 0)) ?? null,
  };
};
