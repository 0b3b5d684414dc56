/**
 * Conventions repository: the register of usage conventions, each with its whole history.
 *
 * | access pattern          | key                                                | operation             |
 * |-------------------------|----------------------------------------------------|-----------------------|
 * | the register            | pk=`CONVENTIONS`, sk begins `CONVENTION#`          | Query (paginated)     |
 * | convention by id        | pk=`CONVENTIONS`, sk=`CONVENTION#<id>`             | Get                   |
 * | adopt                   | same, `attribute_not_exists`                       | Put                   |
 * | revise                  | condition `version = <the one revised>`            | Update (list_append)  |
 *
 * One item per convention holds its revisions (at most `MAX_CONVENTION_REVISIONS`, well under
 * the 400 KB an item may hold), so a revision and the text it replaces are written by one
 * conditional update: of two steering members revising the same version, exactly one wins and
 * the other is told someone revised first. A register is tens of conventions, one partition.
 */
import {
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ZConventionRevision, type TConventionRevision } from '@boucle/shared';
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { refusedUnlessWritten } from './conditional-write.js';
import { queryItems } from './query-items.js';
import type { TTableRef } from './table.js';

const PK = 'CONVENTIONS';
export const conventionKey = (id: string) => ({ pk: PK, sk: `CONVENTION#${id}` });

const ZStoredConvention = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  version: z.number(),
  adoptedIn: z.object({ id: z.number(), name: z.string() }),
  idea: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** Oldest first, as appended. */
  revisions: z.array(ZConventionRevision),
});
export type TStoredConvention = z.infer<typeof ZStoredConvention>;

/** Milliseconds in base 36 (fixed width, so ids sort by adoption), then a random tail. */
export function newConventionId(now: Date): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  return `${time}${randomBytes(4).toString('hex')}`;
}

export class ConventionsRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  async list(): Promise<TStoredConvention[]> {
    const conventions: TStoredConvention[] = [];
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :convention)',
      ExpressionAttributeValues: { ':pk': PK, ':convention': 'CONVENTION#' },
    })) {
      conventions.push(ZStoredConvention.parse(item));
    }
    return conventions;
  }

  async get(id: string): Promise<TStoredConvention | null> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: conventionKey(id),
        ConsistentRead: true,
      }),
    );
    return Item ? ZStoredConvention.parse(Item) : null;
  }

  async adopt(convention: TStoredConvention): Promise<TStoredConvention> {
    await refusedUnlessWritten(
      this.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...conventionKey(convention.id), ...convention },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
      'internal',
      'Two conventions drew the same id',
    );
    return convention;
  }

  /** Appends the revision if the convention is still at `fromVersion`; else convention_changed. */
  async revise(
    id: string,
    fromVersion: number,
    revision: TConventionRevision,
  ): Promise<TStoredConvention> {
    const { Attributes } = await refusedUnlessWritten(
      this.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: conventionKey(id),
          UpdateExpression:
            'SET title = :title, #text = :text, version = :next, revisions = list_append(revisions, :revision)',
          ConditionExpression: 'attribute_exists(pk) AND version = :from',
          ExpressionAttributeNames: { '#text': 'text' },
          ExpressionAttributeValues: {
            ':title': revision.title,
            ':text': revision.text,
            ':next': revision.revision,
            ':from': fromVersion,
            ':revision': [revision],
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
      'convention_changed',
      'Someone revised this convention first',
    );
    return ZStoredConvention.parse(Attributes);
  }
}
