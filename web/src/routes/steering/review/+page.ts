import { ZIdeaList, ZIterationDetail, ZIterationList, ZIterationReview } from '@boucle/shared';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/**
 * The written review of the iteration in the address (`?iteration=4`), by default the latest
 * closed or reviewed one (else the latest that ran); its pulse's scale and eNPS questions are
 * what an action may track, and the current ideas what it may link to.
 */
export const load: PageLoad = async ({ url, fetch }) => {
  const { iterations } = await api('/iterations', ZIterationList, { fetch }).catch(failLoad);
  const started = iterations.filter((iteration) => iteration.status !== 'draft');
  const asked = Number(url.searchParams.get('iteration'));
  const selected =
    started.find((iteration) => iteration.id === asked) ??
    started.filter((i) => i.status === 'closed' || i.status === 'reviewed').at(-1) ??
    started.at(-1) ??
    null;
  // An action may be due in any iteration, planned ones included.
  const due = iterations.map(({ id, name }) => ({ id, name }));
  if (!selected)
    return { iterations: started, due, selected, review: null, questions: [], ideas: [] };
  const [review, detail, ideas] = await Promise.all([
    api(`/iterations/${selected.id}/review`, ZIterationReview, { fetch }),
    api(`/iterations/${selected.id}`, ZIterationDetail, { fetch }),
    api('/ideas?sort=top&limit=50', ZIdeaList, { fetch }),
  ]).catch(failLoad);
  const questions = (detail.pulse?.questions ?? []).filter(
    (question) => question.type === 'scale' || question.type === 'enps',
  );
  return {
    iterations: started,
    due,
    selected,
    review,
    questions: questions.map(({ id, label }) => ({ id, label })),
    ideas: ideas.ideas.map(({ id, title }) => ({ id, title })),
  };
};
