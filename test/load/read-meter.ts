import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** What the DynamoDB calls of one API request cost, as the bench counts it. */
export type TReadCost = {
  calls: number;
  /** Items DynamoDB read: ScannedCount (else Count) of queries and scans, items got by Get/BatchGet. */
  itemsRead: number;
  /** Read capacity units, when the endpoint reports ConsumedCapacity (DynamoDB Local does). */
  capacityUnits: number;
  writes: number;
};

const READS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

type TCapacity = { CapacityUnits?: number };
type TReadOutput = {
  Count?: number;
  ScannedCount?: number;
  Item?: unknown;
  Responses?: Record<string, unknown[]> | unknown[];
  ConsumedCapacity?: TCapacity | TCapacity[];
};

/**
 * Counts what every call made through the client (and the document client the app wraps around
 * it, which shares its middleware) reads. Read calls are asked for their ConsumedCapacity, which
 * only adds a field to the answer. `take` returns the cost since the last `take` and starts
 * again, so requests sent one at a time are measured one by one.
 */
export function meterReads(client: DynamoDBClient): { take: () => TReadCost } {
  let cost = emptyCost();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const isRead = READS.has(context.commandName ?? '');
      if (isRead) Object.assign(args.input as object, { ReturnConsumedCapacity: 'TOTAL' });
      const result = await next(args);
      cost.calls++;
      if (!isRead) {
        cost.writes++;
        return result;
      }
      const output = result.output as TReadOutput;
      cost.itemsRead += itemsOf(output);
      const consumed = output.ConsumedCapacity;
      for (const each of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        cost.capacityUnits += each.CapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'meterReads' },
  );
  return {
    take: () => {
      const taken = cost;
      cost = emptyCost();
      return taken;
    },
  };
}

function itemsOf(output: TReadOutput): number {
  if (output.ScannedCount !== undefined || output.Count !== undefined) {
    return output.ScannedCount ?? output.Count ?? 0;
  }
  const responses = output.Responses;
  if (Array.isArray(responses)) return responses.length;
  if (responses) return Object.values(responses).reduce((sum, items) => sum + items.length, 0);
  return output.Item ? 1 : 0;
}

function emptyCost(): TReadCost {
  return { calls: 0, itemsRead: 0, capacityUnits: 0, writes: 0 };
}
