import {
  ZHeatmap,
  ZIdeasSummary,
  ZIterationDetail,
  ZIterationList,
  ZResults,
  ZSegmentDimension,
  ZTrainingDemand,
  ZTrends,
  type TIdeasSummary,
  type TIterationSummary,
  type TResults,
  type TSegmentDimension,
} from '@boucle/shared';
import { api, ApiError } from '$lib/api';
import { failLoad } from '$lib/load';
import type { PageLoad } from './$types';

/** The heatmap's dimension when the address names none: teams are what the group acts on. */
const DEFAULT_DIMENSION: TSegmentDimension = 'team';

type TFetch = typeof fetch;

/**
 * The iteration's ideas summary, or the problem that kept it from being read: the rest of the
 * review stays readable when only the ideas fail.
 */
const ideasOf = (iterationId: number, fetch: TFetch): Promise<TIdeasSummary | ApiError> =>
  api(`/iterations/${iterationId}/ideas-summary`, ZIdeasSummary, { fetch }).catch(
    (cause: unknown) => {
      if (cause instanceof ApiError && cause.status !== 401) return cause;
      return failLoad(cause);
    },
  );

const resultsOf = (iteration: TIterationSummary, fetch: TFetch): Promise<TResults> =>
  api(`/iterations/${iteration.id}/results`, ZResults, { fetch });

/**
 * The iteration shown, with its results: the one in the address, else the latest that has a
 * release, so the review keeps showing the last released figures after a new iteration opens.
 */
async function pick(
  started: TIterationSummary[],
  asked: number,
  fetch: TFetch,
): Promise<{ selected: TIterationSummary; results: TResults } | null> {
  const chosen = started.find((iteration) => iteration.id === asked);
  if (chosen) return { selected: chosen, results: await resultsOf(chosen, fetch) };
  let latest: { selected: TIterationSummary; results: TResults } | null = null;
  for (const iteration of started.toReversed()) {
    const results = await resultsOf(iteration, fetch);
    latest ??= { selected: iteration, results };
    if (results.release) return { selected: iteration, results };
  }
  return latest;
}

/**
 * The iteration review of the address (`?iteration=4&by=site`, `by` being the heatmap's
 * dimension), so a reload or a shared link shows the same; the previous iteration's results
 * give the headline figures their comparison.
 */
export const load: PageLoad = async ({ url, fetch }) => {
  const { iterations } = await api('/iterations', ZIterationList, { fetch }).catch(failLoad);
  const by = ZSegmentDimension.safeParse(url.searchParams.get('by')).data ?? DEFAULT_DIMENSION;
  const started = iterations.filter((iteration) => iteration.status !== 'draft');
  const asked = Number(url.searchParams.get('iteration'));
  const empty = {
    iterations,
    by,
    pulse: null,
    results: null,
    previous: null,
    trends: null,
    ideas: null,
  };
  const draft = iterations.find(
    (iteration) => iteration.id === asked && iteration.status === 'draft',
  );
  if (draft) return { ...empty, selected: draft, heatmap: null, trainingDemand: null };
  const picked = await pick(started, asked, fetch).catch(failLoad);
  if (!picked)
    return { ...empty, selected: iterations.at(-1) ?? null, heatmap: null, trainingDemand: null };
  const { selected, results } = picked;
  const before = started.filter((iteration) => iteration.id < selected.id).at(-1);
  // The trends hold the test of each change against the previous iteration.
  const [detail, previous, heatmap, trainingDemand, trends, ideas] = await Promise.all([
    api(`/iterations/${selected.id}`, ZIterationDetail, { fetch }),
    before ? resultsOf(before, fetch) : null,
    api(`/iterations/${selected.id}/heatmap?by=${by}`, ZHeatmap, { fetch }),
    api(`/iterations/${selected.id}/training-demand`, ZTrainingDemand, { fetch }),
    api('/trends', ZTrends, { fetch }),
    ideasOf(selected.id, fetch),
  ]).catch(failLoad);
  return {
    iterations,
    by,
    selected,
    pulse: detail.pulse,
    results,
    previous: previous && before ? { iteration: before, results: previous } : null,
    heatmap,
    trainingDemand,
    trends,
    ideas,
  };
};
