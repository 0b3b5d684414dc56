/**
 * Member visits repository: when each member last read their updates ("you said, we did").
 *
 * | access pattern        | key                                         | operation |
 * |-----------------------|---------------------------------------------|-----------|
 * | my last visit         | pk=`VISIT#<hmac(member)>`, sk=`UPDATES`     | Get       |
 * | record a visit        | same                                        | Put       |
 *
 * Keyed like votes, by `voterKeyOf(secret, member)`: the table never holds the email beside the
 * visit, and only the pulse function, which holds the secret, can find a member's item.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TTableRef } from './table.js';

export const visitKey = (member: string) => ({ pk: `VISIT#${member}`, sk: 'UPDATES' });

export class MemberVisitsRepository {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly table: TTableRef,
  ) {}

  async lastVisit(member: string): Promise<string | null> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.table.tableName, Key: visitKey(member) }),
    );
    return typeof Item?.at === 'string' ? Item.at : null;
  }

  async record(member: string, at: Date): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.table.tableName,
        Item: { ...visitKey(member), at: at.toISOString() },
      }),
    );
  }
}
