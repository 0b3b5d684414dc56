/**
 * `npm run bench`: the hot-key replay (functions/src/testing/hot-key-replay.ts, also run by
 * `npm test`) at the configured shard count — 5,000 answers to one pulse taken as one second,
 * every transaction billed as AWS bills it — printing the hottest partition key and item.
 */
import '../../scripts/start/local-env.js';
import { readConfig } from '@boucle/functions/config';
import { replayBurst } from '@boucle/functions/testing/hot-key-replay';
import { writeFigures } from './figures.js';

const ANSWERS = 5000;
const shards = readConfig({ AUTH_ISSUER: 'bench', AUTH_AUDIENCE: 'boucle' }).TALLY_SHARDS;
const replay = await replayBurst({ answers: ANSWERS, shards });
console.log(`Hot-key replay: ${ANSWERS} answers to one pulse as one second, ${shards} shards\n`);
console.log(
  `calls per answer     ${replay.callsPerAnswer.max} (the process's first: ${replay.callsPerAnswer.first})`,
);
console.log(
  `hottest partition    ${replay.hottestPartition.key}  ${replay.hottestPartition.wcu} WCU/s`,
);
console.log(`hottest item         ${replay.hottestItem.key}  ${replay.hottestItem.wcu} WCU/s`);
console.log(`largest response     ${replay.largestResponseBytes} bytes`);
writeFigures('hot-keys', [
  {
    figure: 'Hottest partition key at 5,000 answers/s (WCU/s)',
    value: `${replay.hottestPartition.wcu} (${replay.hottestPartition.key})`,
    target: '≤ 1,000',
  },
  {
    figure: 'Hottest item at 5,000 answers/s (WCU/s)',
    value: `${replay.hottestItem.wcu} (${replay.hottestItem.key})`,
    target: '≤ 1,000',
  },
  {
    figure: 'DynamoDB calls per answer (replay)',
    value: String(replay.callsPerAnswer.max),
    target: '≤ 2',
  },
]);
