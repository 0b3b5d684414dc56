/**
 * Responses repository: receipts, anonymous responses and the tallies results are read from.
 *
 * | access pattern                        | key                                                         | operation             |
 * |---------------------------------------|-------------------------------------------------------------|-----------------------|
 * | has this member answered this pulse?  | pk=`RECEIPT#<hmac(email, pulseId)>`                         | Get                   |
 * | submit a response                     | receipt + response + 5 tally items, each `closedAt` absent  | TransactWrite         |
 * | overall tally of a pulse              | pk=`TALLY#<pulseId>#ALL#<shard>`, sk=`ALL` for each shard   | BatchGet (shards)     |
 * | tallies by dimension                  | pk=`TALLY#<pulseId>#<dimension>#<shard>`, sk=`<value>`      | Query ×4×shards       |
 * | close the pulse's tallies             | every shard × (ALL + each frozen value and `*`), `closedAt` | Update (each item)    |
 * | all responses of a pulse (recompute)  | pk=`RESPONSES#<pulseId>#<shard>` for each shard             | Query ×shards         |
 * | comments of a closed pulse            | the same, segment and free-text answers kept                | Query ×shards         |
 *
 * Submitting is one transaction: the receipt (only if absent), the response, and one `ADD` per
 * tally group on a randomly chosen shard, each conditional on the tally item not being closed.
 * So a response counts exactly once under retries, double clicks and concurrency, nothing is
 * ever half-counted, and whether the pulse still takes answers is decided inside the
 * transaction on items that are themselves spread: no item every answer touches (ADR 0021).
 * Closing marks every tally item an answer could be written to (`closedAt`, created when
 * missing) before the iteration's status flips: once marked, no answer commits.
 *
 * The response holds the member's disclosure segment (frozen when the iteration opened, rare
 * values pooled) and the answers, nothing else: no member id, no day or time, nothing its
 * receipt holds, and a random sort key, so neither its content nor its place in the partition
 * tells when it came or whose receipt it goes with. The day is counted only in the overall
 * tally (`d:<day>`). Tallies by dimension are keyed by disclosure value, the pooled `*`
 * included. Every shard of every group is its own partition key, so a burst of answers to one
 * pulse spreads over `shards` partitions per group; results still read a fixed number of items
 * (groups × shards) however many responses exist. Each item of the transaction is named: a
 * refusal is read from the item DynamoDB refused, whatever its place in the list.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteItem,
} from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  ZAnswers,
  ZReceipt,
  ZSegment,
  ZSegmentDimension,
  dayCounter,
  addTallies,
  type TAnswers,
  type TCommentedResponse,
  type TReceipt,
  type TSegment,
  type TReleaseTallies,
  type TSegmentDimension,
  type TTally,
} from '@boucle/shared';
import { randomInt, randomUUID } from 'node:crypto';
import { countMetric } from '../observability.js';
import { queryItems, type TStoredItem } from './query-items.js';
import { DEFAULT_RETRY, retryWithJitter, type TRetryOptions } from './retry.js';
import type { TTableRef } from './table.js';

export const OVERALL_GROUP = 'ALL';

/** The attribute closing sets on every tally item: an answer's `ADD` requires it absent. */
export const CLOSED_AT = 'closedAt';

export type TTallyGroup = typeof OVERALL_GROUP | TSegmentDimension;

/** One tally item: a group's shard is its own partition, the disclosure value its sort key. */
export const tallyKey = (pulseId: string, group: TTallyGroup, shard: number, value: string) => ({
  pk: `TALLY#${pulseId}#${group}#${shard}`,
  sk: value,
});

/** The overall tally's one item per shard. */
export const overallTallyKey = (pulseId: string, shard: number) =>
  tallyKey(pulseId, OVERALL_GROUP, shard, OVERALL_GROUP);

export const responsesPartition = (pulseId: string, shard: number) =>
  `RESPONSES#${pulseId}#${shard}`;

/** Every disclosure value an answer can be tallied under, per dimension (frozen ones and `*`). */
export type TTallyValues = Record<TSegmentDimension, readonly string[]>;

export type TSubmission = {
  receiptKey: string;
  receipt: TReceipt;
  /** The member's disclosure segment, as frozen when the iteration opened. */
  segment: TSegment;
  answers: TAnswers;
  /** The counters this response adds to each of its groups (see `tallyOfResponse`). */
  tally: TTally;
};

/** A stored response: its disclosure segment and its answers, nothing else. */
export type TStoredResponse = { segment: TSegment; answers: TAnswers };

/** What each item of a submission's transaction is for. */
export type TSubmissionItemName = 'receipt' | 'response' | `tally:${TTallyGroup}`;

