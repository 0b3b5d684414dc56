import { DomainError, type TAdoptionInput, type TIteration } from '@boucle/shared';
import { existingIteration, type TLifecycleDeps } from './iterations.js';

/**
 * Records (or corrects) the social network's adoption figures of an iteration that has run, for
 * the API and the demo seed alike. One conditional write decides; only when it refuses does a
 * read tell an unknown iteration (404) from a draft (409).
 */
export async function recordAdoption(
  deps: Pick<TLifecycleDeps, 'iterations'>,
  id: number,
  adoption: TAdoptionInput,
): Promise<TIteration> {
  try {
    return await deps.iterations.setAdoption(id, adoption);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'iteration_is_draft') {
      await existingIteration(deps, id);
    }
    throw error;
  }
}
