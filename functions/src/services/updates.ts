import {
  DomainError,
  fatesOf,
  linkedIdeaIds,
  unseenCount,
  type TIdea,
  type TPublishedReview,
  type TReviewIdea,
  type TUpdates,
  type TUpdatesSeen,
} from '@boucle/shared';
import type { TIdentity } from '../auth/identity.js';
import type { TAppDeps } from '../http/env.js';
import { ideaFor } from './ideas.js';
import { voterKeyOf } from './receipt-key.js';

/** Votes and visits are keyed by the member's HMAC, made with the pulse function's secret. */
function memberKeyOf(deps: TAppDeps, email: string): string {
  if (!deps.receiptSecret)
    throw new DomainError('misconfigured', 'Updates need the receipt secret');
  return voterKeyOf(deps.receiptSecret, email);
}

/**
 * How far back "my ideas and votes" reads: the current iteration and the two before it, at most
 * this many pages of 50 ideas each (the newest first). Ideas older than that, or beyond the
 * first 200 of a busy iteration, are not followed here; the ideas board still shows them.
 */
export const UPDATES_ITERATIONS = 3;
export const UPDATES_PAGES_PER_ITERATION = 4;
const PAGE_SIZE = 50;

/** The current iteration: the open one, else the latest (0 before any). */
async function currentIterationId(deps: TAppDeps): Promise<number> {
  const open = await deps.iterations.openIterationId();
  if (open !== null) return open;
  return (await deps.iterations.list()).at(-1)?.id ?? 0;
}

/** One iteration's ideas as the caller sees them (author hidden, `voted` the caller's own). */
async function ideasOf(
  deps: TAppDeps,
  caller: TIdentity,
  voter: string,
  iterationId: number,
): Promise<TIdea[]> {
  const ideas: TIdea[] = [];
  let cursor: string | undefined;
  for (let read = 0; read < UPDATES_PAGES_PER_ITERATION; read += 1) {
    const page = await deps.ideas.page(iterationId, 'new', PAGE_SIZE, cursor);
    const voted =
      page.ideas.length > 0
        ? await deps.ideas.votedAmong(
            page.ideas.map((idea) => idea.id),
            voter,
          )
        : new Set<string>();
    ideas.push(...page.ideas.map((idea) => ideaFor(idea, caller, voted.has(idea.id))));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ideas;
}

/** At most this many linked ideas get their title read: a review links far fewer in practice. */
export const MAX_REVIEW_IDEAS_READ = 40;

/** The linked ideas' current titles; an idea gone or unknown is left out (the review still reads). */
async function titlesOf(deps: TAppDeps, review: TPublishedReview | null): Promise<TReviewIdea[]> {
  if (!review) return [];
  const ids = linkedIdeaIds(review.content).slice(0, MAX_REVIEW_IDEAS_READ);
  const found = await Promise.all(ids.map((id) => deps.ideas.get(id)));
  return found.flatMap((idea) => (idea ? [{ id: idea.id, title: idea.title }] : []));
}

export async function updatesOf(deps: TAppDeps, caller: TIdentity): Promise<TUpdates> {
  const voter = memberKeyOf(deps, caller.email);
  const current = await currentIterationId(deps);
  const iterationIds = Array.from({ length: UPDATES_ITERATIONS }, (_, back) => current - back);
  const [review, lastVisit, ...perIteration] = await Promise.all([
    deps.reviews.latestPublished(),
    deps.visits.lastVisit(voter),
    ...iterationIds
      .filter((id) => id >= 0)
      .map((iterationId) => ideasOf(deps, caller, voter, iterationId)),
  ]);
  const fates = fatesOf(perIteration.flat());
  const [revisions, reviewIdeas] = await Promise.all([
    review ? deps.reviews.revisionsOf(review.iterationId) : [],
    titlesOf(deps, review),
  ]);
  return {
    review,
    reviewIdeas,
    currentIterationId: current > 0 ? current : null,
    ideas: fates,
    lastVisit,
    unseen: unseenCount(
      revisions,
      fates.map((fate) => fate.idea),
      lastVisit,
    ),
  };
}

export async function markUpdatesSeen(deps: TAppDeps, caller: TIdentity): Promise<TUpdatesSeen> {
  const now = deps.now();
  await deps.visits.record(memberKeyOf(deps, caller.email), now);
  return { lastVisit: now.toISOString() };
}
