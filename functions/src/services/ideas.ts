import {
  DomainError,
  searchTextOf,
  type TIdea,
  type TIdeaInput,
  type TIdeaList,
  type TIdeasQuery,
} from '@boucle/shared';
import type { TIdentity } from '../auth/identity.js';
import type { TAppDeps } from '../http/env.js';
import { newIdeaId, type TStoredIdea } from '../repositories/ideas.js';
import { voterKeyOf } from './receipt-key.js';

/** Vote items are keyed by an HMAC of the member, with the secret only the pulse function holds. */
function voterOf(deps: TAppDeps, email: string): string {
  if (!deps.receiptSecret) throw new DomainError('misconfigured', 'Votes need the receipt secret');
  return voterKeyOf(deps.receiptSecret, email);
}

/** What the caller may see of an idea: never an anonymous author, never an email. */
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
    team: null,
    updatedAt: stored.updatedAt,
    history: stored.history,
  };
}

/** Ideas belong to the open iteration, or the latest one between iterations (0 before any). */
async function currentIterationId(deps: TAppDeps): Promise<number> {
  const open = await deps.iterations.openIterationId();
  if (open !== null) return open;
  const all = await deps.iterations.list();
  return all.at(-1)?.id ?? 0;
}

export async function submitIdea(
  deps: TAppDeps,
  caller: TIdentity,
  input: TIdeaInput,
): Promise<TIdea> {
  const now = deps.now();
  const iterationId = await currentIterationId(deps);
  const stored = await deps.ideas.create({
    id: newIdeaId(iterationId, now),
    iterationId,
    title: input.title,
    description: input.description,
    category: input.category,
    anonymous: input.anonymous,
    authorEmail: caller.email.toLowerCase(),
    authorName: caller.name,
    createdAt: now.toISOString(),
    status: 'new',
    plannedFor: null,
    declineReason: null,
    duplicateOf: null,
    mergedFrom: [],
    updatedAt: now.toISOString(),
    history: [{ status: 'new', at: now.toISOString(), iterationId }],
    segment: null,
    authorKey: null,
    searchText: searchTextOf(input.title, input.description),
  });
  return ideaFor(stored, caller, false);
}

export async function listIdeas(
  deps: TAppDeps,
  caller: TIdentity,
  query: TIdeasQuery,
): Promise<TIdeaList> {
  const iterationId = await currentIterationId(deps);
  const page = await deps.ideas.page(iterationId, query.sort, query.limit, query.cursor);
  const voted =
    page.ideas.length > 0
      ? await deps.ideas.votedAmong(
          page.ideas.map((idea) => idea.id),
          voterOf(deps, caller.email),
        )
      : new Set<string>();
  return {
    ideas: page.ideas.map((idea) => ideaFor(idea, caller, voted.has(idea.id))),
    nextCursor: page.nextCursor,
  };
}

export async function getIdea(deps: TAppDeps, caller: TIdentity, id: string): Promise<TIdea> {
  const stored = await deps.ideas.get(id);
  if (!stored) throw new DomainError('not_found', 'No such idea');
  return ideaFor(stored, caller, await deps.ideas.hasVoted(id, voterOf(deps, caller.email)));
}

export async function setVote(
  deps: TAppDeps,
  caller: TIdentity,
  id: string,
  voted: boolean,
): Promise<TIdea> {
  const voter = voterOf(deps, caller.email);
  if (voted) await deps.ideas.vote(id, voter, deps.now());
  else await deps.ideas.unvote(id, voter, deps.now());
  const stored = await deps.ideas.get(id);
  if (!stored) throw new DomainError('not_found', 'No such idea');
  return ideaFor(stored, caller, voted);
}
