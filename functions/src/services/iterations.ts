import {
  allowedActions,
  checkTransition,
  DEFAULT_POOLING_ORDER,
  disclosureSegments,
  DomainError,
  headcountOfSegments,
  POOLED,
  type THeadcount,
  type TIteration,
  type TIterationAction,
  type TIterationSummary,
  type TSegmentDimension,
} from '@boucle/shared';
import { randomUUID } from 'node:crypto';
import type { DirectoryRepository } from '../repositories/directory.js';
import type { DisclosureRepository } from '../repositories/disclosure.js';
import type { IterationsRepository, TIterationWithPulse } from '../repositories/iterations.js';
import type { ReleasesRepository } from '../repositories/releases.js';
import type { ResponsesRepository, TTallyValues } from '../repositories/responses.js';
import type { OpenIterations } from './open-iterations.js';
import { currentRelease } from './results.js';

export type TLifecycleDeps = {
  iterations: IterationsRepository;
  openIterations: OpenIterations;
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
  const found = await existingIteration(deps, id);
  const { iteration } = found;
  const check = checkTransition(iteration, action, await deps.iterations.openIterationId());
  if (!check.ok) throw new DomainError('invalid_transition', check.reason);
  const now = deps.now();
  if (action === 'open') await open(deps, iteration, now);
  if (action === 'close') await close(deps, found, now);
  if (action === 'review') await deps.iterations.review(id, now);
  deps.openIterations.evict(id);
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

/**
 * Marks every tally item an answer could still be written to as closed, then flips the
 * iteration to closed: once the marks are in, no answer commits, so the final release read
 * after the flip holds every answer that was accepted. A close that failed halfway is simply
 * asked again (the marks are idempotent, the flip is conditional on `open`).
 */
async function close(deps: TLifecycleDeps, found: TIterationWithPulse, now: Date): Promise<void> {
  const { iteration, pulse } = found;
  if (pulse && iteration.headcount) {
    await deps.responses.closeTallies(pulse.id, tallyValuesOf(iteration.headcount), now);
  }
  await deps.iterations.close(iteration.id, now);
}

/** Every value an answer can be tallied under: the frozen headcount's, and the pooled `*`. */
export function tallyValuesOf(headcount: THeadcount): TTallyValues {
  const values = (dimension: TSegmentDimension) => [
    ...new Set([...Object.keys(headcount.byDimension[dimension]), POOLED]),
  ];
  return {
    team: values('team'),
    site: values('site'),
    trainingLevel: values('trainingLevel'),
    ambassador: values('ambassador'),
  };
}
