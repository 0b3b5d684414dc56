import * as z from 'zod';
import { ZIdea, type TIdea } from './ideas/index.js';
import { ZPublishedReview, ZReviewIdea, type TPublishedReview } from './review/index.js';

/**
 * "You said, we did" for one member: the latest published review, and what became of every idea
 * they submitted or voted for lately. `unseen` is what changed since their last visit, for the
 * badge: review revisions published, and ideas whose status moved.
 */

export const ZIdeaRelation = z.enum(['authored', 'voted', 'both']).meta({ id: 'IdeaRelation' });
export type TIdeaRelation = z.infer<typeof ZIdeaRelation>;

export const ZIdeaFate = z
  .object({
    idea: ZIdea,
    relation: ZIdeaRelation,
    /** The idea's last status change; its submission while still new. */
    changedAt: z.string(),
  })
  .meta({ id: 'IdeaFate' });
export type TIdeaFate = z.infer<typeof ZIdeaFate>;

export const ZUpdates = z
  .object({
    review: ZPublishedReview.nullable(),
    /** The titles of the ideas the review links to, as they read now. */
    reviewIdeas: z.array(ZReviewIdea),
    /** The iteration the review's actions are late against: the open one, else the latest. */
    currentIterationId: z.number().int().positive().nullable(),
    /** Most recently changed first. */
    ideas: z.array(ZIdeaFate),
    lastVisit: z.string().nullable(),
    unseen: z.number().int().min(0),
  })
  .meta({ id: 'Updates' });
export type TUpdates = z.infer<typeof ZUpdates>;

export const ZUpdatesSeen = z.object({ lastVisit: z.string() }).meta({ id: 'UpdatesSeen' });
export type TUpdatesSeen = z.infer<typeof ZUpdatesSeen>;

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
