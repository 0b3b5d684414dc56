/**
 * Ideas repository: members' improvement ideas and their votes.
 *
 * | access pattern                 | key                                                 | operation          |
 * |--------------------------------|-----------------------------------------------------|--------------------|
 * | idea by id                     | pk=`IDEAS#<000001>`, sk=`IDEA#<id>` (id holds both) | Get                |
 * | submit                         | same, `attribute_not_exists`                        | Put                |
 * | an iteration's newest first    | pk=`IDEAS#<000001>`, sk begins `IDEA#`, descending  | Query (a page)     |
 * | an iteration's most voted      | index `top`: topPk=`IDEAS#<000001>`, votes desc.    | Query (a page)     |
 * | did this member vote           | pk=`VOTE#<id>`, sk=`<hmac(member)>`                 | Get / BatchGet     |
 * | vote                           | vote `attribute_not_exists` + idea `ADD votes 1`    | TransactWrite      |
 * | take a vote back               | vote `attribute_exists` + idea `ADD votes -1`       | TransactWrite      |
 * | filtered / trending / all      | every idea of the iterations, up to `MAX_IDEAS_READ`| Query (pages)      |
 * | change status, edit            | idea, conditional on the status read                | Update             |
 * | merge                          | merged → duplicate + kept `mergedFrom`, both cond.  | TransactWrite      |
 * | move a merged idea's votes     | pk=`VOTE#<merged>` read; each copied as a vote      | Query + TransactW. |
 * | votes cast (involvement)       | pk=`VOTE#<id>`, copies (`movedFrom`) left out       | Query (pages)      |
 *
 * Votes (and their moves) are conditional on the idea not being a duplicate: once a merge has
 * flipped the idea, a late vote fails and the service sends it to the kept idea, so the votes
 * moved after the flip are all there will ever be. Status changes and edits are conditional on
 * the status the caller read: a concurrent change is refused (`idea_changed`), never lost.
 *
 * The vote item and the count change in one transaction whose vote item is conditional, so a
 * member's vote counts exactly once however often they click; a transaction that collides with
 * another member's on the same idea is retried with jitter, never refused. An idea id starts
 * with its iteration and a time-ordered part, so the sort key orders ideas newest last. The
 * author's email stays on the idea item to tell `mine`; the service never returns it.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type NativeAttributeValue,
} from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  ZIdeaCategory,
  ZIdeaHistoryEntry,
  ZIdeaStatus,
  ZSegment,
  searchTextOf,
  type TIdeaCategory,
  type TIdeaHistoryEntry,
  type TIdeaSort,
  type TIdeaStatus,
  type TIdeaStatusState,
  type TSegment,
} from '@boucle/shared';
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { refusedUnlessWritten } from './conditional-write.js';
import { queryItems } from './query-items.js';
import { DEFAULT_RETRY, retryWithJitter, type TRetryOptions } from './retry.js';
import type { TTableRef } from './table.js';

/** An idea as stored: the author's email and name are here, for the service to hide. */
export type TStoredIdea = {
  id: string;
  iterationId: number;
  title: string;
  description: string;
  category: TIdeaCategory;
  anonymous: boolean;
  authorEmail: string;
  authorName: string;
  votes: number;
  /** Added by the comments' transactions; 0 until the first one. */
  comments: number;
  createdAt: string;
  status: TIdeaStatus;
  plannedFor: number | null;
  declineReason: string | null;
  duplicateOf: string | null;
  mergedFrom: string[];
  updatedAt: string;
  history: TIdeaHistoryEntry[];
  /** The author's frozen disclosure segment at submit; null when there was none. */
  segment: TSegment | null;
  /** `voterKeyOf(secret, author)`: joins the author's votes and comments without the email. */
  authorKey: string | null;
  /** Normalised title and description, for `q` (see `searchTextOf`). */
  searchText: string;
};

