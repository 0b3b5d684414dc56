import { describe, expect, it } from 'vitest';
import { itemSize, transactionItemWcu, WriteMeter } from './write-capacity.js';

describe('write capacity as DynamoDB bills transactions', () => {
  it('sizes an item by its attribute names and values', () => {
    // pk: 2 + 5, sk: 2 + 1, n: 1 + (1 digit → 1 + 1), é: 1 + 2 bytes.
    expect(itemSize({ pk: 'TALLY', sk: 'A', n: 7, t: 'é' })).toBe(7 + 3 + 3 + 3);
    expect(itemSize({ big: 123456 })).toBe(3 + 4);
    // A map: 3 + 1 per element + its names and values.
    expect(itemSize({ m: { a: 'xy' } })).toBe(1 + 3 + 1 + 1 + 2);
  });

  it('bills 2 WCU per started KB of the larger of before and after', () => {
    expect(transactionItemWcu(0, 10)).toBe(2);
    expect(transactionItemWcu(0, 1024)).toBe(2);
    expect(transactionItemWcu(1025, 10)).toBe(4);
    expect(transactionItemWcu(10, 2049)).toBe(6);
  });

  it('applies ADDs and tallies each item and partition', () => {
    const meter = new WriteMeter();
    const add = (sk: string) => ({
      Update: {
        TableName: 't',
        Key: { pk: 'P', sk },
        UpdateExpression: 'ADD #c0 :c0, #c1 :c1',
        ExpressionAttributeNames: { '#c0': 'n', '#c1': 'a:q' },
        ExpressionAttributeValues: { ':c0': 1, ':c1': 2 },
      },
    });
    meter.transaction({ TransactItems: [add('x'), add('y')] });
    meter.transaction({
      TransactItems: [add('x'), { Put: { TableName: 't', Item: { pk: 'Q', sk: 'r' } } }],
    });
    expect(meter.item('P', 'x')).toEqual({ pk: 'P', sk: 'x', n: 2, 'a:q': 4 });
    expect(meter.hottestPartition()).toEqual({ key: 'P', wcu: 6 });
    expect(meter.hottestItem()).toEqual({ key: 'P|x', wcu: 4 });
    expect(meter.totalWcu()).toBe(8);
  });
});
