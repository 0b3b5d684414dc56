/**
 * Boucle keeps everything in one DynamoDB table. This definition is the single source of truth:
 * the CDK stack builds the AWS table from it and `npm start` / the tests create the local one.
 *
 * | item                 | pk                                           | sk                    | repository    |
 * |----------------------|----------------------------------------------|-----------------------|---------------|
 * | current directory    | `DIRECTORY`                                  | `CURRENT`             | directory.ts  |
 * | member               | `DIRECTORY#<version>`                        | `MEMBER#<email>`      | directory.ts  |
 * | roster import        | `DIRECTORY`                                  | `IMPORT#<id>`         | roster-imports.ts |
 * | its chunks' headcount| `DIRECTORY#IMPORT-<id>`                      | `CHUNK#<001>`         | roster-imports.ts |
 * | iteration (+ pulse)  | `ITERATIONS`                                 | `ITERATION#<000001>`  | iterations.ts |
 * | open iteration       | `ITERATIONS`                                 | `OPEN`                | iterations.ts |
 * | disclosure segment   | `DISCLOSURE#<iterationId>#<freeze>#<email>`  | `DISCLOSURE`          | disclosure.ts |
 * | receipt              | `RECEIPT#<hmac(member,pulse)>`               | `RECEIPT`             | responses.ts  |
 * | response (anonymous) | `RESPONSES#<pulseId>#<shard>`                | `<random id>`         | responses.ts  |
 * | tally shard          | `TALLY#<pulseId>#<ALL|dimension>#<shard>`    | `ALL` or `<value>`    | responses.ts  |
 * | release of results   | `RELEASE#<pulseId>`                          | `<000001>`            | releases.ts   |
 * | idea                 | `IDEAS#<000001>` (its iteration)             | `IDEA#<idea id>`      | ideas.ts      |
 * | vote                 | `VOTE#<idea id>`                             | `<hmac(member)>`      | ideas.ts      |
 * | idea comment         | `IDEA-COMMENTS#<idea id>`                    | `COMMENT#<comment id>`| idea-comments.ts |
 * | hide audit entry     | `IDEA-COMMENT-AUDIT`                         | `<at>#<comment id>`   | idea-comments.ts |
 * | usage convention     | `CONVENTIONS`                                | `CONVENTION#<id>`     | conventions.ts |
 * | last visit (updates) | `VISIT#<hmac(member)>`                       | `UPDATES`             | member-visits.ts |
 *
 * A disclosure segment is a member's (team, site, training level, ambassador) frozen when the
 * iteration opened, rare values pooled; a response holds that segment and its answers only — no
 * member, no day, nothing its receipt holds — under a random sort key. Tally groups are `ALL`
 * and each dimension, every shard its own partition keyed by disclosure value (ADR 21).
 *
 * Secondary indexes: `top` (sparse: only ideas carry `topPk`): an iteration's ideas sorted by
 * their `votes` number, so the most voted are read first by a Query, never a scan. A second,
 * `moderation` (only idea comments carry `queuePk`): comments by state, newest first, across
 * ideas, for the moderation queue. Every other access pattern is a GetItem or a Query on one partition, listed at the top of each repository.
 */
export const boucleTable = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    {
      indexName: 'top',
      partitionKey: { name: 'topPk', type: 'S' },
      sortKey: { name: 'votes', type: 'N' },
    },
    {
      indexName: 'moderation',
      partitionKey: { name: 'queuePk', type: 'S' },
      sortKey: { name: 'queueSk', type: 'S' },
    },
  ],
} as const;

export type TTableRef = { tableName: string };
