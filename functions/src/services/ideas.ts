import {
  DomainError,
  EDITABLE_STATUSES,
  ideaTeam,
  searchTextOf,
  type TIdea,
  type TIdeaEdit,
  type TIdeaInput,
  type TSegment,
} from '@boucle/shared';
import type { TIdentity } from '../auth/identity.js';
import type { TAppDeps } from '../http/env.js';
import { ideaKey, newIdeaId, type TStoredIdea } from '../repositories/ideas.js';
import { callerSegment } from './idea-segment.js';
import { voterKeyOf } from './receipt-key.js';

/** Vote items are keyed by an HMAC of the member, with the secret only the pulse function holds. */
export function voterOf(deps: TAppDeps, email: string): string {
  if (!deps.receiptSecret) throw new DomainError('misconfigured', 'Votes need the receipt secret');
  return voterKeyOf(deps.receiptSecret, email);
}

/**
 * What the caller may see of an idea: never an anonymous author, never an email, never the
 * author key or segments; the team only through the disclosure module.
 */
export function ideaFor(stored: TStoredIdea, caller: TIdentity, voted: boolean): TIdea {
  return {
    id: stored.id,
    title: stored.title,
    description: stored.description,
    category: stored.category,
    status: stored.status,
    votes: stored.votes,
    comments: stored.comments,
    createdAt: stored.createdAt,
    iterationId: stored.iterationId,
    author: stored.anonymous ? null : { name: stored.authorName },
    mine: stored.authorEmail === caller.email.toLowerCase(),
    voted,
    plannedFor: stored.plannedFor,
    declineReason: stored.declineReason,
    duplicateOf: stored.duplicateOf,
    mergedFrom: stored.mergedFrom,
    team: ideaTeam(stored.segment),
    updatedAt: stored.updatedAt,
    history: stored.history,
  };
}

export async function submitIdea(
  deps: TAppDeps,
  caller: TIdentity,
  input: TIdeaInput,
): Promise<TIdea> {
  const now = deps.now();
  const email = caller.email.toLowerCase();
  const { iterationId, segment } = await callerSegment(deps, email);
  const stored = await deps.ideas.create({
    id: newIdeaId(iterationId, now),
    iterationId,
    title: input.title,
    description: input.description,
    category: input.category,
    anonymous: input.anonymous,
    authorEmail: email,
    authorName: caller.name,
    createdAt: now.toISOString(),
    status: 'new',
    plannedFor: null,
    declineReason: null,
    duplicateOf: null,
    mergedFrom: [],
    updatedAt: now.toISOString(),
    history: [{ status: 'new', at: now.toISOString(), iterationId }],
    segment,
    authorKey: voterOf(deps, email),
    searchText: searchTextOf(input.title, input.description),
  });
  return ideaFor(stored, caller, false);
}

export async function storedIdea(deps: TAppDeps, id: string): Promise<TStoredIdea> {
  const stored = await deps.ideas.get(id);
  if (!stored) throw new DomainError('not_found', 'No such idea');
  return stored;
}

/** Merges can chain (A into B, then B into C): a vote follows them, a few steps at most. */
const MAX_MERGE_STEPS = 5;

/** The idea votes for `id` count on: itself, or the idea it was merged into, and so on. */
async function keptIdeaOf(deps: TAppDeps, id: string): Promise<TStoredIdea> {
  let idea = await storedIdea(deps, id);
  for (let step = 0; idea.duplicateOf !== null && step < MAX_MERGE_STEPS; step += 1) {
    idea = await storedIdea(deps, idea.duplicateOf);
  }
  return idea;
}

/** On a duplicate, "voted" tells whether the caller's vote counts on the kept idea. */
export async function getIdea(deps: TAppDeps, caller: TIdentity, id: string): Promise<TIdea> {
  const stored = await storedIdea(deps, id);
  const counted = stored.duplicateOf === null ? stored : await keptIdeaOf(deps, id);
  return ideaFor(
    stored,
    caller,
    await deps.ideas.hasVoted(counted.id, voterOf(deps, caller.email)),
  );
}

/**
 * Votes for an idea, or takes the vote back. On a duplicate both act on the kept idea, where
 * its votes now count: the duplicate's own count and vote items stay as they were at the merge.
 * The vote is tried on the idea asked first (no read before it): refused as merged
 * (`idea_changed`), it follows `duplicateOf`, also for a merge that lands meanwhile.
 */
export async function setVote(
  deps: TAppDeps,
  caller: TIdentity,
  id: string,
  voted: boolean,
): Promise<TIdea> {
  const email = caller.email.toLowerCase();
  const voter = voterOf(deps, email);
  let target = id;
  for (let step = 0; ; step += 1) {
    try {
      if (voted)
        await deps.ideas.vote(target, voter, deps.now(), await voterSegment(deps, target, email));
      else await deps.ideas.unvote(target, voter);
      break;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'idea_changed')) throw error;
      const idea = await storedIdea(deps, target);
      if (idea.duplicateOf === null || step >= MAX_MERGE_STEPS) throw error;
      target = idea.duplicateOf;
    }
  }
  return ideaFor(await storedIdea(deps, id), caller, voted);
}

/**
 * The voter's segment frozen for the idea's iteration while that iteration is open, else null.
 * Involvement counts a vote only for an idea of the iteration it was cast in, before it closed
 * (ADR 0020), so this is the segment it is counted with; the iteration's freeze comes from the
 * per-process cache (open-iterations.ts), so a vote reads one item before its transaction.
 */
async function voterSegment(
  deps: TAppDeps,
  ideaId: string,
  email: string,
): Promise<TSegment | null> {
  const iterationId = Number(ideaKey(ideaId)?.pk.slice('IDEAS#'.length) ?? 0);
  if (iterationId === 0) return null;
  const facts = await deps.openIterations.facts(iterationId);
  if (facts?.state !== 'open' || facts.disclosureFreeze === null) return null;
  return deps.disclosure.segmentOf({ iterationId, freeze: facts.disclosureFreeze }, email);
}

/** The author edits title, description or category while the idea is new or under review. */
export async function editIdea(
  deps: TAppDeps,
  caller: TIdentity,
  id: string,
  edit: TIdeaEdit,
): Promise<TIdea> {
  const stored = await storedIdea(deps, id);
  if (stored.authorEmail !== caller.email.toLowerCase()) {
    throw new DomainError('forbidden', 'Only its author can edit an idea');
  }
  if (!EDITABLE_STATUSES.includes(stored.status)) {
    throw new DomainError(
      'idea_status_refused',
      'Only a new idea or one under review can be edited',
      {
        status: `an idea ${stored.status} cannot be edited`,
      },
    );
  }
  const title = edit.title ?? stored.title;
  const description = edit.description ?? stored.description;
  const updated = await deps.ideas.edit(
    stored,
    {
      title,
      description,
      category: edit.category ?? stored.category,
      searchText: searchTextOf(title, description),
    },
    deps.now(),
  );
  return ideaFor(updated, caller, await deps.ideas.hasVoted(id, voterOf(deps, caller.email)));
}
