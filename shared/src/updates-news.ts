// Schema-free, so the web's pulse page tells whether the review is news without loading zod.
import type { TIdea } from './ideas/index.js';
import type { TPublishedReview } from './review/index.js';
import type { TIdeaFate, TUpdates } from './updates.js';

/** The idea's last status change after its submission; null while it has not moved. */
export function statusChangedAt(idea: TIdea): string | null {
  const moves = idea.history.slice(1);
  return moves.at(-1)?.at ?? null;
}

/** The member's own ideas and those they voted for, most recently changed first. */
export function fatesOf(ideas: readonly TIdea[]): TIdeaFate[] {
  const fates: TIdeaFate[] = [];
  for (const idea of ideas) {
    if (!idea.mine && !idea.voted) continue;
    const relation = idea.mine && idea.voted ? 'both' : idea.mine ? 'authored' : 'voted';
    fates.push({ idea, relation, changedAt: statusChangedAt(idea) ?? idea.createdAt });
  }
  return fates.sort((a, b) => b.changedAt.localeCompare(a.changedAt));
}

/**
 * What the member has not seen: revisions published and ideas whose status moved after their
 * last visit (everything, before the first). A member's own submission is not news to them.
 */
/** Whether something dated `at` happened after the last visit (everything did, before the first). */
export function changedSince(at: string | null, lastVisit: string | null): boolean {
  return at !== null && (lastVisit === null || at > lastVisit);
}

export function unseenCount(
  revisions: readonly Pick<TPublishedReview, 'publishedAt'>[],
  ideas: readonly TIdea[],
  lastVisit: string | null,
): number {
  const after = (at: string | null) => changedSince(at, lastVisit);
  return (
    revisions.filter((revision) => after(revision.publishedAt)).length +
    ideas.filter((idea) => after(statusChangedAt(idea))).length
  );
}

/** On the pulse, the review comes first when it was published since the member last looked. */
export function reviewIsNews(updates: Pick<TUpdates, 'review' | 'lastVisit'>): boolean {
  return changedSince(updates.review?.publishedAt ?? null, updates.lastVisit);
}
