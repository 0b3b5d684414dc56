/**
 * A small in-memory table behind the mocked document client, for the fault and property suites:
 * it answers reads from the items given, accepts every write without applying it (one request
 * at a time is all these suites send), records every call in order, and can make one call fail.
 */
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  type GetCommandInput,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import type { mockedApp } from '../testing/mocked-app.js';

export type TStoredItem = Record<string, unknown>;
export type TCommandName =
  'Get' | 'BatchGet' | 'Query' | 'Put' | 'Update' | 'Delete' | 'TransactWrite' | 'BatchWrite';

const WRITES: ReadonlySet<TCommandName> = new Set([
  'Put',
  'Update',
  'Delete',
  'TransactWrite',
  'BatchWrite',
]);
export const isWrite = (command: TCommandName) => WRITES.has(command);

export type TCall = { command: TCommandName; input: unknown };
/** Makes the call numbered `at` (from 1) fail with what `error` builds for it. */
export type TFault = { at: number; error: (call: TCall) => Error };

const keyOf = (key: Record<string, unknown> | undefined) => `${key?.pk}|${key?.sk}`;

type TDynamoStub = Awaited<ReturnType<typeof mockedApp>>['dynamo'];

export function fakeTable(dynamo: TDynamoStub, items: readonly TStoredItem[]) {
  const store = new Map(items.map((item) => [keyOf(item), item]));
  const calls: TCall[] = [];
  let fault: TFault | undefined;
  /** How many calls had been sent when the app was handed the failure. */
  let sentWhenFailed: number | undefined;

  const answer = <I, O>(command: TCommandName, read: (input: I) => O) => {
    return async (input: I): Promise<O> => {
      const call = { command, input: structuredClone(input) };
      calls.push(call);
      if (fault?.at === calls.length) {
        // Calls sent in the same tick (parallel batches) went out before the app could know.
        await Promise.resolve();
        sentWhenFailed = calls.length;
        throw fault.error(call);
      }
      return read(input);
    };
  };

  const stored = (key: Record<string, unknown> | undefined) => {
    const item = store.get(keyOf(key));
    return item && structuredClone(item);
  };

  dynamo.reset();
  dynamo
    .on(GetCommand)
    .callsFake(answer('Get', ({ Key }: GetCommandInput) => ({ $metadata: {}, Item: stored(Key) })));
  dynamo.on(BatchGetCommand).callsFake(
    answer('BatchGet', ({ RequestItems = {} }: BatchGetCommandInput) => ({
      $metadata: {},
      Responses: Object.fromEntries(
        Object.entries(RequestItems).map(([table, { Keys = [] }]) => [
          table,
          Keys.map(stored).filter((item) => item !== undefined),
        ]),
      ),
    })),
  );
  dynamo.on(QueryCommand).callsFake(
    answer('Query', (input: QueryCommandInput) => ({
      $metadata: {},
      Items: query(store, input),
    })),
  );
  dynamo.on(PutCommand).callsFake(answer('Put', () => ({ $metadata: {} })));
  dynamo.on(DeleteCommand).callsFake(answer('Delete', () => ({ $metadata: {} })));
  dynamo.on(TransactWriteCommand).callsFake(answer('TransactWrite', () => ({ $metadata: {} })));
  dynamo
    .on(BatchWriteCommand)
    .callsFake(answer('BatchWrite', () => ({ $metadata: {}, UnprocessedItems: {} })));
  dynamo.on(UpdateCommand).callsFake(
    answer('Update', (input: UpdateCommandInput) => ({
      $metadata: {},
      Attributes:
        input.ReturnValues === 'ALL_NEW' ? updated(stored(input.Key) ?? {}, input) : undefined,
    })),
  );

  return {
    calls,
    inject(next: TFault | undefined) {
      fault = next;
      sentWhenFailed = undefined;
      calls.length = 0;
    },
    /** Writes the app sent once it knew the faulted call had failed. */
    writesAfterFailure(): TCall[] {
      if (sentWhenFailed === undefined) return [];
      return calls.slice(sentWhenFailed).filter((call) => isWrite(call.command));
    },
  };
}

