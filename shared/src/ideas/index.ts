import { z } from 'zod';

/**
 * Improvement ideas members submit each iteration, and their votes. An anonymous idea's author
 * is never part of what the API answers: `author` is null and only `mine` tells the author.
 */
export const ZIdeaCategory = z
  .enum(['feature', 'training', 'animation', 'usage-convention', 'other'])
  .meta({ id: 'IdeaCategory' });
export type TIdeaCategory = z.infer<typeof ZIdeaCategory>;

/** Only `new` in this slice; triage adds the later states. */
export const ZIdeaStatus = z.enum(['new']).meta({ id: 'IdeaStatus' });
export type TIdeaStatus = z.infer<typeof ZIdeaStatus>;

export const ZIdeaInput = z
  .object({
    title: z.string().trim().min(1).max(120),
    description: z.string().trim().max(2000),
    category: ZIdeaCategory,
    anonymous: z.boolean(),
  })
  .meta({ id: 'IdeaInput' });
export type TIdeaInput = z.infer<typeof ZIdeaInput>;

/** Opaque to clients; the iteration and a time-ordered part, so the key is found from the id. */
export const ZIdeaId = z
  .string()
  .regex(/^[0-9]{6}-[0-9a-z]{10,20}$/)
  .meta({ id: 'IdeaId' });

export const ZIdea = z
  .object({
    id: ZIdeaId,
    title: z.string(),
    description: z.string(),
    category: ZIdeaCategory,
    status: ZIdeaStatus,
    votes: z.number().int().min(0),
    comments: z.number().int().min(0),
    createdAt: z.string(),
    iterationId: z.number().int().min(0),
    /** Null when the author chose to stay anonymous. */
    author: z.object({ name: z.string() }).nullable(),
    /** The caller submitted it. */
    mine: z.boolean(),
    /** The caller voted for it. */
    voted: z.boolean(),
  })
  .meta({ id: 'Idea' });
export type TIdea = z.infer<typeof ZIdea>;

export const ZIdeaSort = z.enum(['top', 'new']).meta({ id: 'IdeaSort' });
export type TIdeaSort = z.infer<typeof ZIdeaSort>;

export const MAX_IDEAS_PER_PAGE = 50;

export const ZIdeasQuery = z.object({
  sort: ZIdeaSort.default('top'),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_IDEAS_PER_PAGE).default(20),
});
export type TIdeasQuery = z.infer<typeof ZIdeasQuery>;

export const ZIdeaList = z
  .object({
    ideas: z.array(ZIdea),
    /** Pass as `cursor` for the next page; null on the last one. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'IdeaList' });
export type TIdeaList = z.infer<typeof ZIdeaList>;
export * from './comments.js';
