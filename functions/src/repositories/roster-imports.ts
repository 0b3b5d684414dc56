/**
 * Roster imports repository: a roster staged in chunks beside the current directory, then
 * switched to in one transaction (ADR 0025).
 *
 * | access pattern                   | key                                                    | operation          |
 * |----------------------------------|--------------------------------------------------------|--------------------|
 * | start an import                  | pk=`DIRECTORY`, sk=`IMPORT#<id>`                        | Put (not exists)   |
 * | an import's progress             | pk=`DIRECTORY`, sk=`IMPORT#<id>`                        | Get (consistent)   |
 * | reserve a chunk                  | `received.<n>` on the import (staging, same digest,     | Update (cond.)     |
 * |                                  | neighbours before and after it by email)                |                    |
 * | stage its members                | pk=`DIRECTORY#<version>`, sk=`MEMBER#<email>`           | BatchWrite         |
 * | which of them today's holds      | the same keys in the version the import started from    | BatchGet           |
 * | chunk written, its headcount     | `received.<n>.written` + pk=`DIRECTORY#IMPORT-<id>`,       | TransactWrite      |
 * |                                  | sk=`CHUNK#<n>`                                          |                    |
 * | the staged headcount             | pk=`DIRECTORY#IMPORT-<id>`                                 | Query              |
 * | switch                           | `CURRENT` (if still the version it started from) +      | TransactWrite      |
 * |                                  | import state + `SUPERSEDED#<at>#<previous>` note        |                    |
 * | removed members, a slice at once | pk=`DIRECTORY#<previous>`, sk > last one seen, keys;    | Query, BatchGet    |
 * |                                  | the same keys in the new version                        |                    |
 * | imports started before a cutoff  | pk=`DIRECTORY`, sk between `IMPORT#` and the cutoff     | Query (sk range)   |
 * | forget an import                 | its chunks' items (abandoned: its members too), itself | Query, BatchWrite  |
 *
 * A chunk is reserved before its members are written, and only members of a reserved chunk
 * (same digest) are ever written: chunks cannot overlap, so the staged version holds exactly
 * the members announced once every chunk is written, and completing reads none of them. An
 * import's id starts with its creation time in base 36: ids sort by age.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  headcountOf,
  ZHeadcount,
  type THeadcount,
  type TMember,
  type TRosterImportState,
} from '@boucle/shared';
import { randomBytes } from 'node:crypto';
import { existingSortKeys } from './batch-get.js';
import { deleteInBatches, putInBatches } from './batch-write.js';
import { refusedUnlessWritten } from './conditional-write.js';
import { CURRENT_KEY, memberKey, SUPERSEDED } from './directory.js';
import { queryItems } from './query-items.js';
import type { TTableRef } from './table.js';

const IMPORT = 'IMPORT#';
const MEMBER = 'MEMBER#';

/** A chunk as the import remembers it: enough to refuse one out of order or sent changed. */
export type TReceivedChunk = {
  first: string;
  last: string;
  count: number;
  digest: string;
  /** Its members are staged; `kept` of them are in the directory the import started from. */
  written?: boolean;
  kept?: number;
};

export type TStoredImport = {
  id: string;
  version: string;
  state: TRosterImportState;
  members: number;
  chunkSize: number;
  chunks: number;
  createdAt: string;
  /** The directory when the import started: the version and its headcount total. */
  against: string | null;
  currentTotal: number;
  received: Record<string, TReceivedChunk>;
  /** Once switched: the last email of `against` checked for removal. */
  forgottenUpTo?: string;
};

export const importKey = (id: string) => ({ pk: CURRENT_KEY.pk, sk: `${IMPORT}${id}` });
// Under `DIRECTORY#`, as the members: the steering function's permissions cover both.
const chunkKey = (id: string, n: number) => ({
  pk: `DIRECTORY#IMPORT-${id}`,
  sk: `CHUNK#${String(n).padStart(3, '0')}`,
});