/** The key conditions the repositories use: `pk = :v` and an optional sort key condition. */
function query(store: ReadonlyMap<string, TStoredItem>, input: QueryCommandInput): TStoredItem[] {
  const values = input.ExpressionAttributeValues ?? {};
  const [, partition = '', partitionValue = '', sortCondition] =
    /^(\w+) = (:\w+)(?: AND (.+))?$/.exec(input.KeyConditionExpression ?? '') ?? [];
  const sort = sortMatcher(sortCondition, values);
  const found = [...store.values()]
    .filter((item) => item[partition] === values[partitionValue])
    .filter((item) => sort.matches(item))
    .sort((a, b) => String(a[sort.attribute]).localeCompare(String(b[sort.attribute])));
  if (input.ScanIndexForward === false) found.reverse();
  return structuredClone(found.slice(0, input.Limit ?? found.length));
}

function sortMatcher(condition: string | undefined, values: Record<string, unknown>) {
  const prefix = /^begins_with\((\w+), (:\w+)\)$/.exec(condition ?? '');
  if (prefix) {
    const [, attribute = 'sk', value = ''] = prefix;
    return {
      attribute,
      matches: (item: TStoredItem) => String(item[attribute]).startsWith(String(values[value])),
    };
  }
  const compared = /^(\w+) ([<>]=?) (:\w+)$/.exec(condition ?? '');
  if (compared) {
    const [, attribute = 'sk', operator, value = ''] = compared;
    const bound = String(values[value]);
    return {
      attribute,
      matches: (item: TStoredItem) => {
        const order = String(item[attribute]).localeCompare(bound);
        return operator?.startsWith('<') ? order < 0 : order > 0 || (operator === '>=' && !order);
      },
    };
  }
  return { attribute: 'sk', matches: () => true };
}

/** The item after an update's `SET` clauses (values, list_append, if_not_exists), for ALL_NEW. */
function updated(item: TStoredItem, input: UpdateCommandInput): TStoredItem {
  const names = input.ExpressionAttributeNames ?? {};
  const values = input.ExpressionAttributeValues ?? {};
  const path = (text: string) =>
    text
      .trim()
      .split('.')
      .map((part) => names[part] ?? part);
  const read = (text: string): unknown => {
    const trimmed = text.trim();
    if (trimmed.startsWith(':')) return values[trimmed];
    const call = /^(list_append|if_not_exists)\((.*)\)$/.exec(trimmed);
    if (call) {
      const [left = '', right = ''] = splitTopLevel(call[2] ?? '');
      if (call[1] === 'if_not_exists') return read(left) ?? read(right);
      return [...asList(read(left)), ...asList(read(right))];
    }
    return path(trimmed).reduce<unknown>(
      (value, part) => (value as Record<string, unknown> | undefined)?.[part],
      item,
    );
  };
  const set = /^SET (.*)$/.exec(input.UpdateExpression ?? '')?.[1] ?? '';
  for (const assignment of splitTopLevel(set)) {
    const [target = '', ...expression] = assignment.split(' = ');
    const parts = path(target);
    const last = parts.pop() ?? '';
    let parent: Record<string, unknown> = item;
    for (const part of parts) parent = (parent[part] ??= {}) as Record<string, unknown>;
    parent[last] = read(expression.join(' = '));
  }
  return item;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Splits on the commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    if (character === '(') depth++;
    if (character === ')') depth--;
    current += character;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

type TTarget = { Key?: unknown; Item?: { pk?: unknown; sk?: unknown } };
type TTransactItem = Partial<Record<'Put' | 'Update' | 'Delete' | 'ConditionCheck', TTarget>>;

/** The items a call reads or writes; a transaction's puts by partition (their ids are fresh). */
function targetOf({ command, input }: TCall): unknown {
  const request = input as TTarget & {
    KeyConditionExpression?: string;
    ExpressionAttributeValues?: unknown;
    TransactItems?: TTransactItem[];
    RequestItems?: unknown;
  };
  if (command === 'Query')
    return [request.KeyConditionExpression, request.ExpressionAttributeValues];
  if (command === 'Put') return [request.Item?.pk, request.Item?.sk];
  if (command === 'TransactWrite') {
    return (request.TransactItems ?? []).map((item) =>
      Object.entries(item).map(([kind, target]) => [kind, target?.Key ?? target?.Item?.pk]),
    );
  }
  if (command === 'BatchWrite' || command === 'BatchGet')
    return Object.keys(request.RequestItems ?? {});
  return request.Key;
}

/** Whether `later` asks again what `failed` asked: the same command on the same items. */
export function asksAgain(failed: TCall, later: TCall): boolean {
  return later.command === failed.command && isDeepStrictEqual(targetOf(later), targetOf(failed));
}
