import {
  computeHeatmap,
  computeResults,
  computeTrainingDemand,
  DomainError,
  type THeatmap,
  nextRelease,
  type TIteration,
  type TPulse,
  type TRelease,
  type TResults,
  type TSegmentDimension,
  type TTrainingDemand,
} from '@boucle/shared';
import type { IterationsRepository } from '../repositories/iterations.js';
import type { ReleasesRepository } from '../repositories/releases.js';
import type { ResponsesRepository } from '../repositories/responses.js';

export type TResultsDeps = {
  iterations: IterationsRepository;
  responses: ResponsesRepository;
  releases: ReleasesRepository;
  k: number;
  now: () => Date;
};

/** Participation and per-question results of an iteration, read from its current release. */
export async function iterationResults(
  deps: TResultsDeps,
  iterationId: number,
  by: TSegmentDimension | null,
): Promise<TResults> {
  return (await resultsWithPulse(deps, iterationId, by)).results;
}

/** The heatmap of one dimension: the results by that dimension, each group tested. */
export async function iterationHeatmap(
  deps: TResultsDeps,
  iterationId: number,
  by: TSegmentDimension,
): Promise<THeatmap> {
  const { results } = await resultsWithPulse(deps, iterationId, by);
  return computeHeatmap({ ...results, by });
}

/** Training level × need, from the results by training level. */
export async function iterationTrainingDemand(
  deps: TResultsDeps,
  iterationId: number,
): Promise<TTrainingDemand> {
  const { results, pulse } = await resultsWithPulse(deps, iterationId, 'trainingLevel');
  return computeTrainingDemand({ ...results, by: 'trainingLevel' }, pulse);
}

async function resultsWithPulse(
  deps: TResultsDeps,
  iterationId: number,
  by: TSegmentDimension | null,
): Promise<{ results: TResults; pulse: TPulse }> {
  const found = await deps.iterations.get(iterationId);
  if (!found) throw new DomainError('not_found', `Iteration ${iterationId} not found`);
  const { iteration, pulse } = found;
  if (!pulse || !iteration.headcount || iteration.status === 'draft') {
    throw new DomainError('iteration_not_started', `Iteration ${iterationId} has not opened yet`);
  }
  const results = computeResults({
    iterationId,
    status: iteration.status,
    pulse,
    headcount: iteration.headcount,
    release: await currentRelease(deps, iteration, pulse),
    k: deps.k,
    by,
  });
  return { results, pulse };
}

/**
 * The release results are read from: the latest one, or a new one when what came in since may
 * be shown (checked by the disclosure module). Closing makes the final release (and a read
 * makes it if closing could not); nothing can be answered after closing, so it holds exactly
 * what closing froze.
 */
export async function currentRelease(
  deps: Omit<TResultsDeps, 'iterations'>,
  iteration: TIteration,
  pulse: TPulse,
): Promise<TRelease | null> {
  const previous = await deps.releases.latest(pulse.id);
  if (previous?.info.final) return previous;
  const next = nextRelease({
    previous,
    live: await deps.responses.tallies(pulse.id),
    k: deps.k,
    madeAt: deps.now().toISOString(),
    closing: iteration.status !== 'open',
  });
  if (!next) return previous;
  // Made by another reader meanwhile: theirs is the release, with the same figures or newer.
  return (await deps.releases.add(pulse.id, next)) ? next : deps.releases.latest(pulse.id);
}
