import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';

/**
 * Least privilege on the one table, by partition key prefix (`dynamodb:LeadingKeys`, see
 * functions/src/repositories/table.ts). What answers pulses cannot read results; what reads
 * results cannot write responses or receipts, and updates tallies only to mark them closed when
 * an iteration closes (it reads the responses of closed iterations, for their comments). Members' disclosure segments are written by the steering
 * function when an iteration opens, and only read, one by one: by the pulse function (a
 * submission's segment) and by the steering function (an ambassador's own frozen team, the only
 * group their results and trends show). Members' ideas and votes are the pulse function's: it
 * holds the secret vote items are keyed with (an HMAC of the member, like receipts).
 */
export type TTableAccess = {
  actions: string[];
  leadingKeys: string[];
  /** A secondary index of the table instead of the table itself. */
  index?: string;
  /** Only these attributes may be named (`dynamodb:Attributes`), the keys included. */
  attributes?: string[];
};

export const pulseAccess: TTableAccess[] = [
  {
    actions: ['dynamodb:GetItem'],
    leadingKeys: ['DIRECTORY', 'DIRECTORY#*', 'ITERATIONS', 'DISCLOSURE#*', 'RECEIPT#*'],
  },
  { actions: ['dynamodb:PutItem'], leadingKeys: ['RECEIPT#*', 'RESPONSES#*'] },
  // Tally items are added to only while closing has not marked them: no check of the iteration.
  { actions: ['dynamodb:UpdateItem'], leadingKeys: ['TALLY#*'] },
  // Ideas: submitted (put once), counted (the vote transaction updates `votes`), listed newest
  // first by a query of their iteration's partition, most voted first by the `top` index.
  {
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
    leadingKeys: ['IDEAS#*'],
  },
  { actions: ['dynamodb:Query'], leadingKeys: ['IDEAS#*'], index: 'top' },
  // Votes: put or deleted one by one in the vote transaction, read to tell "I voted".
  {
    actions: [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:PutItem',
      'dynamodb:DeleteItem',
    ],
    leadingKeys: ['VOTE#*'],
  },
  // Between iterations, a member's updates look for the latest one in the iterations' list.
  { actions: ['dynamodb:Query'], leadingKeys: ['ITERATIONS'] },
  // Idea comments: put with the idea's count (its UpdateItem above), read an idea's by a query.
  { actions: ['dynamodb:PutItem', 'dynamodb:Query'], leadingKeys: ['IDEA-COMMENTS#*'] },
  // Published reviews ("you said, we did"): members read them, never write them.
  { actions: ['dynamodb:GetItem', 'dynamodb:Query'], leadingKeys: ['REVIEWS'] },
  // Conventions register: read by every member, one query of its partition.
  { actions: ['dynamodb:Query'], leadingKeys: ['CONVENTIONS'] },
  // A member's last visit of their updates, keyed by the HMAC only this function can make.
  { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], leadingKeys: ['VISIT#*'] },
];

export const steeringAccess: TTableAccess[] = [
  {
    actions: ['dynamodb:GetItem', 'dynamodb:Query'],
    leadingKeys: ['DIRECTORY', 'DIRECTORY#*', 'ITERATIONS', 'TALLY#*'],
  },
  // A staged roster import tells which members of a chunk today's directory holds (ADR 0025).
  { actions: ['dynamodb:BatchGetItem'], leadingKeys: ['DIRECTORY#*'] },
  {
    actions: [
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
    ],
    leadingKeys: ['DIRECTORY', 'DIRECTORY#*', 'ITERATIONS'],
  },
  // Opening an iteration freezes every member's segment: written in batches, never updated;
  // read one by one for an ambassador's own team, never queried; a roster import deletes (in
  // batches) those of the members it removes, so they can no longer answer.
  {
    actions: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:GetItem'],
    leadingKeys: ['DISCLOSURE#*'],
  },
  // Results read the overall tally's shards at once (BatchGet); closing marks every tally item,
  // and may set nothing else on one: never a counter.
  { actions: ['dynamodb:BatchGetItem'], leadingKeys: ['TALLY#*'] },
  {
    actions: ['dynamodb:UpdateItem'],
    leadingKeys: ['TALLY#*'],
    attributes: ['pk', 'sk', 'closedAt'],
  },
  // Results are read from releases: the latest by one query, the next one put, never updated.
  { actions: ['dynamodb:Query', 'dynamodb:PutItem'], leadingKeys: ['RELEASE#*'] },
  // Comments of closed iterations: responses are read (segment and answers, never who), not written.
  { actions: ['dynamodb:Query'], leadingKeys: ['RESPONSES#*'] },
  // Triage and merge: an idea read and updated conditionally (status, duplicate, mergedFrom);
  // a merged idea's votes queried and each copied onto the kept idea (put + count, one
  // transaction per vote). Vote items are copied as keyed: no secret needed here. Ideas are
  // also read one by one where a convention is adopted from one and a review links to them.
  { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], leadingKeys: ['IDEAS#*'] },
  { actions: ['dynamodb:Query', 'dynamodb:PutItem'], leadingKeys: ['VOTE#*'] },
  // Moderation: a comment is read and hidden one by one, its audit entry put, never updated; the
  // queue is read from the `moderation` index, never by scanning comments.
  { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], leadingKeys: ['IDEA-COMMENTS#*'] },
  { actions: ['dynamodb:PutItem'], leadingKeys: ['IDEA-COMMENT-AUDIT'] },
  { actions: ['dynamodb:Query'], leadingKeys: ['IDEA-COMMENT-QUEUE#*'], index: 'moderation' },
  // Conventions: adopted (put once), revised (conditional update), read back one by one.
  {
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
    leadingKeys: ['CONVENTIONS'],
  },
  // Involvement around ideas: once per closed iteration, its ideas, the votes cast and the
  // comments are read (opaque keys and segments, never who) and counted into a snapshot kept once.
  { actions: ['dynamodb:Query'], leadingKeys: ['IDEAS#*', 'IDEA-COMMENTS#*'] },
  { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], leadingKeys: ['INVOLVEMENT#*'] },
  // The iteration review's draft (saved over its version) and its revisions (put once, never
  // updated: a correction is the next revision).
  { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], leadingKeys: ['REVIEW#*'] },
  { actions: ['dynamodb:Query', 'dynamodb:PutItem'], leadingKeys: ['REVIEWS'] },
];

export function tableStatements(
  table: ITableV2,
  access: readonly TTableAccess[],
): PolicyStatement[] {
  return access.map(
    ({ actions, leadingKeys, index, attributes }) =>
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions,
        resources: [index ? `${table.tableArn}/index/${index}` : table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys },
          // Attribute-level: only these are named, and no other comes back in the answer.
          ...(attributes
            ? {
                'ForAllValues:StringEquals': { 'dynamodb:Attributes': attributes },
                StringEqualsIfExists: {
                  'dynamodb:ReturnValues': ['NONE', 'UPDATED_OLD', 'UPDATED_NEW'],
                },
              }
            : {}),
        },
      }),
  );
}
