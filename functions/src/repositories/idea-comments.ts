/**
 * Idea comments repository: members' comments on ideas, their hiding by moderators, and the
 * audit of every hide. (The pulse's free-text comments are another thing: responses.ts.)
 *
 * | access pattern                  | key                                                           | operation          |
 * |---------------------------------|---------------------------------------------------------------|--------------------|
 * | an idea's comments, oldest first| pk=`IDEA-COMMENTS#<idea id>`, sk > `COMMENT#<cursor id>`      | Query (a page)     |
 * | all of an idea's (involvement)  | pk=`IDEA-COMMENTS#<idea id>`, sk begins `COMMENT#`            | Query (pages)      |
 * | comment by id (id holds idea)   | pk=`IDEA-COMMENTS#<idea id>`, sk=`COMMENT#<comment id>`       | Get                |
 * | comment                         | comment `attribute_not_exists` + idea `ADD comments 1`        | TransactWrite      |
 * | hide, audited                   | comment `SET hidden` if not hidden + audit entry Put          | TransactWrite      |
 * | queue: one state, newest first  | index `moderation`: queuePk=`IDEA-COMMENT-QUEUE#<state>`, queueSk < cursor, desc. | Query (a page) |
 * | queue: all, newest first        | the same on both states, merged at the cursor's position      | 2 × Query          |
 * | audit entry                     | pk=`IDEA-COMMENT-AUDIT`, sk=`<at>#<comment id>`               | Put (never updated)|
 *
 * A comment and its idea's count change in one transaction whose comment Put is conditional,
 * retried with jitter when it collides with another member's comment on the same idea, so the
 * count stays exact. A hide moves the comment from the `visible` to the `hidden` queue partition
 * (`queueSk` is `<createdAt>#<id>` in both, so "all" merges them by one position) and writes
 * its audit entry in the same transaction; the text is never deleted. The author's email, HMAC
 * key and frozen disclosure segment are stored for `mine` and later involvement figures; the
 * service never returns them.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  ideaIdOfComment,
  isQueuePosition,
  newestOf,
  queuePositionOf,
  ZSegment,
  type TIdeaCommentRecord,
  type TModerationState,
  type TSegment,
} from '@boucle/shared';
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ideaKey } from './ideas.js';
import { queryItems } from './query-items.js';
import { DEFAULT_RETRY, retryWithJitter, type TRetryOptions } from './retry.js';
import type { TTableRef } from './table.js';

/** A comment as stored: who wrote it is here, for the service to hide. */
export type TStoredIdeaComment = TIdeaCommentRecord & {
  /** HMAC of the author (`voterKeyOf`): counts a member's comments without their email. */
  authorKey: string;
  /** The author's disclosure segment frozen for that iteration, for involvement by group. */
  segment: TSegment;
  segmentIterationId: number | null;
};

const ZStoredHidden = z.object({
  reason: z.string(),
  at: z.string(),
  byName: z.string(),
});

const ZStoredIdeaComment = z.object({
  id: z.string(),
  ideaId: z.string(),
  text: z.string(),
  anonymous: z.boolean(),
  authorEmail: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  hidden: ZStoredHidden.optional().transform((hidden) => hidden ?? null),
  authorKey: z.string(),
  segment: ZSegment,
  segmentIterationId: z.number().nullable(),
});

export type TModerator = { email: string; name: string };

const QUEUE = { visible: 'IDEA-COMMENT-QUEUE#visible', hidden: 'IDEA-COMMENT-QUEUE#hidden' };
const AUDIT_PK = 'IDEA-COMMENT-AUDIT';

const partitionOf = (ideaId: string) => `IDEA-COMMENTS#${ideaId}`;

/** The key of a comment, from its id; null for an id this repository never made. */
export function ideaCommentKey(id: string): { pk: string; sk: string } | null {
  const ideaId = ideaIdOfComment(id);
  return ideaId ? { pk: partitionOf(ideaId), sk: `COMMENT#${id}` } : null;
}

/** The idea's id, then milliseconds in base 36 (fixed width, so it sorts), then a random tail. */
export function newIdeaCommentId(ideaId: string, now: Date): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  const tail = BigInt(`0x${randomBytes(5).toString('hex')}`)
    .toString(36)
    .padStart(8, '0');
  return `${ideaId}_${time}${tail}`;
}

const badCursor = () =>
  new DomainError('invalid_input', 'Unknown cursor', { cursor: 'not a cursor of this list' });

const isConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

const failedCondition = (error: unknown, index: number): boolean =>
  error instanceof TransactionCanceledException &&
  error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';

export type TIdeaCommentPage = { comments: TStoredIdeaComment[]; nextCursor: string | null };

