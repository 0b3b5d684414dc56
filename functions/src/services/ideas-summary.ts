import { ideasSummaryToShow, type TIdeasSummary } from '@boucle/shared';
import type { TAppDeps } from '../http/env.js';
import { existingIteration } from './iterations.js';

/**
 * The summary of the ideas submitted in an iteration (its ideas partition, duplicates included,
 * at most `MAX_IDEAS_READ`), through the disclosure gate; `not_found` for an unknown iteration.
 */
export async function iterationIdeasSummary(
  deps: TAppDeps,
  iterationId: number,
): Promise<TIdeasSummary> {
  await existingIteration(deps, iterationId);
  return ideasSummaryToShow(iterationId, await deps.ideas.all([iterationId]));
}
