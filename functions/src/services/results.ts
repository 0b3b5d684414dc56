import { computeResults, DomainError, type TResults, type TSegmentDimension } from '@boucle/shared';
import type { IterationsRepository } from '../repositories/iterations.js';
import type { ResponsesRepository } from '../repositories/responses.js';

export type TResultsDeps = {
  iterations: IterationsRepository;
  responses: ResponsesRepository;
  k: number;
};

/** Participation and per-question results of an iteration, overall or by one segment dimension. */
export async function iterationResults(
  deps: TResultsDeps,
  iterationId: number,
  by: TSegmentDimension | null,
): Promise<TResults> {
  const found = await deps.iterations.get(iterationId);
  if (!found) throw new DomainError('not_found', `Iteration ${iterationId} not found`);
  const { iteration, pulse } = found;
  if (!pulse || !iteration.headcount) {
    throw new DomainError('iteration_not_started', `Iteration ${iterationId} has not opened yet`);
  }
  const tallies = await deps.responses.tallies(pulse.id);
  return computeResults({
    iterationId,
    status: iteration.status,
    pulse,
    headcount: iteration.headcount,
    overall: tallies.overall,
    k: deps.k,
    release: null,
    ...(by ? { breakdown: { by, tallies: tallies.byDimension[by] } } : {}),
  });
}
