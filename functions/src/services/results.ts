import {
  ambassadorResults,
  computeHeatmap,
  computeResults,
  computeTrainingDemand,
  DomainError,
  type THeatmap,
  mayMakeRelease,
  nextRelease,
  readsOwnTeamOnly,
  type THeadcount,
  type TIteration,
  type TPulse,
  type TRelease,
  type TResults,
  type TRole,
  type TSegmentDimension,
  type TTrainingDemand,
} from '@boucle/shared';
import type { DisclosureRepository } from '../repositories/disclosure.js';
import type { IterationsRepository, TIterationWithPulse } from '../repositories/iterations.js';
import type { ReleasesRepository } from '../repositories/releases.js';
import type { ResponsesRepository } from '../repositories/responses.js';

export type TResultsDeps = {
  iterations: IterationsRepository;
  responses: ResponsesRepository;
  releases: ReleasesRepository;
  disclosure: DisclosureRepository;
  k: number;
  now: () => Date;
};

/** Who reads results: an ambassador who is not steering sees their own team only. */
export type TReader = { email: string; roles: readonly TRole[] };

/** An iteration that has opened: it has a pulse and a frozen headcount. */
export type TOpenedIteration = TIterationWithPulse & {
  iteration: TIteration & { headcount: THeadcount };
  pulse: TPulse;
};

export function hasOpened(found: TIterationWithPulse): found is TOpenedIteration {
  return (
    found.pulse !== null && found.iteration.headcount !== null && found.iteration.status !== 'draft'
  );
}

/** Participation and per-question results of an iteration, read from its current release. */
export async function iterationResults(
  deps: TResultsDeps,
  iterationId: number,
  by: TSegmentDimension | null,
  reader: TReader,
): Promise<TResults> {
  refuseBreakdownOfOwnTeam(reader, by);
  return resultsFor(deps, await openedIteration(deps, iterationId), by, reader);
}

/** The heatmap of one dimension (steering only): the results by it, each group tested. */
export async function iterationHeatmap(
  deps: TResultsDeps,
  iterationId: number,
  by: TSegmentDimension,
  reader: TReader,
): Promise<THeatmap> {
  const results = await resultsFor(deps, await openedIteration(deps, iterationId), by, reader);
  return computeHeatmap({ ...results, by });
}

/** Training level × need (steering only), from the results by training level. */
export async function iterationTrainingDemand(
  deps: TResultsDeps,
  iterationId: number,
  reader: TReader,
): Promise<TTrainingDemand> {
  const found = await openedIteration(deps, iterationId);
  const results = await resultsFor(deps, found, 'trainingLevel', reader);
  return computeTrainingDemand({ ...results, by: 'trainingLevel' }, found.pulse);
}

async function openedIteration(deps: TResultsDeps, iterationId: number): Promise<TOpenedIteration> {
  const found = await deps.iterations.get(iterationId);
  if (!found) throw new DomainError('not_found', `Iteration ${iterationId} not found`);
  if (!hasOpened(found)) {
    throw new DomainError('iteration_not_started', `Iteration ${iterationId} has not opened yet`);
  }
  return found;
}

/** An ambassador's results are their team's group: no breakdown of it may be asked for. */
export function refuseBreakdownOfOwnTeam(reader: TReader, by: TSegmentDimension | null): void {
  if (by !== null && readsOwnTeamOnly(reader.roles)) {
    throw new DomainError('forbidden', 'An ambassador reads the results of their own team only', {
      by: 'not available to ambassadors: results show your own team',
    });
  }
}

/**
 * The gated results of one opened iteration as this reader may see them. For an ambassador who
 * is not steering: computed by team exactly as steering sees them, then only the group of their
 * team as frozen when the iteration opened (one GetItem).
 */
export async function resultsFor(
  deps: TResultsDeps,
  { iteration, pulse, disclosureFreeze }: TOpenedIteration,
  by: TSegmentDimension | null,
  reader: TReader,
): Promise<TResults> {
  const ownTeamOnly = readsOwnTeamOnly(reader.roles);
  const [release, segment] = await Promise.all([
    currentRelease(deps, iteration, pulse),
    ownTeamOnly && disclosureFreeze
      ? deps.disclosure.segmentOf(
          { iterationId: iteration.id, freeze: disclosureFreeze },
          reader.email,
        )
      : null,
  ]);
  const results = computeResults({
    iterationId: iteration.id,
    status: iteration.status,
    pulse,
    headcount: iteration.headcount,
    release,
    k: deps.k,
    by: ownTeamOnly ? 'team' : by,
  });
  return ownTeamOnly ? ambassadorResults(results, segment?.team ?? null) : results;
}

/**
 * The release results are read from: the latest one, or a new one when what came in since may
 * be shown (checked by the disclosure module). While the iteration is open and a release
 * exists, the overall tally is read first (one item per shard): under k new respondents no
 * release may be made (`mayMakeRelease`), so no breakdown is read. Closing makes the final
 * release (and a read makes it if closing could not); nothing can be answered after closing, so
 * it holds exactly what closing froze.
 */
export async function currentRelease(
  deps: Omit<TResultsDeps, 'iterations'>,
  iteration: TIteration,
  pulse: TPulse,
): Promise<TRelease | null> {
  const previous = await deps.releases.latest(pulse.id);
  if (previous?.info.final) return previous;
  const closing = iteration.status !== 'open';
  if (previous && !closing) {
    const overall = await deps.responses.overallTally(pulse.id);
    if (!mayMakeRelease({ previous, overall, k: deps.k, closing })) return previous;
  }
  const next = nextRelease({
    previous,
    live: await deps.responses.tallies(pulse.id),
    k: deps.k,
    madeAt: deps.now().toISOString(),
    closing,
  });
  if (!next) return previous;
  // Made by another reader meanwhile: theirs is the release, with the same figures or newer.
  return (await deps.releases.add(pulse.id, next)) ? next : deps.releases.latest(pulse.id);
}
