/**
 * Directory repository: the roster of members, replaced as a whole by each import.
 *
 * | access pattern                    | key                                          | operation           |
 * |-----------------------------------|----------------------------------------------|---------------------|
 * | current version and headcount     | pk=`DIRECTORY`, sk=`CURRENT`                 | Get                 |
 * | member by email (token → segment) | pk=`DIRECTORY#<version>`, sk=`MEMBER#<email>`| Get                 |
 * | all members (sign-in page, admin) | pk=`DIRECTORY#<version>`                     | Query (paginated)   |
 * | replace the roster (seeds, demo)  | new version's members, then flip `CURRENT`   | BatchWrite, Put     |
 * | versions superseded, oldest first | pk=`DIRECTORY`, sk=`SUPERSEDED#<at>#<version>`| Query (sk range)    |
 * | forget a superseded version       | pk=`DIRECTORY#<version>`, keys only          | Query, BatchWrite   |
 * | staged imports (ADR 0025)         | pk=`DIRECTORY`, sk=`IMPORT#<id>`: see roster-imports.ts | Get, Update   |
 *
 * An import writes a new version beside the current one and switches `CURRENT` last, with a
 * condition on the version it replaces: a failed or concurrent import leaves the directory as
 * it was, and readers never see half a roster.
 *
 * A superseded version is kept `DIRECTORY_RETENTION_DAYS` (to tell what an import changed, or
 * put it back by importing its export), then forgotten by the next import: the names and emails
 * of members who left are not kept for ever.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DIRECTORY_RETENTION_DAYS,
  headcountOf,
  ZHeadcount,
  ZMember,
  type THeadcount,
  type TMember,
} from '@boucle/shared';
import { randomUUID } from 'node:crypto';
import { deleteInBatches, putInBatches } from './batch-write.js';
import { refusedUnlessWritten } from './conditional-write.js';
import { queryItems } from './query-items.js';
import type { TTableRef } from './table.js';

export const CURRENT_KEY = { pk: 'DIRECTORY', sk: 'CURRENT' };
export const SUPERSEDED = 'SUPERSEDED#';

export const memberKey = (version: string, email: string) => ({
  pk: `DIRECTORY#${version}`,
  sk: `MEMBER#${email}`,
});

/** The cutoff of `DIRECTORY_RETENTION_DAYS` before `now`. */
export const retentionCutoff = (now: Date) =>
  new Date(now.getTime() - DIRECTORY_RETENTION_DAYS * 24 * 3600 * 1000);

type TCurrentDirectory = { version: string; headcount: THeadcount };

export class DirectoryRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  async current(): Promise<TCurrentDirectory | null> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.table.tableName, Key: CURRENT_KEY, ConsistentRead: true }),
    );
    if (!Item) return null;
    return { version: String(Item.version), headcount: ZHeadcount.parse(Item.headcount) };
  }

  async headcount(): Promise<THeadcount> {
    return (await this.current())?.headcount ?? headcountOf([]);
  }

  async memberByEmail(email: string): Promise<TMember | null> {
    const current = await this.current();
    if (!current) return null;
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: { pk: `DIRECTORY#${current.version}`, sk: `MEMBER#${email.toLowerCase()}` },
      }),
    );
    return Item ? ZMember.parse(Item.member) : null;
  }

  async members(): Promise<TMember[]> {
    const current = await this.current();
    if (!current) return [];
    const members: TMember[] = [];
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `DIRECTORY#${current.version}` },
    })) {
      members.push(ZMember.parse(item.member));
    }
    return members;
  }

  /** Replaces the roster: all of it or, on any failure, none of it. */
  async replace(members: readonly TMember[], now: Date): Promise<void> {
    const previous = await this.current();
    const version = `${now.toISOString()}-${randomUUID().slice(0, 8)}`;
    await putInBatches(
      this.documents,
      this.table,
      members.map((member) => ({ ...memberKey(version, member.email), member })),
    );
    await refusedUnlessWritten(
      this.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            ...CURRENT_KEY,
            version,
            headcount: headcountOf(members),
            importedAt: now.toISOString(),
          },
          ...(previous
            ? {
                ConditionExpression: 'version = :previous',
                ExpressionAttributeValues: { ':previous': previous.version },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      ),
      'directory_changed',
      'Another roster import finished first; try again',
    );
    if (previous) {
      await this.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            pk: CURRENT_KEY.pk,
            sk: `${SUPERSEDED}${now.toISOString()}#${previous.version}`,
            version: previous.version,
          },
        }),
      );
    }
    await this.forgetSupersededBefore(retentionCutoff(now));
  }

  /**
   * Deletes the versions superseded before `cutoff`, oldest first, members first, then their
   * entry; stops after about `budget` deletions (a staged import's completion continues on its
   * next call). How many it made.
   */
  async forgetSupersededBefore(cutoff: Date, budget = Infinity): Promise<number> {
    let deleted = 0;
    const entries = queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :cutoff',
      ExpressionAttributeValues: {
        ':pk': CURRENT_KEY.pk,
        ':first': SUPERSEDED,
        ':cutoff': `${SUPERSEDED}${cutoff.toISOString()}`,
      },
    });
    for await (const entry of entries) {
      const keys: Record<string, unknown>[] = [];
      for await (const { pk, sk } of queryItems(this.documents, {
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `DIRECTORY#${String(entry.version)}` },
        ProjectionExpression: 'pk, sk',
      })) {
        keys.push({ pk, sk });
        if (deleted + keys.length >= budget) break;
      }
      await deleteInBatches(this.documents, this.table, keys);
      deleted += keys.length;
      if (deleted >= budget) return deleted;
      await deleteInBatches(this.documents, this.table, [{ pk: entry.pk, sk: entry.sk }]);
      deleted += 1;
    }
    return deleted;
  }
}
