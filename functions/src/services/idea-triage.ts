import {
  decideStatusChange,
  DomainError,
  OPEN_STATUSES,
  type TIdea,
  type TIdeaStatusChange,
} from '@boucle/shared';
import type { TIdentity } from '../auth/identity.js';
import type { TAppDeps } from '../http/env.js';
import type { TStoredIdea } from '../repositories/ideas.js';
import { currentIterationId } from './idea-segment.js';
import { ideaFor, storedIdea, voterOf } from './ideas.js';

/**
 * Served by the steering function, which has no vote secret: `voted` is told only where the
 * secret is (the web reads the idea again from the members' route to show the caller's vote).
 */
async function answered(deps: TAppDeps, caller: TIdentity, idea: TStoredIdea): Promise<TIdea> {
  const voted = deps.receiptSecret
    ? await deps.ideas.hasVoted(idea.id, voterOf(deps, caller.email))
    : false;
  return ideaFor(idea, caller, voted);
}

/** The steering group moves an idea on (transitions.ts), conditional on the status it read. */
export async function changeIdeaStatus(
  deps: TAppDeps,
  caller: TIdentity,
  id: string,
  change: TIdeaStatusChange,
): Promise<TIdea> {
  const [stored, current] = await Promise.all([storedIdea(deps, id), currentIterationId(deps)]);
  const decision = decideStatusChange(stored, change, current);
  if (!decision.ok) {
    throw new DomainError(decision.refusal, 'This status change is not possible', decision.fields);
  }
  const updated = await deps.ideas.setStatus(stored, decision.next, current, deps.now());
  return answered(deps, caller, updated);
}

/**
 * Merges an idea into a kept one: the idea becomes its duplicate, then its votes are copied to
 * the kept one (each member once). Asked again after a crash, an idea already merged into the
 * same kept one only finishes copying the votes.
 */
export async function mergeIdea(
  deps: TAppDeps,
  caller: TIdentity,
  id: string,
  into: string,
): Promise<TIdea> {
  if (into === id) {
    throw new DomainError('invalid_input', 'An idea cannot be merged into itself', {
      into: 'another idea than this one',
    });
  }
  const [merged, kept, current] = await Promise.all([
    storedIdea(deps, id),
    deps.ideas.get(into),
    currentIterationId(deps),
  ]);
  if (!kept) throw new DomainError('not_found', 'No such kept idea', { into: 'no such idea' });
  if (kept.status === 'duplicate') {
    throw new DomainError('idea_status_refused', 'The kept idea is itself a duplicate', {
      into: `a duplicate: merge into ${kept.duplicateOf ?? 'the idea it was merged into'}`,
    });
  }
  const finishing = merged.status === 'duplicate' && merged.duplicateOf === into;
  if (!finishing) {
    if (!OPEN_STATUSES.includes(merged.status)) {
      throw new DomainError('idea_status_refused', 'Only an open idea can be merged', {
        status: `an idea ${merged.status} cannot be merged`,
      });
    }
    await deps.ideas.markMerged(merged, into, current, deps.now());
  }
  await deps.ideas.moveVotes(id, into);
  return answered(deps, caller, await storedIdea(deps, id));
}
