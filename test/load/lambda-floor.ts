/**
 * The floor of the fixed stack (`npm run bench`, lambda-init.ts): a Lambda of only hono,
 * `@aws-sdk/client-dynamodb` and `zod/mini`, one GetItem route and one parse. No Boucle bundle can
 * import faster than this one built with the same settings.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import * as z from 'zod/mini';

const ZItemParams = z.object({ id: z.string().check(z.maxLength(40)) });
const client = new DynamoDBClient({});

const app = new Hono();
app.get('/items/:id', async (c) => {
  const { id } = ZItemParams.parse(c.req.param());
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: id }, sk: { S: id } },
    }),
  );
  return c.json({ found: Item !== undefined });
});

export const handler = handle(app);
