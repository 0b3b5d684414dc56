/**
 * Iterations repository: iterations, their pulse, and which one is open.
 *
 * | access pattern              | key                                       | operation                 |
 * |-----------------------------|-------------------------------------------|---------------------------|
 * | list iterations in order    | pk=`ITERATIONS`, sk begins `ITERATION#`   | Query                     |
 * | iteration (+ pulse) by id   | pk=`ITERATIONS`, sk=`ITERATION#<000001>`  | GetItem                   |
 * | the open iteration          | pk=`ITERATIONS`, sk=`OPEN` → iteration    | GetItem ×2                |
 * | create                      | next number, `attribute_not_exists`       | PutItem                   |
 * | set pulse (draft only)      | condition `status = draft`                | UpdateItem                |
 * | open / close                | iteration + `OPEN` marker together        | TransactWriteItems        |
 * | review                      | condition `status = closed`               | UpdateItem                |
 *
 * The `OPEN` marker is written with `attribute_not_exists` when an iteration opens, so two
 * iterations can never be open at once even when two steering members click together.
 */
import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DomainError,
  pulseIdOf,
  ZIteration,
  ZPulse,
  type THeadcount,
  type TIteration,
  type TIterationInput,
  type TPulse,
  type TPulseInput,
} from '@boucle/shared';
import { queryAll } from './query-all.js';
import type { TTableRef } from './table.js';

const PK = 'ITERATIONS';
const OPEN_KEY = { pk: PK, sk: 'OPEN' };
export const iterationKey = (id: number) => ({
  pk: PK,
  sk: `ITERATION#${String(id).padStart(6, '0')}`,
});

export type TIterationWithPulse = { iteration: TIteration; pulse: TPulse | null };

export class IterationsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: TTableRef,
  ) {}

  async list(): Promise<TIteration[]> {
    const items = await queryAll(this.client, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: marshall({ ':pk': PK, ':prefix': 'ITERATION#' }),
      ConsistentRead: true,
    });
    return items.map((item) => toIteration(unmarshall(item)).iteration);
  }

  async get(id: number): Promise<TIterationWithPulse | null> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.table.tableName,
        Key: marshall(iterationKey(id)),
        ConsistentRead: true,
      }),
    );
    return Item ? toIteration(unmarshall(Item)) : null;
  }

  async openIterationId(): Promise<number | null> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.table.tableName,
        Key: marshall(OPEN_KEY),
        ConsistentRead: true,
      }),
    );
    return Item ? Number(unmarshall(Item).iterationId) : null;
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
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table.tableName,
          Item: marshall(
            { ...iterationKey(id), iteration, pulse: null },
            { removeUndefinedValues: true },
          ),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new DomainError(
          'iteration_exists',
          `Iteration ${id} was just created by someone else; try again`,
        );
      }
      throw error;
    }
    return iteration;
  }

  async setPulse(id: number, input: TPulseInput): Promise<TPulse> {
    const pulse: TPulse = { id: pulseIdOf(id), iterationId: id, ...input };
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.table.tableName,
          Key: marshall(iterationKey(id)),
          UpdateExpression: 'SET pulse = :pulse, iteration.pulseId = :pulseId',
          ConditionExpression: 'iteration.#status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: marshall(
            { ':pulse': pulse, ':pulseId': pulse.id, ':draft': 'draft' },
            { removeUndefinedValues: true },
          ),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new DomainError(
          'iteration_not_draft',
          'The pulse can only change while the iteration is a draft',
        );
      }
      throw error;
    }
    return pulse;
  }

  /** draft → open, freezing the directory headcount as participation's denominator. */
  async open(id: number, headcount: THeadcount, now: Date): Promise<void> {
    await this.transact(
      [
        {
          Update: {
            TableName: this.table.tableName,
            Key: marshall(iterationKey(id)),
            UpdateExpression:
              'SET iteration.#status = :open, iteration.openedAt = :now, iteration.headcount = :headcount',
            ConditionExpression: 'iteration.#status = :draft AND attribute_exists(pulse.id)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: marshall({
              ':open': 'open',
              ':draft': 'draft',
              ':now': now.toISOString(),
              ':headcount': headcount,
            }),
          },
        },
        {
          Put: {
            TableName: this.table.tableName,
            Item: marshall({ ...OPEN_KEY, iterationId: id }),
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
            Key: marshall(iterationKey(id)),
            UpdateExpression: 'SET iteration.#status = :closed, iteration.closedAt = :now',
            ConditionExpression: 'iteration.#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: marshall({
              ':closed': 'closed',
              ':open': 'open',
              ':now': now.toISOString(),
            }),
          },
        },
        {
          Delete: {
            TableName: this.table.tableName,
            Key: marshall(OPEN_KEY),
            ConditionExpression: 'iterationId = :id',
            ExpressionAttributeValues: marshall({ ':id': id }),
          },
        },
      ],
      'This iteration changed meanwhile',
    );
  }

  async review(id: number, now: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.table.tableName,
          Key: marshall(iterationKey(id)),
          UpdateExpression: 'SET iteration.#status = :reviewed, iteration.reviewedAt = :now',
          ConditionExpression: 'iteration.#status = :closed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: marshall({
            ':reviewed': 'reviewed',
            ':closed': 'closed',
            ':now': now.toISOString(),
          }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new DomainError('iteration_changed', 'This iteration changed meanwhile');
      }
      throw error;
    }
  }

  private async transact(
    items: NonNullable<TransactWriteItemsCommand['input']['TransactItems']>,
    conflictMessage: string,
  ): Promise<void> {
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
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
  };
}