type TNamedItem = { name: TSubmissionItemName; item: TransactWriteItem };

/** DynamoDB's limit of keys per BatchGetItem. */
const BATCH_GET_SIZE = 100;
/** Tally items closing marks at once: a close is rare, it need not be fast, only complete. */
const PARALLEL_MARKS = 16;

export class ResponsesRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
    private readonly shards: number,
    private readonly retry: TRetryOptions = DEFAULT_RETRY,
  ) {}

  async receipt(receiptKey: string): Promise<TReceipt | null> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: { pk: `RECEIPT#${receiptKey}`, sk: 'RECEIPT' },
        ConsistentRead: true,
      }),
    );
    return Item ? ZReceipt.parse(Item.receipt) : null;
  }

  /** Stores the response once; refuses with `already_answered` or `iteration_not_open`. */
  async submit(submission: TSubmission): Promise<void> {
    const shard = randomInt(this.shards);
    const items = this.submissionItems(submission, shard);
    try {
      await retryWithJitter(
        // A fresh token per attempt: the SDK's own retries of one attempt stay idempotent.
        () =>
          this.documents.send(
            new TransactWriteCommand({
              TransactItems: items.map(({ item }) => item),
              ClientRequestToken: randomUUID(),
            }),
          ),
        (error) => {
          const retry = isOnlyConflict(error);
          if (retry) countMetric('SubmitConflictRetries');
          return retry;
        },
        this.retry,
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const refused = refusedItems(error, items);
      if (refused.has('receipt')) {
        throw new DomainError('already_answered', 'You have already answered this pulse');
      }
      if ([...refused].some((name) => name.startsWith('tally:'))) {
        throw new DomainError('iteration_not_open', 'This iteration is not open for answers');
      }
      throw new DomainError('unavailable', 'The service is busy, please try again in a moment');
    }
  }

  private submissionItems(submission: TSubmission, shard: number): TNamedItem[] {
    const { receipt, segment, answers, tally } = submission;
    const pulseId = receipt.pulseId;
    const tallyUpdate = (group: TTallyGroup, value: string, counters: TTally): TNamedItem => {
      const names: Record<string, string> = { '#closed': CLOSED_AT };
      const values: Record<string, number> = {};
      const adds = Object.entries(counters).map(([counter, count], index) => {
        names[`#c${index}`] = counter;
        values[`:c${index}`] = count;
        return `#c${index} :c${index}`;
      });
      return {
        name: `tally:${group}`,
        item: {
          Update: {
            TableName: this.table.tableName,
            Key: tallyKey(pulseId, group, shard, value),
            UpdateExpression: `ADD ${adds.join(', ')}`,
            // Closing marks every tally item first: a marked one refuses the whole answer.
            ConditionExpression: 'attribute_not_exists(#closed)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      };
    };
    return [
      {
        name: 'receipt',
        item: {
          Put: {
            TableName: this.table.tableName,
            Item: { pk: `RECEIPT#${submission.receiptKey}`, sk: 'RECEIPT', receipt },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
      {
        name: 'response',
        item: {
          Put: {
            TableName: this.table.tableName,
            // A random sort key: the partition's order tells nothing of when each came.
            Item: { pk: responsesPartition(pulseId, shard), sk: randomUUID(), segment, answers },
          },
        },
      },
      tallyUpdate(OVERALL_GROUP, OVERALL_GROUP, {
        ...tally,
        [dayCounter(receipt.answeredOn)]: 1,
      }),
      ...ZSegmentDimension.options.map((dimension) =>
        tallyUpdate(dimension, segment[dimension], tally),
      ),
    ];
  }

  /**
   * Marks every tally item an answer to this pulse could be written to as closed (creating the
   * missing ones), each shard of the overall tally and of every value of every dimension. Safe
   * to run again: the first mark's time stays. Once it resolves, no answer can commit.
   */
  async closeTallies(pulseId: string, values: TTallyValues, now: Date): Promise<void> {
    const keys = this.shardNumbers().flatMap((shard) => [
      overallTallyKey(pulseId, shard),
      ...ZSegmentDimension.options.flatMap((dimension) =>
        values[dimension].map((value) => tallyKey(pulseId, dimension, shard, value)),
      ),
    ]);
    for (let start = 0; start < keys.length; start += PARALLEL_MARKS) {
      await Promise.all(
        keys.slice(start, start + PARALLEL_MARKS).map((Key) =>
          this.documents.send(
            new UpdateCommand({
              TableName: this.table.tableName,
              Key,
              UpdateExpression: 'SET #closed = if_not_exists(#closed, :now)',
              ExpressionAttributeNames: { '#closed': CLOSED_AT },
              ExpressionAttributeValues: { ':now': now.toISOString() },
            }),
          ),
        ),
      );
    }
  }

  /** The overall tally alone: one item per shard, one BatchGetItem (shards ≤ 100). */
  async overallTally(pulseId: string): Promise<TTally> {
    let pending = this.shardNumbers().map((shard) => overallTallyKey(pulseId, shard));
    let overall: TTally = {};
    while (pending.length > 0) {
      const { Responses, UnprocessedKeys } = await this.documents.send(
        new BatchGetCommand({
          RequestItems: {
            [this.table.tableName]: {
              Keys: pending.slice(0, BATCH_GET_SIZE),
              ConsistentRead: true,
            },
          },
        }),
      );
      for (const item of Responses?.[this.table.tableName] ?? []) {
        overall = addTallies(overall, countersOf(item));
      }
      const unprocessed = (UnprocessedKeys?.[this.table.tableName]?.Keys ?? []) as typeof pending;
      pending = [...unprocessed, ...pending.slice(BATCH_GET_SIZE)];
    }
    return overall;
  }

  /**
   * Sums every shard of every group: a fixed number of items, whatever the response count, in
   * the shape the disclosure module makes releases of. A release holds every dimension, so this
   * reads them all (one Query per dimension and shard, at once).
   */
  async tallies(pulseId: string): Promise<TReleaseTallies> {
    const byDimension: TReleaseTallies['byDimension'] = {
      team: {},
      site: {},
      trainingLevel: {},
      ambassador: {},
    };
    const [overall] = await Promise.all([
      this.overallTally(pulseId),
      ...ZSegmentDimension.options.flatMap((dimension) =>
        this.shardNumbers().map(async (shard) => {
          const groups = byDimension[dimension];
          for await (const item of this.partition(tallyKey(pulseId, dimension, shard, '').pk)) {
            const tally = countersOf(item);
            // An item closing created holds no answer: no group of its own.
            if (Object.keys(tally).length === 0) continue;
            const value = String(item.sk);
            groups[value] = addTallies(groups[value] ?? {}, tally);
          }
        }),
      ),
    ]);
    return { overall, byDimension };
  }

  /**
   * Whether the pulse has tallies in the layout before ADR 0021 (every shard in one partition,
   * `TALLY#<pulseId>`): data an older `npm start` left, which this version never reads.
   */
  async hasTalliesOfOldLayout(pulseId: string): Promise<boolean> {
    const { Count = 0 } = await this.documents.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `TALLY#${pulseId}` },
        Limit: 1,
      }),
    );
    return Count > 0;
  }

  /** Every stored response of a pulse, for recomputation and exports. Never holds a member id. */
  async responses(pulseId: string): Promise<TStoredResponse[]> {
    const responses: TStoredResponse[] = [];
    for (const shard of this.shardNumbers()) {
      for await (const stored of this.partition(responsesPartition(pulseId, shard))) {
        responses.push({
          segment: ZSegment.parse(stored.segment),
          answers: ZAnswers.parse(stored.answers),
        });
      }
    }
    return responses;
  }

  /**
   * Every response of a pulse as comments see it: its segment and its answers to the given
   * free-text questions, nothing else (the disclosure module decides what is shown).
   */
  async commentedResponses(
    pulseId: string,
    textQuestionIds: readonly string[],
  ): Promise<TCommentedResponse[]> {
    return (await this.responses(pulseId)).map(({ segment, answers }) => ({
      segment,
      texts: textQuestionIds.flatMap((id) => {
        const text = answers[id];
        return typeof text === 'string' && text !== '' ? [text] : [];
      }),
    }));
  }

  private shardNumbers(): number[] {
    return Array.from({ length: this.shards }, (_, shard) => shard);
  }

  /** Every item of one partition, page after page. */
  private partition(pk: string): AsyncGenerator<TStoredItem> {
    return queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    });
  }
}

/** A tally item's counters: everything but its key and the closing mark. */
function countersOf({ pk, sk, [CLOSED_AT]: closed, ...counters }: TStoredItem): TTally {
  return Object.fromEntries(
    Object.entries(counters).map(([counter, count]) => [counter, Number(count)]),
  );
}

/** The names of the items DynamoDB refused on their condition; it gives one reason per item. */
function refusedItems(
  error: TransactionCanceledException,
  items: readonly TNamedItem[],
): Set<TSubmissionItemName> {
  const reasons = error.CancellationReasons ?? [];
  return new Set(
    items
      .filter((_, index) => reasons[index]?.Code === 'ConditionalCheckFailed')
      .map(({ name }) => name),
  );
}

/** Retry only when every cancellation is a conflict with another transaction, not a real no. */
function isOnlyConflict(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}
