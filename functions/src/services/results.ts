import {
  computeResults,
  DomainError,
  nextRelease,
  type TIteration,
  type TPulse,
  type TRelease,
  type TResults,
  type TSegmentDimension,
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
  const found = await deps.iterations.get(iterationId);
  if (!found) throw new DomainError('not_found', `Iteration ${iterationId} not found`);
  const { iteration, pulse } = found;
  if (!pulse || !iteration.headcount || iteration.status === 'draft') {
    throw new DomainError('iteration_not_started', `Iteration ${iterationId} has not opened yet`);
  }
  return computeResults({
    iterationId,
    status: iteration.status,
    pulse,
    headcount: iteration.headcount,
    release: await currentRelease(deps, iteration, pulse),
    k: deps.k,
    by,
  });
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
