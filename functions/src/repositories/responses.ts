/**
 * Responses repository: receipts, anonymous responses and the tallies results are read from.
 *
 * | access pattern                        | key                                            | operation          |
 * |---------------------------------------|------------------------------------------------|--------------------|
 * | has this member answered this pulse?  | pk=`RECEIPT#<hmac(email, pulseId)>`            | Get                |
 * | submit a response                     | receipt + response + 5 tally shards + iteration| TransactWrite      |
 * | results of a pulse (any breakdown)    | pk=`TALLY#<pulseId>` (groups × shards items)   | Query (paginated)  |
 * | all responses of a pulse (recompute)  | pk=`RESPONSES#<pulseId>#<shard>` for each shard| Query ×shards      |
 * | comments of a closed pulse            | the same, segment and free-text answers kept   | Query ×shards      |
 *
 * Submitting is one transaction: the receipt (only if absent), the response, one `ADD` per tally
 * group on a randomly chosen shard, and a check that the iteration is still open. So a response
 * counts exactly once under retries, double clicks and concurrency, and nothing is ever
 * half-counted. The response holds the member's disclosure segment (frozen when the iteration
 * opened, rare values pooled) and the answers, nothing else: no member id, no day or time,
 * nothing its receipt holds, and a random sort key, so neither its content nor its place in the
 * partition tells when it came or whose receipt it goes with. The day is counted only in the
 * overall tally (`d:<day>`). Tallies by dimension are keyed by disclosure value, the pooled `*`
 * included. Tallies are spread over shards so a burst of answers stays under DynamoDB's
 * per-item write rate; results sum a fixed number of items (groups × shards) however many
 * responses exist. Each item of the transaction is named: a refusal is read from the item
 * DynamoDB refused, whatever its place in the list.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  TransactWriteCommand,
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
import { iterationKey } from './iterations.js';
import { queryItems, type TStoredItem } from './query-items.js';
import { DEFAULT_RETRY, retryWithJitter, type TRetryOptions } from './retry.js';
import type { TTableRef } from './table.js';

export const OVERALL_GROUP = 'ALL';

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
export type TSubmissionItemName =
  'receipt' | 'response' | `tally:${typeof OVERALL_GROUP | TSegmentDimension}` | 'iteration-open';

type TNamedItem = { name: TSubmissionItemName; item: TransactWriteItem };

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
      if (refused.has('iteration-open')) {
        throw new DomainError('iteration_not_open', 'This iteration is not open for answers');
      }
      throw new DomainError('unavailable', 'The service is busy, please try again in a moment');
    }
  }

  private submissionItems(submission: TSubmission, shard: number): TNamedItem[] {
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
          Key: { pk: `TALLY#${pulseId}`, sk: `${group}#${shard}` },
          UpdateExpression: `ADD ${adds.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
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
            Item: { pk: `RESPONSES#${pulseId}#${shard}`, sk: randomUUID(), segment, answers },
          },
        },
      },
      {
        name: `tally:${OVERALL_GROUP}`,
        item: tallyUpdate(OVERALL_GROUP, { ...tally, [dayCounter(receipt.answeredOn)]: 1 }),
      },
      ...ZSegmentDimension.options.map((dimension): TNamedItem => ({
        name: `tally:${dimension}`,
        item: tallyUpdate(`${dimension}#${segment[dimension]}`, tally),
      })),
      {
        name: 'iteration-open',
        item: {
          ConditionCheck: {
            TableName: this.table.tableName,
            Key: iterationKey(receipt.iterationId),
            ConditionExpression: 'iteration.#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':open': 'open' },
          },
        },
      },
    ];
  }

  /**
   * Sums every shard of every group: a fixed number of items, whatever the response count, in
   * the shape the disclosure module makes releases of.
   */
  async tallies(pulseId: string): Promise<TReleaseTallies> {
    const byDimension: TReleaseTallies['byDimension'] = {
      team: {},
      site: {},
      trainingLevel: {},
      ambassador: {},
    };
    let overall: TTally = {};
    for await (const { pk, sk, ...counters } of this.partition(`TALLY#${pulseId}`)) {
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
      groups[value] = addTallies(groups[value] ?? {}, tally);
    }
    return { overall, byDimension };
  }

  /** Every stored response of a pulse, for recomputation and exports. Never holds a member id. */
  async responses(pulseId: string): Promise<TStoredResponse[]> {
    const responses: TStoredResponse[] = [];
    for (let shard = 0; shard < this.shards; shard++) {
      for await (const stored of this.partition(`RESPONSES#${pulseId}#${shard}`)) {
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
