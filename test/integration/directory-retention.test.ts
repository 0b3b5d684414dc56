import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '@boucle/functions/clients/dynamodb';
import { DIRECTORY_RETENTION_DAYS, type TMember } from '@boucle/shared';
import { localApp } from './local-app.js';

const member = (email: string): TMember => ({
  email,
  name: email,
  team: 'Sales',
  site: 'Paris',
  trainingLevel: 'beginner',
  ambassador: false,
  role: 'employee',
});
const DAY = 24 * 3600 * 1000;

describe('superseded rosters', () => {
  it('are forgotten by the first import after the retention period, not before', async () => {
    const local = await localApp();
    const documents = createDocumentClient(local.client);
    /** Every stored member item, whatever its version: what the table still knows of people. */
    const storedEmails = async () => {
      const emails: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new QueryCommand({
            TableName: local.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'DIRECTORY' },
            ExclusiveStartKey: start,
          }),
        );
        start = page.LastEvaluatedKey;
        for (const item of page.Items ?? []) {
          if (typeof item.version !== 'string') continue;
          const members = await documents.send(
            new QueryCommand({
              TableName: local.tableName,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': `DIRECTORY#${item.version}` },
            }),
          );
          emails.push(...(members.Items ?? []).map((stored) => String(stored.member.email)));
        }
      } while (start);
      return emails.sort();
    };
    const start = new Date('2026-01-05T09:00:00Z');
    await local.deps.directory.replace(
      [member('left@example.com'), member('stays@example.com')],
      start,
    );
    const first = (await local.deps.directory.current())?.version;
    const later = new Date(start.getTime() + 2 * DAY);
    await local.deps.directory.replace([member('stays@example.com')], later);
    // Within the retention: the roster of 5 January is kept beside the current one.
    expect(await storedEmails()).toEqual([
      'left@example.com',
      'stays@example.com',
      'stays@example.com',
    ]);

    const afterRetention = new Date(later.getTime() + (DIRECTORY_RETENTION_DAYS + 1) * DAY);
    await local.deps.directory.replace(
      [member('stays@example.com'), member('new@example.com')],
      afterRetention,
    );
    // The roster superseded more than the retention ago is gone, its member items with it; the
    // one superseded today is kept, and the current one is whole.
    expect(await storedEmails()).toEqual([
      'new@example.com',
      'stays@example.com',
      'stays@example.com',
    ]);
    const forgotten = await documents.send(
      new QueryCommand({
        TableName: local.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `DIRECTORY#${first}` },
      }),
    );
    expect(forgotten.Count).toBe(0);
    expect((await local.deps.directory.members()).map((m) => m.email).sort()).toEqual([
      'new@example.com',
      'stays@example.com',
    ]);
    local.client.destroy();
  });
});
