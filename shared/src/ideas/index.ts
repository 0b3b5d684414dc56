import * as z from 'zod';
import { decimalParameter, MAX_ITERATION_ID } from '../decimal.js';

/**
 * Improvement ideas members submit each iteration, and their votes. An anonymous idea's author
 * is never part of what the API answers: `author` is null and only `mine` tells the author.
 */
export const ZIdeaCategory = z
  .enum(['feature', 'training', 'animation', 'usage-convention', 'other'])
  .meta({ id: 'IdeaCategory' });
export type TIdeaCategory = z.infer<typeof ZIdeaCategory>;

/**
 * The life of an idea: new → under-review → planned → in-progress → done, or declined (with a
 * reason), or duplicate (merged into another). Transitions are in `transitions.ts`.
 */
export const ZIdeaStatus = z
  .enum(['new', 'under-review', 'planned', 'in-progress', 'done', 'declined', 'duplicate'])
  .meta({ id: 'IdeaStatus' });
export type TIdeaStatus = z.infer<typeof ZIdeaStatus>;

/** One status change; who made it is never recorded. */
export const ZIdeaHistoryEntry = z
  .object({
    status: ZIdeaStatus,
    at: z.string(),
    /** The iteration current when it changed. */
    iterationId: z.number().int().min(0),
  })
  .meta({ id: 'IdeaHistoryEntry' });
export type TIdeaHistoryEntry = z.infer<typeof ZIdeaHistoryEntry>;

export const DECLINE_REASON_MIN = 3;
export const DECLINE_REASON_MAX = 500;

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
  .max(27)
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
    /** The iteration it is planned for, once planned. */
    plannedFor: z.number().int().min(0).nullable(),
    /** Why it was declined, when declined. */
    declineReason: z.string().nullable(),
    /** The kept idea this one was merged into, when a duplicate. */
    duplicateOf: ZIdeaId.nullable(),
    /** Ideas merged into this one. */
    mergedFrom: z.array(ZIdeaId),
    /**
     * The author's team as the disclosure module lets it show (`ideaTeam`): a team of at least
     * k members, "other teams" for a pooled one, null when unknown.
     */
    team: z.string().nullable(),
    /** Last status change or edit. */
    updatedAt: z.string(),
    history: z.array(ZIdeaHistoryEntry),
  })
  .meta({ id: 'Idea' });
export type TIdea = z.infer<typeof ZIdea>;

/** `trending`: votes weighed down by age (see `trendingScore`). */
export const ZIdeaSort = z.enum(['top', 'new', 'trending']).meta({ id: 'IdeaSort' });
export type TIdeaSort = z.infer<typeof ZIdeaSort>;

export const MAX_IDEAS_PER_PAGE = 50;

/** The longest text searched or compared for similar ideas. */
export const MAX_IDEA_QUERY_TEXT = 300;

export const ZIdeasQuery = z.object({
  sort: ZIdeaSort.default('top'),
  cursor: z.string().max(400).optional(),
  limit: decimalParameter(1, MAX_IDEAS_PER_PAGE).default(20),
  /** An iteration id, or `all`; the current iteration when absent. */
  iteration: z
    .union([z.literal('all'), decimalParameter(0, MAX_ITERATION_ID)])
    .optional()
    .meta({ description: 'An iteration id or `all`; the current iteration when absent' }),
  /** Duplicates are hidden unless asked with `status=duplicate`. */
  status: ZIdeaStatus.optional(),
  category: ZIdeaCategory.optional(),
  team: z.string().trim().min(1).max(100).optional(),
  /** Words searched in title and description, accents and case ignored. */
  q: z.string().trim().max(MAX_IDEA_QUERY_TEXT).optional(),
  /** A draft's text: answers up to 5 similar ideas of recent iterations instead of a page. */
  similar: z.string().trim().max(MAX_IDEA_QUERY_TEXT).optional(),
});
export type TIdeasQuery = z.infer<typeof ZIdeasQuery>;

/** The steering group moves an idea on; `duplicate` only comes through a merge. */
export const ZIdeaStatusChange = z
  .object({
    status: ZIdeaStatus.exclude(['duplicate']),
    /** Required for `planned`: an iteration id, the current one or later. */
    plannedFor: z.number().int().min(0).optional(),
    /** Required for `declined`. */
    reason: z.string().trim().max(DECLINE_REASON_MAX).optional(),
  })
  .meta({ id: 'IdeaStatusChange' });
export type TIdeaStatusChange = z.infer<typeof ZIdeaStatusChange>;

export const ZIdeaMerge = z
  .object({
    /** The kept idea. */
    into: ZIdeaId,
  })
  .meta({ id: 'IdeaMerge' });
export type TIdeaMerge = z.infer<typeof ZIdeaMerge>;

/** The author edits while the idea is `new` or `under-review`; absent fields stay. */
export const ZIdeaEdit = ZIdeaInput.pick({ title: true, description: true, category: true })
  .partial()
  .meta({ id: 'IdeaEdit' });
export type TIdeaEdit = z.infer<typeof ZIdeaEdit>;

export const ZIdeaList = z
  .object({
    ideas: z.array(ZIdea),
    /** Pass as `cursor` for the next page; null on the last one. */
    nextCursor: z.string().nullable(),
    /**
     * The caller's own team as ideas show it (`ideaTeam`), for an ambassador's "my team" filter;
     * null for other members, between iterations, or outside the directory.
     */
    myTeam: z.string().nullable(),
  })
  .meta({ id: 'IdeaList' });
export type TIdeaList = z.infer<typeof ZIdeaList>;

export * from './search.js';
export * from './transitions.js';
export * from './trending.js';
export * from './comments.js';
