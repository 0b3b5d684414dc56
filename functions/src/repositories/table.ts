/**
 * Boucle keeps everything in one DynamoDB table. This definition is the single source of truth:
 * the CDK stack builds the AWS table from it and `npm start` / the tests create the local one.
 *
 * | item                 | pk                             | sk                              | repository        |
 * |----------------------|--------------------------------|---------------------------------|-------------------|
 * | current directory    | `DIRECTORY`                    | `CURRENT`                       | directory.ts      |
 * | member               | `DIRECTORY#<version>`          | `MEMBER#<email>`                | directory.ts      |
 * | iteration (+ pulse)  | `ITERATIONS`                   | `ITERATION#<000001>`            | iterations.ts     |
 * | open iteration       | `ITERATIONS`                   | `OPEN`                          | iterations.ts     |
 * | receipt              | `RECEIPT#<hmac(member,pulse)>` | `RECEIPT`                       | responses.ts      |
 * | response (anonymous) | `RESPONSES#<pulseId>#<shard>`  | `<day>#<random id>`             | responses.ts      |
 * | tally shard          | `TALLY#<pulseId>`              | `<dimension>#<value>#<shard>`   | responses.ts      |
 *
 * No secondary index: every access pattern is a GetItem or a Query on one partition, listed at
 * the top of each repository.
 */
export const boucleTable = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
} as const;

export type TTableRef = { tableName: string };
