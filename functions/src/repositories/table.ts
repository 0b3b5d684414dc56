/**
 * Boucle keeps everything in one DynamoDB table. This definition is the single source of truth:
 * the CDK stack builds the AWS table from it and `npm start` / the tests create the local one.
 *
 * | item                 | pk                                           | sk                    | repository    |
 * |----------------------|----------------------------------------------|-----------------------|---------------|
 * | current directory    | `DIRECTORY`                                  | `CURRENT`             | directory.ts  |
 * | member               | `DIRECTORY#<version>`                        | `MEMBER#<email>`      | directory.ts  |
 * | iteration (+ pulse)  | `ITERATIONS`                                 | `ITERATION#<000001>`  | iterations.ts |
 * | open iteration       | `ITERATIONS`                                 | `OPEN`                | iterations.ts |
 * | disclosure segment   | `DISCLOSURE#<iterationId>#<freeze>#<email>`  | `DISCLOSURE`          | disclosure.ts |
 * | receipt              | `RECEIPT#<hmac(member,pulse)>`               | `RECEIPT`             | responses.ts  |
 * | response (anonymous) | `RESPONSES#<pulseId>#<shard>`                | `<random id>`         | responses.ts  |
 * | tally shard          | `TALLY#<pulseId>`                            | `<group>#<shard>`     | responses.ts  |
 * | release of results   | `RELEASE#<pulseId>`                          | `<000001>`            | releases.ts   |
 *
 * A disclosure segment is a member's (team, site, training level, ambassador) frozen when the
 * iteration opened, rare values pooled; a response holds that segment and its answers only — no
 * member, no day, nothing its receipt holds — under a random sort key. Tally groups are `ALL`
 * and `<dimension>#<disclosure value>`.
 *
 * No secondary index: every access pattern is a GetItem or a Query on one partition, listed at
 * the top of each repository.
 */
export const boucleTable = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
} as const;

export type TTableRef = { tableName: string };
