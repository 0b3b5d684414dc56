/**
 * Write capacity as DynamoDB bills transactions, for the hot-key replay and its bench: each item
 * of a `TransactWriteItems` costs 2 WCU per started KB of the item (for an update, the larger of
 * its size before and after; a ConditionCheck is billed like a write of the item it checks).
 * Tallied per partition key and per item, so the hottest of each can be compared with
 * DynamoDB's 1,000 WCU/s per partition.
 *
 * Item size is computed as DynamoDB documents it: the UTF-8 length of each attribute name plus
 * its value's size — a string its UTF-8 length, a number 1 byte per two significant digits plus
 * 1, a boolean or null 1 byte, a map or list 3 bytes plus 1 per element plus its elements (map
 * keys counted as names). Approximations: numbers are counted from their decimal form, and an
 * update is applied here only as far as the app uses them (`ADD` of numbers, `SET` of values).
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

const KB = 1024;

type TItem = Record<string, unknown>;

export function valueSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') {
    const digits = String(Math.abs(value))
      .replace(/[.e+-]/g, '')
      .replace(/^0+|0+$/g, '');
    return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
  }
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (Array.isArray(value)) {
    return 3 + value.reduce((sum: number, each) => sum + 1 + valueSize(each), 0);
  }
  if (typeof value === 'object') return 3 + itemSize(value as TItem) + Object.keys(value).length;
  throw new Error(`no DynamoDB size for ${typeof value}`);
}

/** Bytes DynamoDB counts for an item: every attribute's name and value, keys included. */
export function itemSize(item: TItem): number {
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name, 'utf8') + valueSize(value),
    0,
  );
}

/** WCU one item of a transaction costs: 2 per started KB of the larger of before and after. */
export function transactionItemWcu(bytesBefore: number, bytesAfter: number): number {
  return 2 * Math.max(1, Math.ceil(Math.max(bytesBefore, bytesAfter) / KB));
}

export type THottest = { key: string; wcu: number };

/**
 * An in-memory table that applies the transactions it is given and tallies what each cost per
 * partition key and per item.
 */
export class WriteMeter {
  private readonly items = new Map<string, TItem>();
  private readonly byPartition = new Map<string, number>();
  private readonly byItem = new Map<string, number>();

  /** Applies a transaction (all of it: the caller decides it committed) and bills it. */
  transaction(input: TransactWriteCommandInput): void {
    for (const each of input.TransactItems ?? []) {
      if (each.Put) this.write(each.Put.Item as TItem, () => each.Put?.Item as TItem);
      else if (each.Update) {
        const { Key, UpdateExpression, ExpressionAttributeNames, ExpressionAttributeValues } =
          each.Update;
        this.write(Key as TItem, (before) =>
          applyUpdate(
            before ?? { ...(Key as TItem) },
            UpdateExpression ?? '',
            ExpressionAttributeNames ?? {},
            ExpressionAttributeValues ?? {},
          ),
        );
      } else if (each.ConditionCheck) {
        this.write(each.ConditionCheck.Key as TItem, (before) => before ?? {});
      } else if (each.Delete) {
        this.write(each.Delete.Key as TItem, () => null);
      }
    }
  }

  hottestPartition(): THottest {
    return hottest(this.byPartition);
  }

  hottestItem(): THottest {
    return hottest(this.byItem);
  }

  totalWcu(): number {
    return [...this.byItem.values()].reduce((sum, wcu) => sum + wcu, 0);
  }

  /** Every partition key written, with its WCU. */
  partitions(): ReadonlyMap<string, number> {
    return this.byPartition;
  }

  /** The item as it is now (for sizes). */
  item(pk: string, sk: string): TItem | undefined {
    return this.items.get(`${pk}|${sk}`);
  }

  private write(key: TItem, next: (before: TItem | undefined) => TItem | null): void {
    const id = `${String(key.pk)}|${String(key.sk)}`;
    const before = this.items.get(id);
    const after = next(before && structuredClone(before));
    if (after) this.items.set(id, after);
    else this.items.delete(id);
    const wcu = transactionItemWcu(before ? itemSize(before) : 0, after ? itemSize(after) : 0);
    this.byItem.set(id, (this.byItem.get(id) ?? 0) + wcu);
    const pk = String(key.pk);
    this.byPartition.set(pk, (this.byPartition.get(pk) ?? 0) + wcu);
  }
}

/** `ADD #a :a, …` and `SET #a = :a, …` (what the app's transactions use). */
function applyUpdate(
  item: TItem,
  expression: string,
  names: Record<string, string>,
  values: Record<string, unknown>,
): TItem {
  const [, verb = '', rest = ''] = /^(ADD|SET)\s+(.*)$/s.exec(expression.trim()) ?? [];
  for (const clause of rest.split(',').map((part) => part.trim())) {
    const [name = '', value = ''] = verb === 'ADD' ? clause.split(/\s+/) : clause.split(/\s*=\s*/);
    const attribute = names[name] ?? name;
    const operand = values[value];
    if (verb === 'ADD') item[attribute] = Number(item[attribute] ?? 0) + Number(operand);
    else if (verb === 'SET') item[attribute] = operand;
    else throw new Error(`unsupported update: ${expression}`);
  }
  return item;
}

function hottest(costs: ReadonlyMap<string, number>): THottest {
  let top: THottest = { key: '', wcu: 0 };
  for (const [key, wcu] of costs) if (wcu > top.wcu) top = { key, wcu };
  return top;
}
