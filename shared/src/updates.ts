import * as z from 'zod';
import { ZIdea } from './ideas/index.js';
import { ZPublishedReview, ZReviewIdea } from './review/index.js';

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
