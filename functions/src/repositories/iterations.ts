/**
 * Iterations repository: iterations, their pulse, and which one is open.
 *
 * | access pattern              | key                                       | operation                 |
 * |-----------------------------|-------------------------------------------|---------------------------|
 * | list iterations in order    | pk=`ITERATIONS`, sk begins `ITERATION#`   | Query (paginated)         |
 * | the same, with pulses       | (one item per iteration holds both)       | Query (paginated)         |
 * | iteration (+ pulse) by id   | pk=`ITERATIONS`, sk=`ITERATION#<000001>`  | Get                       |
 * | the open iteration          | pk=`ITERATIONS`, sk=`OPEN` → iteration    | Get ×2                    |
 * | create                      | next number, `attribute_not_exists`       | Put                       |
 * | set pulse (draft only)      | condition `status = draft`                | Update                    |
 * | open / close                | iteration + `OPEN` marker together        | TransactWrite             |
 * | which disclosure freeze     | `disclosureFreeze` on the iteration item  | (read with the iteration) |
 * | review                      | condition `status = closed`               | Update                    |
 * | set adoption figures        | exists, `status <> draft`                 | Update (that attribute)   |
 *
 * The `OPEN` marker is written with `attribute_not_exists` when an iteration opens, so two
 * iterations can never be open at once even when two steering members click together. Opening
 * also records the frozen headcount, the pooling order used and which freeze of the members'
 * disclosure segments (disclosure.ts) submissions read: written beside the iteration, outside
 * the `iteration` the API shows.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteItem,
} from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  pulseIdOf,
  ZIteration,
  ZPulse,
  type THeadcount,
  type TAdoptionInput,
  type TIteration,
  type TIterationInput,
  type TPulse,
  type TPulseInput,
  type TSegmentDimension,
} from '@boucle/shared';
import { refusedUnlessWritten } from './conditional-write.js';
import { queryItems } from './query-items.js';
import type { TTableRef } from './table.js';

const PK = 'ITERATIONS';
const OPEN_KEY = { pk: PK, sk: 'OPEN' };
export const iterationKey = (id: number) => ({
  pk: PK,
  sk: `ITERATION#${String(id).padStart(6, '0')}`,
});

export type TIterationWithPulse = {
  iteration: TIteration;
  pulse: TPulse | null;
  /** The freeze of the members' disclosure segments made when it opened; null before. */
  disclosureFreeze: string | null;
};

/** What opening freezes beside the headcount: the members' segments, and how they pooled. */
export type TOpeningFreeze = {
  disclosureFreeze: string;
  poolingOrder: readonly TSegmentDimension[];
};