/** Items written before triage lack the later attributes: they read as a `new` idea. */
const ZStoredIdea = z
  .object({
    id: z.string(),
    iterationId: z.number(),
    title: z.string(),
    description: z.string(),
    category: ZIdeaCategory,
    anonymous: z.boolean(),
    authorEmail: z.string(),
    authorName: z.string(),
    votes: z.number(),
    comments: z.number().default(0),
    createdAt: z.string(),
    status: ZIdeaStatus.default('new'),
    plannedFor: z.number().nullable().default(null),
    declineReason: z.string().nullable().default(null),
    duplicateOf: z.string().nullable().default(null),
    mergedFrom: z.array(z.string()).default([]),
    updatedAt: z.string().optional(),
    history: z.array(ZIdeaHistoryEntry).optional(),
    segment: ZSegment.nullable().default(null),
    authorKey: z.string().nullable().default(null),
    searchText: z.string().optional(),
  })
  .transform((item): TStoredIdea => ({
    ...item,
    updatedAt: item.updatedAt ?? item.createdAt,
    history: item.history ?? [{ status: 'new', at: item.createdAt, iterationId: item.iterationId }],
    searchText: item.searchText ?? searchTextOf(item.title, item.description),
  }));

/** The most ideas one filtered, searched or trending list reads (newest iterations first). */
export const MAX_IDEAS_READ = 1000;

/** A missing status is an idea from before triage: `new`. */
const NOT_DUPLICATE = '(attribute_not_exists(#status) OR #status <> :duplicate)';
const statusIs = (status: TIdeaStatus): string =>
  status === 'new'
    ? '(attribute_not_exists(#status) OR #status = :expected)'
    : '#status = :expected';
/** Items from before triage have no history: it starts from what they read as. */
const HISTORY_APPEND = '#history = list_append(if_not_exists(#history, :initial), :entry)';

const partitionOf = (iterationId: number) => `IDEAS#${String(iterationId).padStart(6, '0')}`;

/** The key of an idea, from its id; null for an id this repository never made. */
export function ideaKey(id: string): { pk: string; sk: string } | null {
  const match = /^([0-9]{6})-[0-9a-z]{10,20}$/.exec(id);
  return match ? { pk: `IDEAS#${match[1]}`, sk: `IDEA#${id}` } : null;
}

export const voteKey = (ideaId: string, voter: string) => ({ pk: `VOTE#${ideaId}`, sk: voter });

/** Iteration, then milliseconds in base 36 (fixed width, so it sorts), then a random tail. */
export function newIdeaId(iterationId: number, now: Date): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  const tail = BigInt(`0x${randomBytes(5).toString('hex')}`)
    .toString(36)
    .padStart(8, '0');
  return `${String(iterationId).padStart(6, '0')}-${time}${tail}`;
}

/** The cursor is DynamoDB's last key, opaque to clients and checked when it comes back. */
const ZPageKey = z
  .object({
    pk: z.string().max(200),
    sk: z.string().max(200),
    topPk: z.string().max(200).optional(),
    votes: z.number().int().optional(),
  })
  .strict();

const cursorOf = (key: Record<string, NativeAttributeValue> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;

function startKeyOf(cursor: string | undefined, partition: string, sort: TIdeaSort) {
  if (cursor === undefined) return undefined;
  const refused = new DomainError('invalid_input', 'Unknown cursor', {
    cursor: 'not a cursor of this list',
  });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw refused;
  }
  const key = ZPageKey.safeParse(decoded);
  if (!key.success || key.data.pk !== partition) throw refused;
  if ((sort === 'top') !== (key.data.topPk === partition && key.data.votes !== undefined)) {
    throw refused;
  }
  return key.data;
}

export type TIdeaPage = { ideas: TStoredIdea[]; nextCursor: string | null };

const isConflict = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/** A vote as involvement figures read it: the voter's opaque key, when, their frozen segment. */
export type TCastVote = { voter: string; votedAt: string; segment: TSegment | null };

