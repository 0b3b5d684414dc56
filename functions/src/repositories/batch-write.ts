import {
  BatchWriteCommand,
  type BatchWriteWriteRequest,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { retryWithJitter } from './retry.js';
import type { TTableRef } from './table.js';

/** DynamoDB's limit of items per BatchWriteItem. */
const BATCH_SIZE = 25;
const PARALLEL_BATCHES = 4;

/**
 * Puts many items, 25 per BatchWrite and a few batches at a time, resending what DynamoDB left
 * unprocessed under load with backoff. Not atomic: callers write items nobody reads yet, and
 * make them visible with one conditional write afterwards.
 */
export async function putInBatches(
  documents: DynamoDBDocumentClient,
  table: TTableRef,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  await writeInBatches(
    documents,
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}

/** Deletes many items by key, the same way (missing ones are no error). */
export async function deleteInBatches(
  documents: DynamoDBDocumentClient,
  table: TTableRef,
  keys: readonly Record<string, unknown>[],
): Promise<void> {
  await writeInBatches(
    documents,
    table,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
  );
}

async function writeInBatches(
  documents: DynamoDBDocumentClient,
  table: TTableRef,
  requests: readonly BatchWriteWriteRequest[],
): Promise<void> {
  const batches: BatchWriteWriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += BATCH_SIZE) {
    batches.push(requests.slice(start, start + BATCH_SIZE));
  }
  for (let start = 0; start < batches.length; start += PARALLEL_BATCHES) {
    await Promise.all(
      batches.slice(start, start + PARALLEL_BATCHES).map((batch) => write(documents, table, batch)),
    );
  }
}

async function write(
  documents: DynamoDBDocumentClient,
  table: TTableRef,
  requests: BatchWriteWriteRequest[],
): Promise<void> {
  let pending = requests;
  await retryWithJitter(
    async () => {
      const { UnprocessedItems } = await documents.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }),
      );
      pending = UnprocessedItems?.[table.tableName] ?? [];
      if (pending.length > 0) throw new UnprocessedWrites();
    },
    (error) => error instanceof UnprocessedWrites,
  );
}

class UnprocessedWrites extends Error {}