export class IterationsRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  async list(): Promise<TIteration[]> {
    return (await this.listWithPulses()).map(({ iteration }) => iteration);
  }

  /** Every iteration with its pulse and freeze, oldest first: what trends line up. */
  async listWithPulses(): Promise<TIterationWithPulse[]> {
    const iterations: TIterationWithPulse[] = [];
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PK, ':prefix': 'ITERATION#' },
      ConsistentRead: true,
    })) {
      iterations.push(toIteration(item));
    }
    return iterations;
  }

  async get(id: number): Promise<TIterationWithPulse | null> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: iterationKey(id),
        ConsistentRead: true,
      }),
    );
    return Item ? toIteration(Item) : null;
  }

  async openIterationId(): Promise<number | null> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.table.tableName, Key: OPEN_KEY, ConsistentRead: true }),
    );
    return Item ? Number(Item.iterationId) : null;
  }

  async create(input: TIterationInput): Promise<TIteration> {
    const existing = await this.list();
    const id = (existing.at(-1)?.id ?? 0) + 1;
    const iteration: TIteration = {
      id,
      ...input,
      status: 'draft',
      pulseId: null,
      headcount: null,
      openedAt: null,
      closedAt: null,
      reviewedAt: null,
    };
    await refusedUnlessWritten(
      this.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...iterationKey(id), iteration, pulse: null },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
      'iteration_exists',
      `Iteration ${id} was just created by someone else; try again`,
    );
    return iteration;
  }

  async setPulse(id: number, input: TPulseInput): Promise<TPulse> {
    const pulse: TPulse = { id: pulseIdOf(id), iterationId: id, ...input };
    await refusedUnlessWritten(
      this.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: iterationKey(id),
          UpdateExpression: 'SET pulse = :pulse, iteration.pulseId = :pulseId',
          ConditionExpression: 'iteration.#status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pulse': pulse, ':pulseId': pulse.id, ':draft': 'draft' },
        }),
      ),
      'iteration_not_draft',
      'The pulse can only change while the iteration is a draft',
    );
    return pulse;
  }

  /**
   * draft → open, freezing the headcount as participation's denominator and, when given, which
   * freeze of the members' disclosure segments (written before) submissions read.
   */
  async open(id: number, headcount: THeadcount, now: Date, frozen?: TOpeningFreeze): Promise<void> {
    const sets = [
      'iteration.#status = :open',
      'iteration.openedAt = :now',
      'iteration.headcount = :headcount',
      ...(frozen ? ['iteration.poolingOrder = :order', 'disclosureFreeze = :freeze'] : []),
    ];
    await this.transact(
      [
        {
          Update: {
            TableName: this.table.tableName,
            Key: iterationKey(id),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'iteration.#status = :draft AND attribute_exists(pulse.id)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':open': 'open',
              ':draft': 'draft',
              ':now': now.toISOString(),
              ':headcount': headcount,
              ...(frozen
                ? { ':order': [...frozen.poolingOrder], ':freeze': frozen.disclosureFreeze }
                : {}),
            },
          },
        },
        {
          Put: {
            TableName: this.table.tableName,
            Item: { ...OPEN_KEY, iterationId: id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
      'Another iteration was opened, or this one changed, meanwhile',
    );
  }

  /** open → closed: from now on the pulse takes no more responses. */
  async close(id: number, now: Date): Promise<void> {
    await this.transact(
      [
        {
          Update: {
            TableName: this.table.tableName,
            Key: iterationKey(id),
            UpdateExpression: 'SET iteration.#status = :closed, iteration.closedAt = :now',
            ConditionExpression: 'iteration.#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':closed': 'closed',
              ':open': 'open',
              ':now': now.toISOString(),
            },
          },
        },
        {
          Delete: {
            TableName: this.table.tableName,
            Key: OPEN_KEY,
            ConditionExpression: 'iterationId = :id',
            ExpressionAttributeValues: { ':id': id },
          },
        },
      ],
      'This iteration changed meanwhile',
    );
  }

  async review(id: number, now: Date): Promise<void> {
    await refusedUnlessWritten(
      this.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: iterationKey(id),
          UpdateExpression: 'SET iteration.#status = :reviewed, iteration.reviewedAt = :now',
          ConditionExpression: 'iteration.#status = :closed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':reviewed': 'reviewed',
            ':closed': 'closed',
            ':now': now.toISOString(),
          },
        }),
      ),
      'iteration_changed',
      'This iteration changed meanwhile',
    );
  }

  /**
   * Sets (or corrects) the adoption figures of an iteration that has run. Only that attribute is
   * written, so a lifecycle step at the same moment is neither lost nor undone. The condition
   * refuses an unknown iteration (no upsert) and a draft alike: the caller tells which.
   */
  async setAdoption(id: number, adoption: TAdoptionInput): Promise<TIteration> {
    const { Attributes } = await refusedUnlessWritten(
      this.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: iterationKey(id),
          UpdateExpression: 'SET iteration.adoption = :adoption',
          ConditionExpression: 'attribute_exists(pk) AND iteration.#status <> :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':adoption': adoption, ':draft': 'draft' },
          ReturnValues: 'ALL_NEW',
        }),
      ),
      'iteration_is_draft',
      'Adoption figures come once the iteration has run: this one is still a draft',
    );
    if (!Attributes) throw new Error(`iteration ${id} came back empty after its update`);
    return toIteration(Attributes).iteration;
  }

  private async transact(items: TransactWriteItem[], conflictMessage: string): Promise<void> {
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons =
        error instanceof TransactionCanceledException ? error.CancellationReasons : undefined;
      if (reasons?.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        throw new DomainError('iteration_changed', conflictMessage);
      }
      throw error;
    }
  }
}

function toIteration(item: Record<string, unknown>): TIterationWithPulse {
  return {
    iteration: ZIteration.parse(item.iteration),
    pulse: item.pulse ? ZPulse.parse(item.pulse) : null,
    disclosureFreeze: typeof item.disclosureFreeze === 'string' ? item.disclosureFreeze : null,
  };
}
