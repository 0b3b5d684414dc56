/**
 * Disclosure repository: every member's disclosure segment, frozen when an iteration opens.
 *
 * | access pattern                     | key                                                             | operation        |
 * |------------------------------------|-----------------------------------------------------------------|------------------|
 * | a member's frozen segment (submit) | pk=`DISCLOSURE#<iterationId>#<freeze>#<email>`, sk=`DISCLOSURE` | Get (consistent) |
 * | freeze every member's segment      | one item per member of the directory, before opening            | BatchWrite ×25   |
 * | forget members a roster removed    | their items of the open iteration's freeze                      | BatchWrite ×25   |
 *
 * One item per member, each in its own partition: a burst of answers reads as many partitions
 * as members, none of them hot, and a submission reads its member's segment with one GetItem.
 * The segments are written before the iteration is flipped to open, under a freeze id the
 * iteration keeps (`disclosureFreeze` on its item): an open that failed after writing leaves
 * items nobody ever reads, and a later open freezes afresh under its own id.
 *
 * The item holds who and their segment, never an answer: segments come from the directory, and
 * every one of them is shared by at least k members of the frozen roster.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ZSegment, type TSegment } from '@boucle/shared';
import { deleteInBatches, putInBatches } from './batch-write.js';
import type { TTableRef } from './table.js';

const SK = 'DISCLOSURE';

/** Which iteration and which freeze of it: the iteration item names its freeze once open. */
export type TFreezeRef = { iterationId: number; freeze: string };

export const disclosureKey = ({ iterationId, freeze }: TFreezeRef, email: string) => ({
  pk: `DISCLOSURE#${iterationId}#${freeze}#${email.toLowerCase()}`,
  sk: SK,
});

export class DisclosureRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  /** The member's segment as frozen, or null when they were not in the directory at opening. */
  async segmentOf(ref: TFreezeRef, email: string): Promise<TSegment | null> {
    const { Item } = await this.documents.send(
      // Consistent: a member answering the moment the iteration opened finds their segment.
      new GetCommand({
        TableName: this.table.tableName,
        Key: disclosureKey(ref, email),
        ConsistentRead: true,
      }),
    );
    return Item ? ZSegment.parse(Item.segment) : null;
  }

  /** Writes every member's segment (by email), 25 per BatchWrite; resolves once all are in. */
  async freeze(ref: TFreezeRef, segments: ReadonlyMap<string, TSegment>): Promise<void> {
    await putInBatches(
      this.documents,
      this.table,
      [...segments].map(([email, segment]) => ({ ...disclosureKey(ref, email), segment })),
    );
  }

  /**
   * Deletes the frozen segments of members the directory no longer holds: an answer reads only
   * this item (not the directory), so without it they are refused like anyone not in it.
   */
  async forget(ref: TFreezeRef, emails: readonly string[]): Promise<void> {
    await deleteInBatches(
      this.documents,
      this.table,
      emails.map((email) => disclosureKey(ref, email)),
    );
  }
}
