/**
 * Responses repository: receipts, anonymous responses and the tallies results are read from.
 *
 * | access pattern                        | key                                            | operation          |
 * |---------------------------------------|------------------------------------------------|--------------------|
 * | has this member answered this pulse?  | pk=`RECEIPT#<hmac(email, pulseId)>`            | GetItem            |
 * | submit a response                     | receipt + response + 5 tally shards + iteration| TransactWriteItems |
 * | results of a pulse (any breakdown)    | pk=`TALLY#<pulseId>` (groups × shards items)   | Query              |
 * | all responses of a pulse (recompute)  | pk=`RESPONSES#<pulseId>#<shard>` for each shard| Query ×shards      |
 *
 * Submitting is one transaction: the receipt (only if absent), the response (no member id, only
 * the segment and the day), one `ADD` per tally group on a randomly chosen shard, and a check
 * that the iteration is still open. So a response counts exactly once under retries, double
 * clicks and concurrency, and nothing is ever half-counted. Tallies are spread over shards so a
 * burst of answers stays under DynamoDB's per-item write rate; results sum a fixed number of
 * items (groups × shards) however many responses exist.
 */
import {
  TransactionCanceledException,
  TransactWriteItemsCommand,
  GetItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DomainError,
  ZAnswers,
  ZReceipt,
  ZSegment,
  ZSegmentDimension,
  dayCounter,
  addTallies,
  type TAnswers,
  type TReceipt,
  type TSegment,
  type TSegmentDimension,
  type TTally,
} from '@boucle/shared';
import { randomInt, randomUUID } from 'node:crypto';
import { countMetric } from '../observability.js';
import { iterationKey } from './iterations.js';
import { queryAll, type TItem } from './query-all.js';
import { DEFAULT_RETRY, retryWithJitter, type TRetryOptions } from './retry.js';
import type { TTableRef } from './table.js';

export const OVERALL_GROUP = 'ALL';

export type TSubmission = {
  receiptKey: string;
  receipt: TReceipt;
  segment: TSegment;
  answers: TAnswers;
  /** The counters this response adds to each of its groups (see `tallyOfResponse`). */
  tally: TTally;
};

export type TPulseTallies = {
  overall: TTally;
  byDimension: Record<TSegmentDimension, Map<string, TTally>>;
};

export type TStoredResponse = { segment: TSegment; answers: TAnswers; day: string };

export class ResponsesRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: TTableRef,
    private readonly shards: number,
    private readonly retry: TRetryOptions = DEFAULT_RETRY,
  ) {}

  async receipt(receiptKey: string): Promise<TReceipt | null> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.table.tableName,
        Key: marshall({ pk: `RECEIPT#${receiptKey}`, sk: 'RECEIPT' }),
        ConsistentRead: true,
      }),
    );
    return Item ? ZReceipt.parse(unmarshall(Item).receipt) : null;
  }

  /** Stores the response once; throws 409 if this member already answered, 403 if closed. */
  async submit(submission: TSubmission): Promise<void> {
    const shard = randomInt(this.shards);
    const items = this.submissionItems(submission, shard);
    try {
      await retryWithJitter(
        // A fresh token per attempt: the SDK's own retries of one attempt stay idempotent.
        () =>
          this.client.send(
            new TransactWriteItemsCommand({
              TransactItems: items,
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
      const [receipt, , , , , , , iteration] = error.CancellationReasons ?? [];
      if (receipt?.Code === 'ConditionalCheckFailed') {
        throw new DomainError('already_answered', 'You have already answered this pulse');
      }
      if (iteration?.Code === 'ConditionalCheckFailed') {
        throw new DomainError('iteration_not_open', 'This iteration is not open for answers');
      }
      throw new DomainError('unavailable', 'The service is busy, please try again in a moment');
    }
  }

  private submissionItems(submission: TSubmission, shard: number): TransactWriteItem[] {
    const { receipt, segment, answers, tally } = submission;
    const pulseId = receipt.pulseId;
    const tallyUpdate = (group: string, counters: TTally): TransactWriteItem => {
      const names: Record<string, string> = {};
      const values: Record<string, number> = {};
      const adds = Object.entries(counters).map(([counter, count], index) => {
        names[`#c${index}`] = counter;
        values[`:c${index}`] = count;
        return `#c${index} :c${index}`;
      });
      return {
        Update: {
          TableName: this.table.tableName,
          Key: marshall({ pk: `TALLY#${pulseId}`, sk: `${group}#${shard}` }),
          UpdateExpression: `ADD ${adds.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall(values),
        },
      };
    };
    // Order matters: submit() reads the cancellation reasons by position.
    return [
      {
        Put: {
          TableName: this.table.tableName,
          Item: marshall({ pk: `RECEIPT#${submission.receiptKey}`, sk: 'RECEIPT', receipt }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table.tableName,
          Item: marshall({
            pk: `RESPONSES#${pulseId}#${shard}`,
            sk: `${receipt.answeredOn}#${randomUUID()}`,
            segment,
            answers,
            day: receipt.answeredOn,
          }),
        },
      },
      tallyUpdate(OVERALL_GROUP, { ...tally, [dayCounter(receipt.answeredOn)]: 1 }),
      ...ZSegmentDimension.options.map((dimension) =>
        tallyUpdate(`${dimension}#${segment[dimension]}`, tally),
      ),
      {
        ConditionCheck: {
          TableName: this.table.tableName,
          Key: marshall(iterationKey(receipt.iterationId)),
          ConditionExpression: 'iteration.#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: marshall({ ':open': 'open' }),
        },
      },
    ];
  }

  /** Sums every shard of every group: a fixed number of items, whatever the response count. */
  async tallies(pulseId: string): Promise<TPulseTallies> {
    const byDimension = Object.fromEntries(
      ZSegmentDimension.options.map((dimension) => [dimension, new Map<string, TTally>()]),
    ) as Record<TSegmentDimension, Map<string, TTally>>;
    let overall: TTally = {};
    for (const item of await this.partition(`TALLY#${pulseId}`)) {
      const { pk, sk, ...counters } = unmarshall(item) as Record<string, unknown>;
      const tally = Object.fromEntries(
        Object.entries(counters).map(([counter, count]) => [counter, Number(count)]),
      );
      const parts = String(sk).split('#');
      parts.pop(); // the shard number
      const [group, ...valueParts] = parts;
      if (group === OVERALL_GROUP) {
        overall = addTallies(overall, tally);
        continue;
      }
      const dimension = ZSegmentDimension.safeParse(group);
      if (!dimension.success) continue;
      const value = valueParts.join('#');
      const groups = byDimension[dimension.data];
      groups.set(value, addTallies(groups.get(value) ?? {}, tally));
    }
    return { overall, byDimension };
  }

  /** Every stored response of a pulse, for recomputation and exports. Never holds a member id. */
  async responses(pulseId: string): Promise<TStoredResponse[]> {
    const responses: TStoredResponse[] = [];
    for (let shard = 0; shard < this.shards; shard++) {
      for (const item of await this.partition(`RESPONSES#${pulseId}#${shard}`)) {
        const stored = unmarshall(item);
        responses.push({
          segment: ZSegment.parse(stored.segment),
          answers: ZAnswers.parse(stored.answers),
          day: String(stored.day),
        });
      }
    }
    return responses;
  }

  private partition(pk: string): Promise<TItem[]> {
    return queryAll(this.client, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': pk }),
      ConsistentRead: true,
    });
  }
}

/** Retry only when every cancellation is a conflict with another transaction, not a real no. */
function isOnlyConflict(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}
