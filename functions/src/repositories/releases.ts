/**
 * Releases repository: the published states of an iteration's results (see shared disclosure/).
 *
 * | access pattern                   | key                                        | operation        |
 * |----------------------------------|--------------------------------------------|------------------|
 * | latest release of a pulse        | pk=`RELEASE#<pulseId>`, newest sk first    | Query, Limit 1   |
 * | make the next release            | sk=`<000001>`, `attribute_not_exists`      | Put              |
 *
 * Releases are numbered and never overwritten: two readers who make the same next release at
 * once write the same number, and the second simply reads the first one's.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ZRelease, type TRelease } from '@boucle/shared';
import type { TTableRef } from './table.js';

const partitionOf = (pulseId: string) => `RELEASE#${pulseId}`;

export class ReleasesRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  async latest(pulseId: string): Promise<TRelease | null> {
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partitionOf(pulseId) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = Items?.[0];
    return item ? ZRelease.parse(item.release) : null;
  }

  /** Stores a release under its number; false when that number was made meanwhile. */
  async add(pulseId: string, release: TRelease): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            pk: partitionOf(pulseId),
            sk: String(release.info.number).padStart(6, '0'),
            release,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
