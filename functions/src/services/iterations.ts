import {
  allowedActions,
  checkTransition,
  DEFAULT_POOLING_ORDER,
  disclosureSegments,
  DomainError,
  headcountOfSegments,
  type TIteration,
  type TIterationAction,
  type TIterationSummary,
} from '@boucle/shared';
import { randomUUID } from 'node:crypto';
import type { DirectoryRepository } from '../repositories/directory.js';
import type { DisclosureRepository } from '../repositories/disclosure.js';
import type { IterationsRepository, TIterationWithPulse } from '../repositories/iterations.js';
import type { ReleasesRepository } from '../repositories/releases.js';
import type { ResponsesRepository } from '../repositories/responses.js';
import { currentRelease } from './results.js';

export type TLifecycleDeps = {
  iterations: IterationsRepository;
  directory: DirectoryRepository;
  disclosure: DisclosureRepository;
  responses: ResponsesRepository;
  releases: ReleasesRepository;
  /** The anonymity threshold: every disclosure segment is held by at least k members. */
  k: number;
  now: () => Date;
};

export async function existingIteration(
  deps: Pick<TLifecycleDeps, 'iterations'>,
  id: number,
): Promise<TIterationWithPulse> {
  const found = await deps.iterations.get(id);
  if (!found) throw new DomainError('not_found', `Iteration ${id} not found`);
  return found;
}

/** Every iteration with the lifecycle steps it may take now, so no client repeats the rule. */
export async function iterationSummaries(
  deps: Pick<TLifecycleDeps, 'iterations'>,
): Promise<TIterationSummary[]> {
  const [iterations, openId] = await Promise.all([
    deps.iterations.list(),
    deps.iterations.openIterationId(),
  ]);
  return iterations.map((iteration) => ({
    ...iteration,
    allowedActions: allowedActions(iteration, openId),
  }));
}

/**
 * The one way an iteration moves along draft → open → closed → reviewed, for the API and the
 * demo seed alike. The rule is checked here; the repository's conditional writes still refuse a
 * step that a concurrent request made stale.
 */
export async function takeLifecycleStep(
  deps: TLifecycleDeps,
  id: number,
  action: TIterationAction,
): Promise<TIteration> {
  const { iteration } = await existingIteration(deps, id);
  const check = checkTransition(iteration, action, await deps.iterations.openIterationId());
  if (!check.ok) throw new DomainError('invalid_transition', check.reason);
  const now = deps.now();
  if (action === 'open') await open(deps, iteration, now);
  if (action === 'close') await deps.iterations.close(id, now);
  if (action === 'review') await deps.iterations.review(id, now);
  const after = await existingIteration(deps, id);
  // Closing makes the final release, dated when the iteration closed.
  if (action === 'close' && after.pulse) await currentRelease(deps, after.iteration, after.pulse);
  return after.iteration;
}

/**
 * Freezes every member's disclosure segment from the directory as it is now, with k and the
 * iteration's pooling order, then flips the iteration to open with the members per disclosure
 * value as its headcount. The segments go in first, under a fresh freeze id the iteration
 * records only when it opens: a failed open leaves nothing that is ever read.
 */
async function open(deps: TLifecycleDeps, iteration: TIteration, now: Date): Promise<void> {
  const poolingOrder = iteration.poolingOrder ?? DEFAULT_POOLING_ORDER;
  const segments = disclosureSegments(await deps.directory.members(), deps.k, poolingOrder);
  const disclosureFreeze = randomUUID();
  await deps.disclosure.freeze({ iterationId: iteration.id, freeze: disclosureFreeze }, segments);
  await deps.iterations.open(iteration.id, headcountOfSegments(segments.values()), now, {
    disclosureFreeze,
    poolingOrder,
  });
}
