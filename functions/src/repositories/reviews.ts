/**
 * Reviews repository: the steering group's written review of each iteration, one draft being
 * edited and the revisions published from it.
 *
 * | access pattern                          | key                                              | operation            |
 * |-----------------------------------------|--------------------------------------------------|----------------------|
 * | an iteration's draft                    | pk=`REVIEW#<000001>`, sk=`DRAFT`                 | Get                  |
 * | save the draft (optimistic)             | same, `version = :read` (first: not exists)      | Put                  |
 * | an iteration's revisions, newest first  | pk=`REVIEWS`, sk begins `<000001>#`, descending  | Query                |
 * | publish the next revision               | pk=`REVIEWS`, sk=`<000001>#<000001>`, not exists | Put                  |
 * | the latest published review             | pk=`REVIEWS`, descending, limit 1                | Query (one item)     |
 *
 * Every revision of every iteration sits in the one `REVIEWS` partition, sorted by iteration
 * then revision (both fixed width), so "the newest revision of the latest reviewed iteration"
 * that members read is the partition's last item. A revision is put only where none is
 * (`attribute_not_exists`): two publishes never share a number and nothing published is ever
 * overwritten; the loser of a race reads again and takes the next number. Reviews are small
 * (a few hundred per organisation over years), far under a partition's limits.
 */
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DomainError,
  sameContent,
  ZPublishedReview,
  ZReviewDraft,
  type TPublishedReview,
  type TReviewContent,
  type TReviewDraft,
} from '@boucle/shared';
import type { TTableRef } from './table.js';

const PUBLISHED = 'REVIEWS';
const pad = (n: number) => String(n).padStart(6, '0');
export const draftKey = (iterationId: number) => ({
  pk: `REVIEW#${pad(iterationId)}`,
  sk: 'DRAFT',
});
export const revisionKey = (iterationId: number, revision: number) => ({
  pk: PUBLISHED,
  sk: `${pad(iterationId)}#${pad(revision)}`,
});

/** How many times a publish that lost a race reads again; each loss means another revision landed. */
const PUBLISH_ATTEMPTS = 5;

const stripKey = ({ pk: _pk, sk: _sk, ...rest }: Record<string, unknown>) => rest;

export class ReviewsRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  async draftOf(iterationId: number): Promise<TReviewDraft | null> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: draftKey(iterationId),
        ConsistentRead: true,
      }),
    );
    return Item ? ZReviewDraft.parse(stripKey(Item)) : null;
  }

  /**
   * Saves the draft over `version` (0: there is none yet) as `version + 1`. Someone else saved
   * since: `review_changed`, naming `version`, and nothing is written.
   */
  async saveDraft(
    iterationId: number,
    content: TReviewContent,
    version: number,
    at: Date,
  ): Promise<TReviewDraft> {
    const draft: TReviewDraft = { content, version: version + 1, savedAt: at.toISOString() };
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...draftKey(iterationId), ...draft },
          ...(version === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :read',
                ExpressionAttributeValues: { ':read': version },
              }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new DomainError('review_changed', 'The draft was saved meanwhile', {
          version: 'someone saved a newer version; reload it',
        });
      }
      throw error;
    }
    return draft;
  }

  /** Newest first. */
  async revisionsOf(iterationId: number, limit?: number): Promise<TPublishedReview[]> {
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :iteration)',
        ExpressionAttributeValues: { ':pk': PUBLISHED, ':iteration': `${pad(iterationId)}#` },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: limit,
      }),
    );
    return Items.map((item) => ZPublishedReview.parse(stripKey(item)));
  }

  /**
   * Publishes `content` as the iteration's next revision. The same content as the last
   * revision (or a race lost to a publish of the same content): `nothing_to_publish`.
   */
  async publish(
    iteration: { id: number; name: string },
    content: TReviewContent,
    at: Date,
  ): Promise<TPublishedReview> {
    for (let attempt = 1; ; attempt += 1) {
      const [last] = await this.revisionsOf(iteration.id, 1);
      if (last && sameContent(last.content, content)) {
        throw new DomainError('nothing_to_publish', 'This is what was published last');
      }
      const revision = (last?.revision ?? 0) + 1;
      const published: TPublishedReview = {
        iterationId: iteration.id,
        iterationName: iteration.name,
        revision,
        publishedAt: at.toISOString(),
        content,
        correction: revision > 1,
      };
      try {
        await this.documents.send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: { ...revisionKey(iteration.id, revision), ...published },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return published;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || attempt >= PUBLISH_ATTEMPTS) {
          throw error instanceof ConditionalCheckFailedException
            ? new DomainError('review_changed', 'Others published meanwhile; try again')
            : error;
        }
      }
    }
  }

  /** The newest revision of the latest iteration with a published review; what members read. */
  async latestPublished(): Promise<TPublishedReview | null> {
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': PUBLISHED },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const [item] = Items;
    return item ? ZPublishedReview.parse(stripKey(item)) : null;
  }
}
