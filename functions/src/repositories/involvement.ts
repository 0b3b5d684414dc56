/**
 * Involvement repository: what members did around an iteration's ideas, counted once after it
 * closed.
 *
 * | access pattern                  | key                                          | operation        |
 * |---------------------------------|----------------------------------------------|------------------|
 * | an iteration's snapshot         | pk=`INVOLVEMENT#<000001>`, sk=`SNAPSHOT`     | Get (consistent) |
 * | keep the first count            | same, `attribute_not_exists`                 | Put              |
 *
 * The snapshot holds counts per disclosure segment, never who: a few hundred bytes per segment.
 * It is written once; two readers who count at once write the same thing and the second reads
 * the first one's, so every later read shows exactly the same figures.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ZInvolvementSnapshot, type TInvolvementSnapshot } from '@boucle/shared';
import type { TTableRef } from './table.js';

const keyOf = (iterationId: number) => ({
  pk: `INVOLVEMENT#${String(iterationId).padStart(6, '0')}`,
  sk: 'SNAPSHOT',
});

export class InvolvementRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  async snapshotOf(iterationId: number): Promise<TInvolvementSnapshot | null> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: keyOf(iterationId),
        ConsistentRead: true,
      }),
    );
    return Item ? ZInvolvementSnapshot.parse(Item.snapshot) : null;
  }

  /** Keeps the snapshot unless one is there already; false when another count won. */
  async keep(snapshot: TInvolvementSnapshot): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...keyOf(snapshot.iterationId), snapshot },
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
