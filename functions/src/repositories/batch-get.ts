import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { retryWithJitter } from './retry.js';
import type { TTableRef } from './table.js';

/** DynamoDB's limit of keys per BatchGetItem. */
const BATCH_SIZE = 100;
const PARALLEL_BATCHES = 4;

/** Which of these keys hold an item (their sort keys), 100 keys per BatchGet, a few at a time. */
export async function existingSortKeys(
  documents: DynamoDBDocumentClient,
  table: TTableRef,
  keys: readonly { pk: string; sk: string }[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const batches: { pk: string; sk: string }[][] = [];
  for (let start = 0; start < keys.length; start += BATCH_SIZE) {
    batches.push(keys.slice(start, start + BATCH_SIZE));
  }
  for (let start = 0; start < batches.length; start += PARALLEL_BATCHES) {
    await Promise.all(
      batches.slice(start, start + PARALLEL_BATCHES).map(async (batch) => {
        let pending: Record<string, unknown>[] = batch;
        await retryWithJitter(
          async () => {
            const { Responses, UnprocessedKeys } = await documents.send(
              new BatchGetCommand({
                RequestItems: {
                  [table.tableName]: { Keys: pending, ProjectionExpression: 'sk' },
                },
              }),
            );
            for (const item of Responses?.[table.tableName] ?? []) found.add(String(item.sk));
            pending = UnprocessedKeys?.[table.tableName]?.Keys ?? [];
            if (pending.length > 0) throw new KeysLeft();
          },
          (error) => error instanceof KeysLeft,
        );
      }),
    );
  }
  return found;
}

class KeysLeft extends Error {}
