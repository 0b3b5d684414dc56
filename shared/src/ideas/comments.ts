import * as z from 'zod';
import { decimalParameter } from '../decimal.js';

/**
 * Members' comments on ideas ("idea comments", not the pulse's free-text comments) and their
 * moderation. An anonymous comment's author is never answered, not even to moderators; a hidden
 * comment keeps its text for the moderation queue, and the idea's page shows only the reason.
 */

export const IDEA_COMMENT_MAX_LENGTH = 1000;

export const ZIdeaCommentInput = z
  .object({
    text: z.string().trim().min(1).max(IDEA_COMMENT_MAX_LENGTH),
    anonymous: z.boolean(),
  })
  .meta({ id: 'IdeaCommentInput' });
export type TIdeaCommentInput = z.infer<typeof ZIdeaCommentInput>;

/** The idea's id, then a fixed-width time and a random tail: the id alone gives the idea. */
export const ZIdeaCommentId = z
  .string()
  .max(45)
  .regex(/^[0-9]{6}-[0-9a-z]{10,20}_[0-9a-z]{17}$/)
  .meta({ id: 'IdeaCommentId' });

/** The idea a comment id belongs to, or null for an id no comment ever had. */
export function ideaIdOfComment(commentId: string): string | null {
  return ZIdeaCommentId.safeParse(commentId).success ? (commentId.split('_')[0] ?? null) : null;
}

export const ZIdeaCommentHide = z
  .object({ reason: z.string().trim().min(3).max(300) })
  .meta({ id: 'IdeaCommentHideInput' });
export type TIdeaCommentHide = z.infer<typeof ZIdeaCommentHide>;

const ZAuthor = z.object({ name: z.string() }).nullable();

/** A comment as members read it under its idea. */
export const ZIdeaComment = z
  .object({
    id: ZIdeaCommentId,
    /** Null once hidden, for everyone, the author included. */
    text: z.string().nullable(),
    /** Null when anonymous, and once hidden. */
    author: ZAuthor,
    /** The caller wrote it. */
    mine: z.boolean(),
    createdAt: z.string(),
    hidden: z.object({ reason: z.string(), at: z.string() }).nullable(),
  })
  .meta({ id: 'IdeaComment' });
export type TIdeaComment = z.infer<typeof ZIdeaComment>;

export const MAX_IDEA_COMMENTS_PER_PAGE = 50;

const ZCursor = z.string().max(400).optional();
const ZLimit = decimalParameter(1, MAX_IDEA_COMMENTS_PER_PAGE).default(20);

export const ZIdeaCommentsQuery = z.object({ cursor: ZCursor, limit: ZLimit });
export type TIdeaCommentsQuery = z.infer<typeof ZIdeaCommentsQuery>;

export const ZIdeaCommentList = z
  .object({
    comments: z.array(ZIdeaComment),
    /** Pass as `cursor` for the next page; null on the last one. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'IdeaCommentList' });
export type TIdeaCommentList = z.infer<typeof ZIdeaCommentList>;

export const ZModerationState = z
  .enum(['visible', 'hidden', 'all'])
  .meta({ id: 'ModerationState' });
export type TModerationState = z.infer<typeof ZModerationState>;

/** A comment as moderators judge it: its text always, an anonymous author never. */
export const ZModeratedComment = z
  .object({
    id: ZIdeaCommentId,
    ideaId: z.string(),
    text: z.string(),
    author: ZAuthor,
    createdAt: z.string(),
    /** The audit of the hide: why, when, by whom. */
    hidden: z
      .object({ reason: z.string(), at: z.string(), by: z.object({ name: z.string() }) })
      .nullable(),
  })
  .meta({ id: 'ModeratedComment' });
export type TModeratedComment = z.infer<typeof ZModeratedComment>;

export const ZModerationQuery = z.object({
  state: ZModerationState.default('visible'),
  cursor: ZCursor,
  limit: ZLimit,
});
export type TModerationQuery = z.infer<typeof ZModerationQuery>;

export const ZModerationQueue = z
  .object({
    comments: z.array(ZModeratedComment),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ModerationQueue' });
export type TModerationQueue = z.infer<typeof ZModerationQueue>;

/**
 * The queue's cursor is the position of the last comment shown (`<createdAt>#<id>`): the same
 * for every state, so "all" pages by merging the visible and the hidden lists at that position.
 */
const POSITION = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{12}Z#[0-9]{6}-[0-9a-z]{10,20}_[0-9a-z]{17}$/;

export const queuePositionOf = (comment: { createdAt: string; id: string }): string =>
  `${comment.createdAt}#${comment.id}`;

export const isQueuePosition = (cursor: string): boolean => POSITION.test(cursor);

/**
 * The newest `limit` of several lists each sorted newest first by position, and whether more
 * remain: the "all" state's page, merged from one page of each state.
 */
export function newestOf<T>(
  lists: readonly (readonly T[])[],
  positionOf: (item: T) => string,
  limit: number,
): { page: T[]; more: boolean } {
  const merged = lists.flat().sort((a, b) => (positionOf(a) < positionOf(b) ? 1 : -1));
  return { page: merged.slice(0, limit), more: merged.length > limit };
}

/** What the table holds of a comment that answers may use; email and name only to tell `mine`. */
export type TIdeaCommentRecord = {
  id: string;
  ideaId: string;
  text: string;
  anonymous: boolean;
  authorEmail: string;
  authorName: string;
  createdAt: string;
  hidden: { reason: string; at: string; byName: string } | null;
};

const authorOf = (record: TIdeaCommentRecord) =>
  record.anonymous ? null : { name: record.authorName };

/** A comment under its idea: a hidden one says why, never what or who; never an email. */
export function ideaCommentFor(record: TIdeaCommentRecord, callerEmail: string): TIdeaComment {
  const { hidden } = record;
  return {
    id: record.id,
    text: hidden ? null : record.text,
    author: hidden ? null : authorOf(record),
    mine: record.authorEmail === callerEmail.toLowerCase(),
    createdAt: record.createdAt,
    hidden: hidden ? { reason: hidden.reason, at: hidden.at } : null,
  };
}

/** A comment in the moderation queue: the text to judge, the hide's audit, no anonymous author. */
export function moderatedCommentFor(record: TIdeaCommentRecord): TModeratedComment {
  const { hidden } = record;
  return {
    id: record.id,
    ideaId: record.ideaId,
    text: record.text,
    author: authorOf(record),
    createdAt: record.createdAt,
    hidden: hidden ? { reason: hidden.reason, at: hidden.at, by: { name: hidden.byName } } : null,
  };
}
