/**
 * Roster imports repository: a roster staged in chunks beside the current directory, then
 * switched to in one transaction (ADR 0025).
 *
 * | access pattern                      | key                                                  | operation            |
 * |-------------------------------------|------------------------------------------------------|----------------------|
 * | start an import                     | pk=`DIRECTORY`, sk=`IMPORT#<id>`                      | Put (not exists)     |
 * | an import's progress                | pk=`DIRECTORY`, sk=`IMPORT#<id>`                      | Get (consistent)     |
 * | stage a chunk                       | its members in pk=`DIRECTORY#<version>`, then the     | BatchWrite, Update   |
 * |                                     | chunk on the import (if staging, same digest, order)  | (conditional)        |
 * | the staged members                  | pk=`DIRECTORY#<version>`                              | Query (paginated)    |
 * | switch                              | `CURRENT` (if still the version read) + import state  | TransactWrite        |
 * |                                     | + `SUPERSEDED#<at>#<previous>` note                   |                      |
 * | emails of a version, from one on    | pk=`DIRECTORY#<version>`, sk > `MEMBER#<email>`, keys | Query (paginated)    |
 * | imports started before a cutoff     | pk=`DIRECTORY`, sk between `IMPORT#` and the cutoff   | Query (sk range)     |
 * | forget an abandoned import          | its version's keys, then its item                     | Query, BatchWrite    |
 *
 * An import's id starts with its creation time in base 36: ids sort by age, so imports older
 * than a day are one key range.
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
  ZMember,
  type TMember,
  type TRosterImportState,
} from '@boucle/shared';
import { randomBytes } from 'node:crypto';
import { deleteInBatches, putInBatches } from './batch-write.js';
import { refusedUnlessWritten } from './conditional-write.js';
import { CURRENT_KEY, memberKey, SUPERSEDED } from './directory.js';
import { queryItems } from './query-items.js';
import type { TTableRef } from './table.js';

const IMPORT = 'IMPORT#';

/** A chunk as the import remembers it: enough to refuse one out of order or sent changed. */
export type TReceivedChunk = { first: string; last: string; count: number; digest: string };

export type TStoredImport = {
  id: string;
  version: string;
  state: TRosterImportState;
  members: number;
  chunkSize: number;
  chunks: number;
  createdAt: string;
  received: Record<string, TReceivedChunk>;
  /** Once switched: the version it replaced, and the last removed email whose segment is gone. */
  previous?: string | null;
  forgottenUpTo?: string;
};

export const importKey = (id: string) => ({ pk: CURRENT_KEY.pk, sk: `${IMPORT}${id}` });

/** Creation time first (9 base-36 digits until the year 5188), then randomness. */
export function importIdOf(now: Date): string {
  const time = now.getTime().toString(36).padStart(9, '0');
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

  async start(job: Omit<TStoredImport, 'received' | 'state'>): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...importKey(job.id), ...job, state: 'staging', received: {} },
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
   * Writes a chunk's members (the same keys again on a retry), then records it, unless the
   * import left staging, the chunk came before with other members, or a neighbour recorded
   * meanwhile overlaps it. Members written by a refused chunk are counted at completion.
   */
  async stage(job: TStoredImport, n: number, members: readonly TMember[], chunk: TReceivedChunk) {
    await putInBatches(
      this.documents,
      this.table,
      members.map((member) => ({ ...memberKey(job.version, member.email), member })),
    );
    const { Attributes } = await refusedUnlessWritten(
      this.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: importKey(job.id),
          UpdateExpression: 'SET received.#n = :chunk',
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
          ReturnValues: 'ALL_NEW',
        }),
      ),
      'roster_import_conflict',
      `Chunk ${n} was refused: the import is no longer staging, or the chunk overlaps another`,
    );
    return Attributes as TStoredImport;
  }

  async stagedMembers(version: string): Promise<TMember[]> {
    const members: TMember[] = [];
    for await (const item of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `DIRECTORY#${version}` },
    })) {
      members.push(ZMember.parse(item.member));
    }
    return members;
  }

  /** The emails of a version in order, after `after` (all from the start without it). */
  async *emailsOf(version: string, after = ''): AsyncGenerator<string> {
    for await (const { sk } of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: { ':pk': `DIRECTORY#${version}`, ':after': `MEMBER#${after}` },
      ProjectionExpression: 'sk',
    })) {
      yield String(sk).slice('MEMBER#'.length);
    }
  }

  /**
   * Makes the staged version the directory, if `CURRENT` is still `previous` and the import
   * still staging: of two completes, or two imports, one wins and the other is refused.
   */
  async switch(
    job: TStoredImport,
    previous: string | null,
    members: readonly TMember[],
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table.tableName,
                Item: {
                  ...CURRENT_KEY,
                  version: job.version,
                  headcount: headcountOf(members),
                  importedAt: at,
                },
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
                UpdateExpression:
                  'SET #state = :switched, previous = :previous, forgottenUpTo = :none',
                ConditionExpression: '#state = :staging',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: {
                  ':switched': 'switched',
                  ':staging': 'staging',
                  ':previous': previous,
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
      const reasons =
        error instanceof TransactionCanceledException ? error.CancellationReasons : [];
      if (reasons?.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
        throw new DomainError(
          'directory_changed',
          'Another roster import finished first, or this one was completed meanwhile',
        );
      }
      throw error;
    }
  }

  async progress(id: string, forgottenUpTo: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: importKey(id),
        UpdateExpression: 'SET forgottenUpTo = :email',
        ExpressionAttributeValues: { ':email': forgottenUpTo },
      }),
    );
  }

  async finish(id: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: importKey(id),
        UpdateExpression: 'SET #state = :completed',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':completed': 'completed' },
      }),
    );
  }

  /**
   * Forgets imports started before `cutoff` that are staging (abandoned: their members too) or
   * completed (their chunks' first and last emails), up to `budget` deletions; how many it made.
   */
  async forgetStartedBefore(cutoff: Date, budget: number): Promise<number> {
    let deleted = 0;
    for await (const job of queryItems(this.documents, {
      TableName: this.table.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :cutoff',
      ExpressionAttributeValues: {
        ':pk': CURRENT_KEY.pk,
        ':first': IMPORT,
        ':cutoff': `${IMPORT}${importIdOf(cutoff).slice(0, 9)}`,
      },
    })) {
      if (deleted >= budget) break;
      const stored = job as unknown as TStoredImport;
      if (stored.state === 'switched') continue;
      if (stored.state === 'staging') {
        const keys: Record<string, unknown>[] = [];
        for await (const email of this.emailsOf(stored.version)) {
          keys.push(memberKey(stored.version, email));
          if (deleted + keys.length >= budget) break;
        }
        await deleteInBatches(this.documents, this.table, keys);
        deleted += keys.length;
        if (deleted >= budget) break;
      }
      await deleteInBatches(this.documents, this.table, [importKey(stored.id)]);
      deleted += 1;
    }
    return deleted;
  }
}