export class IdeaCommentsRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
    private readonly retry: TRetryOptions = DEFAULT_RETRY,
  ) {}

  /** Stores the comment and counts it on its idea, together. Unknown idea: not_found. */
  async create(comment: Omit<TStoredIdeaComment, 'hidden'>): Promise<TStoredIdeaComment> {
    const key = ideaCommentKey(comment.id);
    const idea = ideaKey(comment.ideaId);
    if (!key || !idea || ideaIdOfComment(comment.id) !== comment.ideaId) {
      throw new Error(`Not a comment id of idea ${comment.ideaId}: ${comment.id}`);
    }
    const transaction = new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.table.tableName,
            Item: {
              ...key,
              queuePk: QUEUE.visible,
              queueSk: queuePositionOf(comment),
              ...comment,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: this.table.tableName,
            Key: idea,
            UpdateExpression: 'ADD comments :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
    });
    try {
      await retryWithJitter(() => this.documents.send(transaction), isConflict, this.retry);
    } catch (error) {
      if (failedCondition(error, 1)) throw new DomainError('not_found', 'No such idea');
      if (failedCondition(error, 0)) throw new DomainError('internal', 'Two comments drew one id');
      throw error;
    }
    return { ...comment, hidden: null };
  }

  async get(id: string): Promise<TStoredIdeaComment | null> {
    const key = ideaCommentKey(id);
    if (!key) return null;
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }),
    );
    return Item ? ZStoredIdeaComment.parse(Item) : null;
  }

  /** An idea's comments oldest first, after the cursor (the last comment id of a page). */
  async page(ideaId: string, limit: number, cursor: string | undefined): Promise<TIdeaCommentPage> {
    if (cursor !== undefined && ideaIdOfComment(cursor) !== ideaId) throw badCursor();
    const after = cursor === undefined ? 'COMMENT#' : `COMMENT#${cursor}`;
    // One more than shown: whether it exists tells if there is a next page.
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :partition AND sk > :after',
        ExpressionAttributeValues: { ':partition': partitionOf(ideaId), ':after': after },
        Limit: limit + 1,
      }),
    );
    const comments = Items.slice(0, limit).map((item) => ZStoredIdeaComment.parse(item));
    return {
      comments,
      nextCursor: Items.length > limit ? (comments.at(-1)?.id ?? null) : null,
    };
  }

  /** Every comment of an idea, hidden ones too (involvement counts what members wrote). */
  async allOf(ideaId: string): Promise<TStoredIdeaComment[]> {
    const comments: TStoredIdeaComment[] = [];
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :partition AND begins_with(sk, :comment)',
      ExpressionAttributeValues: { ':partition': partitionOf(ideaId), ':comment': 'COMMENT#' },
    })) {
      comments.push(ZStoredIdeaComment.parse(item));
    }
    return comments;
  }

  /** Newest first across ideas, in one state or both, before the cursor's position. */
  async queue(
    state: TModerationState,
    limit: number,
    cursor: string | undefined,
  ): Promise<TIdeaCommentPage> {
    if (cursor !== undefined && !isQueuePosition(cursor)) throw badCursor();
    const states = state === 'all' ? (['visible', 'hidden'] as const) : [state];
    const lists = await Promise.all(
      states.map((one) => this.queuePart(QUEUE[one], limit + 1, cursor)),
    );
    const { page, more } = newestOf(lists, queuePositionOf, limit);
    const last = page.at(-1);
    return { comments: page, nextCursor: more && last ? queuePositionOf(last) : null };
  }

  private async queuePart(queuePk: string, limit: number, before: string | undefined) {
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: 'moderation',
        KeyConditionExpression:
          before === undefined ? 'queuePk = :queue' : 'queuePk = :queue AND queueSk < :before',
        ExpressionAttributeValues: {
          ':queue': queuePk,
          ...(before === undefined ? {} : { ':before': before }),
        },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => ZStoredIdeaComment.parse(item));
  }

  /**
   * Hides the comment (its text stays) and writes the audit entry, together. Unknown comment:
   * not_found; already hidden, even by a moderator a moment before: comment_already_hidden, and
   * nothing is written (comments are never deleted, so a failed condition means hidden).
   */
  async hide(id: string, reason: string, by: TModerator, now: Date): Promise<TStoredIdeaComment> {
    const found = await this.get(id);
    const key = ideaCommentKey(id);
    if (!found || !key) throw new DomainError('not_found', 'No such comment');
    const alreadyHidden = new DomainError(
      'comment_already_hidden',
      'This comment is already hidden',
    );
    if (found.hidden) throw alreadyHidden;
    const at = now.toISOString();
    const hidden = { reason, at, byName: by.name, byEmail: by.email };
    const transaction = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.table.tableName,
            Key: key,
            // HIDDEN is a reserved word of DynamoDB expressions.
            UpdateExpression: 'SET #hidden = :hidden, queuePk = :queue',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#hidden)',
            ExpressionAttributeNames: { '#hidden': 'hidden' },
            ExpressionAttributeValues: { ':hidden': hidden, ':queue': QUEUE.hidden },
          },
        },
        {
          Put: {
            TableName: this.table.tableName,
            Item: {
              pk: AUDIT_PK,
              sk: `${at}#${id}`,
              action: 'hide',
              commentId: id,
              ideaId: found.ideaId,
              ...hidden,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    });
    try {
      // Two moderators at once: the one retried after the conflict finds it hidden.
      await retryWithJitter(() => this.documents.send(transaction), isConflict, this.retry);
    } catch (error) {
      if (failedCondition(error, 0)) throw alreadyHidden;
      throw error;
    }
    return { ...found, hidden: { reason, at, byName: by.name } };
  }
}