/** A time as an id starts: 9 base-36 digits (until the year 5188), so ids sort by age. */
const idTimeOf = (at: Date) => at.getTime().toString(36).padStart(9, '0');

/** Creation time first, then randomness. */
export function importIdOf(now: Date): string {
  const time = idTimeOf(now);
  const random = BigInt(`0x${randomBytes(6).toString('hex')}`)
    .toString(36)
    .padStart(10, '0');
  return `${time}${random.slice(0, 7)}`;
}

export class RosterImportsRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  async start(job: TStoredImport): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...importKey(job.id), ...job },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(id: string): Promise<TStoredImport | null> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.table.tableName, Key: importKey(id), ConsistentRead: true }),
    );
    return Item ? (Item as TStoredImport) : null;
  }

  /**
   * Stages chunk `n`: reserves it (refused if the import left staging, the chunk came before
   * with other members, or a neighbour overlaps it), writes its members (the same keys again on
   * a retry), counts those today's directory holds, and marks it written with its headcount.
   */
  async stage(job: TStoredImport, n: number, members: readonly TMember[], chunk: TReceivedChunk) {
    await this.reserve(job.id, n, chunk);
    const keys = members.map((member) => memberKey(job.version, member.email));
    await putInBatches(
      this.documents,
      this.table,
      members.map((member, index) => ({ ...keys[index], member })),
    );
    const kept = job.against
      ? (
          await existingSortKeys(
            this.documents,
            this.table,
            members.map((member) => memberKey(job.against ?? '', member.email)),
          )
        ).size
      : 0;
    await this.documents
      .send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table.tableName,
                Key: importKey(job.id),
                UpdateExpression: 'SET received.#n.written = :true, received.#n.kept = :kept',
                ConditionExpression: '#state = :staging AND received.#n.digest = :digest',
                ExpressionAttributeNames: { '#n': String(n), '#state': 'state' },
                ExpressionAttributeValues: {
                  ':true': true,
                  ':kept': kept,
                  ':staging': 'staging',
                  ':digest': chunk.digest,
                },
              },
            },
            {
              Put: {
                TableName: this.table.tableName,
                Item: { ...chunkKey(job.id, n), headcount: headcountOf(members) },
              },
            },
          ],
        }),
      )
      .catch((error: unknown) => {
        throw conditionFailed(error)
          ? new DomainError('roster_import_conflict', 'The import left staging meanwhile')
          : error;
      });
  }

  private async reserve(id: string, n: number, chunk: TReceivedChunk): Promise<void> {
    await refusedUnlessWritten(
      this.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: importKey(id),
          UpdateExpression: 'SET received.#n = if_not_exists(received.#n, :chunk)',
          ConditionExpression: [
            '#state = :staging',
            '(attribute_not_exists(received.#n) OR received.#n.digest = :digest)',
            '(attribute_not_exists(received.#previous) OR received.#previous.#last < :first)',
            '(attribute_not_exists(received.#next) OR received.#next.#first > :last)',
          ].join(' AND '),
          ExpressionAttributeNames: {
            '#n': String(n),
            '#previous': String(n - 1),
            '#next': String(n + 1),
            '#state': 'state',
            '#first': 'first',
            '#last': 'last',
          },
          ExpressionAttributeValues: {
            ':chunk': chunk,
            ':staging': 'staging',
            ':digest': chunk.digest,
            ':first': chunk.first,
            ':last': chunk.last,
          },
        }),
      ),
      'roster_import_conflict',
      `Chunk ${n} was refused: the import left staging, or another chunk overlaps it`,
    );
  }

  /** The headcount of each written chunk. */
  async chunkHeadcounts(id: string): Promise<THeadcount[]> {
    const headcounts: THeadcount[] = [];
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': chunkKey(id, 0).pk },
    })) {
      headcounts.push(ZHeadcount.parse(item.headcount));
    }
    return headcounts;
  }

  /**
   * Makes the staged version the directory, if `CURRENT` is still the version the import
   * started from and the import still staging: of two completes, or two imports, one wins.
   */
  async switch(job: TStoredImport, headcount: THeadcount, now: Date): Promise<void> {
    const at = now.toISOString();
    const previous = job.against;
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.tableName,
                Item: { ...CURRENT_KEY, version: job.version, headcount, importedAt: at },
                ...(previous
                  ? {
                      ConditionExpression: 'version = :previous',
                      ExpressionAttributeValues: { ':previous': previous },
                    }
                  : { ConditionExpression: 'attribute_not_exists(pk)' }),
              },
            },
            {
              Update: {
                TableName: this.table.tableName,
                Key: importKey(job.id),
                UpdateExpression: 'SET #state = :switched, forgottenUpTo = :none',
                ConditionExpression: '#state = :staging',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: {
                  ':switched': 'switched',
                  ':staging': 'staging',
                  ':none': '',
                },
              },
            },
            ...(previous
              ? [
                  {
                    Put: {
                      TableName: this.table.tableName,
                      Item: {
                        pk: CURRENT_KEY.pk,
                        sk: `${SUPERSEDED}${at}#${previous}`,
                        version: previous,
                      },
                    },
                  },
                ]
              : []),
          ],
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
      throw new DomainError(
        'directory_changed',
        'Another roster import finished first, or this one was completed meanwhile',
      );
    }
  }

  /**
   * Up to `limit` emails of `previous` after `after`, and those of them `next` lacks: the
   * members an import removed, a slice at a time.
   */
  async removedSlice(previous: string, next: string, after: string, limit: number) {
    const scanned: string[] = [];
    for await (const { sk } of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: { ':pk': `DIRECTORY#${previous}`, ':after': `${MEMBER}${after}` },
      ProjectionExpression: 'sk',
    })) {
      scanned.push(String(sk).slice(MEMBER.length));
      if (scanned.length >= limit) break;
    }
    const kept = await existingSortKeys(
      this.documents,
      this.table,
      scanned.map((email) => memberKey(next, email)),
    );
    return {
      removed: scanned.filter((email) => !kept.has(`${MEMBER}${email}`)),
      last: scanned.at(-1) ?? after,
      done: scanned.length < limit,
    };
  }

  /** Where forgetting leavers' segments stopped, or the import completed. */
  async note(id: string, done: { forgottenUpTo: string } | { state: 'completed' }) {
    const [[name, value]] = Object.entries(done) as [[string, string]];
    await this.documents.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: importKey(id),
        UpdateExpression: 'SET #name = :value',
        ExpressionAttributeNames: { '#name': name },
        ExpressionAttributeValues: { ':value': value },
      }),
    );
  }

  /**
   * Forgets imports started before `cutoff` that are completed (their chunks' first and last
   * emails) or still staging (abandoned: their staged members too), up to about `budget`
   * deletions; how many it made.
   */
  async forgetStartedBefore(cutoff: Date, budget: number): Promise<number> {
    let deleted = 0;
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :cutoff',
      ExpressionAttributeValues: {
        ':pk': CURRENT_KEY.pk,
        ':first': IMPORT,
        ':cutoff': `${IMPORT}${idTimeOf(cutoff)}`,
      },
    })) {
      const job = item as unknown as TStoredImport;
      if (deleted >= budget) break;
      if (job.state === 'switched') continue;
      const keys: Record<string, unknown>[] = [];
      const partitions = [chunkKey(job.id, 0).pk];
      if (job.state === 'staging') partitions.push(`DIRECTORY#${job.version}`);
      for (const pk of partitions) {
        for await (const { sk } of queryItems(this.documents, {
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ProjectionExpression: 'sk',
        })) {
          keys.push({ pk, sk });
          if (deleted + keys.length >= budget) break;
        }
      }
      await deleteInBatches(this.documents, this.table, keys);
      deleted += keys.length;
      if (deleted >= budget) break;
      await deleteInBatches(this.documents, this.table, [importKey(job.id)]);
      deleted += 1;
    }
    return deleted;
  }
}

const conditionFailed = (error: unknown) =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');
