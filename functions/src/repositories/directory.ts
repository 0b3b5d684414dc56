/**
 * Directory repository: the roster of members, replaced as a whole by each import.
 *
 * | access pattern                    | key                                          | operation              |
 * |-----------------------------------|----------------------------------------------|------------------------|
 * | current version and headcount     | pk=`DIRECTORY`, sk=`CURRENT`                 | GetItem                |
 * | member by email (token → segment) | pk=`DIRECTORY#<version>`, sk=`MEMBER#<email>`| GetItem                |
 * | all members (sign-in page, admin) | pk=`DIRECTORY#<version>`                     | Query                  |
 * | import a roster                   | new version's members, then flip `CURRENT`   | BatchWriteItem, PutItem|
 *
 * An import writes a new version beside the current one and switches `CURRENT` last, with a
 * condition on the version it replaces: a failed or concurrent import leaves the directory as
 * it was, and readers never see half a roster.
 */
import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import {
  DomainError,
  headcountOf,
  ZHeadcount,
  ZMember,
  type THeadcount,
  type TMember,
} from '@boucle/shared';
import { randomUUID } from 'node:crypto';
import { queryAll } from './query-all.js';
import { retryWithJitter } from './retry.js';
import type { TTableRef } from './table.js';

const CURRENT_KEY = { pk: 'DIRECTORY', sk: 'CURRENT' };
const BATCH_SIZE = 25;
const PARALLEL_BATCHES = 4;

type TCurrentDirectory = { version: string; headcount: THeadcount };

export class DirectoryRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: TTableRef,
  ) {}

  async current(): Promise<TCurrentDirectory | null> {
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.table.tableName,
        Key: marshall(CURRENT_KEY),
        ConsistentRead: true,
      }),
    );
    if (!Item) return null;
    const item = unmarshall(Item);
    return { version: String(item.version), headcount: ZHeadcount.parse(item.headcount) };
  }

  async headcount(): Promise<THeadcount> {
    return (await this.current())?.headcount ?? headcountOf([]);
  }

  async memberByEmail(email: string): Promise<TMember | null> {
    const current = await this.current();
    if (!current) return null;
    const { Item } = await this.client.send(
      new GetItemCommand({
        TableName: this.table.tableName,
        Key: marshall({ pk: `DIRECTORY#${current.version}`, sk: `MEMBER#${email.toLowerCase()}` }),
      }),
    );
    return Item ? ZMember.parse(unmarshall(Item).member) : null;
  }

  async members(): Promise<TMember[]> {
    const current = await this.current();
    if (!current) return [];
    const items = await queryAll(this.client, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: marshall({ ':pk': `DIRECTORY#${current.version}` }),
    });
    return items.map((item) => ZMember.parse(unmarshall(item).member));
  }

  /** Replaces the roster: all of it or, on any failure, none of it. */
  async replace(members: readonly TMember[], now: Date): Promise<void> {
    const previous = await this.current();
    const version = `${now.toISOString()}-${randomUUID().slice(0, 8)}`;
    const batches: WriteRequest[][] = [];
    for (let start = 0; start < members.length; start += BATCH_SIZE) {
      batches.push(
        members.slice(start, start + BATCH_SIZE).map((member) => ({
          PutRequest: {
            Item: marshall({ pk: `DIRECTORY#${version}`, sk: `MEMBER#${member.email}`, member }),
          },
        })),
      );
    }
    for (let start = 0; start < batches.length; start += PARALLEL_BATCHES) {
      await Promise.all(batches.slice(start, start + PARALLEL_BATCHES).map((b) => this.write(b)));
    }
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table.tableName,
          Item: marshall({
            ...CURRENT_KEY,
            version,
            headcount: headcountOf(members),
            importedAt: now.toISOString(),
          }),
          ...(previous
            ? {
                ConditionExpression: 'version = :previous',
                ExpressionAttributeValues: marshall({ ':previous': previous.version }),
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new DomainError(
          'directory_changed',
          'Another roster import finished first; try again',
        );
      }
      throw error;
    }
  }

  /** BatchWriteItem may leave some items unprocessed under load: resend them with backoff. */
  private async write(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    await retryWithJitter(
      async () => {
        const { UnprocessedItems } = await this.client.send(
          new BatchWriteItemCommand({ RequestItems: { [this.table.tableName]: pending } }),
        );
        pending = UnprocessedItems?.[this.table.tableName] ?? [];
        if (pending.length > 0) throw new UnprocessedWrites();
      },
      (error) => error instanceof UnprocessedWrites,
    );
  }
}

class UnprocessedWrites extends Error {}
