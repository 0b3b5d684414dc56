import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { replayBurst } from './hot-key-replay.js';

/** DynamoDB's write rate of one partition (and so of one item), in WCU per second. */
const PARTITION_WCU = 1000;
/** 5,000 answers through the service take seconds, minutes on a loaded machine. */
const REPLAY_TIMEOUT_MS = 300_000;

describe('a burst of 5,000 answers to one pulse, as one second', () => {
  it(
    'makes two calls per answer and keeps every partition key and item under 1,000 WCU/s',
    async () => {
      const shards = readConfig({ AUTH_ISSUER: 'x', AUTH_AUDIENCE: 'y' }).TALLY_SHARDS;
      const replay = await replayBurst({ answers: 5000, shards });
      // Printed with the test run: the figures the issue asks to see.
      process.stdout.write(
        `hot-key replay, ${replay.answers} answers, ${shards} shards: ` +
          `calls per answer ${replay.callsPerAnswer.max} (first ${replay.callsPerAnswer.first}); ` +
          `hottest partition key ${replay.hottestPartition.key} ${replay.hottestPartition.wcu} WCU/s; ` +
          `hottest item ${replay.hottestItem.key} ${replay.hottestItem.wcu} WCU/s; ` +
          `largest response ${replay.largestResponseBytes} B\n`,
      );
      expect(replay.answers).toBe(5000);
      // The first answer of a process also reads the iteration; every other one: segment + transaction.
      expect(replay.callsPerAnswer.first).toBe(3);
      expect(replay.callsPerAnswer.max).toBe(2);
      // Free text at its limit makes responses over 1 KB: their partitions count that too.
      expect(replay.largestResponseBytes).toBeGreaterThan(1024);
      expect(replay.hottestPartition.wcu).toBeLessThanOrEqual(PARTITION_WCU);
      expect(replay.hottestItem.wcu).toBeLessThanOrEqual(PARTITION_WCU);
    },
    REPLAY_TIMEOUT_MS,
  );

  it(
    'would find the hot key of a single shard',
    async () => {
      const replay = await replayBurst({ answers: 1000, shards: 1 });
      // 1,000 answers on one shard: every answer adds to the same overall tally item.
      expect(replay.hottestItem.key).toBe('TALLY#pulse-7#ALL#0|ALL');
      expect(replay.hottestPartition.wcu).toBeGreaterThan(PARTITION_WCU);
    },
    REPLAY_TIMEOUT_MS,
  );
});