export class IdeasRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
    private readonly retry: TRetryOptions = DEFAULT_RETRY,
  ) {}

  async create(idea: Omit<TStoredIdea, 'votes' | 'comments'>): Promise<TStoredIdea> {
    const key = ideaKey(idea.id);
    if (!key) throw new Error(`Not an idea id: ${idea.id}`);
    const stored: TStoredIdea = { ...idea, votes: 0, comments: 0 };
    await refusedUnlessWritten(
      this.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...key, topPk: key.pk, ...stored },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
      'internal',
      'Two ideas drew the same id',
    );
    return stored;
  }

  async get(id: string): Promise<TStoredIdea | null> {
    const key = ideaKey(id);
    if (!key) return null;
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }),
    );
    return Item ? ZStoredIdea.parse(Item) : null;
  }

  /**
   * Every idea of these iterations (duplicates included), newest iteration first, at most
   * `MAX_IDEAS_READ`: what filters, search and trending sort in memory.
   */
  async all(iterationIds: readonly number[]): Promise<TStoredIdea[]> {
    const ideas: TStoredIdea[] = [];
    for (const iterationId of [...iterationIds].sort((a, b) => b - a)) {
      for await (const item of queryItems(this.documents, {
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :partition AND begins_with(sk, :idea)',
        ExpressionAttributeValues: { ':partition': partitionOf(iterationId), ':idea': 'IDEA#' },
        ScanIndexForward: false,
      })) {
        ideas.push(ZStoredIdea.parse(item));
        if (ideas.length >= MAX_IDEAS_READ) return ideas;
      }
    }
    return ideas;
  }

  /** Moves the idea to its next state if its status is still the one read; else `idea_changed`. */
  async setStatus(
    idea: TStoredIdea,
    next: TIdeaStatusState,
    currentIterationId: number,
    now: Date,
  ): Promise<TStoredIdea> {
    return this.update(idea, {
      set: { ...next, updatedAt: now.toISOString() },
      entry: { status: next.status, at: now.toISOString(), iterationId: currentIterationId },
    });
  }

  /** The author's edit, if the status is still the one read. */
  async edit(
    idea: TStoredIdea,
    fields: Pick<TStoredIdea, 'title' | 'description' | 'category' | 'searchText'>,
    now: Date,
  ): Promise<TStoredIdea> {
    return this.update(idea, { set: { ...fields, updatedAt: now.toISOString() } });
  }

  private async update(
    idea: TStoredIdea,
    change: { set: Record<string, NativeAttributeValue>; entry?: TIdeaHistoryEntry },
  ): Promise<TStoredIdea> {
    const key = ideaKey(idea.id);
    if (!key) throw new DomainError('not_found', 'No such idea');
    const names = Object.keys(change.set);
    const { Attributes } = await refusedUnlessWritten(
      this.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: `SET ${[
            ...names.map((name) => `#${name} = :${name}`),
            ...(change.entry ? [HISTORY_APPEND] : []),
          ].join(', ')}`,
          ConditionExpression: statusIs(idea.status),
          ExpressionAttributeNames: {
            '#status': 'status',
            ...Object.fromEntries(names.map((name) => [`#${name}`, name])),
            ...(change.entry ? { '#history': 'history' } : {}),
          },
          ExpressionAttributeValues: {
            ':expected': idea.status,
            ...Object.fromEntries(names.map((name) => [`:${name}`, change.set[name]])),
            ...(change.entry ? { ':initial': idea.history, ':entry': [change.entry] } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
      'idea_changed',
      'Someone changed this idea meanwhile',
    );
    return ZStoredIdea.parse(Attributes);
  }

  /**
   * Makes `merged` a duplicate of `keptId` and records it on the kept idea, both or neither: the
   * merged idea must still have the status read, the kept one exist and not be a duplicate.
   */
  async markMerged(
    merged: TStoredIdea,
    keptId: string,
    currentIterationId: number,
    now: Date,
  ): Promise<void> {
    const mergedKey = ideaKey(merged.id);
    const keptKey = ideaKey(keptId);
    if (!mergedKey || !keptKey) throw new DomainError('not_found', 'No such idea');
    const at = now.toISOString();
    const entry: TIdeaHistoryEntry = { status: 'duplicate', at, iterationId: currentIterationId };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table.tableName,
                Key: mergedKey,
                UpdateExpression: `SET #status = :duplicate, duplicateOf = :kept, updatedAt = :at, plannedFor = :none, declineReason = :none, ${HISTORY_APPEND}`,
                ConditionExpression: statusIs(merged.status),
                ExpressionAttributeNames: { '#status': 'status', '#history': 'history' },
                ExpressionAttributeValues: {
                  ':duplicate': 'duplicate',
                  ':kept': keptId,
                  ':at': at,
                  ':none': null,
                  ':expected': merged.status,
                  ':initial': merged.history,
                  ':entry': [entry],
                },
              },
            },
            {
              Update: {
                TableName: this.table.tableName,
                Key: keptKey,
                UpdateExpression:
                  'SET mergedFrom = list_append(if_not_exists(mergedFrom, :empty), :merged)',
                ConditionExpression: `attribute_exists(pk) AND ${NOT_DUPLICATE} AND NOT contains(mergedFrom, :id)`,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':empty': [],
                  ':merged': [merged.id],
                  ':id': merged.id,
                  ':duplicate': 'duplicate',
                },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [mergedReason, keptReason] = error.CancellationReasons ?? [];
      if (mergedReason?.Code === 'ConditionalCheckFailed') {
        throw new DomainError('idea_changed', 'Someone changed this idea meanwhile');
      }
      if (keptReason?.Code === 'ConditionalCheckFailed') {
        throw new DomainError('idea_changed', 'The kept idea changed meanwhile', {
          into: 'merged into another idea meanwhile',
        });
      }
      throw error;
    }
  }

  /**
   * Copies every vote of the merged idea onto the kept one, each as a vote (counted once: a
   * member who voted for both keeps one vote). Safe to run again: copied votes are skipped.
   * The merged idea keeps its vote items and count, as a record. Returns how many were added.
   */
  async moveVotes(mergedId: string, keptId: string): Promise<number> {
    let added = 0;
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': voteKey(mergedId, '').pk },
      ConsistentRead: true,
    })) {
      const voter = String(item.sk);
      const segment = item.segment ? ZSegment.parse(item.segment) : null;
      const votedAt = typeof item.votedAt === 'string' ? item.votedAt : new Date().toISOString();
      if (await this.addVote(keptId, voter, votedAt, segment, mergedId)) added += 1;
    }
    return added;
  }

  async page(
    iterationId: number,
    sort: TIdeaSort,
    limit: number,
    cursor: string | undefined,
  ): Promise<TIdeaPage> {
    const partition = partitionOf(iterationId);
    const startKey = startKeyOf(cursor, partition, sort);
    const { Items = [], LastEvaluatedKey } = await this.documents.send(
      new QueryCommand(
        sort === 'top'
          ? {
              TableName: this.table.tableName,
              IndexName: 'top',
              KeyConditionExpression: 'topPk = :partition',
              FilterExpression: NOT_DUPLICATE,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':partition': partition, ':duplicate': 'duplicate' },
              ScanIndexForward: false,
              Limit: limit,
              ExclusiveStartKey: startKey,
            }
          : {
              TableName: this.table.tableName,
              KeyConditionExpression: 'pk = :partition AND begins_with(sk, :idea)',
              FilterExpression: NOT_DUPLICATE,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':partition': partition,
                ':idea': 'IDEA#',
                ':duplicate': 'duplicate',
              },
              ScanIndexForward: false,
              Limit: limit,
              ExclusiveStartKey: startKey,
            },
      ),
    );
    return {
      ideas: Items.map((item) => ZStoredIdea.parse(item)),
      nextCursor: cursorOf(LastEvaluatedKey),
    };
  }

  /** Which of these ideas the voter voted for. */
  async votedAmong(ideaIds: readonly string[], voter: string): Promise<Set<string>> {
    const voted = new Set<string>();
    let keys: Record<string, NativeAttributeValue>[] = ideaIds.map((id) => voteKey(id, voter));
    // A page is at most 50 ideas, under BatchGet's 100 keys; unprocessed keys are asked again.
    while (keys.length > 0) {
      const { Responses, UnprocessedKeys } = await this.documents.send(
        new BatchGetCommand({
          RequestItems: { [this.table.tableName]: { Keys: keys, ConsistentRead: true } },
        }),
      );
      for (const item of Responses?.[this.table.tableName] ?? []) {
        voted.add(String(item.pk).slice('VOTE#'.length));
      }
      keys = UnprocessedKeys?.[this.table.tableName]?.Keys ?? [];
    }
    return voted;
  }

  async hasVoted(ideaId: string, voter: string): Promise<boolean> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: voteKey(ideaId, voter),
        ConsistentRead: true,
      }),
    );
    return Item !== undefined;
  }

  /**
   * Counts the voter's vote once; voting again changes nothing. Unknown idea: not_found; an idea
   * merged meanwhile: idea_changed (the service votes for the kept one). `segment` is the
   * voter's frozen segment, kept on the vote item for figures by group, never answered.
   */
  async vote(ideaId: string, voter: string, now: Date, segment: TSegment | null): Promise<void> {
    await this.addVote(ideaId, voter, now.toISOString(), segment);
  }

  /** Takes the voter's vote back, if there is one. */
  async unvote(ideaId: string, voter: string): Promise<void> {
    await this.changeVote(ideaId, voter, -1, '', null);
  }

  /**
   * True when the vote was added, false when the voter had already voted. A vote a merge copies
   * names the idea it was cast for (`movedFrom`), so involvement counts each vote cast once.
   */
  private addVote(
    ideaId: string,
    voter: string,
    votedAt: string,
    segment: TSegment | null,
    movedFrom: string | null = null,
  ) {
    return this.changeVote(ideaId, voter, 1, votedAt, segment, movedFrom);
  }

  /** The votes members cast for this idea themselves (not those a merge copied), with when. */
  async votesCastFor(ideaId: string): Promise<TCastVote[]> {
    const votes: TCastVote[] = [];
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': voteKey(ideaId, '').pk },
      ConsistentRead: true,
    })) {
      if (item.movedFrom !== undefined || typeof item.votedAt !== 'string') continue;
      votes.push({
        voter: String(item.sk),
        votedAt: item.votedAt,
        segment: item.segment ? ZSegment.parse(item.segment) : null,
      });
    }
    return votes;
  }

  private async changeVote(
    ideaId: string,
    voter: string,
    change: 1 | -1,
    votedAt: string,
    segment: TSegment | null,
    movedFrom: string | null = null,
  ): Promise<boolean> {
    const key = ideaKey(ideaId);
    if (!key) throw new DomainError('not_found', 'No such idea');
    const voteItem =
      change === 1
        ? {
            Put: {
              TableName: this.table.tableName,
              Item: {
                ...voteKey(ideaId, voter),
                votedAt,
                segment,
                ...(movedFrom ? { movedFrom } : {}),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }
        : {
            Delete: {
              TableName: this.table.tableName,
              Key: voteKey(ideaId, voter),
              ConditionExpression: 'attribute_exists(pk)',
            },
          };
    const transaction = new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.table.tableName,
            Key: key,
            UpdateExpression: 'ADD votes :change',
            ConditionExpression: `attribute_exists(pk) AND ${NOT_DUPLICATE}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':change': change, ':duplicate': 'duplicate' },
          },
        },
        voteItem,
      ],
    });
    try {
      await retryWithJitter(() => this.documents.send(transaction), isConflict, this.retry);
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [idea, vote] = error.CancellationReasons ?? [];
      // The idea is gone or merged: the service tells which by reading it again.
      if (idea?.Code === 'ConditionalCheckFailed') {
        throw new DomainError('idea_changed', 'This idea changed meanwhile');
      }
      // The vote was already there (or already gone): the member's one vote is as asked.
      if (vote?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }
}
