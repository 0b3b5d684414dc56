import * as z from 'zod';
import { toCsv } from './csv.js';
import { decimalParameter } from './decimal.js';
import type { TCommentsDisclosure } from './disclosure/comments.js';
import { DomainError } from './errors.js';
import { ZSegmentDimension, type TSegmentDimension } from './segment.js';
import { termsOf, themesOf } from './themes.js';

export const MAX_COMMENTS_PER_PAGE = 100;
export const DEFAULT_COMMENTS_PER_PAGE = 20;

export const ZCommentLabel = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('group'), value: z.string() }),
    z.object({ kind: z.literal('other groups') }),
  ])
  .meta({ id: 'CommentLabel' });

/** One comment as shown: its text and, with a breakdown, its group — nothing else of its response. */
export const ZComment = z
  .object({ text: z.string(), label: ZCommentLabel.nullable() })
  .meta({ id: 'Comment' });
export type TComment = z.infer<typeof ZComment>;

export const ZTheme = z
  .object({ term: z.string(), comments: z.number().int().positive() })
  .meta({ id: 'Theme' });

/** Why an iteration that closed shows no comments (the page explains each). */
export const ZCommentsWithheldReason = z
  .enum(['late_answers_unattributable', 'too_few_respondents'])
  .meta({ id: 'CommentsWithheldReason' });
export type TCommentsWithheldReason = z.infer<typeof ZCommentsWithheldReason>;

export const ZCommentsQuery = z.object({
  by: ZSegmentDimension.optional(),
  q: z.string().trim().max(100).optional(),
  theme: z.string().trim().max(50).optional(),
  // Checked with the query, before anything is read or made (a release): a bad one changes nothing.
  cursor: z.string().max(40).refine(isCommentsCursor, 'not a cursor of this list').optional(),
  limit: decimalParameter(1, MAX_COMMENTS_PER_PAGE).default(DEFAULT_COMMENTS_PER_PAGE),
});
export type TCommentsQuery = z.infer<typeof ZCommentsQuery>;

/** A page of the comments of a closed iteration, with its themes and how many match. */
export const ZComments = z
  .object({
    iterationId: z.number().int().positive(),
    by: ZSegmentDimension.nullable(),
    /** Fewest respondents a group needs for its comments to be shown. */
    commentK: z.number().int().positive(),
    /** Null when the comments are shown. */
    withheldReason: ZCommentsWithheldReason.nullable(),
    /** Comments matching `q` and `theme`, over all pages. */
    total: z.number().int().nonnegative(),
    /** With a breakdown: comments labelled in another breakdown instead (one label each). */
    labelledElsewhere: z.number().int().nonnegative(),
    /** Over every comment of this view, whatever `q`, `theme` and the page. */
    themes: z.array(ZTheme),
    comments: z.array(ZComment),
    /** Pass as `cursor` for the next page; null on the last one. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'Comments' });
export type TComments = z.infer<typeof ZComments>;

/** Lowercase without accents: search ignores both. */
export const foldForSearch = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');

const cursorOf = (offset: number): string => btoa(`comments:${offset}`).replace(/=+$/, '');

const CURSOR = /^comments:(\d{1,6})$/;

/** The text a cursor encodes, or '' for one that is not base64 (e.g. `0`: a lone sixth of a byte). */
function decodedCursor(cursor: string): string {
  if (!/^[A-Za-z0-9+/]+$/.test(cursor)) return '';
  try {
    return atob(cursor.padEnd(Math.ceil(cursor.length / 4) * 4, '='));
  } catch {
    return '';
  }
}

function isCommentsCursor(cursor: string): boolean {
  return CURSOR.test(decodedCursor(cursor));
}

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = CURSOR.exec(decodedCursor(cursor));
  if (!match) {
    throw new DomainError('invalid_input', 'Unknown cursor', {
      cursor: 'not a cursor of this list',
    });
  }
  return Number(match[1]);
}

export type TCommentsView = {
  iterationId: number;
  by: TSegmentDimension | null;
  commentK: number;
  disclosure: TCommentsDisclosure;
};

/** The comments matching `q` (case and accents ignored) and `theme`, all pages. */
export function matchingComments(
  disclosure: TCommentsDisclosure,
  filter: Pick<TCommentsQuery, 'q' | 'theme'>,
): TComment[] {
  if (!disclosure.shown) return [];
  const needle = filter.q ? foldForSearch(filter.q) : null;
  const theme = filter.theme ? filter.theme.toLocaleLowerCase('fr') : null;
  return disclosure.comments.filter(
    ({ text }) =>
      (needle === null || foldForSearch(text).includes(needle)) &&
      (theme === null || termsOf(text).has(theme)),
  );
}

/** One page of the comments a view may show, its themes and total. */
export function commentsPage(view: TCommentsView, query: TCommentsQuery): TComments {
  const { iterationId, by, commentK, disclosure } = view;
  const matching = matchingComments(disclosure, query);
  const offset = offsetOf(query.cursor);
  const end = offset + query.limit;
  return {
    iterationId,
    by,
    commentK,
    withheldReason: disclosure.shown ? null : disclosure.reason,
    total: matching.length,
    labelledElsewhere: disclosure.shown ? disclosure.labelledElsewhere : 0,
    themes: disclosure.shown ? themesOf(disclosure.comments.map(({ text }) => text)) : [],
    comments: matching.slice(offset, end),
    nextCursor: end < matching.length ? cursorOf(end) : null,
  };
}

/** Every matching comment as CSV (group label if any, text), written by `toCsv`. */
export function commentsCsv(
  view: TCommentsView,
  filter: Pick<TCommentsQuery, 'q' | 'theme'>,
): string {
  const label = ({ label }: TComment) =>
    label === null ? '' : label.kind === 'group' ? label.value : 'other groups';
  return toCsv(
    ['iteration', 'breakdown', 'group', 'comment'],
    matchingComments(view.disclosure, filter).map((comment) => [
      view.iterationId,
      view.by ?? '',
      label(comment),
      comment.text,
    ]),
  );
}
